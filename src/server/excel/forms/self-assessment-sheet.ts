/**
 * Writing the Penilaian Mandiri (F-01) sheet and its signed, very hidden key. The key
 * records what the unit saw per indicator (level, ticked elements, texts) so the intake
 * can tell the unit's edits from the office's later changes, exactly like the Isian key.
 */
import crypto from 'node:crypto';
import type ExcelJS from 'exceljs';
import type { Assessment, AssessmentIndicator } from '../../../shared/types';
import { safeText } from '../cells';
import { normalizeNote } from './cell-values';
import { identityHash, identityText } from './form-key';
import {
  F01_COL,
  F01_FORMAT,
  F01_HEADERS,
  F01_HEADER_ROW,
  F01_WIDTHS,
  SENDER_CELL,
  SENDER_ROLE_CELL,
  SHEET_F01,
  SHEET_F01_KEY,
  TICK_LABEL,
} from './self-assessment-layout';

export interface F01KeyRow {
  /** Excel row of the F-01 sheet. */
  row: number;
  kind: 'indicator' | 'element';
  indicatorCode: string;
  elementCode: string;
  selfLevel: number | null;
  elements: string[];
  justification: string;
  overrideReason: string;
  textHash: string;
}

export interface F01Key {
  format: string;
  /** The Isian key's signature: binds this key to that one workbook. */
  formMac: string;
  instrumentId: number;
  rows: F01KeyRow[];
}

const GREY = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } } as const;
const INDICATOR_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } } as const;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFBFBFBF' } } as const;
const THIN = { style: 'thin', color: { argb: 'FFA6A6A6' } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const KEY_HEADERS = ['row', 'kind', 'indicatorCode', 'elementCode', 'selfLevel', 'elements', 'justification', 'overrideReason', 'textHash'];

export const f01RowHash = (no: string, item: string): string => identityHash([no, item].map((text) => identityText(safeText(text))));

function canonical(key: F01Key): string {
  const rows = key.rows.map((row) => [row.row, row.kind, row.indicatorCode, row.elementCode, row.selfLevel, row.elements, row.justification, row.overrideReason, row.textHash]);
  return JSON.stringify([key.format, key.formMac, key.instrumentId, rows]);
}

export function signF01Key(key: F01Key, secret: string): string {
  return crypto.createHmac('sha256', secret).update(`f01:${canonical(key)}`, 'utf8').digest('hex');
}

export function verifyF01Key(key: F01Key, mac: string, secret: string): boolean {
  const expected = Buffer.from(signF01Key(key, secret), 'hex');
  const given = Buffer.from(/^[0-9a-f]{64}$/u.test(mac) ? mac : '', 'hex');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/**
 * Neither exceljs nor LibreOffice sizes wrapped rows on their own, so the height is
 * estimated from the longest wrapped cell (characters per line ≈ column width).
 */
function wrappedHeight(cells: Array<{ text: string; width: number }>): number {
  const lines = Math.max(1, ...cells.map(({ text, width }) => text.split('\n').reduce((total, line) => total + Math.max(1, Math.ceil(line.length / Math.max(width * 1.1, 8))), 0)));
  return Math.min(409, 14.5 * lines + 4);
}

function rubricText(indicator: AssessmentIndicator): string {
  return indicator.levels.map((text, level) => `${level} — ${text}`).join('\n');
}

type WithValidations = { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } };

function styleCells(row: ExcelJS.Row, editable: number[], fill: ExcelJS.Fill): void {
  for (let column = 1; column <= F01_HEADERS.length; column += 1) {
    const cell = row.getCell(column);
    cell.border = BORDER;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (editable.includes(column)) cell.protection = { locked: false };
    else cell.fill = fill;
  }
}

function writeSender(sheet: ExcelJS.Worksheet, title: string): void {
  sheet.getCell(1, 1).value = safeText(title);
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  const labels: Array<[typeof SENDER_CELL | typeof SENDER_ROLE_CELL, string]> = [
    [SENDER_CELL, 'Nama pengisi/pengirim'],
    [SENDER_ROLE_CELL, 'Jabatan dan nomor HP'],
  ];
  for (const [cell, label] of labels) {
    const labelCell = sheet.getCell(cell.row, 1);
    labelCell.value = label;
    labelCell.font = { bold: true };
    sheet.mergeCells(cell.row, 1, cell.row, 2);
    const input = sheet.getCell(cell.row, cell.column);
    input.protection = { locked: false };
    input.border = BORDER;
  }
}

function writeHeader(sheet: ExcelJS.Worksheet): void {
  const header = sheet.getRow(F01_HEADER_ROW);
  F01_HEADERS.forEach((text, index) => {
    const cell = header.getCell(index + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
}

/** Rows per indicator: the indicator with its rubric and level, then one row per element. */
function writeIndicators(sheet: ExcelJS.Worksheet, assessment: Assessment): F01KeyRow[] {
  const rows: F01KeyRow[] = [];
  const validations = (sheet as unknown as WithValidations).dataValidations;
  let at = F01_HEADER_ROW + 1;
  for (const aspect of assessment.aspects) {
    for (const indicator of aspect.indicators) {
      const no = String(indicator.number);
      const item = `${indicator.number}. ${indicator.name}`;
      const row = sheet.getRow(at);
      row.values = [indicator.number, safeText(aspect.name), safeText(item), safeText(rubricText(indicator)), indicator.selfLevel ?? '', indicator.selfLevel ?? '', safeText(indicator.justification), safeText(indicator.overrideReason)];
      styleCells(row, [F01_COL.chosen, F01_COL.justification, F01_COL.overrideReason], INDICATOR_FILL);
      row.height = wrappedHeight([
        { text: item, width: F01_WIDTHS[F01_COL.item - 1]! },
        { text: rubricText(indicator), width: F01_WIDTHS[F01_COL.rubric - 1]! },
        { text: aspect.name, width: F01_WIDTHS[F01_COL.aspect - 1]! },
      ]);
      row.getCell(F01_COL.item).font = { bold: true };
      validations.add(`F${at}`, { type: 'list', allowBlank: true, formulae: ['"0,1,2,3,4,5"'], showErrorMessage: true, errorTitle: 'Tingkat tidak dikenal', error: 'Pilih tingkat 0 sampai 5.' });
      rows.push({
        row: at,
        kind: 'indicator',
        indicatorCode: indicator.code,
        elementCode: '',
        selfLevel: indicator.selfLevel,
        elements: [...indicator.ticked],
        justification: normalizeNote(indicator.justification),
        overrideReason: normalizeNote(indicator.overrideReason),
        textHash: f01RowHash(no, item),
      });
      at += 1;
      for (const element of indicator.elements?.items ?? []) {
        const label = `• ${element.label}${element.base ? ' (unsur dasar)' : ''}`;
        const elementRow = sheet.getRow(at);
        elementRow.values = ['', '', safeText(label), '', '', indicator.ticked.includes(element.code) ? TICK_LABEL : '', '', ''];
        styleCells(elementRow, [F01_COL.chosen], GREY);
        elementRow.height = wrappedHeight([{ text: label, width: F01_WIDTHS[F01_COL.item - 1]! }]);
        validations.add(`F${at}`, { type: 'list', allowBlank: true, formulae: [`"${TICK_LABEL}"`], showErrorMessage: true, errorTitle: 'Isian unsur', error: 'Pilih "Ya" bila unsur ini ada, atau kosongkan.' });
        rows.push({ row: at, kind: 'element', indicatorCode: indicator.code, elementCode: element.code, selfLevel: null, elements: [], justification: '', overrideReason: '', textHash: f01RowHash('', label) });
        at += 1;
      }
    }
  }
  return rows;
}

function writeKey(sheet: ExcelJS.Worksheet, key: F01Key, mac: string): void {
  const text = (values: Array<string | number>) => values.map((value) => safeText(String(value)));
  sheet.addRow(text(['format', key.format]));
  sheet.addRow(text(['formMac', key.formMac]));
  sheet.addRow(text(['instrument', key.instrumentId]));
  sheet.addRow(text(['hmac', mac]));
  sheet.addRow(text(KEY_HEADERS));
  for (const row of key.rows) {
    sheet.addRow(text([row.row, row.kind, row.indicatorCode, row.elementCode, row.selfLevel ?? '', JSON.stringify(row.elements), row.justification, row.overrideReason, row.textHash]));
  }
}

/**
 * Adds the F-01 sheet (visible, protected, white cells editable) and its key. Without a
 * PEKPPP instrument in the year the sheet only asks who filled the kit in.
 */
export async function writeSelfAssessment(
  workbook: ExcelJS.Workbook,
  input: { assessment: Assessment | null; unitName: string; year: number; formMac: string; secret: string },
): Promise<void> {
  const sheet = workbook.addWorksheet(SHEET_F01, { views: [{ state: 'frozen', ySplit: F01_HEADER_ROW, xSplit: 0 }] });
  sheet.columns = F01_WIDTHS.map((width) => ({ width }));
  writeSender(sheet, `Penilaian Mandiri (F-01) ${input.year} — ${input.unitName}`);
  writeHeader(sheet);
  const rows = input.assessment ? writeIndicators(sheet, input.assessment) : [];
  if (!input.assessment) sheet.getCell(F01_HEADER_ROW + 1, 1).value = 'Tahun penilaian ini tidak memakai instrumen PEKPPP; cukup isi nama pengirim di atas.';
  sheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${F01_HEADER_ROW}:${F01_HEADER_ROW}` };
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  const key: F01Key = { format: F01_FORMAT, formMac: input.formMac, instrumentId: input.assessment?.instrumentId ?? 0, rows };
  const keySheet = workbook.addWorksheet(SHEET_F01_KEY, { state: 'veryHidden' });
  writeKey(keySheet, key, signF01Key(key, input.secret));
  await keySheet.protect('', {});
}

export { KEY_HEADERS as F01_KEY_HEADERS };
