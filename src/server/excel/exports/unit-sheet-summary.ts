/**
 * The Identitas and Rekap sheets of a unit package. Rekap puts the report numbers in
 * numeric cells (formatted, never re-derived) with the category and zone coloured by
 * their tone AND spelled out, and lists the reports' own derivation lines so a reader
 * can check every figure by hand.
 */
import type ExcelJS from 'exceljs';
import { formatNip } from '../../../core/documents/identity';
import { formatPercent } from '../../../core/scoring/rounding';
import { basisText } from '../../../core/scoring/view-text';
import type { PekpppReport, ViewBand } from '../../../core/scoring/types';
import { formatDateId, formatDateTimeId, ZONE_TONE, zoneLabel } from './format';
import { addTitle, bodyCell, exportSheetName, labelRow, NUM_INDEX, printOptions, sectionRow, setColumnWidths, toneCell, writeHeader } from './sheet-style';
import { KOP_ROWS, writeKop, writeSignatures } from './kop';
import { commitSheet, type StreamWorkbook } from './stream-workbook';
import type { UnitPackageData } from './unit-data';

export const IDENTITY_SHEET = 'Identitas';
export const RECAP_SHEET = 'Rekap';
export const RECAP_HEADERS = ['Uraian', 'Bobot', 'Nilai Terkini', 'Mandiri', 'Verifikasi'] as const;
const LAST_COLUMN = RECAP_HEADERS.length;
export const RECAP_HEADER_ROW = KOP_ROWS + 4;
export const RECAP_LABELS = {
  index: 'Indeks unit (IPP)',
  category: 'Kategori',
  predicate: 'Predikat',
  completeness: 'Dasar nilai',
  ombudsmanTotal: 'Estimasi nilai Ombudsman',
  ombudsmanGrade: 'Opini (estimasi)',
  ombudsmanZone: 'Zona',
} as const;

export function addIdentitySheet(workbook: StreamWorkbook, data: UnitPackageData, taken: Set<string>): void {
  const sheet = workbook.addWorksheet(exportSheetName(IDENTITY_SHEET, taken), printOptions(null, 'portrait', true, data.print(`Paket bukti dukung ${data.unit.name} ${data.period.year}`)));
  setColumnWidths(sheet, [30, 80]);
  writeKop(workbook, sheet, data.docs.header, 2);
  addTitle(sheet, KOP_ROWS + 1, `Paket Bukti Dukung — ${data.unit.name} — Tahun ${data.period.year}`, 2, 14);
  const rows: Array<[string, ExcelJS.CellValue]> = [
    ['Pemerintah daerah', data.localGovernment],
    ['Unit layanan', data.unit.name],
    ['Kepala unit', data.unit.headName ?? '–'],
    ['NIP kepala unit', data.unit.headNip ? formatNip(data.unit.headNip) : '–'],
    ['Kelompok unit', data.unit.groupName],
    ['Tahun penilaian', data.period.year],
    ['Tenggat', data.period.deadline ? formatDateId(data.period.deadline) : '–'],
    ['Rentang tanggal dokumen', `${formatDateId(data.period.windowStart)} s.d. ${formatDateId(data.period.windowEnd)}`],
    ['Sampel Ombudsman', data.ombudsmanSample ? 'Ya' : 'Tidak'],
    ...data.instruments.map((item): [string, ExcelJS.CellValue] => ['Instrumen', `${item.name} (versi ${item.version})`]),
    ['Operator', data.settings.operatorName || '–'],
    ['Waktu ekspor', formatDateTimeId(data.exportedAt)],
    ['Dibuat dengan', `Patuh ${data.appVersion}`],
    ['Isi paket', 'Lembar per aspek (format lembar evaluasi), Ombudsman, Rekap dan Daftar Berkas; folder Berkas berisi salinan bukti dukung; manifest.json berisi ukuran dan SHA-256 setiap berkas.'],
  ];
  rows.forEach(([label, value], index) => labelRow(sheet, KOP_ROWS + 3 + index, label, value, typeof value === 'number' ? '0' : undefined));
  commitSheet(sheet);
}

const NOT_ASSESSED = 'belum dinilai';

/** The three PEKPPP views side by side, *nilai terkini* first (the number that counts today). */
interface Views {
  current: PekpppReport | null;
  self: PekpppReport;
  verified: PekpppReport;
}

const viewList = (views: Views): Array<PekpppReport | null> => [views.current, views.self, views.verified];

function bandText(report: PekpppReport | null, text: (band: ViewBand) => string): string {
  if (!report?.band) return '–';
  return `${text(report.band)}${report.band.provisional ? ' (sementara)' : ''}`;
}

function bandCells(sheet: ExcelJS.Worksheet, row: number, label: string, views: Views, text: (band: ViewBand) => string): void {
  bodyCell(sheet, row, 1, label).font = { bold: true };
  bodyCell(sheet, row, 2, '');
  viewList(views).forEach((report, index) => toneCell(bodyCell(sheet, row, 3 + index, bandText(report, text)), report?.band?.tone));
}

function writePekppp(sheet: ExcelJS.Worksheet, views: Views): number {
  let row = RECAP_HEADER_ROW + 1;
  for (const aspect of views.self.aspects.filter((item) => item.scored)) {
    bodyCell(sheet, row, 1, aspect.name);
    bodyCell(sheet, row, 2, formatPercent(aspect.weight));
    viewList(views).forEach((report, index) => {
      const own = report?.aspects.find((item) => item.code === aspect.code);
      bodyCell(sheet, row, 3 + index, own && own.assessedCount > 0 ? own.index : '–', NUM_INDEX);
    });
    row += 1;
  }
  bodyCell(sheet, row, 1, RECAP_LABELS.index).font = { bold: true };
  bodyCell(sheet, row, 2, '100%');
  viewList(views).forEach((report, index) => {
    bodyCell(sheet, row, 3 + index, report?.index ?? NOT_ASSESSED, NUM_INDEX).font = { bold: true };
  });
  bandCells(sheet, row + 1, RECAP_LABELS.category, views, (band) => band.code);
  bandCells(sheet, row + 2, RECAP_LABELS.predicate, views, (band) => band.label);
  bodyCell(sheet, row + 3, 1, RECAP_LABELS.completeness).font = { bold: true };
  bodyCell(sheet, row + 3, 2, '');
  viewList(views).forEach((report, index) => {
    bodyCell(sheet, row + 3, 3 + index, report && report.index !== null ? basisText(report) : NOT_ASSESSED);
  });
  return row + 4;
}

/** Label in column 1, value across columns 2–5. */
function pairRow(sheet: ExcelJS.Worksheet, row: number, label: string, value: ExcelJS.CellValue, numFmt?: string): ExcelJS.Cell {
  bodyCell(sheet, row, 1, label).font = { bold: true };
  const cell = bodyCell(sheet, row, 2, value, numFmt);
  cell.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
  for (let column = 3; column <= LAST_COLUMN; column += 1) bodyCell(sheet, row, column, null);
  sheet.mergeCells(row, 2, row, LAST_COLUMN);
  return cell;
}

function writeOmbudsman(sheet: ExcelJS.Worksheet, start: number, data: UnitPackageData): number {
  const report = data.ombudsman;
  if (!report) return start;
  sectionRow(sheet, start, `Ombudsman RI — ${report.estimateLabel}`, LAST_COLUMN);
  pairRow(sheet, start + 1, RECAP_LABELS.ombudsmanTotal, report.total ?? 'belum dapat dihitung', NUM_INDEX);
  const grade = report.band ? `${report.band.code} — ${report.opinion ?? report.band.label}` : '–';
  toneCell(pairRow(sheet, start + 2, RECAP_LABELS.ombudsmanGrade, grade), report.band?.tone);
  toneCell(pairRow(sheet, start + 3, RECAP_LABELS.ombudsmanZone, zoneLabel(report.zone) || '–'), report.zone ? ZONE_TONE[report.zone] : null);
  return start + 4;
}

function writeLines(sheet: ExcelJS.Worksheet, start: number, title: string, lines: readonly string[]): number {
  if (lines.length === 0) return start;
  sectionRow(sheet, start, title, LAST_COLUMN);
  lines.forEach((line, index) => sectionRow(sheet, start + 1 + index, line, LAST_COLUMN, false));
  return start + 1 + lines.length;
}

export function addRecapSheet(workbook: StreamWorkbook, data: UnitPackageData, taken: Set<string>): void {
  const sheet = workbook.addWorksheet(exportSheetName(RECAP_SHEET, taken), printOptions(RECAP_HEADER_ROW, 'portrait', true, data.print(`Rekap nilai ${data.unit.name} ${data.period.year}`)));
  setColumnWidths(sheet, [40, 8, 21, 21, 21]);
  writeKop(workbook, sheet, data.docs.header, LAST_COLUMN);
  addTitle(sheet, KOP_ROWS + 1, `Rekap Nilai — ${data.unit.name} — Tahun ${data.period.year}`, LAST_COLUMN, 14);
  addTitle(sheet, KOP_ROWS + 2, `${data.localGovernment} · indeks skala 0–5 · nilai terkini = nilai verifikasi bila sudah diverifikasi, selain itu nilai mandiri`, LAST_COLUMN, 11);
  writeHeader(sheet, RECAP_HEADER_ROW, RECAP_HEADERS);
  let row = data.self && data.verified ? writePekppp(sheet, { current: data.current, self: data.self, verified: data.verified }) : RECAP_HEADER_ROW + 1;
  row = writeOmbudsman(sheet, row + 1, data);
  row = writeLines(sheet, row + 1, 'Cara menghitung — nilai terkini', [...(data.current?.derivation ?? [NOT_ASSESSED]), ...(data.current?.notes ?? [])]);
  row = writeLines(sheet, row + 1, 'Cara menghitung — penilaian mandiri', [...(data.self?.derivation ?? []), ...(data.self?.notes ?? [])]);
  row = writeLines(sheet, row + 1, 'Cara menghitung — nilai verifikasi', [...(data.verified?.derivation ?? []), ...(data.verified?.notes ?? [])]);
  row = writeLines(sheet, row + 1, `Cara menghitung — Ombudsman (${data.ombudsman?.estimateLabel ?? ''})`, [...(data.ombudsman?.derivation ?? []), ...(data.ombudsman?.notes ?? [])]);
  writeSignatures(sheet, row + 2, LAST_COLUMN, data.docs.signature('unit-package', { dated: true }), data.docs.unitHead(data.unit, 'Mengetahui,'));
  commitSheet(sheet);
}
