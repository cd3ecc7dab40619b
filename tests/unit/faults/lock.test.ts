/**
 * One writer per data folder: while an app process holds the folder, every command that
 * writes is refused with the holder's PID and start time, reads still work (read-only),
 * and a lock left by a killed process is taken over.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { startApp } from '../../../src/server/app';
import { LOCK_INFO_FILE } from '../../../src/server/lock/data-lock';
import { AppError } from '../../../src/shared/result';
import { RESOURCES, tempDir, testApp, testHandlers } from '../helpers';
import { startHolder, type Holder } from './support';

const holders: Holder[] = [];
afterEach(() => {
  while (holders.length > 0) holders.pop()!.child.kill('SIGKILL');
});

async function cli(dataDir: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli([...argv, '--data-dir', dataDir], { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

async function seeded(): Promise<{ dir: string; backupId: string }> {
  const dir = tempDir();
  const app = testApp({ dataDir: dir });
  const api = testHandlers(app);
  const unit = await api['units:create']({ name: 'Dinas Awal', groupName: 'Perangkat Daerah', shortName: null, headName: null });
  const pekppp = (await api['instruments:list'](undefined)).find((item) => item.code === 'pekppp-2022-a')!;
  await api['periods:create']({ year: 2026, instrumentIds: [pekppp.id], unitIds: [unit.id] });
  const backup = await api['backup:create'](undefined);
  app.close();
  return { dir, backupId: backup.id };
}

async function hold(dir: string): Promise<Holder> {
  const holder = await startHolder(dir, 'app');
  holders.push(holder);
  return holder;
}

const LOCKED = /Data sedang dibuka oleh Patuh \(PID (\d+)\) sejak .+; tutup aplikasi terlebih dahulu/;

describe('data-folder lock', () => {
  it('refuses writes, restore and import from the CLI while the app holds the folder; the app keeps every later edit', async () => {
    const { dir, backupId } = await seeded();
    const app = await hold(dir);
    expect(await app.ask('add Dinas Sesudah Cadangan')).toBe('ok 2');

    for (const argv of [
      ['units', 'add', '--name', 'Dinas CLI'],
      ['restore', backupId],
      ['import', 'form', path.join(dir, 'kembali.xlsx')],
      ['backup', 'create'],
    ]) {
      const result = await cli(dir, ...argv);
      expect(result.code, argv.join(' ')).toBe(4);
      expect(result.err).toMatch(LOCKED);
      expect(LOCKED.exec(result.err)![1]).toBe(String(app.pid));
    }
    // The app went on writing to the one live file: nothing was replaced under it.
    expect(await app.ask('add Dinas Setelah Penolakan')).toBe('ok 3');
    await app.ask('quit').catch(() => undefined);
    await app.exited;
    const after = testApp({ dataDir: dir });
    const names = (await testHandlers(after)['units:list']({})).map((unit) => unit.name).sort();
    expect(names).toEqual(['Dinas Awal', 'Dinas Sesudah Cadangan', 'Dinas Setelah Penolakan']);
  }, 60_000);

  it('lets reads, scores and exports run read-only while the app holds the folder', async () => {
    const { dir } = await seeded();
    const app = await hold(dir);
    await app.ask('add Dinas Kedua');
    const listed = await cli(dir, 'units', 'list', '--json');
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.out) as Array<{ name: string }>).map((unit) => unit.name)).toContain('Dinas Kedua');
    expect(listed.err).toMatch(/hanya-baca/);
    const backups = await cli(dir, 'backup', 'list', '--json');
    expect(backups.code).toBe(0);
    const score = await cli(dir, 'score', '--period', '2026', '--json');
    expect(score.code, score.err).toBe(0);
    const out = path.join(tempDir(), 'rekap.xlsx');
    const recap = await cli(dir, 'export', 'recap', '--period', '2026', '--out', out);
    expect(recap.code, recap.err).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(0);
  }, 60_000);

  it('refuses a second app on the same folder, in this process or another', async () => {
    const { dir } = await seeded();
    const app = await hold(dir);
    let error: unknown;
    try {
      startApp({ dataDir: dir, resourcesDir: RESOURCES, host: 'electron', appVersion: 'test' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('DATA_LOCKED');
    expect((error as AppError).message).toContain(`PID ${app.pid}`);
  }, 60_000);

  it('takes over a lock left by a killed process', async () => {
    const { dir } = await seeded();
    const app = await hold(dir);
    app.child.kill('SIGKILL');
    await app.exited;
    // The killed holder could not remove its record: it is still there, naming a dead PID.
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_INFO_FILE), 'utf8'))).toMatchObject({ pid: app.pid });
    const started = startApp({ dataDir: dir, resourcesDir: RESOURCES, host: 'cli', appVersion: 'test' });
    expect(started.lock?.takenOverFrom?.pid).toBe(app.pid);
    expect(started.lock?.holder.pid).toBe(process.pid);
    started.close();
    expect(fs.existsSync(path.join(dir, LOCK_INFO_FILE))).toBe(false);
    const written = await cli(dir, 'units', 'add', '--name', 'Dinas Baru');
    expect(written.code).toBe(0);
  }, 60_000);
});
