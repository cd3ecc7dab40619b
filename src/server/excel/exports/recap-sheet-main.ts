/**
 * The Rekap sheet of the year recap. Category and zone colours are conditional formats
 * (not static fills) so they follow the text when the office edits a cell; the aspect
 * index columns carry a red–yellow–green colour scale over the 0–5 range.
 */
import type ExcelJS from 'exceljs';
import { basisWords } from '../../../core/scoring/view-text';
import type { Tone, Zone } from '../../../core/scoring/types';
import type { DashboardUnit } from '../../../shared/types';
import { aspectShortName, formatDateTimeId, TONE_COLORS, zoneLabel, ZONE_TONE } from './format';
import type { RecapData } from './recap';
import { addTitle, bodyCell, exportSheetName, fitRowHeight, NUM_INDEX, NUM_ONE_DECIMAL, printSetup, sectionRow, setColumnWidths, writeHeader } from './sheet-style';

export const RECAP_MAIN_SHEET = 'Rekap';
export const RECAP_MAIN_HEADER_ROW = 5;
export const LOCAL_GOVERNMENT_ROW_LABEL = 'Pemerintah daerah (rata-rata unit)';

export function recapHeaders(data: RecapData): string[] {
  const aspects = data.board.aspects.map((aspect) => aspectShortName(aspect.name));
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
  bodyCell(sheet, row, columns.category, unit.category?.code ?? '–').alignment = { horizontal: 'center', vertical: 'top' };
  bodyCell(sheet, row, columns.predicate, unit.category ? `${unit.category.label}${unit.category.provisional ? ' (sementara)' : ''}` : '–');
  bodyCell(sheet, row, columns.ombudsman, orDash(unit.ombudsman?.total), NUM_INDEX);
  bodyCell(sheet, row, columns.zone, zoneLabel(unit.ombudsman?.zone as Zone | null) || '–').alignment = { horizontal: 'center', vertical: 'top' };
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
  bodyCell(sheet, row, columns.category, pekppp?.band?.code ?? '–').alignment = { horizontal: 'center', vertical: 'top' };
  bodyCell(sheet, row, columns.predicate, pekppp?.band ? `${pekppp.band.label}${pekppp.band.provisional ? ' (sementara)' : ''}` : '–');
  bodyCell(sheet, row, columns.ombudsman, orDash(ombudsman?.total), NUM_INDEX);
  bodyCell(sheet, row, columns.zone, zoneLabel(ombudsman?.zone) || '–').alignment = { horizontal: 'center', vertical: 'top' };
  bodyCell(sheet, row, columns.progress, progress.percentVerified, NUM_ONE_DECIMAL);
  sheet.getRow(row).font = { bold: true };
  fitRowHeight(sheet, row, columns.progress);
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

function notes(sheet: ExcelJS.Worksheet, start: number, data: RecapData, lastColumn: number): void {
  const lines = [
    'Nilai terkini = per indikator nilai verifikasi bila sudah diverifikasi, selain itu nilai mandiri unit. Kategori bertanda "sementara" bila masih ada indikator yang belum dinilai.',
    'Indeks pemerintah daerah = rata-rata nilai terkini unit yang sudah dinilai; unit yang belum dinilai tidak dihitung.',
    ...(data.board.pekppp?.derivation ?? []),
    ...(data.board.ombudsman ? [`Ombudsman (${data.board.ombudsman.estimateLabel}):`, ...data.board.ombudsman.derivation, ...data.board.ombudsman.notes] : []),
  ];
  sectionRow(sheet, start, 'Cara menghitung', lastColumn);
  lines.forEach((line, index) => sectionRow(sheet, start + 1 + index, line, lastColumn, false));
}

export function addRecapMainSheet(workbook: ExcelJS.Workbook, data: RecapData, taken: Set<string>): void {
  const sheet = workbook.addWorksheet(exportSheetName(RECAP_MAIN_SHEET, taken));
  const headers = recapHeaders(data);
  setColumnWidths(sheet, [5, 36, 18, ...data.board.aspects.map(() => 12), 11, 11, 10, 22, 12, 10, 13]);
  addTitle(sheet, 1, `Rekapitulasi Kesiapan Penilaian Pelayanan Publik — ${data.localGovernment}`, headers.length, 14);
  addTitle(sheet, 2, `Tahun ${data.year} · ${data.instrumentNames.join(' · ')}`, headers.length, 11);
  addTitle(sheet, 3, `Dibuat ${formatDateTimeId(data.exportedAt)}. Semua indeks PEKPPP adalah nilai terkini. Nilai Ombudsman adalah estimasi kesiapan.`, headers.length, 10);
  writeHeader(sheet, RECAP_MAIN_HEADER_ROW, headers);
  const firstRow = RECAP_MAIN_HEADER_ROW + 1;
  data.board.units.forEach((unit, index) => unitRow(sheet, firstRow + index, index + 1, unit, data));
  const totals = firstRow + data.board.units.length;
  totalsRow(sheet, totals, data);
  colourRules(sheet, data, firstRow, totals);
  notes(sheet, totals + 2, data, headers.length);
  printSetup(sheet, RECAP_MAIN_HEADER_ROW);
}
