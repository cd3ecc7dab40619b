/**
 * Safety rules for every workbook Patuh writes: user text never becomes a formula, and
 * sheet names are always valid for Excel and LibreOffice.
 */

import type ExcelJS from 'exceljs';

/** Characters that make spreadsheet software treat a cell as a formula (incl. full-width forms). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u;

/**
 * Text as a cell value that is always shown as text. A leading apostrophe is the
 * convention both Excel and LibreOffice display as-is and never evaluate.
 */
export function safeText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  // Control characters (except tab, LF, CR) are invalid in XML and corrupt the workbook.
  // eslint-disable-next-line no-control-regex
  const cleaned = value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/gu, ' ');
  return FORMULA_START.test(cleaned) ? `'${cleaned}` : cleaned;
}

/** Control characters (except tab, LF, CR) removed: they are invalid in XML and corrupt the workbook. */
export function cleanText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/gu, ' ');
}

/** Text Excel or LibreOffice would take for a formula if it were typed into a cell. */
export function looksLikeFormula(value: string): boolean {
  return FORMULA_START.test(value);
}

/**
 * Number format "@" (Text): a string cell so formatted is shown exactly as typed — no
 * apostrophe on screen or paper — and stays text when someone edits it in Excel or
 * LibreOffice. Exports write user text as a plain string cell with this format instead
 * of prefixing an apostrophe (which both programs print when it is part of the value).
 */
export const TEXT_FORMAT = '@';

/** Undo safeText when reading a workbook back. */
export function unsafeText(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/gu;

/** A valid, unique sheet name: ≤ 31 characters, none of []:*?/\, not blank, no edge apostrophes. */
export function sheetName(wanted: string, taken: Set<string> = new Set()): string {
  let base = wanted.replace(INVALID_SHEET_CHARS, ' ').replace(/\s+/gu, ' ').trim().replace(/^'+|'+$/gu, '');
  if (base === '' || base.toLowerCase() === 'history') base = 'Lembar';
  base = base.slice(0, 31).trim();
  let name = base;
  for (let counter = 2; taken.has(name.toLowerCase()); counter += 1) {
    const suffix = ` (${counter})`;
    name = `${base.slice(0, 31 - suffix.length).trim()}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** Readable, safe file or folder name for export packages (Windows rules apply everywhere). */
export function exportFileName(wanted: string, maxLength = 80): string {
  const cleaned = wanted
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[<>:"/\\|?*\u0000-\u001F]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[. ]+$/u, '');
  const reserved = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/iu.test(cleaned);
  const safe = (reserved ? `_${cleaned}` : cleaned).slice(0, maxLength).trim();
  return safe === '' ? 'berkas' : safe;
}

/**
 * Sheets a person reads and edits (a form's Isian, F-01, Petunjuk): formula-looking text
 * was written through safeText for the hidden keys' sake; on the visible sheets it is
 * shown exactly as typed instead — no apostrophe — and kept text by the Text format,
 * so it is never a formula in Excel or LibreOffice. Reading back (unsafeText) is unchanged.
 */
export function showTextAsTyped(sheet: ExcelJS.Worksheet): void {
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      if (typeof cell.value !== 'string') return;
      const shown = unsafeText(cell.value);
      if (shown === cell.value) return;
      cell.value = shown;
      cell.numFmt = TEXT_FORMAT;
    });
  });
}
