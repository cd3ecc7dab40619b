/**
 * Reading the F-01 sheet of a returned kit workbook against its key: per indicator what
 * the unit saw (exported) and what it sent, with row errors phrased for the unit. The
 * rules on what a unit may change live in src/core/intake; this only reads cells.
 */
import type { SelfAssessmentState } from '../../../core/intake/unit-rules';
import { unsafeText } from '../cells';
import { normalizeNote } from './cell-values';
import { readFormSecret } from './form-key';
import { columnLetter } from './layout';
import { F01_COL, F01_COLUMNS, F01_FORMAT, F01_HEADERS, MAX_JUSTIFICATION, MAX_OVERRIDE_REASON, MAX_SENDER, SENDER_CELL, SENDER_ROLE_CELL, SHEET_F01, SHEET_F01_KEY, isTicked } from './self-assessment-layout';
import { F01_KEY_HEADERS, f01RowHash, verifyF01Key, type F01Key, type F01KeyRow } from './self-assessment-sheet';
import { cellAt, plainText, type CellSnap, type SheetSnap, type WorkbookSnapshot } from './snapshot';
import type { RowError } from './types';
import type { ServerContext } from '../../context';

export const F01_SHEETS = [
  { name: SHEET_F01, columns: F01_COLUMNS },
  { name: SHEET_F01_KEY, columns: F01_KEY_HEADERS.length },
] as const;

export interface SentIndicator {
  indicatorCode: string;
  row: number;
  exported: SelfAssessmentState;
  sent: SelfAssessmentState;
}

export interface F01Reading {
  instrumentId: number;
  sender: string;
  senderRole: string;
  indicators: SentIndicator[];
  errors: RowError[];
}

export type F01Result = { kind: 'absent' } | { kind: 'refused'; message: string } | { kind: 'read'; reading: F01Reading };

const KEY_BROKEN = 'Kunci lembar Penilaian Mandiri diubah atau rusak, atau lembar itu berasal dari buku kerja lain. Gunakan buku kerja asli dari kit, atau minta Bagian Organisasi mengekspor ulang kit.';

const text = (sheet: SheetSnap, row: number, column: number) => unsafeText(plainText(cellAt(sheet.rows, row, column)));

function parseKey(sheet: SheetSnap): { key: F01Key; mac: string } | null {
  if (sheet.truncated) return null;
  const line = (row: number) => (sheet.rows[row - 1] ?? []).map((_, column) => text(sheet, row, column + 1));
  const [format, formMac, instrument, mac, header] = [1, 2, 3, 4, 5].map(line);
  if (format?.[0] !== 'format' || formMac?.[0] !== 'formMac' || instrument?.[0] !== 'instrument' || mac?.[0] !== 'hmac') return null;
  if (JSON.stringify(header?.slice(0, F01_KEY_HEADERS.length)) !== JSON.stringify(F01_KEY_HEADERS)) return null;
  const rows: F01KeyRow[] = [];
  for (let row = 6; row <= sheet.rows.length; row += 1) {
    const [at, kind, indicatorCode, elementCode, selfLevel, elements, justification, overrideReason, textHash] = line(row);
    if (!/^[1-9][0-9]{0,5}$/u.test(at ?? '') || (kind !== 'indicator' && kind !== 'element') || !indicatorCode) return null;
    let ticked: unknown;
    try {
      ticked = JSON.parse(elements ?? '');
    } catch {
      return null;
    }
    if (!Array.isArray(ticked) || !ticked.every((code) => typeof code === 'string')) return null;
    const level = selfLevel === '' ? null : Number(selfLevel);
    if (level !== null && !(Number.isInteger(level) && level >= 0 && level <= 5)) return null;
    rows.push({ row: Number(at), kind, indicatorCode, elementCode: elementCode ?? '', selfLevel: level, elements: ticked as string[], justification: justification ?? '', overrideReason: overrideReason ?? '', textHash: textHash ?? '' });
  }
  const instrumentId = Number(instrument[1] ?? '');
  if (!Number.isInteger(instrumentId)) return null;
  return { key: { format: format[1] ?? '', formMac: formMac[1] ?? '', instrumentId, rows }, mac: mac[1] ?? '' };
}

function error(row: number, column: number, message: string, action: string): RowError {
  // The sheet is named in the column so errors of both sheets read unambiguously in one list.
  return { row, column: `${SHEET_F01} › ${F01_HEADERS[column - 1] ?? columnLetter(column)}`, cell: `${columnLetter(column)}${row}`, message, action };
}

/** The level cell: a number 0–5 (typed or picked), text "3", or empty (null). */
function readLevel(cell: CellSnap, row: number, errors: RowError[]): number | null {
  if (cell.k === 'empty') return null;
  const raw = cell.k === 'number' ? String(cell.n) : cell.k === 'text' ? unsafeText(cell.t ?? '').trim() : '?';
  if (raw === '') return null;
  if (/^[0-5]$/u.test(raw)) return Number(raw);
  errors.push(error(row, F01_COL.chosen, `Tingkat "${raw.slice(0, 20)}" tidak dikenal.`, 'Pilih tingkat 0 sampai 5 dari daftar.'));
  return null;
}

function readText(sheet: SheetSnap, row: number, column: number, max: number, errors: RowError[], fallback: string): string {
  const cell = cellAt(sheet.rows, row, column);
  if (cell.k === 'formula') {
    errors.push(error(row, column, 'Rumus tidak diizinkan; ketik nilainya.', 'Hapus rumus di sel ini dan ketik teksnya langsung.'));
    return fallback;
  }
  const value = normalizeNote(cell.k === 'number' ? String(cell.n) : unsafeText(plainText(cell)));
  if (value.length > max) {
    errors.push(error(row, column, `Teks terlalu panjang (${value.length.toLocaleString('id-ID')} karakter; paling banyak ${max.toLocaleString('id-ID')}).`, 'Ringkas teksnya.'));
    return fallback;
  }
  return value;
}

function exportedState(row: F01KeyRow): SelfAssessmentState {
  return { level: row.selfLevel, elements: row.elements, justification: row.justification, overrideReason: row.overrideReason };
}

function readIndicators(sheet: SheetSnap, key: F01Key, errors: RowError[]): SentIndicator[] {
  const result: SentIndicator[] = [];
  let current: SentIndicator | null = null;
  for (const keyRow of key.rows) {
    const no = text(sheet, keyRow.row, F01_COL.no).trim();
    const item = text(sheet, keyRow.row, F01_COL.item);
    if (f01RowHash(no, item) !== keyRow.textHash) {
      errors.push(error(keyRow.row, F01_COL.item, 'Kolom abu-abu baris ini tidak cocok dengan lembar asli (baris dipindah, ditimpa, atau diubah).', 'Kembalikan isi kolom abu-abu seperti semula, atau isi ulang lembar dari kit asli.'));
      current = keyRow.kind === 'indicator' ? null : current;
      continue;
    }
    if (keyRow.kind === 'indicator') {
      const exported = exportedState(keyRow);
      const level = readLevel(cellAt(sheet.rows, keyRow.row, F01_COL.chosen), keyRow.row, errors);
      const justification = readText(sheet, keyRow.row, F01_COL.justification, MAX_JUSTIFICATION, errors, exported.justification);
      const overrideReason = readText(sheet, keyRow.row, F01_COL.overrideReason, MAX_OVERRIDE_REASON, errors, exported.overrideReason);
      current = { indicatorCode: keyRow.indicatorCode, row: keyRow.row, exported, sent: { level, elements: [], justification, overrideReason } };
      result.push(current);
    } else if (current && current.indicatorCode === keyRow.indicatorCode) {
      if (isTicked(text(sheet, keyRow.row, F01_COL.chosen))) current.sent = { ...current.sent, elements: [...current.sent.elements, keyRow.elementCode] };
    }
  }
  return result;
}

/**
 * The F-01 part of a kit workbook whose Isian key was already verified (`formMac` is that
 * key's signature). Absent in plain forms; refused as a whole when its key was tampered with.
 */
export function readSelfAssessment(ctx: ServerContext, snapshot: WorkbookSnapshot, formMac: string): F01Result {
  const sheet = snapshot.extra?.[SHEET_F01] ?? null;
  const keySheet = snapshot.extra?.[SHEET_F01_KEY] ?? null;
  if (!sheet && !keySheet) return { kind: 'absent' };
  if (!sheet || !keySheet) return { kind: 'refused', message: KEY_BROKEN };
  const parsed = parseKey(keySheet);
  const secret = readFormSecret(ctx);
  if (!parsed || !secret || parsed.key.format !== F01_FORMAT || parsed.key.formMac !== formMac || !verifyF01Key(parsed.key, parsed.mac, secret)) {
    return { kind: 'refused', message: KEY_BROKEN };
  }
  const errors: RowError[] = [];
  const sender = readText(sheet, SENDER_CELL.row, SENDER_CELL.column, MAX_SENDER, errors, '');
  const senderRole = readText(sheet, SENDER_ROLE_CELL.row, SENDER_ROLE_CELL.column, MAX_SENDER, errors, '');
  const indicators = readIndicators(sheet, parsed.key, errors);
  return { kind: 'read', reading: { instrumentId: parsed.key.instrumentId, sender, senderRole, indicators, errors } };
}
