import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyIntake } from '../../../src/server/intake/apply';
import type { KitManifest } from '../../../src/server/intake/kit-manifest';
import { ScanIndex } from '../../../src/server/intake/scan-index';
import { scanIntake } from '../../../src/server/intake/scan';
import { silentJob } from '../../../src/server/jobs/job';
import type { WorkbookSnapshot } from '../../../src/server/excel/forms/snapshot';
import { dbHash } from '../excel-forms/support';
import { f01Row, fillWorkbook, findIn, pdfWith, seedIntake, type IntakeSeed } from './support';

let seed: IntakeSeed;
let index: ScanIndex;
const snapshots = new Map<string, WorkbookSnapshot | string>();
beforeAll(async () => {
  seed = await seedIntake();
  await seed.exportAll();
  index = new ScanIndex();
});
afterAll(() => seed.close());

const kitDir = (name: string) => path.join(seed.collection, `Kit 2026 - ${name}`);
const manifestOf = (name: string) => JSON.parse(fs.readFileSync(path.join(kitDir(name), 'patuh-kit.json'), 'utf8')) as KitManifest;
const scan = () => scanIntake(seed.ctx, { periodId: seed.periodId, from: [seed.collection] }, index, snapshots, silentJob());
const apply = (extra: Partial<Parameters<typeof applyIntake>[1]> = {}) =>
  applyIntake(seed.ctx, { periodId: seed.periodId, from: [seed.collection], overwriteConflicts: false, ...extra }, { index, snapshots }, silentJob());

describe('scan and apply of returned kits', () => {
  it('an untouched collection folder has nothing new', async () => {
    const { inbox } = await scan();
    expect(inbox.units).toHaveLength(3);
    expect(inbox.units.every((unit) => unit.state === 'kosong')).toBe(true);
    expect(inbox.newCount).toBe(0);
  });

  it('files dropped into folders, system and half-synced files, misplaced and rejected files are sorted', async () => {
    const manifest = manifestOf('Dinas Sosial');
    const [first, second] = manifest.folders;
    const dir = kitDir('Dinas Sosial');
    fs.writeFileSync(path.join(dir, first!.path, 'SK Standar Pelayanan.pdf'), pdfWith('sk'));
    fs.writeFileSync(path.join(dir, second!.path, 'Foto.pdf'), pdfWith('foto'));
    fs.writeFileSync(path.join(dir, second!.path, 'Salinan foto.pdf'), pdfWith('foto'));
    fs.writeFileSync(path.join(dir, first!.path, '~$Laporan.docx'), 'lock');
    fs.writeFileSync(path.join(dir, first!.path, 'upload.pdf.tmp'), pdfWith('half'));
    fs.writeFileSync(path.join(dir, first!.path, 'kosong.pdf'), '');
    fs.writeFileSync(path.join(dir, first!.path, 'desktop.ini'), '[x]');
    fs.writeFileSync(path.join(dir, 'Lepas di akar.pdf'), pdfWith('akar'));
    const evil = Buffer.alloc(512);
    evil.write('MZ', 0, 'latin1');
    evil.writeUInt32LE(0x80, 0x3c);
    evil.write('PE\0\0', 0x80, 'latin1');
    fs.writeFileSync(path.join(dir, first!.path, 'Laporan.pdf'), evil);
    fs.symlinkSync('/etc', path.join(dir, first!.path, 'tautan'));
    const { inbox } = await scan();
    const unit = inbox.units.find((entry) => entry.unitId === seed.unitIds[0])!;
    expect(unit.newFiles.map((file) => file.name).sort()).toEqual(['Foto.pdf', 'SK Standar Pelayanan.pdf']);
    expect(unit.duplicates).toEqual([expect.objectContaining({ name: 'Salinan foto.pdf', kind: 'unit-ini' })]);
    expect(unit.misplaced).toEqual([expect.objectContaining({ name: 'Lepas di akar.pdf', where: 'akar-kit' })]);
    expect(unit.rejected.map((entry) => entry.name).sort()).toEqual(['Laporan.pdf', 'tautan']);
    expect(unit.rejected.find((entry) => entry.name === 'Laporan.pdf')!.reason).toMatch(/program/u);
    expect(unit.waiting).toBe(4);
    expect(unit.state).toBe('perlu-tinjau');
  });

  it('workbook statuses, links and F-01 levels appear in the inbox and follow the unit rules', async () => {
    const file = findIn(kitDir('Dinas Kesehatan'), /\.xlsx$/u);
    await fillWorkbook(file, ({ isian, f01 }) => {
      isian.getCell(2, 7).value = 'Menunggu verifikasi';
      isian.getCell(2, 8).value = 'https://drive.google.com/file/d/abc';
      isian.getCell(3, 7).value = 'Terverifikasi';
      f01.getCell(2, 3).value = 'Budi Santoso';
      f01.getCell(f01Row(f01, 1), 6).value = 4;
      f01.getCell(f01Row(f01, 1), 7).value = 'SK sudah terbit';
    });
    const { inbox } = await scan();
    const unit = inbox.units.find((entry) => entry.unitId === seed.unitIds[1])!;
    expect(unit.sender).toBe('Budi Santoso');
    expect(unit.changes.map((change) => change.field).sort()).toEqual(['link', 'status']);
    expect(unit.errors).toEqual([expect.objectContaining({ row: 3, message: expect.stringMatching(/hanya dapat diberikan oleh Bagian Organisasi|hanya diberikan oleh Bagian Organisasi/u) })]);
    expect(unit.levels).toEqual([expect.objectContaining({ number: 1, from: null, to: 4, conflict: null })]);
    expect(unit.state).toBe('perlu-tinjau');
  });

  it('apply of clean units only: one backup, files with provenance, a refused unit unchanged; rescan finds nothing new', async () => {
    // Dinas Pendidikan: a clean kit with one file and an F-01 level chosen via elements.
    const manifest = manifestOf('Dinas Pendidikan');
    fs.writeFileSync(path.join(kitDir('Dinas Pendidikan'), manifest.folders[2]!.path, 'Dokumen.pdf'), pdfWith('pendidikan'));
    const file = findIn(kitDir('Dinas Pendidikan'), /\.xlsx$/u);
    await fillWorkbook(file, ({ f01 }) => {
      f01.getCell(2, 3).value = 'Ani';
      f01.getCell(f01Row(f01, 2), 6).value = 3;
      f01.getCell(f01Row(f01, 2), 8).value = 'Sudah ada tiga kegiatan';
    });
    const before = dbHash(seed.ctx);
    const result = await apply({ unitIds: [seed.unitIds[1]] });
    expect(result.units).toEqual([expect.objectContaining({ unitId: seed.unitIds[1], applied: false, refused: expect.stringMatching(/kesalahan/u) })]);
    expect(result.backupId).toBeNull();
    expect(dbHash(seed.ctx)).toBe(before);

    const all = await apply();
    expect(all.backupId).toMatch(/sebelum-impor/);
    expect(all.units).toEqual([expect.objectContaining({ unitId: seed.unitIds[2], applied: true, files: 1, levels: 1 })]);
    const checklist = await seed.api['checklist:get']({ periodId: seed.periodId, unitId: seed.unitIds[2] });
    const requirement = checklist.instruments.flatMap((i) => i.aspects.flatMap((a) => a.indicators.flatMap((x) => x.requirements))).find((r) => r.code === manifest.folders[2]!.requirementCode)!;
    expect(requirement.status).toBe('menunggu_verifikasi');
    expect(requirement.evidence.map((item) => item.originalName)).toEqual(['Dokumen.pdf']);
    expect(requirement.evidence[0]!.createdBy).toBe('Ani (kiriman unit)');
    const assessment = await seed.api['assessment:get']({ periodId: seed.periodId, unitId: seed.unitIds[2] });
    const second = assessment.aspects.flatMap((a) => a.indicators).find((indicator) => indicator.number === 2)!;
    expect(second.selfLevel).toBe(3);
    expect(second.verifiedLevel).toBeNull();
    const rescan = await scan();
    expect(rescan.inbox.units.find((unit) => unit.unitId === seed.unitIds[2])!.state).toBe('kosong');
  });

  it('a placed misplaced file and the conflict-free part of a unit apply when the office chooses it', async () => {
    const { inbox } = await scan();
    const unit = inbox.units.find((entry) => entry.unitId === seed.unitIds[0])!;
    const target = manifestOf('Dinas Sosial').folders[5]!;
    const result = await apply({ unitIds: [seed.unitIds[0]], placements: [{ unitId: seed.unitIds[0], path: unit.misplaced[0]!.path, instrumentId: target.instrumentId, requirementCode: target.requirementCode }], tokens: { [String(seed.unitIds[0])]: unit.token } });
    expect(result.units).toEqual([expect.objectContaining({ applied: true, files: 3 })]);
    const again = await scan();
    const after = again.inbox.units.find((entry) => entry.unitId === seed.unitIds[0])!;
    expect(after.newFiles).toEqual([]);
    expect(after.misplaced).toEqual([]);
  });

  it('a workbook saved as a sync copy "(1)" is read when the named one is gone', async () => {
    const dir = kitDir('Dinas Pendidikan');
    const named = findIn(dir, /\.xlsx$/u);
    const copy = named.replace(/\.xlsx$/u, ' (1).xlsx');
    fs.renameSync(named, copy);
    await fillWorkbook(copy, ({ f01 }) => {
      f01.getCell(f01Row(f01, 5), 6).value = 2;
    });
    const unit = (await scan()).inbox.units.find((entry) => entry.unitId === seed.unitIds[2])!;
    expect(unit.levels).toEqual([expect.objectContaining({ number: 5, to: 2 })]);
    expect(unit.misplaced).toEqual([]);
  });
});
