/**
 * Hostile returns: dangerous zips, links out of a kit, floods of files, kits of another
 * database, unit or year, and forged manifests. Each is refused with an Indonesian
 * reason, nothing is written outside the store, and a refused unit's data is unchanged.
 */
import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyIntake } from '../../../src/server/intake/apply';
import type { KitManifest } from '../../../src/server/intake/kit-manifest';
import { ScanIndex } from '../../../src/server/intake/scan-index';
import { scanIntake } from '../../../src/server/intake/scan';
import { silentJob } from '../../../src/server/jobs/job';
import { exportKits } from '../../../src/server/intake/export-kit';
import type { WorkbookSnapshot } from '../../../src/server/excel/forms/snapshot';
import { dbHash } from '../excel-forms/support';
import { rawZip } from '../excel-forms/raw-zip';
import { findIn, pdfWith, seedIntake, type IntakeSeed } from './support';

let seed: IntakeSeed;
let other: IntakeSeed;
const snapshots = new Map<string, WorkbookSnapshot | string>();
beforeAll(async () => {
  [seed, other] = await Promise.all([seedIntake(), seedIntake()]);
  await seed.exportAll();
});
afterAll(() => {
  seed.close();
  other.close();
});

const scanOf = async (from: string[]) => (await scanIntake(seed.ctx, { periodId: seed.periodId, from }, new ScanIndex(), snapshots, silentJob())).inbox;
const kitDir = (name: string) => path.join(seed.collection, `Kit 2026 - ${name}`);
const manifestOf = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'patuh-kit.json'), 'utf8')) as KitManifest;

function yazlZip(add: (zip: yazl.ZipFile) => void): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  add(zip);
  zip.end();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

function dropZip(name: string, data: Buffer): string {
  const dir = path.join(seed.dir, 'zips');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

describe('hostile returned kits', () => {
  it('a zip bomb is refused before anything is inflated', async () => {
    const bomb = await yazlZip((zip) => zip.addBuffer(Buffer.alloc(16 * 1024 * 1024), 'Kit/P01.1/bom.pdf', { compress: true }));
    const [unit] = (await scanOf([dropZip('bom.zip', bomb)])).units;
    expect(unit).toMatchObject({ state: 'ditolak', refused: expect.stringMatching(/bom ZIP/u) });
  });

  it('../ and absolute entry names refuse the whole zip', async () => {
    for (const name of ['Kit/../../keluar.pdf', '/etc/keluar.pdf', 'C:/Windows/keluar.pdf']) {
      const file = dropZip(`jalur-${name.length}.zip`, rawZip([{ name, data: pdfWith('x') }]));
      const [unit] = (await scanOf([file])).units;
      expect(unit, name).toMatchObject({ state: 'ditolak', refused: expect.stringMatching(/berbahaya|rusak/u) });
    }
    expect(fs.existsSync(path.join(seed.dir, 'keluar.pdf'))).toBe(false);
  });

  it('a symlink entry in a zip kit and a symlink in a kit folder are never followed', async () => {
    const dir = kitDir('Dinas Sosial');
    const manifest = manifestOf(dir);
    const secret = path.join(seed.dir, 'rahasia');
    fs.mkdirSync(secret, { recursive: true });
    fs.writeFileSync(path.join(secret, 'gaji.pdf'), pdfWith('rahasia'));
    fs.symlinkSync(secret, path.join(dir, manifest.folders[0]!.path, 'pintasan'));
    fs.symlinkSync(path.join(secret, 'gaji.pdf'), path.join(dir, manifest.folders[1]!.path, 'gaji.pdf'));
    const inbox = await scanOf([seed.collection]);
    const unit = inbox.units.find((entry) => entry.unitId === seed.unitIds[0])!;
    expect(unit.rejected.map((entry) => entry.name).sort()).toEqual(['gaji.pdf', 'pintasan']);
    expect(unit.newFiles).toEqual([]);
    const zip = await yazlZip((file) => {
      file.addBuffer(Buffer.from(JSON.stringify(manifest)), 'Kit/patuh-kit.json');
      file.addBuffer(Buffer.from('/etc/passwd'), `Kit/${manifest.folders[0]!.path}/passwd.pdf`, { mode: 0o120777 });
    });
    const [zipped] = (await scanOf([dropZip('tautan.zip', zip)])).units;
    expect(zipped!.rejected).toEqual([expect.objectContaining({ name: 'passwd.pdf', reason: expect.stringMatching(/Tautan simbolik/u) })]);
    expect(zipped!.newFiles).toEqual([]);
  });

  it('10,000 files in one folder are scanned (each checked, none lost)', async () => {
    const dir = kitDir('Dinas Kesehatan');
    const folder = path.join(dir, manifestOf(dir).folders[0]!.path);
    for (let n = 0; n < 10_000; n += 1) fs.writeFileSync(path.join(folder, `foto-${n}.txt`), `foto ${n}`);
    const inbox = await scanOf([seed.collection]);
    const unit = inbox.units.find((entry) => entry.unitId === seed.unitIds[1])!;
    expect(unit.newFiles).toHaveLength(10_000);
    fs.rmSync(folder, { recursive: true });
    fs.mkdirSync(folder);
  }, 120_000);

  it('kits of another database, another year and another unit are refused; the database is unchanged', async () => {
    const foreign = await exportKits(other.ctx, { periodId: other.periodId, outDir: path.join(seed.dir, 'asing'), zip: false, unitIds: [other.unitIds[0]] }, silentJob());
    const instruments = await seed.api['instruments:list'](undefined);
    const lastYear = await seed.api['periods:create']({ year: 2025, instrumentIds: [instruments.find((item) => item.code === 'pekppp-2022-a')!.id], unitIds: [seed.unitIds[0]] });
    const old = await exportKits(seed.ctx, { periodId: lastYear.id, outDir: path.join(seed.dir, 'lama'), zip: false }, silentJob());
    // Another unit: Dinas Pendidikan's workbook placed in Dinas Sosial's kit under Dinas Sosial's workbook name.
    const swapped = path.join(seed.dir, 'tukar');
    fs.cpSync(kitDir('Dinas Sosial'), swapped, { recursive: true, verbatimSymlinks: true });
    fs.copyFileSync(findIn(kitDir('Dinas Pendidikan'), /\.xlsx$/u), findIn(swapped, /\.xlsx$/u));
    const before = dbHash(seed.ctx);
    const inbox = await scanOf([foreign.kits[0]!.path, old.kits[0]!.path, swapped]);
    const refused = Object.fromEntries(inbox.units.map((unit) => [unit.source.path, unit.refused]));
    expect(refused[foreign.kits[0]!.path]).toMatch(/data Patuh lain/u);
    expect(refused[old.kits[0]!.path]).toMatch(/tahun penilaian 2025, bukan 2026/u);
    expect(refused[swapped]).toMatch(/Buku kerja ini untuk unit "Dinas Pendidikan"/u);
    const result = await applyIntake(seed.ctx, { periodId: seed.periodId, from: [foreign.kits[0]!.path, old.kits[0]!.path, swapped], overwriteConflicts: true, unitIds: [seed.unitIds[0]] }, { index: new ScanIndex(), snapshots }, silentJob());
    expect(result.backupId).toBeNull();
    expect(result.units.every((unit) => !unit.applied)).toBe(true);
    expect(dbHash(seed.ctx)).toBe(before);
  });

  it('a forged manifest (folder pointed at another requirement) refuses the kit', async () => {
    const copy = path.join(seed.dir, 'palsu');
    fs.cpSync(kitDir('Dinas Pendidikan'), copy, { recursive: true });
    const manifest = manifestOf(copy);
    manifest.folders[0] = { ...manifest.folders[0]!, requirementCode: manifest.folders[1]!.requirementCode };
    fs.writeFileSync(path.join(copy, 'patuh-kit.json'), JSON.stringify(manifest));
    const [unit] = (await scanOf([copy])).units;
    expect(unit).toMatchObject({ state: 'ditolak', refused: expect.stringMatching(/diubah setelah diekspor/u) });
  });

  it('hostile file names are stored sanitised and nothing lands outside the store', async () => {
    const dir = kitDir('Dinas Pendidikan');
    const folder = path.join(dir, manifestOf(dir).folders[0]!.path);
    fs.writeFileSync(path.join(folder, 'CON.pdf'), pdfWith('con'));
    fs.writeFileSync(path.join(folder, `laporan ${'x'.repeat(200)}.pdf:evil`), pdfWith('ads'));
    const result = await applyIntake(seed.ctx, { periodId: seed.periodId, from: [seed.collection], overwriteConflicts: false, unitIds: [seed.unitIds[2]] }, { index: new ScanIndex(), snapshots }, silentJob());
    expect(result.units).toEqual([expect.objectContaining({ applied: true, files: 2 })]);
    const names = (await seed.api['evidence:library']({ unitId: seed.unitIds[2] })).map((item) => item.originalName!).sort();
    // A reserved device name is prefixed; the NTFS stream suffix is dropped and the name cut to the store's limit.
    expect(names[0]).toBe('_CON.pdf');
    expect(names[1]).toMatch(/^laporan x+\.pdf$/u);
    expect(names[1]!.length).toBeLessThanOrEqual(120);
    expect(fs.readdirSync(seed.dir).sort()).toEqual(['Drive', 'asing', 'data', 'lama', 'palsu', 'rahasia', 'tukar', 'zips']);
  });
});
