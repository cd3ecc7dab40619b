/**
 * The Rekap sheet of the year recap. Category and zone colours are conditional formats
 * (not static fills) so they follow the text when the office edits a cell; the aspect
 * index columns carry a red–yellow–green colour scale over the 0–5 range.
 */
import type ExcelJS from 'exceljs';
import { basisWords } from '../../../core/scoring/view-text';
import type { Tone, Zone } from '../../../core/scoring/types';
import { groupInOrder, meanOfPresent } from '../../../core/documents/groups';
import type { DashboardUnit } from '../../../shared/types';
import { formatDateTimeId, TONE_COLORS, zoneLabel, ZONE_TONE } from './format';
import { KOP_ROWS, writeKop, writeSignatures, writeTitleBlock } from './kop';
import type { RecapData } from './recap';
import { bodyCell, exportSheetName, fitRowHeight, NUM_INDEX, NUM_INTEGER, NUM_ONE_DECIMAL, printOptions, sectionRow, setColumnWidths, writeHeader } from './sheet-style';
import { commitRows, type StreamWorkbook } from './stream-workbook';

/** Shared style parts (never mutated): one object per style, not one per cell. */
const CENTER_TOP: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'top' };
const BOLD: Partial<ExcelJS.Font> = { bold: true };
const BOLD_ITALIC: Partial<ExcelJS.Font> = { bold: true, italic: true };

export const RECAP_MAIN_SHEET = 'Rekap';
/** Kop (6 rows), three title lines, a blank row, then the table header. */
export const RECAP_MAIN_HEADER_ROW = KOP_ROWS + 5;
export const LOCAL_GOVERNMENT_ROW_LABEL = 'Pemerintah daerah (rata-rata unit)';
export const GROUP_MEAN_LABEL = (group: string, count: number) => `Rata-rata ${group} (${count} unit)`;
export const CATEGORY_TABLE_TITLE = 'Sebaran unit per kategori';

export function recapHeaders(data: RecapData): string[] {
  const aspects = data.board.aspects.map((aspect) => data.aspectShort(aspect.code, aspect.name));
  return ['No', 'Nama Unit', 'Kelompok', ...aspects, 'Nilai Terkini', 'Dasar Nilai', 'Kategori', 'Predikat', 'Estimasi Ombudsman', 'Zona', 'Bukti terverifikasi (%)'];
}

/** 1-based columns after the aspect columns. */
export function recapColumns(data: RecapData) {
  const first = 4 + data.board.aspects.length;
  return { firstAspect: 4, current: first, basis: first + 1, category: first + 2, predicate: first + 3, ombudsman: first + 4, zone: first + 5, progress: first + 6 };
}

const NOT_ASSESSED = 'belum dinilai';

const orDash = (value: number | null | undefined): number | string => (value === null || value === undefined ? '–' : value);

function unitRow(sheet: ExcelJS.Worksheet, row: number, number: number, unit: DashboardUnit, data: RecapData): void {
  const columns = recapColumns(data);
  bodyCell(sheet, row, 1, number);
  bodyCell(sheet, row, 2, unit.unitName);
  bodyCell(sheet, row, 3, unit.groupName);
  data.board.aspects.forEach((aspect, index) => {
    const value = unit.aspectIndexes.find((item) => item.code === aspect.code)?.index;
    bodyCell(sheet, row, columns.firstAspect + index, orDash(value), NUM_INDEX);
  });
  // A unit nobody has assessed is "belum dinilai", never 0,00 F.
  bodyCell(sheet, row, columns.current, unit.current ? unit.current.index : NOT_ASSESSED, NUM_INDEX);
  bodyCell(sheet, row, columns.basis, unit.current ? basisWords(unit.current.basis) : '–');
  bodyCell(sheet, row, columns.category, unit.category?.code ?? '–').alignment = CENTER_TOP;
  bodyCell(sheet, row, columns.predicate, unit.category ? `${unit.category.label}${unit.category.provisional ? ' (sementara)' : ''}` : '–');
  bodyCell(sheet, row, columns.ombudsman, orDash(unit.ombudsman?.total), NUM_INDEX);
  bodyCell(sheet, row, columns.zone, zoneLabel(unit.ombudsman?.zone as Zone | null) || '–').alignment = CENTER_TOP;
  bodyCell(sheet, row, columns.progress, unit.progress.percentVerified, NUM_ONE_DECIMAL);
  fitRowHeight(sheet, row, columns.progress);
}

/** The local-government row: the mean of the units' *nilai terkini* (unassessed units left out). */
function totalsRow(sheet: ExcelJS.Worksheet, row: number, data: RecapData): void {
  const columns = recapColumns(data);
  const { pekppp, ombudsman, progress } = data.board;
  for (let column = 1; column <= columns.progress; column += 1) bodyCell(sheet, row, column, null);
  bodyCell(sheet, row, 2, LOCAL_GOVERNMENT_ROW_LABEL);
  bodyCell(sheet, row, 3, `${data.board.units.length} unit`);
  data.board.aspects.forEach((aspect, index) => {
    bodyCell(sheet, row, columns.firstAspect + index, orDash(pekppp?.aspects.find((item) => item.code === aspect.code)?.mean), NUM_INDEX);
  });
  bodyCell(sheet, row, columns.current, pekppp?.index ?? NOT_ASSESSED, NUM_INDEX);
  bodyCell(sheet, row, columns.basis, pekppp ? `${pekppp.unitCount} unit dinilai${pekppp.unassessedUnits.length > 0 ? `, ${pekppp.unassessedUnits.length} belum` : ''}` : '–');
  bodyCell(sheet, row, columns.category, pekppp?.band?.code ?? '–').alignment = CENTER_TOP;
  bodyCell(sheet, row, columns.predicate, pekppp?.band ? `${pekppp.band.label}${pekppp.band.provisional ? ' (sementara)' : ''}` : '–');
  bodyCell(sheet, row, columns.ombudsman, orDash(ombudsman?.total), NUM_INDEX);
  bodyCell(sheet, row, columns.zone, zoneLabel(ombudsman?.zone) || '–').alignment = CENTER_TOP;
  bodyCell(sheet, row, columns.progress, progress.percentVerified, NUM_ONE_DECIMAL);
  sheet.getRow(row).font = BOLD;
  fitRowHeight(sheet, row, columns.progress);
}

/** Per group: the mean of each column over the group's units that have a value. */
function groupMeanRow(sheet: ExcelJS.Worksheet, row: number, group: string, units: DashboardUnit[], data: RecapData): void {
  const columns = recapColumns(data);
  for (let column = 1; column <= columns.progress; column += 1) bodyCell(sheet, row, column, null);
  bodyCell(sheet, row, 2, GROUP_MEAN_LABEL(group, units.length));
  data.board.aspects.forEach((aspect, index) => {
    const values = units.map((unit) => unit.aspectIndexes.find((item) => item.code === aspect.code)?.index);
    bodyCell(sheet, row, columns.firstAspect + index, orDash(meanOfPresent(values)), NUM_INDEX);
  });
  const assessed = units.filter((unit) => unit.current !== null);
  bodyCell(sheet, row, columns.current, orDash(meanOfPresent(assessed.map((unit) => unit.current!.index))), NUM_INDEX);
  bodyCell(sheet, row, columns.basis, `${assessed.length} dari ${units.length} unit dinilai`);
  bodyCell(sheet, row, columns.ombudsman, orDash(meanOfPresent(units.map((unit) => unit.ombudsman?.total))), NUM_INDEX);
  bodyCell(sheet, row, columns.progress, orDash(meanOfPresent(units.map((unit) => unit.progress.percentVerified), 1)), NUM_ONE_DECIMAL);
  sheet.getRow(row).font = BOLD_ITALIC;
  fitRowHeight(sheet, row, columns.progress);
}

/** Units per category: count and share, every band of the scale listed (zero included). */
function categoryTable(sheet: ExcelJS.Worksheet, start: number, data: RecapData): number {
  const distribution = data.board.pekppp?.distribution ?? [];
  if (distribution.length === 0) return start;
  const total = data.board.units.length;
  sectionRow(sheet, start, CATEGORY_TABLE_TITLE, 4);
  const headerRow = start + 1;
  ['Kategori', 'Predikat', 'Jumlah unit', 'Persentase'].forEach((text, index) => {
    const cell = bodyCell(sheet, headerRow, index + 1, text);
    cell.font = BOLD;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  let row = headerRow + 1;
  for (const band of distribution) {
    bodyCell(sheet, row, 1, band.code).alignment = CENTER_TOP;
    bodyCell(sheet, row, 2, band.label);
    bodyCell(sheet, row, 3, band.count, NUM_INTEGER);
    bodyCell(sheet, row, 4, total === 0 ? 0 : band.count / total, '0.0%');
    row += 1;
  }
  const rated = distribution.reduce((sum, band) => sum + band.count, 0);
  bodyCell(sheet, row, 1, null);
  bodyCell(sheet, row, 2, rated < total ? `Jumlah (${total - rated} unit belum berkategori)` : 'Jumlah').font = BOLD;
  bodyCell(sheet, row, 3, rated, NUM_INTEGER).font = BOLD;
  bodyCell(sheet, row, 4, total === 0 ? 0 : rated / total, '0.0%').font = BOLD;
  return row + 1;
}

const excelString = (text: string) => `"${text.replace(/"/gu, '""')}"`;

function toneRule(value: string, tone: Tone, priority: number): ExcelJS.ConditionalFormattingRule {
  const colors = TONE_COLORS[tone];
  return {
    type: 'cellIs',
    operator: 'equal',
    formulae: [excelString(value)],
    priority,
    style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: colors.fill } }, font: { color: { argb: colors.font }, bold: true } },
  };
}

function colourRules(sheet: ExcelJS.Worksheet, data: RecapData, firstRow: number, lastRow: number): void {
  const columns = recapColumns(data);
  const column = (index: number) => sheet.getColumn(index).letter;
  let priority = 1;
  const categoryRules = data.pekpppBands.map((band) => toneRule(band.code, band.tone, priority++));
  const zoneRules = (Object.keys(ZONE_TONE) as Zone[]).map((zone) => toneRule(zoneLabel(zone), ZONE_TONE[zone], priority++));
  if (categoryRules.length > 0) sheet.addConditionalFormatting({ ref: `${column(columns.category)}${firstRow}:${column(columns.category)}${lastRow}`, rules: categoryRules });
  sheet.addConditionalFormatting({ ref: `${column(columns.zone)}${firstRow}:${column(columns.zone)}${lastRow}`, rules: zoneRules });
  if (data.board.aspects.length === 0) return;
  sheet.addConditionalFormatting({
    ref: `${column(columns.firstAspect)}${firstRow}:${column(columns.current - 1)}${lastRow}`,
    rules: [
      {
        type: 'colorScale',
        priority: priority++,
        cfvo: [{ type: 'num', value: 0 }, { type: 'num', value: 2.5 }, { type: 'num', value: 5 }],
        color: [{ argb: 'FFF8696B' }, { argb: 'FFFFEB84' }, { argb: 'FF63BE7B' }],
      },
    ],
  });
}

function notes(sheet: ExcelJS.Worksheet, start: number, data: RecapData, lastColumn: number): number {
  const lines = [
    'Nilai terkini = per indikator nilai verifikasi bila sudah diverifikasi, selain itu nilai mandiri unit. Kategori bertanda "sementara" bila masih ada indikator yang belum dinilai.',
    'Indeks pemerintah daerah = rata-rata nilai terkini unit yang sudah dinilai; unit yang belum dinilai tidak dihitung. Rata-rata kelompok = rata-rata unit kelompok itu yang sudah bernilai.',
    ...(data.board.pekppp?.derivation ?? []),
    ...(data.board.ombudsman ? [`Ombudsman (${data.board.ombudsman.estimateLabel}):`, ...data.board.ombudsman.derivation, ...data.board.ombudsman.notes] : []),
  ];
  sectionRow(sheet, start, 'Cara menghitung', lastColumn);
  lines.forEach((line, index) => sectionRow(sheet, start + 1 + index, line, lastColumn, false));
  return start + 1 + lines.length;
}

export function addRecapMainSheet(workbook: StreamWorkbook, data: RecapData, taken: Set<string>): void {
  const sheet = workbook.addWorksheet(exportSheetName(RECAP_MAIN_SHEET, taken), printOptions(RECAP_MAIN_HEADER_ROW, 'landscape', true, data.print(`Rekapitulasi ${data.year}`)));
  const headers = recapHeaders(data);
  setColumnWidths(sheet, [5, 34, 16, ...data.board.aspects.map(() => 10), 10, 16, 9, 20, 11, 9, 12]);
  writeKop(workbook, sheet, data.docs.header, headers.length);
  writeTitleBlock(sheet, KOP_ROWS + 1, [
    `REKAPITULASI HASIL PENILAIAN MANDIRI PELAYANAN PUBLIK TAHUN ${data.year}`,
    data.localGovernment,
    `${data.instrumentNames.join(' · ')} · dibuat ${formatDateTimeId(data.exportedAt)} · semua indeks PEKPPP adalah nilai terkini; nilai Ombudsman adalah estimasi kesiapan.`,
  ], headers.length);
  writeHeader(sheet, RECAP_MAIN_HEADER_ROW, headers);
  // Column widths are final once the header has widened them: the first commit writes them.
  commitRows(sheet);
  const firstRow = RECAP_MAIN_HEADER_ROW + 1;
  let row = firstRow;
  for (const group of groupInOrder(data.board.units, (unit) => unit.groupName)) {
    sectionRow(sheet, row++, `${group.letter}. ${group.name}`, headers.length);
    group.items.forEach((unit, index) => unitRow(sheet, row++, index + 1, unit, data));
    groupMeanRow(sheet, row++, group.name, group.items, data);
    commitRows(sheet);
  }
  totalsRow(sheet, row, data);
  colourRules(sheet, data, firstRow, row);
  const next = categoryTable(sheet, row + 2, data);
  const afterNotes = notes(sheet, next + 1, data, headers.length);
  writeSignatures(sheet, afterNotes + 1, headers.length, data.docs.signature('recap', { dated: true }));
  commitRows(sheet);
  sheet.commit();
}
