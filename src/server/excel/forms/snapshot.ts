/**
 * What the parsing worker hands back: plain, structured-clone-safe values only, so
 * nothing from the untrusted workbook (prototypes, getters, huge objects) crosses over.
 */

export type CellKind = 'empty' | 'text' | 'number' | 'date' | 'bool' | 'formula' | 'error';

export interface CellSnap {
  k: CellKind;
  /** text, boolean as text, error code, or ISO timestamp for dates. */
  t?: string;
  n?: number;
  /** Hyperlink target when the cell is a hyperlink (Excel turns typed URLs into these). */
  link?: string;
}

export interface SheetSnap {
  name: string;
  state: string;
  /** rows[0] is Excel row 1; each row holds the first `columns` cells. */
  rows: CellSnap[][];
  /** More non-empty rows than the worker was allowed to copy. */
  truncated: boolean;
}

export interface WorkbookSnapshot {
  sheets: Array<{ name: string; state: string }>;
  form: SheetSnap | null;
  key: SheetSnap | null;
  /** Sheets asked for by name besides these two; null when the workbook lacks one. */
  extra?: Record<string, SheetSnap | null>;
}

export const EMPTY_CELL: CellSnap = { k: 'empty' };

export function cellAt(rows: CellSnap[][], row: number, column: number): CellSnap {
  return rows[row - 1]?.[column - 1] ?? EMPTY_CELL;
}

/** Plain text of a cell for identity checks; numbers as typed, everything else empty. */
export function plainText(cell: CellSnap): string {
  if (cell.k === 'text' || cell.k === 'bool') return cell.t ?? '';
  if (cell.k === 'number') return String(cell.n);
  return '';
}
