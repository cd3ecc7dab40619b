/**
 * Styling shared by every exported sheet. Styles are limited to what both Excel and
 * LibreOffice read without "repair": solid fills, thin borders, plain fonts, and merges
 * that never overlap. Row heights are estimated because neither program auto-fits rows
 * that contain merged, wrapped cells when the file is opened.
 */
import type ExcelJS from 'exceljs';
import type { Tone } from '../../../core/scoring/types';
import { safeText, sheetName } from '../cells';
import { TONE_COLORS } from './format';

export const LINE_HEIGHT = 15;
/** Excel refuses taller rows. */
const MAX_ROW_HEIGHT = 409;

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF8C8C8C' } };
export const BORDER_ALL: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
const SECTION_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

export const NUM_INDEX = '0.00';
export const NUM_GAIN = '0.0000';
export const NUM_PERCENT = '0.0%';
export const NUM_ONE_DECIMAL = '0.0';
export const NUM_INTEGER = '#,##0';

/**
 * A sheet name that is also safe inside a print-titles defined name: exceljs quotes the
 * name but does not double an inner apostrophe, which Excel would then have to repair.
 */
export function exportSheetName(wanted: string, taken: Set<string>): string {
  return sheetName(wanted.replace(/'/gu, '\u2019'), taken);
}

export function setColumnWidths(sheet: ExcelJS.Worksheet, widths: readonly number[]): void {
  widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
}

/** A title line across the table width (one merge per row, so merges never overlap). */
export function addTitle(sheet: ExcelJS.Worksheet, row: number, text: string, lastColumn: number, size = 12): void {
  const cell = sheet.getCell(row, 1);
  cell.value = cellText(text);
  cell.font = { bold: size > 11, size };
  cell.alignment = { vertical: 'middle', wrapText: true };
  if (lastColumn > 1) sheet.mergeCells(row, 1, row, lastColumn);
  const widths = columnWidths(sheet, lastColumn);
  sheet.getRow(row).height = Math.min(MAX_ROW_HEIGHT, lineCount(text, widths.reduce((a, b) => a + b, 0)) * (size + 5));
}

export function writeHeader(sheet: ExcelJS.Worksheet, row: number, headers: readonly string[]): void {
  headers.forEach((header, index) => {
    const cell = sheet.getCell(row, index + 1);
    cell.value = safeText(header);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER_ALL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  fitRowHeight(sheet, row, headers.length);
}

/** Excel's limit is 32,767 characters per cell; longer text would need a repair on open. */
const MAX_CELL_CHARS = 32_000;

export function cellText(value: string): string {
  const safe = safeText(value);
  return safe.length > MAX_CELL_CHARS ? `${safe.slice(0, MAX_CELL_CHARS)}…` : safe;
}

/** A body cell: bordered, wrapped, top-aligned; text always through safeText. */
export function bodyCell(sheet: ExcelJS.Worksheet, row: number, column: number, value: ExcelJS.CellValue, numFmt?: string): ExcelJS.Cell {
  const cell = sheet.getCell(row, column);
  cell.value = typeof value === 'string' ? cellText(value) : value;
  cell.border = BORDER_ALL;
  cell.alignment = { vertical: 'top', wrapText: true, ...(typeof value === 'number' ? { horizontal: 'center' as const } : {}) };
  if (numFmt) cell.numFmt = numFmt;
  return cell;
}

/** A full-width row: a grey section heading, or (emphasis false) a plain paragraph. */
export function sectionRow(sheet: ExcelJS.Worksheet, row: number, text: string, lastColumn: number, emphasis = true): void {
  for (let column = 1; column <= lastColumn; column += 1) {
    const cell = sheet.getCell(row, column);
    if (emphasis) cell.fill = SECTION_FILL;
    cell.border = BORDER_ALL;
  }
  const first = sheet.getCell(row, 1);
  first.value = cellText(text);
  first.font = { bold: emphasis };
  first.alignment = { vertical: 'middle', wrapText: true };
  sheet.mergeCells(row, 1, row, lastColumn);
  sheet.getRow(row).height = lineCount(text, columnWidths(sheet, lastColumn).reduce((a, b) => a + b, 0)) * LINE_HEIGHT + 4;
}

export function toneCell(cell: ExcelJS.Cell, tone: Tone | null | undefined): void {
  if (!tone) return;
  const colors = TONE_COLORS[tone];
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: colors.fill } };
  cell.font = { ...(cell.font ?? {}), bold: true, color: { argb: colors.font } };
}

/** A4 landscape, one page wide, header row repeated, table frozen below the header. */
export function printSetup(sheet: ExcelJS.Worksheet, headerRow: number | null, orientation: 'landscape' | 'portrait' = 'landscape', freeze = true): void {
  sheet.pageSetup = {
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  if (headerRow !== null) {
    sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
    if (freeze) sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}` }];
  }
  sheet.headerFooter = { oddFooter: '&LPatuh&RHalaman &P dari &N' };
}

function columnWidths(sheet: ExcelJS.Worksheet, lastColumn: number): number[] {
  return Array.from({ length: lastColumn }, (_, index) => sheet.getColumn(index + 1).width ?? 9);
}

/** Lines a text needs in a column of `width` characters (wrapping estimated by length). */
export function lineCount(text: string, width: number): number {
  const usable = Math.max(4, Math.floor(width * 1.1) - 2);
  return text.split('\n').reduce((total, line) => total + Math.max(1, Math.ceil(line.length / usable)), 0);
}

function displayedText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  return String(value);
}

/** Height for a row of unmerged cells. */
export function fitRowHeight(sheet: ExcelJS.Worksheet, row: number, lastColumn: number): void {
  const widths = columnWidths(sheet, lastColumn);
  const lines = Math.max(1, ...widths.map((width, index) => lineCount(displayedText(sheet.getCell(row, index + 1).value), width)));
  sheet.getRow(row).height = Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 2);
}

/** Make rows first..last together tall enough for `text` in a cell merged over them. */
export function ensureMergedHeight(sheet: ExcelJS.Worksheet, first: number, last: number, text: string, width: number): void {
  const needed = lineCount(text, width) * LINE_HEIGHT + 2;
  const count = last - first + 1;
  const have = Array.from({ length: count }, (_, index) => sheet.getRow(first + index).height ?? LINE_HEIGHT);
  const total = have.reduce((a, b) => a + b, 0);
  if (total >= needed) return;
  const extra = (needed - total) / count;
  have.forEach((height, index) => {
    sheet.getRow(first + index).height = Math.min(MAX_ROW_HEIGHT, Math.ceil(height + extra));
  });
}

/** Merge a vertical span only when it covers more than one row (single-cell merges are invalid). */
export function mergeDown(sheet: ExcelJS.Worksheet, first: number, last: number, column: number): void {
  if (last > first) sheet.mergeCells(first, column, last, column);
}

/** Two-column "label: value" rows, used by identity and summary blocks. */
export function labelRow(sheet: ExcelJS.Worksheet, row: number, label: string, value: ExcelJS.CellValue, numFmt?: string): ExcelJS.Cell {
  const labelCell = bodyCell(sheet, row, 1, label);
  labelCell.font = { bold: true };
  const valueCell = bodyCell(sheet, row, 2, value, numFmt);
  valueCell.alignment = { vertical: 'top', wrapText: true, horizontal: 'left' };
  fitRowHeight(sheet, row, 2);
  return valueCell;
}
