/**
 * Excel at scale, each against a raw baseline measured in the same run:
 * the recap vs exceljs writing the same cells, a unit package vs copying the same files
 * (plus, for an ordinary unit, exceljs writing the same package sheets), and importing
 * 50 returned workbooks.
 */
import ExcelJS from 'exceljs';
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { exportRecap, exportUnitPackage } from '../../src/server/excel/exports';
import { writeRecap } from '../../src/server/excel/exports/recap';
import { loadRecapData } from '../../src/server/excel/exports/recap-data';
import { applyFormImport, exportForm, previewFormImport } from '../../src/server/excel/forms';
import { silentJob } from '../../src/server/jobs/job';
import { repoResourcesDir } from '../../src/server/paths';
import { waitForQuietDisk } from '../dataset';
import type { BenchContext } from '../main';
import { measure, measureInTurn, summarize, withRatio, type Measurement } from '../measure';
import { judged } from '../targets';
import { freshStart, oneChange } from './one-change';

interface SheetCells {
  name: string;
  cells: Array<{ address: string; value: ExcelJS.CellValue; style: Partial<ExcelJS.Style>; merged: boolean }>;
  widths: Array<number | undefined>;
  heights: Array<[number, number]>;
  rowStyles: Array<[number, Partial<ExcelJS.Style>]>;
  merges: string[];
  conditionalFormats: ExcelJS.ConditionalFormattingOptions[];
  images: Array<{ media: number; range: ExcelJS.ImageRange }>;
  pageSetup: Partial<ExcelJS.PageSetup>;
  views: Array<Partial<ExcelJS.WorksheetView>>;
  headerFooter: Partial<ExcelJS.HeaderFooter>;
}

interface BookCells {
  sheets: SheetCells[];
  media: Array<{ buffer: ExcelJS.Buffer; extension: 'png' | 'jpeg' | 'gif' }>;
}

/**
 * The same workbook as a written one, read back: every value with its style (fonts,
 * fills, borders, number formats), row heights and column widths, merged cells,
 * conditional formats, pictures, page setup with print titles, frozen panes and the
 * page header/footer — so a ratio shows what Patuh adds on top of exceljs writing the
 * same document, not the cost of the document itself.
 */
export async function sameCells(file: string): Promise<BookCells> {
  const source = new ExcelJS.Workbook();
  await source.xlsx.readFile(file);
  const media = (source.model as unknown as { media: Array<{ buffer: ExcelJS.Buffer; extension: 'png' | 'jpeg' | 'gif' }> }).media.map((item) => ({ buffer: item.buffer, extension: item.extension }));
  const sheets = source.worksheets.map((sheet) => {
    const cells: SheetCells['cells'] = [];
    const heights: SheetCells['heights'] = [];
    const rowStyles: SheetCells['rowStyles'] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      if (row.height) heights.push([row.number, row.height]);
      // exceljs keeps a row's own style (a bold total row) but does not declare it.
      const { style } = row as unknown as { style: Partial<ExcelJS.Style> };
      if (Object.keys(style).length > 0) rowStyles.push([row.number, style]);
      // Empty cells too: a bordered blank cell is part of the table.
      row.eachCell({ includeEmpty: true }, (cell) => {
        const merged = cell.type === ExcelJS.ValueType.Merge;
        cells.push({ address: cell.address, value: merged ? null : cell.value, style: cell.style, merged });
      });
    });
    const images = sheet.getImages().map((image) => ({ media: Number(image.imageId), range: image.range }));
    const model = sheet.model as unknown as { merges: string[] };
    const conditionalFormats = (sheet as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    return { name: sheet.name, cells, heights, rowStyles, widths: sheet.columns.map((column) => column.width), merges: model.merges, conditionalFormats, images, pageSetup: sheet.pageSetup, views: sheet.views, headerFooter: sheet.headerFooter };
  });
  return { sheets, media };
}

/** Plain in-memory exceljs writing the document sameCells read: no streaming, no tricks. */
export async function writeCells(book: BookCells, file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const media = book.media.map((item) => workbook.addImage(item));
  for (const sheet of book.sheets) {
    const target = workbook.addWorksheet(sheet.name, { pageSetup: sheet.pageSetup, views: sheet.views, headerFooter: sheet.headerFooter });
    sheet.widths.forEach((width, index) => {
      if (width !== undefined) target.getColumn(index + 1).width = width;
    });
    for (const [row, height] of sheet.heights) target.getRow(row).height = height;
    for (const [row, style] of sheet.rowStyles) (target.getRow(row) as unknown as { style: Partial<ExcelJS.Style> }).style = style;
    for (const cell of sheet.cells) {
      const into = target.getCell(cell.address);
      if (!cell.merged) into.value = cell.value;
      into.style = cell.style;
    }
    // The cells already carry their final styles (merged ones included).
    for (const range of sheet.merges) target.mergeCellsWithoutStyle(range);
    for (const format of sheet.conditionalFormats) target.addConditionalFormatting(format);
    for (const image of sheet.images) target.addImage(media[image.media]!, image.range);
  }
  await workbook.xlsx.writeFile(file);
}

export async function recapRows(bench: BenchContext): Promise<Measurement[]> {
  const { latestPeriodId } = bench.dataset;
  let counter = 0;
  const out = () => path.join(bench.workDir, `rekap-${(counter += 1)}.xlsx`);
  const exportIt = () => exportRecap(bench.app.ctx, { periodId: latestPeriodId, outFile: out() }, silentJob());
  // The cells the baseline writes, from a first export; both writers are then warmed up
  // alike (two runs each) before any is timed, so neither is measured while still being
  // compiled, and timed in turn.
  await exportIt();
  const sheets = await sameCells(path.join(bench.workDir, 'rekap-1.xlsx'));
  const [raw, recap] = await measureInTurn([
    { operation: 'Baku: exceljs menulis sel yang sama (nilai, gaya, gabungan sel, format bersyarat, logo, cetak)', fn: () => writeCells(sheets, out()) },
    // As an office exports it: after working on the year (the changed unit scored anew, the rest remembered).
    { operation: 'Ekspor rekap pemda (semua unit), setelah satu perubahan', fn: exportIt, before: oneChange(bench) },
  ], 11, { warmup: 2 });
  // Right after the app opens, nothing remembered: every unit of the year is scored first.
  const firstOpen = await measure('Ekspor rekap pemda, pertama setelah aplikasi dibuka (semua unit dihitung)', 3, exportIt, { before: freshStart(bench) });
  // The recap's own writing, data already loaded: what the export adds on top of scoring the year.
  const data = bench.app.ctx.db.transaction(() => loadRecapData(bench.app.ctx, latestPeriodId))();
  const writing = await measure('Ekspor rekap: menulis buku kerja saja (data sudah dimuat)', 5, () => writeRecap(data, out(), silentJob()));
  // Memory in a process of its own: the benchmark's RSS holds everything measured before.
  // The child opens the same data folder, so this process lets go of it (and its lock) meanwhile.
  bench.app.close();
  const child = spawnSync(process.execPath, [...process.execArgv, path.join(repoResourcesDir(), '..', 'bench', 'recap-child.ts'), bench.dataDir, String(latestPeriodId), out()], { encoding: 'utf8' });
  bench.reopen();
  if (child.status !== 0) throw new Error(`rekap di proses terpisah gagal: ${child.stderr.split('\n')[0]}`);
  const alone = JSON.parse(child.stdout.trim().split('\n').pop()!) as { ms: number; peakRssMb: number };
  const memory: Measurement = { operation: 'Ekspor rekap pemda, proses tersendiri (RSS puncak)', runs: 1, medianMs: alone.ms, p95Ms: alone.ms, peakRssMb: alone.peakRssMb };
  return [raw, judged(withRatio(recap, raw, 'time'), 'recap'), withRatio(firstOpen, raw, 'time'), withRatio(writing, raw, 'time'), judged(memory, 'recapRss')];
}

/** One entry per linked copy, as the package writes them (a file used twice is copied twice). */
function unitFiles(bench: BenchContext, unitId: number): string[] {
  return bench.app.ctx.db
    .prepare(
      `SELECT b.stored_path FROM evidence e JOIN blobs b ON b.sha256 = e.blob_sha256
       JOIN checklist_evidence l ON l.evidence_id = e.id JOIN checklist_items i ON i.id = l.item_id
       WHERE i.period_id = ? AND e.unit_id = ? AND e.deleted_at IS NULL`,
    )
    .pluck()
    .all(bench.dataset.latestPeriodId, unitId) as string[];
}

async function copyAll(bench: BenchContext, files: string[], dir: string): Promise<void> {
  fs.mkdirSync(dir);
  for (const [index, file] of files.entries()) await fs.promises.copyFile(path.join(bench.dataDir, file), path.join(dir, `${index}${path.extname(file)}`));
}

async function packageFor(bench: BenchContext, unitId: number, label: string, heavy: boolean): Promise<Measurement[]> {
  const files = unitFiles(bench, unitId);
  const bytes = files.reduce((total, file) => total + fs.statSync(path.join(bench.dataDir, file)).size, 0);
  const size = `${files.length} salinan, ${(bytes / 1024 / 1024).toFixed(0)} MB`;
  let counter = 0;
  const exportIt = async () => {
    const dir = path.join(bench.workDir, `paket-${unitId}-${(counter += 1)}`);
    fs.mkdirSync(dir);
    return (await exportUnitPackage(bench.app.ctx, { periodId: bench.dataset.latestPeriodId, unitId, outDir: dir }, silentJob())).path;
  };
  // A first package gives the baseline its cells; each side is then warmed up alike (two
  // runs) before any is timed, and the two are timed in turn. Before every run the disk
  // is flushed (untimed): each side then starts from the same quiet disk, instead of the
  // package's own fsyncs waiting behind the writeback of the baseline's copies before it
  // (the baseline never flushes what it wrote; the package does, and that stays timed).
  const first = await exportIt();
  const flushed = () => void spawnSync('sync');
  if (heavy) {
    // A heavy unit is all copying: measured against copying the same files.
    const [raw, pack] = await measureInTurn([
      { operation: `Baku: salin ${size} ke folder`, fn: () => copyAll(bench, files, path.join(bench.workDir, `salin-${unitId}-${(counter += 1)}`)), before: flushed },
      { operation: `Ekspor paket ${label} (${size})`, fn: exportIt, before: flushed },
    ], 3);
    return [raw, judged(withRatio(pack, raw, 'throughput'), 'packageHeavy')];
  }
  // An ordinary unit is mostly the workbook: its floor is the copy plus exceljs writing
  // the same package sheets (values and styles).
  const workbook = fs.readdirSync(first).find((name) => name.endsWith('.xlsx'))!;
  const sheets = await sameCells(path.join(first, workbook));
  const copyAndWrite = async () => {
    const dir = path.join(bench.workDir, `salin-${unitId}-${(counter += 1)}`);
    await copyAll(bench, files, dir);
    await writeCells(sheets, path.join(dir, workbook));
  };
  // Informational, not the target's baseline: the same, as the package must do it — every
  // copied file's SHA-256 read back and checked, every file and folder flushed to disk.
  const verifiedDurable = async () => {
    const dir = path.join(bench.workDir, `salin-${unitId}-${(counter += 1)}`);
    await copyAll(bench, files, dir);
    await writeCells(sheets, path.join(dir, workbook));
    for (const name of fs.readdirSync(dir)) {
      const handle = await fs.promises.open(path.join(dir, name), 'r+');
      crypto.createHash('sha256').update(await handle.readFile()).digest('hex');
      await handle.sync();
      await handle.close();
    }
    const folder = await fs.promises.open(dir, 'r');
    await folder.sync();
    await folder.close();
  };
  const [raw, pack, durable] = await measureInTurn([
    { operation: `Baku: salin ${size} + exceljs menulis lembar paket yang sama`, fn: copyAndWrite, before: flushed },
    { operation: `Ekspor paket ${label} (${size})`, fn: exportIt, before: flushed },
    { operation: `Baku: salin + exceljs, lalu SHA-256 dibaca ulang dan fsync tiap berkas (seperti paket; informasi)`, fn: verifiedDurable, before: flushed },
    // 21 rounds: a round is ~0.1 s, and with 11 the median ratio moved by ±0.07 between runs.
  ], 21, { warmup: 2 });
  return [raw, judged(withRatio(pack, raw, 'time'), 'packageOrdinary'), durable, { ...withRatio(pack, durable, 'time'), operation: `Ekspor paket ${label}, dibanding baku yang juga memeriksa dan menyimpan aman (informasi)` }];
}

export async function packageRows(bench: BenchContext): Promise<Measurement[]> {
  const { unitIds } = bench.dataset;
  // A package flushes what it writes (fsync) and its baseline does not: on a disk still busy
  // with what earlier rows wrote, only the package waits for it. Each comparison therefore
  // starts from a quiet disk, as after the dataset was written.
  const rows: Measurement[] = [];
  for (const [unitId, label, heavy] of [[unitIds[1]!, 'unit biasa', false], [unitIds[0]!, 'unit berkas besar', true]] as const) {
    await waitForQuietDisk(bench.dataDir, bench.workDir, bench.log);
    rows.push(...(await packageFor(bench, unitId, label, heavy)));
  }
  return rows;
}

/** Returned forms: each unit's exported workbook with ten rows filled in by the unit. */
async function returnedForms(bench: BenchContext, count: number): Promise<Array<{ unitId: number; file: string }>> {
  const { latestPeriodId, unitIds } = bench.dataset;
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
  return forms;
}

export async function importRows(bench: BenchContext): Promise<Measurement[]> {
  const { latestPeriodId, unitIds } = bench.dataset;
  const count = Math.min(50, unitIds.length);
  const forms = await returnedForms(bench, count);
  const perWorkbook: number[] = [];
  const batch = await measure(`Impor ${count} workbook isian (pratinjau + terapkan)`, 1, async () => {
    for (const form of forms) {
      const start = performance.now();
      const preview = await previewFormImport(bench.app.ctx, { file: form.file, periodId: latestPeriodId, unitId: form.unitId }, silentJob());
      if (!preview.ok) throw new Error(preview.rejected?.message ?? preview.errors[0]?.message ?? 'pratinjau gagal');
      await applyFormImport(bench.app.ctx, { file: form.file, token: preview.token, periodId: latestPeriodId, unitId: form.unitId }, silentJob());
      perWorkbook.push(performance.now() - start);
    }
  }, { warmup: false });
  return [judged(summarize('Impor satu workbook isian (pratinjau + terapkan)', perWorkbook, batch.peakRssMb), 'formImport'), judged(batch, 'formBatch')];
}
