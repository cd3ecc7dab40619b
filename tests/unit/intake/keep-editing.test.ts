/**
 * A unit keeps its kit workbook and edits it again after the office applied it (the
 * usual case: the same file lives in the synced folder all season). The next return is
 * judged against what the unit already sent: no false conflicts for rows and F-01
 * indicators applied earlier, while a real change by the office after the apply is still
 * a conflict.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepLeftovers } from '../../../src/server/backup';
import { applyIntake } from '../../../src/server/intake/apply';
import { ScanIndex } from '../../../src/server/intake/scan-index';
import { scanIntake } from '../../../src/server/intake/scan';
import { INTAKE_STAGING_DIR } from '../../../src/server/intake/staging';
import { silentJob } from '../../../src/server/jobs/job';
import type { WorkbookSnapshot } from '../../../src/server/excel/forms/snapshot';
import { f01Row, fillWorkbook, findIn, seedIntake, type IntakeSeed } from './support';

let seed: IntakeSeed;
const index = new ScanIndex();
const snapshots = new Map<string, WorkbookSnapshot | string>();
beforeAll(async () => {
  seed = await seedIntake();
  await seed.exportAll();
});
afterAll(() => seed.close());

const unitId = () => seed.unitIds[2];
const workbook = () => findIn(path.join(seed.collection, 'Kit 2026 - Dinas Pendidikan'), /\.xlsx$/u);
const inboxOfUnit = async () => (await scanIntake(seed.ctx, { periodId: seed.periodId, from: [seed.collection] }, index, snapshots, silentJob())).inbox.units.find((unit) => unit.unitId === unitId())!;
const apply = (overwriteConflicts = false) => applyIntake(seed.ctx, { periodId: seed.periodId, from: [seed.collection], overwriteConflicts, unitIds: [unitId()] }, { index, snapshots }, silentJob());

describe('a unit that keeps editing its workbook after an apply', () => {
  let first: { instrumentId: number; requirementCode: string };

  it('first return: a status, a note and an F-01 level are applied', async () => {
    await fillWorkbook(workbook(), ({ isian, f01 }) => {
      isian.getCell(2, 7).value = 'Menunggu verifikasi';
      isian.getCell(2, 8).value = 'https://drive.google.com/file/d/pertama';
      isian.getCell(2, 10).value = 'SK sudah diunggah';
      f01.getCell(2, 3).value = 'Ani';
      f01.getCell(f01Row(f01, 1), 6).value = 3;
      f01.getCell(f01Row(f01, 1), 7).value = 'Maklumat sudah dipasang';
    });
    const unit = await inboxOfUnit();
    expect(unit.conflicts).toEqual([]);
    first = { instrumentId: unit.changes[0]!.instrumentId, requirementCode: unit.changes[0]!.requirementCode };
    expect((await apply()).units).toEqual([expect.objectContaining({ applied: true, levels: 1, skippedConflicts: 0 })]);
  });

  it('second return of the same workbook: only the new edits, no conflict for what was applied', async () => {
    await fillWorkbook(workbook(), ({ isian, f01 }) => {
      isian.getCell(3, 10).value = 'Dokumen menyusul minggu depan';
      f01.getCell(f01Row(f01, 1), 6).value = 4;
      f01.getCell(f01Row(f01, 1), 7).value = 'Maklumat dipasang dan dievaluasi';
    });
    const unit = await inboxOfUnit();
    expect(unit.conflicts).toEqual([]);
    expect(unit.changes.map((change) => [change.row, change.field])).toEqual([[3, 'note']]);
    expect(unit.levels).toEqual([expect.objectContaining({ number: 1, from: 3, to: 4, conflict: null })]);
    expect((await apply()).units).toEqual([expect.objectContaining({ applied: true, changes: 1, levels: 1, skippedConflicts: 0 })]);
    const assessment = await seed.api['assessment:get']({ periodId: seed.periodId, unitId: unitId() });
    expect(assessment.aspects.flatMap((aspect) => aspect.indicators).find((indicator) => indicator.number === 1)!.selfLevel).toBe(4);
  });

  it('the office changes an applied row and level afterwards: untouched rows stay quiet, a new unit edit there is a conflict', async () => {
    await seed.api['checklist:set-note']({ periodId: seed.periodId, unitId: unitId(), ...first, note: 'Catatan Bagian Organisasi' });
    const indicator = (await seed.api['assessment:get']({ periodId: seed.periodId, unitId: unitId() })).aspects.flatMap((aspect) => aspect.indicators).find((entry) => entry.number === 1)!;
    await seed.api['assessment:set']({ periodId: seed.periodId, unitId: unitId(), indicatorCode: indicator.code, verified: false, level: 2, elements: [], overrideReason: '', justification: 'Dinilai ulang oleh Bagian Organisasi' });
    // The unit edits another row only: the office's changes stand, nothing is a conflict.
    await fillWorkbook(workbook(), ({ isian }) => void (isian.getCell(4, 10).value = 'Baris empat'));
    const quiet = await inboxOfUnit();
    expect(quiet.conflicts).toEqual([]);
    expect(quiet.levels).toEqual([]);
    expect(quiet.changes.map((change) => [change.row, change.field])).toEqual([[4, 'note']]);
    // Now the unit edits the row and the indicator the office changed: real conflicts.
    await fillWorkbook(workbook(), ({ isian, f01 }) => {
      isian.getCell(2, 10).value = 'Unit menulis ulang catatan';
      f01.getCell(f01Row(f01, 1), 6).value = 5;
    });
    const clash = await inboxOfUnit();
    expect(clash.conflicts.map((conflict) => [conflict.requirementCode, conflict.field])).toEqual([[first.requirementCode, 'note']]);
    expect(clash.levels).toEqual([expect.objectContaining({ number: 1, to: 5, conflict: expect.stringMatching(/Bagian Organisasi mengubah/u) })]);
  });
});

describe('staging of zipped kits', () => {
  it('what an apply cut off left in the staging area is removed at the next start', () => {
    const leftover = path.join(seed.app.ctx.dataDir, INTAKE_STAGING_DIR, 'a1b2c3d4');
    fs.mkdirSync(leftover, { recursive: true });
    fs.writeFileSync(path.join(leftover, '0.bin'), 'setengah');
    expect(sweepLeftovers(seed.app.ctx.dataDir).intakeStaging).toBe(1);
    expect(fs.existsSync(leftover)).toBe(false);
  });
});
