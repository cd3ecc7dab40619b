/**
 * An instrument as an .xlsx template an office user can edit: one sheet per part of the
 * definition (layout in core/instrument/workbook-layout), drop-downs and number rules on
 * the columns, and a guide sheet. Importing the edited file gives a new version.
 */
import ExcelJS from 'exceljs';
import { instrumentToSheets, COLUMNS, INFO_ROWS, SHEET, type ColumnSpec, type DataSheet, type SheetData } from '../../core/instrument/workbook-layout';
import { columnLetter } from '../../core/instrument/workbook-cells';
import type { InstrumentDefinition } from '../../core/instrument/schema';
import { safeText } from '../excel/cells';
import { writeWorkbookFile } from '../excel/exports/output';
import { BORDER_ALL, printSetup } from '../excel/exports/sheet-style';
import { silentJob, type JobControl } from '../jobs/job';

/** Rows prepared for additions: validations reach this far below the last row. */
const SPARE_ROWS = 200;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };

type WithValidations = { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } };

function validationFor(spec: Pick<ColumnSpec, 'kind' | 'list' | 'listFrom' | 'min' | 'max' | 'header'>, lastRows: Record<DataSheet, number>): ExcelJS.DataValidation | null {
  const base = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop' as const };
  if (spec.kind === 'list' && spec.listFrom) {
    const sheet = SHEET[spec.listFrom.sheet];
    const letter = columnLetter(spec.listFrom.column);
    return { ...base, type: 'list', formulae: [`'${sheet}'!$${letter}$2:$${letter}$${lastRows[spec.listFrom.sheet]}`], errorTitle: 'Kode tidak dikenal', error: `Pilih kode yang ada di lembar "${sheet}".` };
  }
  if ((spec.kind === 'list' || spec.kind === 'yesno') && spec.list) {
    return { ...base, type: 'list', formulae: [`"${spec.list.join(',')}"`], errorTitle: `${spec.header} tidak dikenal`, error: `Pilih salah satu: ${spec.list.join(', ')}.` };
  }
  if (spec.kind === 'number' || spec.kind === 'integer') {
    const min = spec.min ?? -1e9;
    const max = spec.max ?? 1e9;
    return {
      ...base,
      type: spec.kind === 'integer' ? 'whole' : 'decimal',
      operator: 'between',
      formulae: [min, max],
      errorTitle: `${spec.header} tidak valid`,
      error: spec.kind === 'integer' ? `Isi bilangan bulat ${min}–${max}.` : `Isi angka ${min}–${max} (desimal dengan koma).`,
    };
  }
  return null;
}

function cellValue(value: string | number | null): ExcelJS.CellValue {
  if (value === null) return null;
  return typeof value === 'number' ? value : safeText(value);
}

/**
 * Neither Excel nor LibreOffice grows a row for wrapped text when the file is opened, so
 * heights are estimated from the text length and the column widths (about one character
 * per width unit).
 */
function fitRowHeight(row: ExcelJS.Row, widths: readonly number[]): void {
  let lines = 1;
  row.eachCell((cell, column) => {
    const text = cell.value === null || cell.value === undefined ? '' : String(cell.value);
    const width = Math.max(4, (widths[column - 1] ?? 10) - 1);
    const count = text.split('\n').reduce((total, part) => total + Math.max(1, Math.ceil(part.length / width)), 0);
    lines = Math.max(lines, count);
  });
  row.height = Math.min(409, Math.max(15, lines * 14.5));
}

function styleHeader(row: ExcelJS.Row, count: number): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  for (let column = 1; column <= count; column += 1) {
    const cell = row.getCell(column);
    cell.fill = HEADER_FILL;
    cell.border = BORDER_ALL;
  }
}

function writeDataSheet(workbook: ExcelJS.Workbook, data: SheetData, lastRows: Record<DataSheet, number>): void {
  const sheet = workbook.addWorksheet(data.name);
  printSetup(sheet, 1, data.sheet === 'info' ? 'portrait' : 'landscape');
  const widths = data.sheet === 'info' ? [52, 90] : COLUMNS[data.sheet].map((spec) => spec.width);
  const header = sheet.addRow(data.headers);
  styleHeader(header, data.headers.length);
  fitRowHeight(header, widths);
  for (const values of data.rows) {
    const row = sheet.addRow(values.map(cellValue));
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.alignment = { vertical: 'top', horizontal: 'left', wrapText: true };
    });
    fitRowHeight(row, widths);
  }
  const validations = (sheet as unknown as WithValidations).dataValidations;
  if (data.sheet === 'info') {
    sheet.columns = [{ width: 52 }, { width: 90 }];
    INFO_ROWS.forEach((info, index) => {
      const validation = validationFor({ ...info, header: info.label }, lastRows);
      if (validation) validations.add(`B${index + 2}`, validation);
    });
    return;
  }
  const specs = COLUMNS[data.sheet];
  specs.forEach((spec, index) => {
    sheet.getColumn(index + 1).width = spec.width;
    const validation = validationFor(spec, lastRows);
    const letter = columnLetter(index + 1);
    if (validation) validations.add(`${letter}2:${letter}${lastRows[data.sheet]}`, validation);
  });
}

const GUIDE = [
  'Buku kerja ini adalah satu versi instrumen. Ubah isinya untuk versi baru (misalnya instrumen tahun depan), lalu impor di Patuh: layar Instrumen › Impor instrumen.',
  '1. Info: naikkan "Versi" (misalnya 2022.1 menjadi 2026.1). Versi yang sudah ada di Patuh tidak pernah diubah; impor dengan versi yang sama ditolak.',
  '2. Aspek: satu baris per aspek/dimensi. Bobot dalam persen; jumlah bobot yang lebih dari 0 harus 100. Bobot 0 berarti hanya dilaporkan.',
  '3. Indikator: "Kode aspek" memilih aspeknya (daftar pilihan). Bobot indikator dalam satu aspek berjumlah 100. Untuk PEKPPP, isi keenam teks Tingkat 0–5.',
  '4. Unsur: unsur yang dihitung untuk menyarankan tingkat. "Ambang unsur tingkat 1–5" di lembar Indikator berisi lima angka, misalnya 1; 2; 3; 4; 5.',
  '5. Bukti dukung: satu baris per bukti yang diminta. Kode ditulis dengan huruf kecil, angka, titik, dan tanda hubung, dan tidak boleh sama dengan kode lain. Jenis: dokumen, foto, tautan, tangkapan layar, atau data. "Berlaku (bulan)": umur paling lama bukti (misalnya foto 12 bulan); kosongkan bila tidak dibatasi.',
  '6. Skala: kategori/opini dengan batas bawah (Min) dan atas (Maks). Rentang tidak boleh tumpang tindih atau bercelah, dan harus mencakup seluruh skala. "Estimasi: ya" menandai rentang yang disimpulkan, bukan resmi.',
  '7. Kode yang diganti namanya dianggap indikator/bukti baru. Saat memindah tahun penilaian ke versi baru, Patuh menampilkan padanan kode yang dapat diubah.',
  '8. Tulis nilai langsung (bukan rumus), simpan sebagai .xlsx tanpa kata sandi. Saat impor, setiap masalah ditunjukkan dengan nama lembar, baris, dan kolomnya.',
];

function writeGuide(workbook: ExcelJS.Workbook, definition: InstrumentDefinition): void {
  const sheet = workbook.addWorksheet(SHEET.guide);
  printSetup(sheet, null, 'portrait');
  sheet.columns = [{ width: 80 }];
  const title = sheet.addRow([safeText(`Petunjuk: templat instrumen ${definition.shortName} (versi ${definition.version})`)]);
  title.font = { bold: true, size: 14 };
  title.height = 22;
  sheet.addRow([]);
  for (const line of GUIDE) {
    const row = sheet.addRow([line]);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    fitRowHeight(row, [80]);
  }
}

/** The workbook of one instrument (in memory), guide sheet first. */
export function instrumentWorkbook(definition: InstrumentDefinition): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Patuh';
  const sheets = instrumentToSheets(definition);
  const lastRows = Object.fromEntries(sheets.map((data) => [data.sheet, data.rows.length + 1 + SPARE_ROWS])) as Record<DataSheet, number>;
  writeGuide(workbook, definition);
  for (const data of sheets) writeDataSheet(workbook, data, lastRows);
  return workbook;
}

export async function exportInstrumentWorkbook(definition: InstrumentDefinition, outFile: string, job: JobControl = silentJob()): Promise<string> {
  job.progress(0.2, 'Menyusun buku kerja instrumen…');
  const written = await writeWorkbookFile(instrumentWorkbook(definition), outFile, job);
  job.progress(1, 'Buku kerja instrumen selesai.');
  return written;
}
