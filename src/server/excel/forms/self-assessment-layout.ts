import { OPTIONAL_SHEETS } from './layout';

/**
 * The optional Penilaian Mandiri (F-01) sheet of the kit workbook: per PEKPPP indicator
 * the rubric of every level, the elements to tick, the level chosen and the unit's
 * explanation, plus who filled it in. Export and import share these constants.
 */

export const F01_FORMAT = 'patuh-f01-1';
export const SHEET_F01 = OPTIONAL_SHEETS[0];
export const SHEET_F01_KEY = OPTIONAL_SHEETS[1];

/** Cells where the unit names who filled the kit in (history names the sender). */
export const SENDER_CELL = { row: 2, column: 3 } as const;
export const SENDER_ROLE_CELL = { row: 3, column: 3 } as const;
export const F01_HEADER_ROW = 5;

export const F01_COL = {
  no: 1,
  aspect: 2,
  item: 3,
  rubric: 4,
  current: 5,
  chosen: 6,
  justification: 7,
  overrideReason: 8,
} as const;

export const F01_HEADERS: readonly string[] = [
  'No',
  'Aspek',
  'Indikator / unsur',
  'Rubrik tingkat',
  'Tingkat saat ini',
  'Tingkat dipilih (0–5) / unsur ada?',
  'Penjelasan unit',
  'Alasan bila berbeda dari saran',
];

export const F01_WIDTHS = [6, 18, 42, 70, 14, 18, 40, 30];
export const F01_COLUMNS = F01_HEADERS.length;

export const TICK_LABEL = 'Ya';
/** What counts as a ticked element when typed by hand (or re-saved by another program). */
export function isTicked(text: string): boolean {
  return /^(ya|y|yes|x|v|✓|✔|1|true|benar|ada)$/iu.test(text.trim());
}

export const MAX_JUSTIFICATION = 4000;
export const MAX_OVERRIDE_REASON = 500;
export const MAX_SENDER = 120;
