/**
 * Per-group sheets in the layout offices already keep (NO | NAMA UNIT | … | TOTAL with
 * ✓ / - and JUMLAH / PERSENTASE footers), here one column per PEKPPP aspect showing the
 * share of its requirements verified; and the Kesenjangan sheet listing every open
 * requirement. Percentages are the checklist's own progress figures.
 */
import type ExcelJS from 'exceljs';
import { isGap } from '../../../core/checklist/progress';
import type { Progress } from '../../../core/checklist/types';
import type { ChecklistInstrument, DashboardUnit } from '../../../shared/types';
import { statusLabel } from './format';
import type { RecapData } from './recap';
import { requirementNote } from './requirement-table';
import { addTitle, bodyCell, exportSheetName, fitRowHeight, NUM_INTEGER, NUM_PERCENT, printSetup, setColumnWidths, writeHeader } from './sheet-style';

export const DONE_MARK = '✓';
export const NONE_MARK = '-';
export const GROUP_HEADER_ROW = 3;
export const GAPS_SHEET = 'Kesenjangan';
export const GAPS_HEADERS = ['Unit', 'Instrumen', 'Aspek/Dimensi', 'Indikator', 'Bukti dukung', 'Status', 'Catatan'] as const;
export const GAPS_HEADER_ROW = 3;

/** ✓ when everything applicable is verified, - when nothing is, otherwise the share (0–1). */
export function progressMark(progress: Progress): string | number {
  if (progress.applicable > 0 && progress.verified === progress.applicable) return DONE_MARK;
  if (progress.verified === 0) return NONE_MARK;
  return progress.percentVerified / 100;
}

function pekpppOf(data: RecapData, unitId: number): ChecklistInstrument | undefined {
  return data.checklists.get(unitId)?.instruments.find((instrument) => instrument.family === 'pekppp');
}

function groupsOf(units: readonly DashboardUnit[]): Map<string, DashboardUnit[]> {
  const groups = new Map<string, DashboardUnit[]>();
  for (const unit of units) groups.set(unit.groupName, [...(groups.get(unit.groupName) ?? []), unit]);
  return groups;
}

function unitMarks(data: RecapData, unit: DashboardUnit): Array<string | number> {
  const instrument = pekpppOf(data, unit.unitId);
  const aspects = data.board.aspects.map((aspect) => {
    const progress = instrument?.aspects.find((item) => item.code === aspect.code)?.progress;
    return progress ? progressMark(progress) : NONE_MARK;
  });
  return [...aspects, instrument ? progressMark(instrument.progress) : NONE_MARK];
}

function footer(sheet: ExcelJS.Worksheet, row: number, marks: Array<Array<string | number>>, columnCount: number): void {
  bodyCell(sheet, row, 1, null);
  bodyCell(sheet, row + 1, 1, null);
  bodyCell(sheet, row, 2, 'JUMLAH').font = { bold: true };
  bodyCell(sheet, row + 1, 2, 'PERSENTASE').font = { bold: true };
  for (let index = 0; index < columnCount; index += 1) {
    const done = marks.filter((unit) => unit[index] === DONE_MARK).length;
    bodyCell(sheet, row, 3 + index, done, NUM_INTEGER).font = { bold: true };
    bodyCell(sheet, row + 1, 3 + index, marks.length === 0 ? 0 : done / marks.length, NUM_PERCENT).font = { bold: true };
  }
}

function addGroupSheet(workbook: ExcelJS.Workbook, data: RecapData, group: string, units: DashboardUnit[], taken: Set<string>): void {
  const sheet = workbook.addWorksheet(exportSheetName(group, taken));
  const headers = ['NO', 'NAMA UNIT', ...data.board.aspects.map((aspect) => aspect.name.toUpperCase()), 'TOTAL'];
  setColumnWidths(sheet, [5, 36, ...data.board.aspects.map(() => 16), 12]);
  addTitle(sheet, 1, `${group.toUpperCase()} — TAHUN ${data.year} — ${data.localGovernment}: bukti dukung PEKPPP terverifikasi (✓ = lengkap, - = belum ada, % = sebagian)`, headers.length, 12);
  writeHeader(sheet, GROUP_HEADER_ROW, headers);
  const marks = units.map((unit) => unitMarks(data, unit));
  units.forEach((unit, index) => {
    const row = GROUP_HEADER_ROW + 1 + index;
    bodyCell(sheet, row, 1, index + 1);
    bodyCell(sheet, row, 2, unit.unitName);
    marks[index]!.forEach((mark, column) => {
      const cell = bodyCell(sheet, row, 3 + column, typeof mark === 'number' ? mark : null, NUM_PERCENT);
      // The marks are our own constants, not user text: "-" is written as-is (safeText would prefix it).
      if (typeof mark === 'string') cell.value = mark;
      cell.alignment = { horizontal: 'center', vertical: 'top' };
    });
    fitRowHeight(sheet, row, 2);
  });
  footer(sheet, GROUP_HEADER_ROW + 1 + units.length, marks, headers.length - 2);
  printSetup(sheet, GROUP_HEADER_ROW);
}

export function addGroupSheets(workbook: ExcelJS.Workbook, data: RecapData, taken: Set<string>): void {
  for (const [group, units] of groupsOf(data.board.units)) addGroupSheet(workbook, data, group, units, taken);
}

function gapRows(data: RecapData, unit: DashboardUnit): string[][] {
  const checklist = data.checklists.get(unit.unitId);
  return (checklist?.instruments ?? []).flatMap((instrument) =>
    instrument.aspects.flatMap((aspect) =>
      aspect.indicators.flatMap((indicator) =>
        indicator.requirements
          .filter((requirement) => isGap(requirement.status))
          .map((requirement) => [
            unit.unitName,
            instrument.shortName,
            aspect.name,
            `${indicator.number}. ${indicator.name}`,
            requirement.text,
            statusLabel(requirement.status),
            requirementNote(requirement),
          ]),
      ),
    ),
  );
}

export function addGapsSheet(workbook: ExcelJS.Workbook, data: RecapData, taken: Set<string>): void {
  const sheet = workbook.addWorksheet(exportSheetName(GAPS_SHEET, taken));
  setColumnWidths(sheet, [28, 18, 26, 36, 48, 18, 40]);
  addTitle(sheet, 1, `Kesenjangan — bukti dukung yang belum terverifikasi — ${data.localGovernment}, Tahun ${data.year}`, GAPS_HEADERS.length, 12);
  writeHeader(sheet, GAPS_HEADER_ROW, GAPS_HEADERS);
  let row = GAPS_HEADER_ROW + 1;
  for (const unit of data.board.units) {
    for (const values of gapRows(data, unit)) {
      values.forEach((value, index) => bodyCell(sheet, row, index + 1, value));
      fitRowHeight(sheet, row, GAPS_HEADERS.length);
      row += 1;
    }
  }
  sheet.autoFilter = { from: { row: GAPS_HEADER_ROW, column: 1 }, to: { row: Math.max(GAPS_HEADER_ROW, row - 1), column: GAPS_HEADERS.length } };
  printSetup(sheet, GAPS_HEADER_ROW);
}
