import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { applyFormImport, exportForm, formFileName, previewFormImport } from '../../../src/server/excel/forms';
import { silentJob } from '../../../src/server/jobs/job';
import { unzipAll } from './raw-zip';
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

async function exported(s: Seeded, name = 'formulir.xlsx'): Promise<string> {
  const outFile = path.join(s.dir, name);
  expect((await exportForm(s.ctx, { periodId: s.periodId, unitId: s.unitId, outFile }, silentJob())).rows).toBe((await s.requirements()).length);
  return outFile;
}

describe('exported form', () => {
  it('has a status dropdown, date validation, protection, a very hidden key sheet and formula-safe text', async () => {
    const s = await seeded();
    const all = await s.requirements();
    await s.api['checklist:set-note']({ ...s.keyOf(all[0]!), note: '=HYPERLINK("http://jahat.example","klik")' });
    const file = await exported(s);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((sheet) => [sheet.name, sheet.state])).toEqual([['Petunjuk', 'visible'], ['Isian', 'visible'], ['_kunci', 'veryHidden']]);
    const form = workbook.getWorksheet('Isian')!;
    expect(form.getRow(1).values).toEqual([undefined, 'No', 'Instrumen', 'Aspek/Dimensi', 'Indikator', 'Bukti dukung', 'Status saat ini', 'Status', 'Tautan bukti', 'Tanggal dokumen', 'Catatan']);
    const last = all.length + 1;
    for (const row of [2, last]) {
      expect(form.getCell(`G${row}`).dataValidation).toMatchObject({ type: 'list', formulae: [expect.stringContaining('Menunggu verifikasi')] });
      expect(form.getCell(`I${row}`).dataValidation).toMatchObject({ type: 'date' });
      for (const column of ['G', 'H', 'I', 'J']) expect(form.getCell(`${column}${row}`).protection).toMatchObject({ locked: false });
      for (const column of ['A', 'E', 'F']) expect(form.getCell(`${column}${row}`).protection?.locked).not.toBe(false);
    }
    // exceljs reads sheet protection back but does not declare it in its typings.
    const protection = (form as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true, autoFilter: true });
    expect(protection['insertRows']).toBeFalsy();
    expect(protection['deleteRows']).toBeFalsy();
    expect(form.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(form.autoFilter).toBeTruthy();
    const note = form.getCell(`J${rowOf(all, all[0]!)}`);
    // Shown exactly as typed (no apostrophe), kept as text by the Text format, never a formula.
    expect(note.value).toBe('=HYPERLINK("http://jahat.example","klik")');
    expect(note.numFmt).toBe('@');
    expect(note.formula).toBeUndefined();
    const parts = new Map((await unzipAll(fs.readFileSync(file))).map((entry) => [entry.name, entry.data.toString('utf8')]));
    expect(parts.get('xl/workbook.xml')).toContain('<workbookProtection lockStructure="1"/>');
    expect([...parts.values()].some((xml) => xml.includes('<f>'))).toBe(false);
    const guide = workbook.getWorksheet('Petunjuk')!.getColumn(1).values.join('\n');
    for (const phrase of ['http:// atau https://', 'Menunggu verifikasi', 'abu-abu', 'Bagian Organisasi', '24/11/2026']) expect(guide).toContain(phrase);
    // The secret is stored once per database and reused.
    const secret = s.ctx.db.prepare("SELECT value FROM settings WHERE key = 'internal.formSecret'").pluck().get();
    await exported(s, 'kedua.xlsx');
    expect(s.ctx.db.prepare("SELECT value FROM settings WHERE key = 'internal.formSecret'").pluck().get()).toBe(secret);
    expect(formFileName('Dinas Sosial / UPT', 2026)).toBe('Formulir isian 2026 - Dinas Sosial UPT.xlsx');
    // Unchanged round trip: the formula-like note reads back as the same text, not an edit.
    expect(await previewFormImport(s.ctx, { file }, silentJob())).toMatchObject({ ok: true, changes: [], conflicts: [] });
  });
});

describe('import guards', () => {
  it('refuses a form exported by another database, writing nothing (not even a secret)', async () => {
    const origin = await seeded();
    const file = await exported(origin);
    const other = await seeded();
    const hash = dbHash(other.ctx);
    const preview = await previewFormImport(other.ctx, { file }, silentJob());
    expect(preview.rejected?.message).toMatch(/tidak dibuat dari data Patuh ini/);
    expect(dbHash(other.ctx)).toBe(hash);
  });

  it('refuses apply when the file changed after preview, and when rows have errors', async () => {
    const s = await seeded();
    const all = await s.requirements();
    const file = await exported(s);
    const filled = await editForm(file, path.join(s.dir, 'a.xlsx'), (sheet) => void (sheet.getCell(`G${rowOf(all, all[2]!)}`).value = 'Menunggu verifikasi'));
    const preview = await previewFormImport(s.ctx, { file: filled }, silentJob());
    await editForm(filled, filled, (sheet) => void (sheet.getCell(`G${rowOf(all, all[3]!)}`).value = 'Menunggu verifikasi'));
    const hash = dbHash(s.ctx);
    await expect(applyFormImport(s.ctx, { file: filled, token: preview.token }, silentJob())).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/Data berubah sejak pratinjau/) });
    const bad = await editForm(file, path.join(s.dir, 'b.xlsx'), (sheet) => {
      sheet.getCell(`G${rowOf(all, all[2]!)}`).value = 'Menunggu verifikasi';
      sheet.getCell(`H${rowOf(all, all[4]!)}`).value = 'ftp://server/berkas.pdf';
    });
    const badPreview = await previewFormImport(s.ctx, { file: bad }, silentJob());
    expect(badPreview).toMatchObject({ ok: false, errors: [{ row: rowOf(all, all[4]!), column: 'Tautan bukti', cell: `H${rowOf(all, all[4]!)}` }] });
    expect(badPreview.changes).toHaveLength(1);
    await expect(applyFormImport(s.ctx, { file: bad, token: badPreview.token }, silentJob())).rejects.toMatchObject({ code: 'VALIDATION', details: [expect.stringMatching(/^Baris \d+, kolom Tautan bukti: /)] });
    expect(dbHash(s.ctx)).toBe(hash);
  });

  it('flags edits to a requirement hidden after export, and accepts bytes from an upload', async () => {
    const s = await seeded();
    const all = await s.requirements();
    const file = await exported(s);
    const target = all[1]!;
    await s.api['checklist:hide-requirement']({ periodId: s.periodId, instrumentId: target.instrumentId, requirementCode: target.code, reason: 'Tidak relevan' });
    const filled = await editForm(file, path.join(s.dir, 'c.xlsx'), (sheet) => void (sheet.getCell(`J${rowOf(all, target)}`).value = 'Sudah ada'));
    const preview = await previewFormImport(s.ctx, { file: { name: 'c.xlsx', data: new Uint8Array(fs.readFileSync(filled)) } }, silentJob());
    expect(preview.errors).toEqual([expect.objectContaining({ row: rowOf(all, target), message: expect.stringMatching(/sudah tidak dipakai/) })]);
  });

  it('stops when the job is cancelled, before anything is read into the database', async () => {
    const s = await seeded();
    const file = await exported(s);
    const controller = new AbortController();
    controller.abort();
    const hash = dbHash(s.ctx);
    await expect(previewFormImport(s.ctx, { file }, { signal: controller.signal, progress: () => undefined })).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(dbHash(s.ctx)).toBe(hash);
  });
});
