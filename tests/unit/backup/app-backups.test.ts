import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databasePath } from '../../../src/server/db/connection';
import { migrate, migrations } from '../../../src/server/db/migrations';
import { tempDir, testApp, testHandlers } from '../helpers';

async function waitForJob(api: ReturnType<typeof testHandlers>, id: string) {
  for (let i = 0; i < 500; i += 1) {
    const job = await api['jobs:get']({ id });
    if (job.status !== 'berjalan') return job;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('job did not finish');
}

describe('backups through the API', () => {
  it('restore brings back the backed-up state and leaves an undo backup that reverses it', async () => {
    const app = testApp();
    const api = testHandlers(app);
    await api['units:create']({ name: 'Dinas Sosial', groupName: 'Perangkat Daerah', shortName: null, headName: null });
    const backup = await api['backup:create'](undefined);
    expect(backup).toMatchObject({ verified: true, reason: 'manual' });
    expect((await api['backup:verify']({ id: backup.id })).ok).toBe(true);
    await api['units:create']({ name: 'Dinas Kesehatan', groupName: 'Perangkat Daerah', shortName: null, headName: null });
    const restored = await api['backup:restore']({ id: backup.id });
    expect((await api['units:list'](undefined)).map((unit) => unit.name)).toEqual(['Dinas Sosial']);
    expect(restored.undoBackupId).toBeTruthy();
    await api['backup:restore']({ id: restored.undoBackupId! });
    expect((await api['units:list'](undefined)).map((unit) => unit.name)).toEqual(['Dinas Kesehatan', 'Dinas Sosial']);
    await expect(api['backup:restore']({ id: 'tidak-ada.sqlite' })).rejects.toThrow(/tidak ditemukan/);
  });

  it('archives to a folder as a job with progress, verified manifest included', async () => {
    const app = testApp();
    const api = testHandlers(app);
    await api['units:create']({ name: 'Dinas Sosial', groupName: 'Perangkat Daerah', shortName: null, headName: null });
    const out = tempDir();
    const started = await api['backup:archive']({ outDir: out });
    const job = await waitForJob(api, started!.id);
    expect(job.status).toBe('selesai');
    const folder = fs.readdirSync(out).find((name) => name.startsWith('Patuh-Arsip-'))!;
    expect(fs.existsSync(path.join(out, folder, 'manifest.json'))).toBe(true);
    expect(fs.existsSync(path.join(out, folder, 'patuh.sqlite'))).toBe(true);
  });

  it('a corrupt database is quarantined at start and the newest verified backup is offered', async () => {
    const dir = tempDir();
    const first = testApp({ dataDir: dir });
    await testHandlers(first)['backup:create'](undefined);
    first.close();
    fs.writeFileSync(databasePath(dir), Buffer.alloc(8192, 7));
    const second = testApp({ dataDir: dir });
    const info = await testHandlers(second)['app:info'](undefined);
    expect(info.startStatus.status).toBe('quarantined');
    expect(info.startStatus.newestBackup?.verified).toBe(true);
    const quarantined = fs.readdirSync(path.join(dir, 'karantina'));
    expect(quarantined).toHaveLength(1);
    await testHandlers(second)['backup:restore']({ id: info.startStatus.newestBackup!.id });
    expect((await testHandlers(second)['app:info'](undefined)).startStatus.status).toBe('ok');
  });

  it('takes a verified backup before migrating an older database', () => {
    const dir = tempDir();
    fs.mkdirSync(dir, { recursive: true });
    const old = new Database(databasePath(dir));
    migrate(old, { steps: migrations.slice(0, 1) });
    old.prepare("INSERT INTO settings (key, value) VALUES ('operatorName', 'Lama')").run();
    old.close();
    const app = testApp({ dataDir: dir });
    const backups = fs.readdirSync(path.join(dir, 'backups')).filter((name) => name.endsWith('.sqlite'));
    expect(backups.some((name) => name.includes('sebelum-migrasi'))).toBe(true);
    expect(app.ctx.db.prepare("SELECT value FROM settings WHERE key = 'operatorName'").pluck().get()).toBe('Lama');
  });
});
