/**
 * Restore is exclusive: it never replaces a database another process has open, and a
 * restore killed at any point leaves either the old or the restored data — whole, and
 * openable — with its leftovers swept at the next start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { backupsDir } from '../../../src/server/backup/types';
import { tempDir, testApp, testHandlers } from '../helpers';
import { cliProcess, startHolder, type Holder } from './support';

const holders: Holder[] = [];
afterEach(() => {
  while (holders.length > 0) holders.pop()!.child.kill('SIGKILL');
});

async function cli(dataDir: string, ...argv: string[]) {
  let err = '';
  const code = await runCli([...argv, '--data-dir', dataDir], { out: () => undefined, err: (text) => (err += text) });
  return { code, err };
}

/** Backup holds ["Dinas Awal"]; the live data holds ["Dinas Awal", "Dinas Kemudian"]. */
async function seeded(): Promise<{ dir: string; backupId: string }> {
  const dir = tempDir();
  const app = testApp({ dataDir: dir });
  const api = testHandlers(app);
  await api['units:create']({ name: 'Dinas Awal', groupName: 'Perangkat Daerah', shortName: null, headName: null });
  const backup = await api['backup:create'](undefined);
  await api['units:create']({ name: 'Dinas Kemudian', groupName: 'Perangkat Daerah', shortName: null, headName: null });
  app.close();
  return { dir, backupId: backup.id };
}

async function unitNames(dir: string): Promise<string[]> {
  const app = testApp({ dataDir: dir });
  try {
    expect(app.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    return (await testHandlers(app)['units:list']({})).map((unit) => unit.name).sort();
  } finally {
    app.close();
  }
}

describe('exclusive restore', () => {
  it('refuses while another process has the database open, and changes nothing', async () => {
    const { dir, backupId } = await seeded();
    const reader = await startHolder(dir, 'reader');
    holders.push(reader);
    const refused = await cli(dir, 'restore', backupId);
    expect(refused.code).toBe(4);
    expect(refused.err).toMatch(/sedang dibuka oleh proses Patuh lain.*Pemulihan dibatalkan; data tidak diubah/s);
    reader.child.kill('SIGKILL');
    await reader.exited;
    expect(await unitNames(dir)).toEqual(['Dinas Awal', 'Dinas Kemudian']);
    const restored = await cli(dir, 'restore', backupId);
    expect(restored.code, restored.err).toBe(0);
    expect(await unitNames(dir)).toEqual(['Dinas Awal']);
  }, 60_000);

  it('killed at any point: old or restored data, whole; the lock and temp files are cleaned at the next start', async () => {
    for (const killAfterMs of [30, 120, 250, 400, 550, 700, 900, 1200]) {
      const { dir, backupId } = await seeded();
      const run = await cliProcess(['restore', backupId, '--data-dir', dir], { killAfterMs });
      const names = await unitNames(dir);
      expect([['Dinas Awal'], ['Dinas Awal', 'Dinas Kemudian']]).toContainEqual(names);
      // Killed or finished, the outcome is one of the two whole states; finished means restored.
      if (run.signal === null) expect(names).toEqual(['Dinas Awal']);
      // The start inside unitNames took the dead process's lock and swept its temp files.
      expect(fs.readdirSync(backupsDir(dir)).filter((name) => name.startsWith('.tmp-'))).toEqual([]);
      expect(fs.existsSync(path.join(dir, 'karantina'))).toBe(false);
    }
  }, 120_000);
});
