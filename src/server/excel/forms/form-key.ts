/**
 * The hidden key sheet: which unit and year a workbook is for, and which requirement
 * each row is, as the database saw it at export. An HMAC with a per-database secret
 * makes any edit to the key (or a key copied from another database) detectable.
 */
import crypto from 'node:crypto';
import type ExcelJS from 'exceljs';
import type { EvidenceStatus } from '../../../core/checklist/types';
import { EVIDENCE_STATUSES } from '../../../core/checklist/types';
import type { ServerContext } from '../../context';
import type { Db } from '../../db/connection';
import { memoFor } from '../../db/memo';
import { safeText, unsafeText } from '../cells';
import { cellAt, plainText, type SheetSnap } from './snapshot';

export interface KeyRow {
  instrumentId: number;
  requirementCode: string;
  /** The item's updated_at at export; '' when the item did not exist yet. */
  updatedAt: string;
  status: EvidenceStatus;
  /** The note at export: tells "the unit edited it" from "the office did", and shows it in conflicts. */
  note: string;
  /** Hash of the grey identifying cells, so a moved or copied row is recognised. */
  textHash: string;
}

export interface FormKey {
  format: string;
  unitId: number;
  unitName: string;
  periodId: number;
  year: number;
  exportedAt: string;
  rows: KeyRow[];
}

const SECRET_KEY = 'internal.formSecret';
const HEADER_ROW = 6;
const KEY_HEADERS = ['row', 'instrumentId', 'requirementCode', 'updatedAt', 'status', 'note', 'textHash'];

function secretRepository(db: Db) {
  return {
    insert: db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING'),
    read: db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck(),
  };
}

/** The secret, created on first export. Import only reads it: a preview must write nothing. */
export function ensureFormSecret(ctx: ServerContext): string {
  const repo = memoFor(ctx.db, secretRepository);
  ctx.db.transaction(() => repo.insert.run(SECRET_KEY, crypto.randomBytes(32).toString('hex'))).immediate();
  return repo.read.get(SECRET_KEY)!;
}

export function readFormSecret(ctx: ServerContext): string | undefined {
  return memoFor(ctx.db, secretRepository).read.get(SECRET_KEY);
}

export const shortHash = (text: string): string => crypto.createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);

/** How identifying text is compared: what safeText keeps, without edge spaces or CRs. */
export function identityText(cellText: string): string {
  return unsafeText(cellText).replace(/\r\n?/gu, '\n').trim();
}

export function identityHash(cells: readonly string[]): string {
  return shortHash(JSON.stringify(cells));
}

function canonical(key: FormKey): string {
  const rows = key.rows.map((row) => [row.instrumentId, row.requirementCode, row.updatedAt, row.status, row.note, row.textHash]);
  return JSON.stringify([key.format, key.unitId, key.unitName, key.periodId, key.year, key.exportedAt, rows]);
}

export function signKey(key: FormKey, secret: string): string {
  return crypto.createHmac('sha256', secret).update(canonical(key), 'utf8').digest('hex');
}

export function verifyKey(key: FormKey, mac: string, secret: string): boolean {
  const expected = Buffer.from(signKey(key, secret), 'hex');
  const given = Buffer.from(/^[0-9a-f]{64}$/u.test(mac) ? mac : '', 'hex');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/** Everything is written as text (through safeText) so it reads back exactly as signed. */
export function writeKeySheet(sheet: ExcelJS.Worksheet, key: FormKey, mac: string): void {
  const text = (values: Array<string | number>) => values.map((value) => safeText(String(value)));
  sheet.addRow(text(['format', key.format]));
  sheet.addRow(text(['unit', key.unitId, key.unitName]));
  sheet.addRow(text(['period', key.periodId, key.year]));
  sheet.addRow(text(['exportedAt', key.exportedAt]));
  sheet.addRow(text(['hmac', mac]));
  sheet.addRow(text(KEY_HEADERS));
  key.rows.forEach((row, index) => {
    sheet.addRow(text([index + 1, row.instrumentId, row.requirementCode, row.updatedAt, row.status, row.note, row.textHash]));
  });
}

const positiveInt = (text: string): number | null => (/^[1-9][0-9]{0,9}$/u.test(text) ? Number(text) : null);

function parseKeyRow(values: string[], index: number): KeyRow | null {
  const [no, instrument, code, updatedAt, status, note, textHash] = values;
  const instrumentId = positiveInt(instrument ?? '');
  if (positiveInt(no ?? '') !== index + 1 || instrumentId === null || !code) return null;
  if (!EVIDENCE_STATUSES.includes(status as EvidenceStatus)) return null;
  return { instrumentId, requirementCode: code, updatedAt: updatedAt ?? '', status: status as EvidenceStatus, note: note ?? '', textHash: textHash ?? '' };
}

/** Read the key back; null when its shape is wrong (then the caller reports tampering). */
export function parseKeySheet(sheet: SheetSnap): { key: FormKey; mac: string } | null {
  if (sheet.truncated) return null;
  const line = (row: number) => sheet.rows[row - 1]?.map((_, col) => unsafeText(plainText(cellAt(sheet.rows, row, col + 1)))) ?? [];
  const [format, unit, period, exportedAt, mac, header] = [1, 2, 3, 4, 5, HEADER_ROW].map(line);
  if (format?.[0] !== 'format' || unit?.[0] !== 'unit' || period?.[0] !== 'period' || exportedAt?.[0] !== 'exportedAt') return null;
  if (mac?.[0] !== 'hmac' || JSON.stringify(header?.slice(0, KEY_HEADERS.length)) !== JSON.stringify(KEY_HEADERS)) return null;
  const unitId = positiveInt(unit[1] ?? '');
  const periodId = positiveInt(period[1] ?? '');
  const year = positiveInt(period[2] ?? '');
  if (unitId === null || periodId === null || year === null) return null;
  const rows: KeyRow[] = [];
  for (let row = HEADER_ROW + 1; row <= sheet.rows.length; row += 1) {
    const parsed = parseKeyRow(line(row), rows.length);
    if (!parsed) return null;
    rows.push(parsed);
  }
  const key: FormKey = { format: format[1] ?? '', unitId, unitName: unit[2] ?? '', periodId, year, exportedAt: exportedAt[1] ?? '', rows };
  return { key, mac: mac[1] ?? '' };
}

