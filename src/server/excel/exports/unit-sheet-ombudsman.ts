/**
 * The Ombudsman sheet: per dimension its indicators, requirements, files and statuses
 * and the dimension score, then the estimated total, grade and zone. Always labelled
 * "estimasi kesiapan": the assessors' item sheets are not public, so the app can only
 * estimate from verified evidence, and some grade bands are inferred.
 */
import type ExcelJS from 'exceljs';
import { formatPercent } from '../../../core/scoring/rounding';
import type { OmbudsmanAspectResult, OmbudsmanReport, Tone } from '../../../core/scoring/types';
import type { ChecklistAspect } from '../../../shared/types';
import type { FilePlan } from './file-plan';
import { ZONE_TONE, zoneLabel } from './format';
import { requirementRows, writeIndicatorBlock, type IndicatorBlock, type TableLayout } from './requirement-table';
import { addTitle, bodyCell, ensureMergedHeight, exportSheetName, fitRowHeight, NUM_INDEX, printOptions, sectionRow, setColumnWidths, toneCell, writeHeader } from './sheet-style';
import { KOP_ROWS, writeKop } from './kop';
import { commitSheet, type StreamWorkbook } from './stream-workbook';
import { checklistOf, type UnitPackageData } from './unit-data';

export const OMBUDSMAN_SHEET = 'Ombudsman';
export const OMBUDSMAN_HEADERS = ['No', 'Indikator', 'Nilai indikator', 'Bukti dukung', 'Berkas', 'Status', 'Catatan'] as const;
export const OMBUDSMAN_HEADER_ROW = KOP_ROWS + 5;
const WIDTHS = [5, 36, 11, 44, 30, 15, 32];
const LAYOUT: TableLayout = { indicatorColumns: [1, 2, 3], requirementColumn: 4, fileColumn: 5, statusColumn: 6, noteColumn: 7, lastColumn: 7 };

/** Label across columns 1–2, value across 3–last (single-row merges never overlap). */
export function summaryRow(sheet: ExcelJS.Worksheet, row: number, label: string, value: ExcelJS.CellValue, numFmt?: string, tone?: Tone | null): ExcelJS.Cell {
  for (let column = 1; column <= LAYOUT.lastColumn; column += 1) bodyCell(sheet, row, column, null);
  bodyCell(sheet, row, 1, label).font = { bold: true };
  const cell = bodyCell(sheet, row, 3, value, numFmt);
  cell.alignment = { vertical: 'top', horizontal: 'left', wrapText: true };
  toneCell(cell, tone);
  sheet.mergeCells(row, 1, row, 2);
  sheet.mergeCells(row, 3, row, LAYOUT.lastColumn);
  fitRowHeight(sheet, row, 2);
  const valueWidth = WIDTHS.slice(2).reduce((a, b) => a + b, 0);
  if (typeof value === 'string') ensureMergedHeight(sheet, row, row, value, valueWidth);
  return cell;
}

function blocks(aspect: OmbudsmanAspectResult, checklistAspect: ChecklistAspect | undefined, plan: FilePlan, instrumentId: number): IndicatorBlock[] {
  return aspect.indicators.map((indicator) => {
    const source = checklistAspect?.indicators.find((item) => item.code === indicator.code);
    const name = indicator.included ? indicator.name : `${indicator.name}\nDikecualikan: ${indicator.exclusionReason ?? ''}`;
    return {
      cells: [{ value: indicator.number }, { value: name }, indicator.score === null ? { value: 'dikecualikan' } : { value: indicator.score, numFmt: NUM_INDEX }],
      requirements: source ? requirementRows(source, instrumentId, plan) : [],
    };
  });
}

function writeDimensions(sheet: ExcelJS.Worksheet, data: UnitPackageData, report: OmbudsmanReport, plan: FilePlan): number {
  const instrument = checklistOf(data, 'ombudsman');
  let row = OMBUDSMAN_HEADER_ROW + 1;
  for (const aspect of report.aspects) {
    sectionRow(sheet, row, `Dimensi ${aspect.name} (bobot ${formatPercent(aspect.weight)})`, LAYOUT.lastColumn);
    row += 1;
    const checklistAspect = instrument?.aspects.find((item) => item.code === aspect.code);
    for (const block of blocks(aspect, checklistAspect, plan, instrument?.instrumentId ?? 0)) row = writeIndicatorBlock(sheet, row, block, LAYOUT);
    const score = aspect.score === null ? `dikecualikan: ${aspect.exclusionReason ?? ''}` : aspect.score;
    summaryRow(sheet, row, `Nilai dimensi ${aspect.name} (0–100)`, score, NUM_INDEX);
    row += 1;
  }
  return row;
}

function writeTotals(sheet: ExcelJS.Worksheet, start: number, report: OmbudsmanReport): void {
  let row = start + 1;
  sectionRow(sheet, row++, `Hasil ${report.estimateLabel}`, LAYOUT.lastColumn);
  summaryRow(sheet, row++, 'Nilai gabungan dimensi (0–100)', report.dimensionsScore, NUM_INDEX);
  if (report.trust) {
    const trust = report.trust.value ?? 'belum diisi';
    summaryRow(sheet, row++, `${report.trust.label} (bobot ${formatPercent(report.trust.share)})`, trust, NUM_INDEX);
  }
  summaryRow(sheet, row++, `Estimasi nilai total (${report.estimateLabel})`, report.total ?? 'belum dapat dihitung', NUM_INDEX);
  const grade = report.band ? `${report.band.code} — ${report.opinion ?? report.band.label}${report.band.estimated ? ' (rentang estimasi)' : ''}` : '–';
  summaryRow(sheet, row++, 'Opini', grade, undefined, report.band?.tone);
  summaryRow(sheet, row++, 'Zona', zoneLabel(report.zone) || '–', undefined, report.zone ? ZONE_TONE[report.zone] : null);
  for (const note of report.notes) summaryRow(sheet, row++, 'Catatan', note);
}

export function addOmbudsmanSheet(workbook: StreamWorkbook, data: UnitPackageData, plan: FilePlan, taken: Set<string>): string | null {
  const report = data.ombudsman;
  if (!report) return null;
  const sheet = workbook.addWorksheet(exportSheetName(OMBUDSMAN_SHEET, taken), printOptions(OMBUDSMAN_HEADER_ROW, 'landscape', true, data.print(`${data.unit.name} — Ombudsman ${data.period.year}`)));
  setColumnWidths(sheet, WIDTHS);
  writeKop(workbook, sheet, data.docs.header, LAYOUT.lastColumn);
  addTitle(sheet, KOP_ROWS + 1, `Penilaian Ombudsman RI — ${report.instrument.shortName}: ${report.estimateLabel}`, LAYOUT.lastColumn, 14);
  addTitle(sheet, KOP_ROWS + 2, `${data.unit.name} · ${data.localGovernment} · Tahun ${data.period.year}`, LAYOUT.lastColumn, 12);
  addTitle(sheet, KOP_ROWS + 3, 'Nilai di lembar ini adalah estimasi kesiapan dari bukti dukung yang sudah terverifikasi, bukan hasil penilaian Ombudsman RI.', LAYOUT.lastColumn, 11);
  writeHeader(sheet, OMBUDSMAN_HEADER_ROW, OMBUDSMAN_HEADERS);
  writeTotals(sheet, writeDimensions(sheet, data, report, plan), report);
  commitSheet(sheet);
  return sheet.name;
}
