import path from 'node:path';
import type ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { applyFormImport, exportForm, previewFormImport, type Change } from '../../../src/server/excel/forms';
import { silentJob } from '../../../src/server/jobs/job';
import type { ChecklistRequirement } from '../../../src/shared/types';
import { dbHash, editForm, rowOf, seed, type Seeded } from './support';

let open: Seeded[] = [];
afterEach(() => {
  for (const seeded of open) seeded.close();
  open = [];
});

async function seeded(): Promise<Seeded> {
  const result = await seed();
  open.push(result);
  return result;
}

async function exported(s: Seeded): Promise<string> {
  const outFile = path.join(s.dir, 'formulir.xlsx');
  await exportForm(s.ctx, { periodId: s.periodId, unitId: s.unitId, outFile }, silentJob());
  return outFile;
}

const brief = (changes: Change[]) => changes.map(({ requirementCode, field, before, after }) => ({ requirementCode, field, before, after }));
const sorted = <T extends { requirementCode: string; field: string }>(list: T[]) =>
  [...list].sort((a, b) => `${a.requirementCode}:${a.field}`.localeCompare(`${b.requirementCode}:${b.field}`));
const essentials = (r: ChecklistRequirement) => ({ status: r.status, reason: r.reason, note: r.note, evidence: r.evidence.map((e) => [e.url, e.documentDate]) });

/** Before export: one requirement sent back with a formula-like note, one with a link already. */
async function prepareState(s: Seeded) {
  const all = await s.requirements();
  const [r0, r1, r2, r3, r4, r5] = all as [ChecklistRequirement, ChecklistRequirement, ChecklistRequirement, ChecklistRequirement, ChecklistRequirement, ChecklistRequirement];
  await s.api['checklist:set-note']({ ...s.keyOf(r0), note: '=SUM(A1:A9)' });
  await s.api['checklist:set-status']({ ...s.keyOf(r0), status: 'perlu_perbaikan', reason: 'Dokumen kedaluwarsa' });
  await s.api['evidence:link']({ ...s.keyOf(r1), url: 'https://drive.google.com/lama' });
  return { all, r0, r1, r2, r3, r4, r5 };
}

function unitEdits(all: ChecklistRequirement[], r: Awaited<ReturnType<typeof prepareState>>) {
  return (sheet: ExcelJS.Worksheet) => {
    const cell = (requirement: ChecklistRequirement, column: string) => sheet.getCell(`${column}${rowOf(all, requirement)}`);
    cell(r.r0, 'H').value = 'https://drive.google.com/perbaikan';
    cell(r.r1, 'H').value = 'https://drive.google.com/lama';
    cell(r.r2, 'G').value = 'Menunggu verifikasi';
    cell(r.r2, 'H').value = 'https://drive.google.com/file/d/sk-2026';
    cell(r.r2, 'I').value = new Date(Date.UTC(2026, 2, 15));
    cell(r.r3, 'G').value = 'Tidak berlaku';
    cell(r.r3, 'J').value = 'Layanan ini tidak ada di unit kami';
    cell(r.r4, 'H').value = 'https://dinsos.contoh.go.id/maklumat.pdf';
    cell(r.r4, 'I').value = '01/04/2026';
    cell(r.r5, 'J').value = 'Sudah diunggah ke Drive bersama';
  };
}

function expectedChanges(r: Awaited<ReturnType<typeof prepareState>>) {
  const c = (req: ChecklistRequirement, field: string, before: string, after: string) => ({ requirementCode: req.code, field, before, after });
  return sorted([
    c(r.r0, 'link', '', 'https://drive.google.com/perbaikan'),
    c(r.r0, 'status', 'Perlu perbaikan', 'Menunggu verifikasi'),
    c(r.r2, 'link', '', 'https://drive.google.com/file/d/sk-2026'),
    c(r.r2, 'documentDate', '', '2026-03-15'),
    c(r.r2, 'status', 'Belum ada', 'Menunggu verifikasi'),
    c(r.r3, 'status', 'Belum ada', 'Tidak berlaku'),
    c(r.r3, 'note', '', 'Layanan ini tidak ada di unit kami'),
    c(r.r4, 'link', '', 'https://dinsos.contoh.go.id/maklumat.pdf'),
    c(r.r4, 'documentDate', '', '2026-04-01'),
    c(r.r4, 'status', 'Belum ada', 'Menunggu verifikasi'),
    c(r.r5, 'note', '', 'Sudah diunggah ke Drive bersama'),
  ]);
}

describe('workbook round trip', () => {
  it('previews exactly the unit’s edits and applies exactly those, with history', async () => {
    const s = await seeded();
    const r = await prepareState(s);
    const file = await exported(s);
    const filled = await editForm(file, path.join(s.dir, 'terisi.xlsx'), unitEdits(r.all, r));
    const hash = dbHash(s.ctx);
    const before = await s.requirements();

    const preview = await previewFormImport(s.ctx, { file: filled, periodId: s.periodId, unitId: s.unitId }, silentJob());
    expect(preview).toMatchObject({ ok: true, errors: [], conflicts: [], unit: { id: s.unitId, name: 'Dinas Sosial' }, period: { id: s.periodId, year: 2026 } });
    expect(sorted(brief(preview.changes))).toEqual(expectedChanges(r));
    expect(preview.unchanged).toBe(r.all.length - 5);
    expect(dbHash(s.ctx)).toBe(hash);

    const result = await applyFormImport(s.ctx, { file: filled, token: preview.token }, silentJob());
    expect(result).toEqual({ applied: preview.changes.length, skipped: 0, backupId: expect.stringMatching(/sebelum-impor/) });
    const after = await s.requirements();
    const touched = new Set([r.r0, r.r2, r.r3, r.r4, r.r5].map((item) => item.code));
    after.forEach((item, index) => {
      if (!touched.has(item.code)) expect(essentials(item)).toEqual(essentials(before[index]!));
    });
    const find = (req: ChecklistRequirement) => essentials(after.find((item) => item.code === req.code && item.instrumentId === req.instrumentId)!);
    expect(find(r.r0)).toEqual({ status: 'menunggu_verifikasi', reason: '', note: '=SUM(A1:A9)', evidence: [['https://drive.google.com/perbaikan', null]] });
    expect(find(r.r2)).toEqual({ status: 'menunggu_verifikasi', reason: '', note: '', evidence: [['https://drive.google.com/file/d/sk-2026', '2026-03-15']] });
    expect(find(r.r3)).toEqual({ status: 'tidak_berlaku', reason: 'Layanan ini tidak ada di unit kami', note: 'Layanan ini tidak ada di unit kami', evidence: [] });
    expect(find(r.r4)).toEqual({ status: 'menunggu_verifikasi', reason: '', note: '', evidence: [['https://dinsos.contoh.go.id/maklumat.pdf', '2026-04-01']] });
    expect(find(r.r5)).toMatchObject({ status: 'belum_ada', note: 'Sudah diunggah ke Drive bersama' });

    const history = await s.api['checklist:history'](s.keyOf(r.r2));
    expect(history.map((entry) => entry.action)).toEqual(expect.arrayContaining(['import', 'status', 'evidence-added']));
    expect(history.find((entry) => entry.action === 'status')!.detail).toMatchObject({ cause: 'impor buku kerja' });
    expect(history.find((entry) => entry.action === 'import')!.summary).toMatch(/Diperbarui dari buku kerja isian/);

    const again = await previewFormImport(s.ctx, { file: filled }, silentJob());
    expect(again).toMatchObject({ ok: true, changes: [], conflicts: [], errors: [] });
  });

  it('reads a sorted sheet by row number, so the same edits come through', async () => {
    const s = await seeded();
    const r = await prepareState(s);
    const file = await exported(s);
    const filled = await editForm(file, path.join(s.dir, 'terurut.xlsx'), (sheet) => {
      unitEdits(r.all, r)(sheet);
      const values = Array.from({ length: r.all.length }, (_, i) => sheet.getRow(i + 2).values);
      values.reverse().forEach((row, i) => void (sheet.getRow(i + 2).values = row));
    });
    const preview = await previewFormImport(s.ctx, { file: filled }, silentJob());
    expect(preview.errors).toEqual([]);
    expect(sorted(brief(preview.changes))).toEqual(expectedChanges(r));
    // r0 was the first data row; after sorting it is the last one, and the preview says so.
    expect(preview.changes.find((change) => change.requirementCode === r.r0.code)!.row).toBe(r.all.length + 1);
  });

  it('reports edits to requirements changed in Patuh since export as conflicts; skips them unless told to overwrite', async () => {
    const s = await seeded();
    const [, , , , , , a, b, c, d] = await s.requirements();
    const all = await s.requirements();
    const file = await exported(s);
    await s.api['checklist:set-note']({ ...s.keyOf(a!), note: 'Dicek kantor: kurang tanda tangan' });
    // Terverifikasi needs evidence: the office links the unit's document first.
    await s.api['evidence:link']({ ...s.keyOf(c!), url: 'https://drive.google.com/kantor-c' });
    await s.api['checklist:set-status']({ ...s.keyOf(c!), status: 'terverifikasi' });
    await s.api['checklist:set-status']({ ...s.keyOf(d!), status: 'menunggu_verifikasi' });
    const filled = await editForm(file, path.join(s.dir, 'konflik.xlsx'), (sheet) => {
      sheet.getCell(`J${rowOf(all, a!)}`).value = 'Catatan dari unit';
      sheet.getCell(`G${rowOf(all, b!)}`).value = 'Menunggu verifikasi';
      sheet.getCell(`G${rowOf(all, c!)}`).value = 'Menunggu verifikasi';
      sheet.getCell(`G${rowOf(all, d!)}`).value = 'Menunggu verifikasi';
    });
    const preview = await previewFormImport(s.ctx, { file: filled }, silentJob());
    expect(preview.ok).toBe(true);
    expect(brief(preview.changes)).toEqual([{ requirementCode: b!.code, field: 'status', before: 'Belum ada', after: 'Menunggu verifikasi' }]);
    expect(sorted(preview.conflicts).map(({ requirementCode, field, before, after, exported }) => ({ requirementCode, field, before, after, exported }))).toEqual(
      sorted([
        { requirementCode: a!.code, field: 'note', before: 'Dicek kantor: kurang tanda tangan', after: 'Catatan dari unit', exported: '' },
        { requirementCode: c!.code, field: 'status', before: 'Terverifikasi', after: 'Menunggu verifikasi', exported: 'Belum ada' },
      ]),
    );
    // Counted per requirement, however many fields of it differ.
    expect([preview.changedRequirements, preview.conflictRequirements]).toEqual([1, 2]);
    expect(await applyFormImport(s.ctx, { file: filled, token: preview.token }, silentJob())).toEqual({ applied: 1, skipped: 2, backupId: expect.stringMatching(/sebelum-impor/) });
    const read = async (req: ChecklistRequirement) => (await s.requirements()).find((item) => item.code === req.code && item.instrumentId === req.instrumentId)!;
    expect((await read(a!)).note).toBe('Dicek kantor: kurang tanda tangan');
    expect((await read(c!)).status).toBe('terverifikasi');
    expect((await read(b!)).status).toBe('menunggu_verifikasi');

    await expect(applyFormImport(s.ctx, { file: filled, token: preview.token, resolveConflicts: 'overwrite' }, silentJob())).rejects.toThrow(/Data berubah sejak pratinjau; ulangi impor/);
    const second = await previewFormImport(s.ctx, { file: filled }, silentJob());
    expect(second.changes).toEqual([]);
    expect(second.conflicts).toHaveLength(2);
    expect(await applyFormImport(s.ctx, { file: filled, token: second.token, resolveConflicts: 'overwrite' }, silentJob())).toEqual({ applied: 2, skipped: 0, backupId: expect.stringMatching(/sebelum-impor/) });
    expect((await read(a!)).note).toBe('Catatan dari unit');
    expect((await read(c!)).status).toBe('menunggu_verifikasi');
  });
});
