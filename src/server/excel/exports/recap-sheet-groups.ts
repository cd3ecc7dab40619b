/**
 * The Bukti Dukung sheet in the layout offices already keep (NO | NAMA UNIT | … | TOTAL
 * with ✓ / - ): one sheet, a sub-heading per unit group (A. Perangkat Daerah, B. …)
 * with its own numbering and labelled footer rows — JUMLAH UNIT LENGKAP (✓) and
 * PERSENTASE UNIT LENGKAP — plus the mean share verified, so a row never shows a bare
 * 0 / 0,0%. Percentages are the checklist's own progress figures.
 */
import type ExcelJS from 'exceljs';
import { groupInOrder, meanOfPresent } from '../../../core/documents/groups';
import type { Progress } from '../../../core/checklist/types';
import type { DashboardUnit } from '../../../shared/types';
import { KOP_ROWS, writeKop, writeSignatures, writeTitleBlock } from './kop';
import type { RecapData } from './recap';
import { bodyCell, exportSheetName, fitRowHeight, NUM_INTEGER, NUM_PERCENT, printOptions, sectionRow, setColumnWidths, writeHeader } from './sheet-style';
import { commitRows, type StreamWorkbook } from './stream-workbook';

/** Shared style parts (never mutated): one object per style, not one per cell. */
const CENTER_TOP: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'top' };
const BOLD: Partial<ExcelJS.Font> = { bold: true };

export const DONE_MARK = '✓';
export const NONE_MARK = '-';
export const EVIDENCE_SHEET = 'Bukti Dukung';
export const GROUP_HEADER_ROW = KOP_ROWS + 4;
export const FOOTER_LABELS = { count: 'JUMLAH UNIT LENGKAP (✓)', percent: 'PERSENTASE UNIT LENGKAP', mean: 'RATA-RATA BUKTI TERVERIFIKASI' } as const;

/** ✓ when everything applicable is verified, - when nothing is, otherwise the share (0–1). */
export function progressMark(progress: Progress): string | number {
  if (progress.applicable > 0 && progress.verified === progress.applicable) return DONE_MARK;
  if (progress.verified === 0) return NONE_MARK;
  return progress.percentVerified / 100;
}

function unitMarks(data: RecapData, unit: DashboardUnit): Array<string | number> {
  const instrument = data.pekpppProgress(unit.unitId);
  const aspects = data.board.aspects.map((aspect) => {
    const progress = instrument?.aspects.get(aspect.code);
    return progress ? progressMark(progress) : NONE_MARK;
  });
  return [...aspects, instrument ? progressMark(instrument.total) : NONE_MARK];
}

function footer(sheet: ExcelJS.Worksheet, row: number, marks: Array<Array<string | number>>, shares: number[][], columnCount: number): number {
  const labels = [FOOTER_LABELS.count, FOOTER_LABELS.percent, FOOTER_LABELS.mean];
  labels.forEach((label, offset) => {
    bodyCell(sheet, row + offset, 1, null);
    bodyCell(sheet, row + offset, 2, label).font = BOLD;
  });
  for (let index = 0; index < columnCount; index += 1) {
    const done = marks.filter((unit) => unit[index] === DONE_MARK).length;
    const count = bodyCell(sheet, row, 3 + index, done, NUM_INTEGER);
    const share = bodyCell(sheet, row + 1, 3 + index, marks.length === 0 ? 0 : done / marks.length, NUM_PERCENT);
    const average = meanOfPresent(shares.map((unit) => unit[index]), 4);
    const mean = bodyCell(sheet, row + 2, 3 + index, average ?? '–', NUM_PERCENT);
    for (const cell of [count, share, mean]) {
      cell.font = BOLD;
      cell.alignment = CENTER_TOP;
    }
  }
  return row + labels.length;
}

/** Share verified (0–1) per aspect column and the total, for the mean row. */
function unitShares(data: RecapData, unit: DashboardUnit): number[] {
  const instrument = data.pekpppProgress(unit.unitId);
  const share = (progress: Progress | undefined) => (progress && progress.applicable > 0 ? progress.verified / progress.applicable : 0);
  return [...data.board.aspects.map((aspect) => share(instrument?.aspects.get(aspect.code))), share(instrument?.total)];
}

function unitRow(sheet: ExcelJS.Worksheet, row: number, number: number, unit: DashboardUnit, marks: Array<string | number>): void {
  bodyCell(sheet, row, 1, number);
  bodyCell(sheet, row, 2, unit.unitName);
  marks.forEach((mark, column) => {
    const cell = bodyCell(sheet, row, 3 + column, typeof mark === 'number' ? mark : null, NUM_PERCENT);
    // The marks are our own constants, not user text: "-" is written as-is.
    if (typeof mark === 'string') cell.value = mark;
    cell.alignment = CENTER_TOP;
  });
  fitRowHeight(sheet, row, 2);
}

export function addGroupSheets(workbook: StreamWorkbook, data: RecapData, taken: Set<string>): void {
  const sheet = workbook.addWorksheet(exportSheetName(EVIDENCE_SHEET, taken), printOptions(GROUP_HEADER_ROW, 'landscape', true, data.print(`Rekapitulasi bukti dukung ${data.year}`)));
  const headers = ['NO', 'NAMA UNIT', ...data.board.aspects.map((aspect) => data.aspectShort(aspect.code, aspect.name).toUpperCase()), 'TOTAL'];
  setColumnWidths(sheet, [5, 38, ...data.board.aspects.map(() => 13), 11]);
  writeKop(workbook, sheet, data.docs.header, headers.length);
  writeTitleBlock(sheet, KOP_ROWS + 1, [`REKAPITULASI BUKTI DUKUNG PEKPPP TERVERIFIKASI TAHUN ${data.year}`, `${data.localGovernment} · ✓ = lengkap, - = belum ada yang terverifikasi, % = sebagian terverifikasi`], headers.length);
  writeHeader(sheet, GROUP_HEADER_ROW, headers);
  commitRows(sheet);
  let row = GROUP_HEADER_ROW + 1;
  for (const group of groupInOrder(data.board.units, (unit) => unit.groupName)) {
    sectionRow(sheet, row++, `${group.letter}. ${group.name}`, headers.length);
    const marks = group.items.map((unit) => unitMarks(data, unit));
    group.items.forEach((unit, index) => unitRow(sheet, row++, index + 1, unit, marks[index]!));
    row = footer(sheet, row, marks, group.items.map((unit) => unitShares(data, unit)), headers.length - 2);
    commitRows(sheet);
  }
  writeSignatures(sheet, row + 1, headers.length, data.docs.signature('recap', { dated: true }));
  commitRows(sheet);
  sheet.commit();
}
