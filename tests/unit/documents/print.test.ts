/**
 * What an office gets on paper, checked through LibreOffice (the client nobody here
 * wrote): page counts of the recap, hostile text shown exactly as typed and never a
 * formula after LibreOffice re-opens and re-saves the workbook.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportGapReport, exportRecap, exportUnitPackage } from '../../../src/server/excel/exports';
import { exportGapList } from '../../../src/server/excel/exports/gap-list';
import { exportForm } from '../../../src/server/excel/forms';
import { silentJob } from '../../../src/server/jobs/job';
import { tempDir } from '../helpers';
import { readWorkbook } from '../excel-exports/read-back';
import { convert, pdfPages, seedOffice, soffice } from './office';

const HOSTILE = ['+62 812-3456-7890', '-5 kursi rusak', '=HYPERLINK("http://x.invalid","klik")', '@SUM(1+1)', '=1+1'];

async function bigYear(units: number) {
  const seeded = await seedOffice();
  const { api } = seeded;
  const templates = await api['units:templates'](undefined);
  await api['units:bulk-create']({ names: templates.map((template) => template.name) });
  for (const extra of (await api['units:list']({})).slice(units)) await api['units:archive']({ id: extra.id });
  const all = await api['units:list']({});
  await api['periods:set-scope']({ periodId: seeded.period.id, add: all.map((unit) => unit.id), remove: [] });
  for (const unit of all.slice(2, 12)) await api['assessment:set']({ periodId: seeded.period.id, unitId: unit.id, indicatorCode: 'i01', level: 3 });
  return { ...seeded, all };
}

async function hostileNotes(seeded: Awaited<ReturnType<typeof seedOffice>>) {
  const { api, period, unit } = seeded;
  const checklist = await api['checklist:get']({ periodId: period.id, unitId: unit.id });
  const requirements = checklist.instruments[0]!.aspects[1]!.indicators.flatMap((indicator) => indicator.requirements);
  for (const [index, note] of HOSTILE.entries()) {
    const requirement = requirements[index]!;
    await api['checklist:set-note']({ periodId: period.id, unitId: unit.id, instrumentId: requirement.instrumentId, requirementCode: requirement.code, note });
  }
}

describe.skipIf(!soffice)('printed through LibreOffice', () => {
  it('the recap of 31 units prints on at most 6 pages (gap list not in its print area)', async () => {
    const seeded = await bigYear(31);
    expect(seeded.all).toHaveLength(31);
    const result = await exportRecap(seeded.app.ctx, { periodId: seeded.period.id, outFile: path.join(tempDir(), 'Rekap 31 unit.xlsx') }, silentJob());
    const pages = pdfPages(convert(result.path, 'pdf'));
    expect(pages).toBeGreaterThan(1);
    expect(pages).toBeLessThanOrEqual(6);
  }, 300_000);

  it('formula-looking text is shown exactly as typed and is never a formula after LibreOffice re-saves it', async () => {
    const seeded = await seedOffice();
    await hostileNotes(seeded);
    const result = await exportGapList(seeded.app.ctx, { periodId: seeded.period.id, outFile: path.join(tempDir(), 'Daftar kekurangan.xlsx') }, silentJob());
    const csv = fs.readFileSync(convert(result.path, 'csv:Text - txt - csv (StarCalc):44,34,76,1'), 'utf8');
    for (const text of HOSTILE) {
      expect(csv).toContain(text.includes('"') ? `"${text.replace(/"/gu, '""')}"` : text);
      expect(csv).not.toContain(`'${text}`);
    }
    const resaved = await readWorkbook(convert(result.path, 'xlsx'));
    const cells: ExcelJS.Cell[] = [];
    resaved.worksheets[0]!.eachRow((row) => row.eachCell((cell) => void cells.push(cell)));
    expect(cells.filter((cell) => cell.type === ExcelJS.ValueType.Formula)).toEqual([]);
    const shown = new Set(cells.map((cell) => String(cell.value)));
    for (const text of HOSTILE) expect(shown.has(text), text).toBe(true);
  }, 300_000);

  it('the unit package workbook and the gap report convert to PDF with their kop', async () => {
    const seeded = await seedOffice();
    const dir = tempDir();
    const pkg = await exportUnitPackage(seeded.app.ctx, { periodId: seeded.period.id, unitId: seeded.unit.id, outDir: dir }, silentJob());
    const workbook = fs.readdirSync(pkg.path).find((name) => name.endsWith('.xlsx'))!;
    expect(pdfPages(convert(path.join(pkg.path, workbook), 'pdf'))).toBeGreaterThan(0);
    const gaps = await exportGapReport(seeded.app.ctx, { periodId: seeded.period.id, unitId: seeded.unit.id, outFile: path.join(dir, 'Kesenjangan.xlsx') }, silentJob());
    expect(pdfPages(convert(gaps.path, 'pdf'))).toBeGreaterThan(0);
  }, 300_000);

  it('the fillable form prints its input sheet on A4 landscape, one page wide', async () => {
    const seeded = await seedOffice();
    const file = path.join(tempDir(), 'Formulir.xlsx');
    await exportForm(seeded.app.ctx, { periodId: seeded.period.id, unitId: seeded.unit.id, outFile: file }, silentJob());
    const sheet = (await readWorkbook(file)).getWorksheet('Isian')!;
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, printTitlesRow: '1:1' });
    const pdf = convert(file, 'pdf');
    // 10 columns on one page width: far fewer pages than the 21 Letter pages of 3 columns each.
    expect(pdfPages(pdf)).toBeLessThan(21);
  }, 300_000);
});
