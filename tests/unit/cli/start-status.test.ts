/**
 * Every host tells the start status: the CLI never answers from an empty database after a
 * quarantine. It prints the quarantine folder, the newest verified backup and the exact
 * restore command on stderr and exits 3 — on every start until the operator restores (or
 * deliberately starts empty).
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { databasePath } from '../../../src/server/db/connection';
import { tempDir } from '../helpers';

async function cli(dataDir: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli([...argv, '--data-dir', dataDir], { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

async function damagedWithBackup(): Promise<{ dir: string; backupId: string }> {
  const dir = tempDir();
  expect((await cli(dir, 'units', 'add', '--name', 'Dinas Sosial')).code).toBe(0);
  const backup = JSON.parse((await cli(dir, 'backup', 'create', '--json')).out) as { id: string };
  fs.writeFileSync(databasePath(dir), Buffer.alloc(8192, 7));
  return { dir, backupId: backup.id };
}

describe('CLI start status', () => {
  it('a quarantine is told on stderr with the restore command and exit 3, never as an empty list', async () => {
    const { dir, backupId } = await damagedWithBackup();
    const first = await cli(dir, 'units', 'list', '--json');
    expect(first.code).toBe(3);
    expect(first.out).toBe('');
    expect(first.err).toMatch(/dipindahkan \(tidak dihapus\) ke folder karantina: .*karantina/);
    expect(first.err).toContain(`Cadangan terverifikasi terbaru: ${backupId}`);
    expect(first.err).toContain(`npm run cli -- restore ${backupId} --data-dir "${dir}"`);
    // The next start still refuses (no empty database was created in between) and points to karantina.
    const second = await cli(dir, 'units', 'list', '--json');
    expect(second.code).toBe(3);
    expect(second.out).toBe('');
    expect(second.err).toMatch(/basis data sebelumnya ada di karantina/);
    expect(fs.readdirSync(path.join(dir, 'karantina'))).toHaveLength(1);
    expect(fs.existsSync(databasePath(dir))).toBe(false);

    // A restore that fails (no such archive) leaves the folder as it found it: still unsettled.
    const failed = await cli(dir, 'restore', path.join(dir, 'tidak-ada'));
    expect(failed.code).not.toBe(0);
    expect(fs.existsSync(databasePath(dir))).toBe(false);
    expect((await cli(dir, 'units', 'list', '--json')).code).toBe(3);

    const restored = await cli(dir, 'restore', backupId);
    expect(restored.code, restored.err).toBe(0);
    const listed = await cli(dir, 'units', 'list', '--json');
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.out) as Array<{ name: string }>).map((unit) => unit.name)).toEqual(['Dinas Sosial']);
  });

  it('--start-empty is the deliberate way to begin again', async () => {
    const { dir } = await damagedWithBackup();
    expect((await cli(dir, 'units', 'list')).code).toBe(3);
    const empty = await cli(dir, 'units', 'list', '--json', '--start-empty');
    expect(empty.code).toBe(0);
    expect(JSON.parse(empty.out)).toEqual([]);
  });

  it('user_version -5 is refused with its own message and nothing is changed or quarantined', async () => {
    const dir = tempDir();
    expect((await cli(dir, 'units', 'add', '--name', 'Dinas Sosial')).code).toBe(0);
    const db = new Database(databasePath(dir));
    db.pragma('user_version = -5');
    db.close();
    const before = fs.readFileSync(databasePath(dir));
    const result = await cli(dir, 'units', 'list');
    expect(result.code).not.toBe(0);
    expect(result.err).toMatch(/versi skema yang tidak valid \(-5\)/);
    expect(result.err).not.toMatch(/already exists/);
    expect(fs.existsSync(path.join(dir, 'karantina'))).toBe(false);
    expect(fs.readFileSync(databasePath(dir)).equals(before)).toBe(true);
  });

  it('backup list --json includes each backup\'s SHA-256 and its last verification', async () => {
    const dir = tempDir();
    const created = JSON.parse((await cli(dir, 'backup', 'create', '--json')).out) as { id: string };
    const before = JSON.parse((await cli(dir, 'backup', 'list', '--json')).out) as Array<Record<string, unknown>>;
    expect(before[0]).toMatchObject({ id: created.id, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), lastVerification: null });
    expect((await cli(dir, 'backup', 'verify', created.id)).code).toBe(0);
    const after = JSON.parse((await cli(dir, 'backup', 'list', '--json')).out) as Array<Record<string, unknown>>;
    expect(after.find((entry) => entry['id'] === created.id)).toMatchObject({ lastVerification: { ok: true, problems: [], at: expect.any(String) } });
  });
});
