/**
 * Excel at scale, each against a raw baseline measured in the same run:
 * the recap vs exceljs writing the same cells, a unit package vs copying the same files,
 * and importing 50 returned workbooks.
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { exportRecap, exportUnitPackage } from '../../src/server/excel/exports';
import { applyFormImport, exportForm, previewFormImport } from '../../src/server/excel/forms';
import { silentJob } from '../../src/server/jobs/job';
import type { BenchContext } from '../main';
import { measure, withRatio, type Measurement } from '../measure';

async function recapRows(bench: BenchContext): Promise<Measurement[]> {
  const { latestPeriodId } = bench.dataset;
  let counter = 0;
  const out = () => path.join(bench.workDir, `rekap-${(counter += 1)}.xlsx`);
  const recap = await measure('Ekspor rekap pemda (semua unit)', 3, () => exportRecap(bench.app.ctx, { periodId: latestPeriodId, outFile: out() }, silentJob()));
  const source = new ExcelJS.Workbook();
  await source.xlsx.readFile(path.join(bench.workDir, 'rekap-1.xlsx'));
  // The same cells: every value with its style (fonts, fills, borders, number formats),
  // so the ratio shows what Patuh adds on top of exceljs, not the cost of styling itself.
  const sheets = source.worksheets.map((sheet) => {
    const cells: Array<{ address: string; value: ExcelJS.CellValue; style: Partial<ExcelJS.Style> }> = [];
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => cells.push({ address: cell.address, value: cell.value, style: cell.style })),
    );
    return { name: sheet.name, cells, widths: sheet.columns.map((column) => column.width) };
  });
  const raw = await measure('Baku: exceljs menulis sel yang sama (nilai + gaya)', 3, async () => {
    const workbook = new ExcelJS.Workbook();
    for (const sheet of sheets) {
      const target = workbook.addWorksheet(sheet.name);
      sheet.widths.forEach((width, index) => (target.getColumn(index + 1).width = width ?? 10));
      for (const cell of sheet.cells) {
        const into = target.getCell(cell.address);
        into.value = cell.value;
        into.style = cell.style;
      }
    }
    await workbook.xlsx.writeFile(out());
  });
  return [raw, withRatio(recap, raw, 'time', '≤ 1,3×', (ratio) => ratio <= 1.3)];
}

/** One entry per linked copy, as the package writes them (a file used twice is copied twice). */
function unitFiles(bench: BenchContext, unitId: number): string[] {
  return (
    bench.app.ctx.db
      .prepare(
        `SELECT b.stored_path FROM evidence e JOIN blobs b ON b.sha256 = e.blob_sha256
         JOIN checklist_evidence l ON l.evidence_id = e.id JOIN checklist_items i ON i.id = l.item_id
         WHERE i.period_id = ? AND e.unit_id = ? AND e.deleted_at IS NULL`,
      )
      .pluck()
      .all(bench.dataset.latestPeriodId, unitId) as string[]
  );
}

async function packageFor(bench: BenchContext, unitId: number, label: string): Promise<Measurement[]> {
  const files = unitFiles(bench, unitId);
  const bytes = files.reduce((total, file) => total + fs.statSync(path.join(bench.dataDir, file)).size, 0);
  const size = `${files.length} salinan, ${(bytes / 1024 / 1024).toFixed(0)} MB`;
  let counter = 0;
  const pack = await measure(`Ekspor paket ${label} (${size})`, 3, async () => {
    const dir = path.join(bench.workDir, `paket-${unitId}-${(counter += 1)}`);
    fs.mkdirSync(dir);
    await exportUnitPackage(bench.app.ctx, { periodId: bench.dataset.latestPeriodId, unitId, outDir: dir }, silentJob());
  });
  const raw = await measure(`Baku: salin ${size} ke folder`, 3, async () => {
    const dir = path.join(bench.workDir, `salin-${unitId}-${(counter += 1)}`);
    fs.mkdirSync(dir);
    for (const [index, file] of files.entries()) await fs.promises.copyFile(path.join(bench.dataDir, file), path.join(dir, `${index}${path.extname(file)}`));
  });
  return [raw, withRatio(pack, raw, 'throughput', '≥ 0,8×', (ratio) => ratio >= 0.8)];
}

async function packageRows(bench: BenchContext): Promise<Measurement[]> {
  const { unitIds } = bench.dataset;
  return [...(await packageFor(bench, unitIds[1]!, 'unit biasa')), ...(await packageFor(bench, unitIds[0]!, 'unit berkas besar'))];
}

async function importRows(bench: BenchContext): Promise<Measurement[]> {
  const { latestPeriodId, unitIds } = bench.dataset;
  const count = Math.min(50, unitIds.length);
  const forms: Array<{ unitId: number; file: string }> = [];
  for (const unitId of unitIds.slice(0, count)) {
    const file = path.join(bench.workDir, `form-${unitId}.xlsx`);
    await exportForm(bench.app.ctx, { periodId: latestPeriodId, unitId, outFile: file }, silentJob());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Isian')!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const link = header.indexOf('Tautan bukti');
    const note = header.indexOf('Catatan');
    for (let row = 2; row <= 11; row += 1) {
      sheet.getRow(row).getCell(link).value = `https://drive.google.com/bukti/${unitId}/${row}`;
      sheet.getRow(row).getCell(note).value = `Dikirim ulang oleh unit, baris ${row}`;
    }
    await workbook.xlsx.writeFile(file);
    forms.push({ unitId, file });
  }
  const result = await measure(`Impor ${count} workbook isian (pratinjau + terapkan)`, 1, async () => {
    for (const form of forms) {
      const preview = await previewFormImport(bench.app.ctx, { file: form.file, periodId: latestPeriodId, unitId: form.unitId }, silentJob());
      if (!preview.ok) throw new Error(preview.rejected?.message ?? preview.errors[0]?.message ?? 'pratinjau gagal');
      await applyFormImport(bench.app.ctx, { file: form.file, token: preview.token, periodId: latestPeriodId, unitId: form.unitId }, silentJob());
    }
  }, { warmup: false });
  return [{ ...result, note: `${(result.medianMs / count).toFixed(0)} ms per workbook` }];
}

export async function excelOperations(bench: BenchContext): Promise<Measurement[]> {
  bench.log('Mengukur: rekap, paket unit, impor workbook');
  return [...(await recapRows(bench)), ...(await packageRows(bench)), ...(await importRows(bench))];
}
