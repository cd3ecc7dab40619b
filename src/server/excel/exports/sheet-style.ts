/**
 * Styling shared by every exported sheet. Styles are limited to what both Excel and
 * LibreOffice read without "repair": solid fills, thin borders, plain fonts, and merges
 * that never overlap. Row heights are estimated because neither program auto-fits rows
 * that contain merged, wrapped cells when the file is opened.
 */
import type ExcelJS from 'exceljs';
import type { Tone } from '../../../core/scoring/types';
import { shortenName } from '../../../core/documents/shorten';
import { cleanText, looksLikeFormula, sheetName, TEXT_FORMAT } from '../cells';
import type { PaperSize } from '../../../shared/documents-types';
import { TONE_COLORS } from './format';

export const LINE_HEIGHT = 15;
/**
 * One font family on every style: without a name LibreOffice falls back to a serif for
 * some cells. Arial is on every office PC and maps to the metric-compatible Liberation Sans.
 */
export const FONT = 'Arial';
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
  // Shortened where the meaning survives ("… (P2TP2A)", "… 2026"), never cut mid-word.
  return sheetName(shortenName(wanted.replace(/'/gu, '\u2019').replace(/[[\]:*?/\\]/gu, ' '), 31, { extension: false }), taken);
}

export function setColumnWidths(sheet: ExcelJS.Worksheet, widths: readonly number[]): void {
  widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
}

/** A title line across the table width (one merge per row, so merges never overlap). */
export function addTitle(sheet: ExcelJS.Worksheet, row: number, text: string, lastColumn: number, size = 12): void {
  const cell = sheet.getRow(row).getCell(1);
  setText(cell, text);
  cell.font = { name: FONT, bold: size > 11, size };
  cell.alignment = { vertical: 'middle', wrapText: true };
  if (lastColumn > 1) sheet.mergeCells(row, 1, row, lastColumn);
  const widths = columnWidths(sheet, lastColumn);
  sheet.getRow(row).height = Math.min(MAX_ROW_HEIGHT, lineCount(text, widths.reduce((a, b) => a + b, 0)) * (size + 5));
}

export function writeHeader(sheet: ExcelJS.Worksheet, row: number, headers: readonly string[]): void {
  headers.forEach((header, index) => {
    const cell = sheet.getRow(row).getCell(index + 1);
    setText(cell, header);
    cell.font = { name: FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER_ALL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  widenForWords(sheet, headers);
  fitRowHeight(sheet, row, headers.length);
}

/** A header never breaks inside a word: each column is at least as wide as its longest word. */
function widenForWords(sheet: ExcelJS.Worksheet, headers: readonly string[]): void {
  headers.forEach((header, index) => {
    const longest = Math.max(0, ...header.split(/[\s/]+/u).map((word) => word.length));
    const column = sheet.getColumn(index + 1);
    // Bold capitals are wider than the average character the width unit is based on.
    const needed = Math.ceil(longest * (header === header.toUpperCase() ? 1.25 : 1.1)) + 2;
    if ((column.width ?? 9) < needed) column.width = needed;
  });
}

/** Excel's limit is 32,767 characters per cell; longer text would need a repair on open. */
const MAX_CELL_CHARS = 32_000;

export function cellText(value: string): string {
  const clean = cleanText(value);
  return clean.length > MAX_CELL_CHARS ? `${clean.slice(0, MAX_CELL_CHARS)}…` : clean;
}

/** User text into a cell exactly as typed; formula-looking text gets the Text format so it stays text. */
export function setText(cell: ExcelJS.Cell, text: string): ExcelJS.Cell {
  const value = cellText(text);
  cell.value = value;
  if (looksLikeFormula(value)) cell.numFmt = TEXT_FORMAT;
  return cell;
}

/** A hyperlink whose label is user text: shown as typed, never a formula. */
export function linkValue(label: string, hyperlink: string): ExcelJS.CellHyperlinkValue {
  return { text: cellText(label), hyperlink };
}

/** Shared, never mutated: one object per style instead of one per cell (thousands in a recap). */
const BODY_ALIGNMENT: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: true };
const BODY_NUMBER_ALIGNMENT: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: true, horizontal: 'center' };

/** A body cell: bordered, wrapped, top-aligned; text always through setText. */
export function bodyCell(sheet: ExcelJS.Worksheet, row: number, column: number, value: ExcelJS.CellValue, numFmt?: string): ExcelJS.Cell {
  const cell = sheet.getRow(row).getCell(column);
  if (typeof value === 'string') setText(cell, value);
  else cell.value = value;
  cell.border = BORDER_ALL;
  cell.alignment = typeof value === 'number' ? BODY_NUMBER_ALIGNMENT : BODY_ALIGNMENT;
  if (numFmt && typeof value !== 'string') cell.numFmt = numFmt;
  return cell;
}

/** A full-width row: a grey section heading, or (emphasis false) a plain paragraph. */
export function sectionRow(sheet: ExcelJS.Worksheet, row: number, text: string, lastColumn: number, emphasis = true): void {
  for (let column = 1; column <= lastColumn; column += 1) {
    const cell = sheet.getRow(row).getCell(column);
    if (emphasis) cell.fill = SECTION_FILL;
    cell.border = BORDER_ALL;
  }
  const first = sheet.getRow(row).getCell(1);
  setText(first, text);
  first.font = { name: FONT, bold: emphasis };
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

/** What the page header and footer print: the document title and who issued it. */
export interface PrintInfo {
  title: string;
  /** Footer left, e.g. "Bagian Organisasi Setda Kabupaten Contoh". */
  issuer: string;
  paper: PaperSize;
}

/** Header/footer codes treat "&" as a command: a literal one is doubled. */
const headerText = (text: string) => text.replace(/&/gu, '&&').slice(0, 120);

/** What a sheet prints with: page setup, frozen header, page header and footer. */
export interface SheetPrintOptions {
  pageSetup: Partial<ExcelJS.PageSetup>;
  views: Array<Partial<ExcelJS.WorksheetView>>;
  headerFooter: Partial<ExcelJS.HeaderFooter>;
}

/**
 * A4 (or F4) landscape, one page wide, header row repeated, table frozen below the
 * header; the page header names the document and the footer counts "Halaman x dari y".
 * As plain options, because a streaming sheet needs them when it is created.
 */
export function printOptions(headerRow: number | null, orientation: 'landscape' | 'portrait' = 'landscape', freeze = true, print?: PrintInfo): SheetPrintOptions {
  const pageSetup: Partial<ExcelJS.PageSetup> = {
    // 9 = A4; 14 = Folio 8.5×13 in (216×330 mm), the size offices call F4.
    paperSize: (print?.paper === 'F4' ? 14 : 9) as unknown as ExcelJS.PaperSize,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
    ...(headerRow !== null ? { printTitlesRow: `${headerRow}:${headerRow}` } : {}),
  };
  const views: SheetPrintOptions['views'] = headerRow !== null && freeze ? [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}` }] : [];
  const font = `&"${FONT},Regular"&8`;
  const title = print ? `&C${font}${headerText(print.title)}` : '';
  const issuer = print ? headerText(print.issuer) : 'Patuh';
  return { pageSetup, views, headerFooter: { oddHeader: title, oddFooter: `&L${font}${issuer}&R${font}Halaman &P dari &N` } };
}

export function printSetup(sheet: ExcelJS.Worksheet, headerRow: number | null, orientation: 'landscape' | 'portrait' = 'landscape', freeze = true, print?: PrintInfo): void {
  const options = printOptions(headerRow, orientation, freeze, print);
  sheet.pageSetup = options.pageSetup;
  if (options.views.length > 0) sheet.views = options.views as ExcelJS.WorksheetView[];
  sheet.headerFooter = options.headerFooter;
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
  const lines = Math.max(1, ...widths.map((width, index) => lineCount(displayedText(sheet.getRow(row).getCell(index + 1).value), width)));
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
