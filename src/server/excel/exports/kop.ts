/**
 * The kop, title block and signature block of every Excel export, rendered from the
 * shared document model (src/server/documents/letterhead.ts) so a workbook and a letter
 * carry the same letterhead. Rows are fixed (KOP_ROWS) so table positions stay stable.
 */
import type ExcelJS from 'exceljs';
import { signatureLines, type Signature } from '../../../core/documents/signature';
import type { DocumentHeader } from '../../documents/letterhead';
import { FONT, LINE_HEIGHT, lineCount, setText } from './sheet-style';
import { StyleInterner } from './style-interner';

/** Rows 1–5 are the kop (3 lines, address, contact), row 6 a spacer. */
export const KOP_ROWS = 6;
const LOGO_HEIGHT_PX = 74;

function mergedLine(sheet: ExcelJS.Worksheet, row: number, from: number, to: number, text: string, font: Partial<ExcelJS.Font>, height: number): ExcelJS.Cell {
  const cell = setText(sheet.getCell(row, from), text);
  cell.font = { name: FONT, ...font };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  if (to > from) sheet.mergeCells(row, from, row, to);
  sheet.getRow(row).height = height;
  return cell;
}

function totalWidth(sheet: ExcelJS.Worksheet, from: number, to: number): number {
  let width = 0;
  for (let column = from; column <= to; column += 1) width += sheet.getColumn(column).width ?? 9;
  return width;
}

/**
 * Kop across columns 1..lastColumn: logo at the left, the three kop lines centred, the
 * address and contact line, a double rule under it. Returns the first free row.
 */
export function writeKop(workbook: Pick<ExcelJS.Workbook, 'addImage'>, sheet: ExcelJS.Worksheet, header: DocumentHeader, lastColumn: number): number {
  const lines: Array<[string, Partial<ExcelJS.Font>, number]> = [
    [header.lines[0], { bold: true, size: 13 }, 18],
    [header.lines[1], { bold: true, size: 13 }, 18],
    [header.lines[2], { bold: true, size: 15 }, 21],
    [header.addressLine, { size: 9 }, 13],
    [header.contactLine, { size: 9 }, 13],
  ];
  lines.forEach(([text, font, height], index) => mergedLine(sheet, index + 1, 1, lastColumn, text, font, height));
  for (let column = 1; column <= lastColumn; column += 1) {
    sheet.getCell(5, column).border = { bottom: { style: 'double', color: { argb: 'FF000000' } } };
  }
  sheet.getRow(KOP_ROWS).height = 8;
  if (header.logo) {
    const image = workbook.addImage({ buffer: header.logo.data as unknown as ExcelJS.Buffer, extension: header.logo.extension });
    const height = LOGO_HEIGHT_PX;
    const width = Math.round((header.logo.width / header.logo.height) * height);
    sheet.addImage(image, { tl: { col: 0.15, row: 0.1 }, ext: { width, height }, editAs: 'oneCell' });
  }
  return KOP_ROWS + 1;
}

/** Centred title lines (document name, year, pemda) under the kop; returns the next free row. */
export function writeTitleBlock(sheet: ExcelJS.Worksheet, start: number, lines: readonly string[], lastColumn: number): number {
  const width = totalWidth(sheet, 1, lastColumn);
  lines.forEach((text, index) => {
    const size = index === 0 ? 13 : 11;
    mergedLine(sheet, start + index, 1, lastColumn, text, { bold: index < 2, size }, lineCount(text, width) * (size + 6));
  });
  return start + lines.length;
}

/**
 * A signature block in columns from..to starting at `row`: caption, jabatan, space to
 * sign, name (bold, underlined), pangkat, NIP. Returns the row after the block.
 */
export function writeSignature(sheet: ExcelJS.Worksheet, row: number, from: number, to: number, signature: Signature): number {
  const { top, name, bottom } = signatureLines(signature);
  let current = row;
  const width = totalWidth(sheet, from, to);
  const line = (text: string, font: Partial<ExcelJS.Font> = {}) => {
    const cell = setText(sheet.getCell(current, from), text);
    cell.font = { name: FONT, size: 11, ...font };
    cell.alignment = { horizontal: 'center', vertical: 'top', wrapText: true };
    if (to > from) sheet.mergeCells(current, from, current, to);
    const height = lineCount(text, width) * LINE_HEIGHT + 2;
    if ((sheet.getRow(current).height ?? 0) < height) sheet.getRow(current).height = height;
    current += 1;
  };
  top.forEach((text) => line(text));
  for (let index = 0; index < 3; index += 1) {
    sheet.getRow(current).height = Math.max(sheet.getRow(current).height ?? 0, LINE_HEIGHT + 2);
    current += 1;
  }
  line(name, { bold: true, underline: true });
  bottom.forEach((text) => line(text));
  return current;
}

/**
 * Two signatures side by side (left usually "Mengetahui," + the unit head, right the
 * dated signatory), or one at the right. Returns the row after the taller block.
 */
export function writeSignatures(sheet: ExcelJS.Worksheet, row: number, lastColumn: number, right: Signature, left?: Signature): number {
  const middle = Math.max(1, Math.floor(lastColumn / 2));
  const rightStart = lastColumn > 2 ? middle + 1 : lastColumn;
  const endRight = writeSignature(sheet, row, rightStart, lastColumn, right);
  const endLeft = left ? writeSignature(sheet, row, 1, Math.max(1, rightStart - 1), left) : row;
  return Math.max(endLeft, endRight);
}

/** Set the family on every cell that has content or style, so no cell falls back to another font. */
export function applyFont(workbook: ExcelJS.Workbook): void {
  // The same pass shares identical styles: exceljs then writes each style's XML once,
  // not once per cell (for the in-memory workbooks, most of their writing time).
  const interner = new StyleInterner();
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        cell.style = interner.shared(cell.style);
      });
    });
  }
}
