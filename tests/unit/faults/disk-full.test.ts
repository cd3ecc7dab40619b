/**
 * Disk full and I/O errors: the user gets a clear message, the database is unchanged,
 * and no partial files remain — on save, attach and backup.
 */
import type Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testApp, testHandlers } from '../helpers';

afterEach(() => vi.restoreAllMocks());

function contentHash(db: Database.Database): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  const hash = crypto.createHash('sha256');
  for (const table of tables) hash.update(JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).all()));
  return hash.digest('hex');
}

function filesUnder(dir: string): string[] {
  return fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]).map(String) : [];
}

function enospc(): NodeJS.ErrnoException {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
}

async function seed() {
  const app = testApp();
  const api = testHandlers(app);
  const pekppp = (await api['instruments:list'](undefined)).find((item) => item.code === 'pekppp-2022-a')!;
  const unit = await api['units:create']({ name: 'Dinas Sosial', groupName: 'Perangkat Daerah', shortName: null, headName: null });
  const period = await api['periods:create']({ year: 2026, instrumentIds: [pekppp.id], unitIds: [unit.id] });
  const checklist = await api['checklist:get']({ periodId: period.id, unitId: unit.id });
  const code = checklist.instruments[0]!.aspects[0]!.indicators[0]!.requirements[0]!.code;
  return { app, api, key: { periodId: period.id, unitId: unit.id, instrumentId: pekppp.id, requirementCode: code } };
}

describe('disk full', () => {
  it('on save: "Disk penuh" message, database content unchanged', async () => {
    const { app, api, key } = await seed();
    const pages = app.ctx.db.pragma('page_count', { simple: true }) as number;
    app.ctx.db.pragma(`max_page_count = ${pages}`);
    let failure: unknown;
    let beforeFailure = '';
    for (let i = 0; i < 200 && !failure; i += 1) {
      beforeFailure = contentHash(app.ctx.db);
      await api['checklist:add-requirement']({ periodId: key.periodId, instrumentId: key.instrumentId, indicatorCode: 'i01', text: `${'x'.repeat(280)} ${i}` }).catch((error: unknown) => (failure = error));
    }
    expect(String((failure as Error).message)).toMatch(/Disk penuh/);
    app.ctx.db.pragma('max_page_count = 1073741823');
    // The action that hit the full disk left nothing behind: not the requirement, not its history.
    expect(contentHash(app.ctx.db)).toBe(beforeFailure);
    expect(app.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('on attach: clear message, no row, no partial file', async () => {
    const { app, api, key } = await seed();
    const before = contentHash(app.ctx.db);
    const original = fs.promises.open;
    vi.spyOn(fs.promises, 'open').mockImplementation(async (...args: Parameters<typeof original>) => {
      const handle = await original(...args);
      if (String(args[0]).endsWith('.part')) {
        vi.spyOn(handle, 'write').mockRejectedValue(enospc());
        vi.spyOn(handle, 'writeFile').mockRejectedValue(enospc());
      }
      return handle;
    });
    const report = await api['evidence:upload']({ ...key, files: [{ name: 'SK.pdf', data: Buffer.from('%PDF-1.4 '.repeat(1000)) }] });
    expect(report.attached).toHaveLength(0);
    expect(report.rejected[0]!.message).toMatch(/Disk penuh/);
    expect(contentHash(app.ctx.db)).toBe(before);
    expect(filesUnder(path.join(app.dataDir, 'evidence')).filter((name) => /\.(pdf|part)$/.test(name))).toEqual([]);
  });

  it('on backup: clear message, no half backup left', async () => {
    const { app, api } = await seed();
    const before = contentHash(app.ctx.db);
    const write = fs.writeFileSync;
    vi.spyOn(fs, 'writeFileSync').mockImplementation((...args: Parameters<typeof write>) => {
      if (String(args[0]).includes(`${path.sep}backups${path.sep}`)) throw enospc();
      return write(...args);
    });
    await expect(api['backup:create'](undefined)).rejects.toThrow(/Disk penuh/);
    expect(filesUnder(path.join(app.dataDir, 'backups'))).toEqual([]);
    expect(contentHash(app.ctx.db)).toBe(before);
  });

  it('on export: clear message, no half workbook left', async () => {
    const { app, key } = await seed();
    const out = path.join(app.dataDir, 'ekspor-uji');
    fs.mkdirSync(out);
    const { exportRecap } = await import('../../../src/server/excel/exports');
    const { silentJob } = await import('../../../src/server/jobs/job');
    // The recap streams into its file: the disk fills up while it is being written.
    const createWriteStream = fs.createWriteStream;
    vi.spyOn(fs, 'createWriteStream').mockImplementation((...args: Parameters<typeof createWriteStream>) => {
      const stream = createWriteStream(...args);
      if (String(args[0]).startsWith(out)) stream._write = (_chunk, _encoding, callback) => callback(enospc());
      return stream;
    });
    await expect(exportRecap(app.ctx, { periodId: key.periodId, outFile: path.join(out, 'rekap.xlsx') }, silentJob())).rejects.toThrow(/penuh/);
    expect(fs.readdirSync(out)).toEqual([]);
  });
});
