/**
 * Cells of an instrument workbook: typed reading of each cell by its column's kind, with
 * every problem named by sheet, row and column in Indonesian.
 */
import type { InstrumentDefinition } from './schema';
import {
  COLUMNS,
  INFO_HEADERS,
  INFO_ROWS,
  LEVEL_COUNT,
  NO,
  SCORING_WORDS,
  SHEET,
  TONE_WORDS,
  YES,
  type ColumnSpec,
  type DataSheet,
  type InfoRow,
} from './workbook-layout';

/** A cell as the parsing worker hands it over (structurally the same as its CellSnap). */
export interface WorkbookCell {
  k: string;
  t?: string;
  n?: number;
}

/** rows[0] is Excel row 1. */
export type WorkbookSheets = Partial<Record<string, WorkbookCell[][]>>;

export interface WorkbookProblem {
  /** Sheet name; null for a JSON file (then `column` holds the path in the file). */
  sheet: string | null;
  /** Excel row number, or null when the problem concerns the whole sheet/column. */
  row: number | null;
  /** Column header as printed in the sheet. */
  column: string | null;
  /** A1 reference when row and column are known. */
  cell: string | null;
  message: string;
}

export type WorkbookReading = { ok: true; instrument: InstrumentDefinition } | { ok: false; problems: WorkbookProblem[] };

export function columnLetter(index: number): string {
  let n = index;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "Lembar Indikator, baris 7, kolom Bobot (%) (E7): …" — how a problem is printed. */
export function describeProblem(problem: WorkbookProblem): string {
  if (problem.sheet === null) return problem.column ? `Isian "${problem.column}": ${problem.message}` : problem.message;
  const where = [`Lembar "${problem.sheet}"`];
  if (problem.row !== null) where.push(`baris ${problem.row}`);
  if (problem.column !== null) where.push(`kolom "${problem.column}"${problem.cell ? ` (${problem.cell})` : ''}`);
  return `${where.join(', ')}: ${problem.message}`;
}

const TONE_BY_WORD = new Map(Object.entries(TONE_WORDS).map(([tone, word]) => [word, tone]));
const SCORING_BY_WORD = new Map<string, string>(Object.entries(SCORING_WORDS).map(([kind, word]) => [word, kind]));

export function problemAt(sheet: DataSheet, row: number | null, column: number | null, message: string): WorkbookProblem {
  const header = column === null ? null : sheet === 'info' ? INFO_HEADERS[1] : (COLUMNS[sheet][column - 1]?.header ?? null);
  return { sheet: SHEET[sheet], row, column: header, cell: row !== null && column !== null ? `${columnLetter(column)}${row}` : null, message };
}

type Value = string | number | boolean | undefined;

class Reader {
  readonly problems: WorkbookProblem[] = [];

  at(sheet: DataSheet, row: number | null, column: number | null, message: string): void {
    this.problems.push(problemAt(sheet, row, column, message));
  }

  /** Convert one cell by its column's kind; undefined for empty; problems recorded here. */
  value(sheet: DataSheet, row: number, column: number, spec: Pick<ColumnSpec, 'kind' | 'list' | 'required' | 'min' | 'max'>, cell: WorkbookCell | undefined): Value {
    const k = cell?.k ?? 'empty';
    const text = k === 'text' || k === 'bool' ? (cell?.t ?? '').trim() : k === 'number' ? String(cell?.n) : '';
    if (k === 'formula') return this.fail(sheet, row, column, 'berisi rumus; tulis nilainya langsung (Salin › Tempel Nilai).');
    if (k === 'error' || k === 'date') return this.fail(sheet, row, column, k === 'date' ? 'berisi tanggal; isi dengan teks atau angka.' : 'berisi galat Excel; perbaiki isinya.');
    if (text === '') {
      if (spec.required) this.at(sheet, row, column, 'wajib diisi.');
      return undefined;
    }
    if (spec.kind === 'number' || spec.kind === 'integer') return this.number(sheet, row, column, spec, cell, text);
    if (spec.kind === 'yesno') {
      const word = text.toLowerCase();
      if (word === YES || word === 'true') return true;
      if (word === NO || word === 'false') return false;
      return this.fail(sheet, row, column, `isi "${YES}" atau "${NO}", bukan "${text}".`);
    }
    if (spec.kind === 'list' && spec.list) {
      const found = spec.list.find((option) => option.toLowerCase() === text.toLowerCase().replace(/_/gu, ' '));
      if (!found) return this.fail(sheet, row, column, `"${text}" tidak dikenal; pilih salah satu: ${spec.list.join(', ')}.`);
      return found;
    }
    return text;
  }

  private number(sheet: DataSheet, row: number, column: number, spec: Pick<ColumnSpec, 'kind' | 'min' | 'max'>, cell: WorkbookCell | undefined, text: string): Value {
    // Typed as text in Excel: "17,5" or "17%" are still the number the user meant.
    const value = cell?.k === 'number' ? (cell.n ?? NaN) : Number(text.replace(/%$/u, '').replace(/\./gu, (dot, offset, all: string) => (all.includes(',') ? '' : dot)).replace(',', '.'));
    if (!Number.isFinite(value)) return this.fail(sheet, row, column, `harus berupa angka, bukan "${text}".`);
    if (spec.kind === 'integer' && !Number.isInteger(value)) return this.fail(sheet, row, column, `harus bilangan bulat, bukan ${text}.`);
    if (spec.min !== undefined && value < spec.min) return this.fail(sheet, row, column, `paling kecil ${spec.min}.`);
    if (spec.max !== undefined && value > spec.max) return this.fail(sheet, row, column, `paling besar ${spec.max}.`);
    return value;
  }

  private fail(sheet: DataSheet, row: number, column: number, message: string): undefined {
    this.at(sheet, row, column, message.charAt(0).toUpperCase() + message.slice(1));
    return undefined;
  }
}

const isEmptyRow = (cells: WorkbookCell[] | undefined): boolean => !cells || cells.every((cell) => !cell || cell.k === 'empty' || (cell.k === 'text' && !(cell.t ?? '').trim()));

/** Data rows of a sheet (from row 2), skipping blank rows; header row checked. */
function dataRows(reader: Reader, sheets: WorkbookSheets, sheet: Exclude<DataSheet, 'info'>): Array<{ row: number; cells: WorkbookCell[] }> {
  const rows = sheets[SHEET[sheet]];
  if (!rows) {
    reader.at(sheet, null, null, `Lembar "${SHEET[sheet]}" tidak ada. Gunakan templat hasil ekspor instrumen dari Patuh.`);
    return [];
  }
  COLUMNS[sheet].forEach((spec, index) => {
    const header = (rows[0]?.[index]?.t ?? '').trim();
    if (header.toLowerCase() !== spec.header.toLowerCase()) {
      reader.at(sheet, 1, index + 1, `Judul kolom seharusnya "${spec.header}"${header ? `, bukan "${header}"` : ''}. Jangan menyisipkan atau memindah kolom.`);
    }
  });
  return rows.slice(1).flatMap((cells, index) => (isEmptyRow(cells) ? [] : [{ row: index + 2, cells }]));
}

type Record_ = Record<string, unknown>;

/** Read the typed cells of a data row into an object keyed by the column fields. */
function readRow(reader: Reader, sheet: Exclude<DataSheet, 'info'>, row: number, cells: WorkbookCell[]): Record_ {
  const out: Record_ = {};
  COLUMNS[sheet].forEach((spec, index) => {
    const value = reader.value(sheet, row, index + 1, spec, cells[index]);
    if (value !== undefined) out[spec.field] = value;
  });
  return out;
}

function setPath(target: Record_, path: string[], value: unknown): void {
  let node = target;
  path.slice(0, -1).forEach((part) => {
    if (!node[part] || typeof node[part] !== 'object') node[part] = {};
    node = node[part] as Record_;
  });
  node[path[path.length - 1]!] = value;
}

function readInfo(reader: Reader, sheets: WorkbookSheets, locations: Locations): Record_ {
  const rows = sheets[SHEET.info];
  const raw: Record_ = { schemaVersion: 1 };
  if (!rows) {
    reader.at('info', null, null, `Lembar "${SHEET.info}" tidak ada. Gunakan templat hasil ekspor instrumen dari Patuh.`);
    return raw;
  }
  const byLabel = new Map<string, number>();
  rows.forEach((cells, index) => byLabel.set((cells[0]?.t ?? '').trim().toLowerCase(), index + 1));
  for (const info of INFO_ROWS) {
    const row = byLabel.get(info.label.toLowerCase());
    if (row === undefined) {
      reader.at('info', null, null, `Baris "${info.label}" tidak ditemukan di kolom "${INFO_HEADERS[0]}".`);
      continue;
    }
    locations.set(info.path.join('.'), ['info', row, 2]);
    const value = reader.value('info', row, 2, info as InfoRow & { min?: number; max?: number }, rows[row - 1]?.[1]);
    if (value === undefined) {
      if (info.path.join('.') === 'years.to') setPath(raw, info.path, null);
      continue;
    }
    setPath(raw, info.path, info.path.join('.') === 'scoring.kind' ? SCORING_BY_WORD.get(String(value)) : value);
  }
  const scoring = (raw['scoring'] ?? {}) as Record_;
  if (scoring['kind'] === 'levels') scoring['levelCount'] = LEVEL_COUNT;
  return raw;
}

/** Definition path → where it lives in the workbook (row/column null = whole sheet/column). */
export type Locations = Map<string, [DataSheet, number | null, number | null]>;
export { Reader, dataRows, readRow, readInfo, TONE_BY_WORD };
