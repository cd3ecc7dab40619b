/**
 * Looking inside a database file without changing it: integrity, schema version, row
 * counts and the blobs it references. Used on backup copies, restore sources and the
 * live file at start, always through a separate read-only connection.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import type { Db } from '../db/connection';
import type { SqliteOptions } from './types';

export interface BlobRow {
  sha256: string;
  size: number;
  storedPath: string;
}

export interface Inspection {
  /** Empty when the file opened and the check said 'ok'. Bahasa Indonesia. */
  problems: string[];
  /** SQLite / Node error code when the file could not be read at all. */
  errorCode: string | null;
  schemaVersion: number;
  rowCounts: Record<string, number>;
  tables: string[];
  blobs: BlobRow[];
}

export interface InspectOptions extends SqliteOptions {
  check: 'integrity' | 'quick';
  blobs?: boolean;
}

export function openReadOnly(file: string, options: SqliteOptions): Db {
  const db = new Database(file, {
    readonly: true,
    fileMustExist: true,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  // A restore source may be foreign: its schema must not make us run functions.
  db.pragma('trusted_schema = OFF');
  return db;
}

const blank = (): Inspection => ({ problems: [], errorCode: null, schemaVersion: 0, rowCounts: {}, tables: [], blobs: [] });

export function inspectDatabaseFile(file: string, options: InspectOptions): Inspection {
  let db: Db | undefined;
  try {
    if (fs.statSync(file).size === 0) return { ...blank(), problems: ['Berkas basis data kosong (0 bita).'] };
    db = openReadOnly(file, options);
    // Capped at 20 messages: enough to explain, bounded on a badly damaged file.
    const results = db.prepare(`PRAGMA ${options.check}_check(20)`).pluck().all() as string[];
    if (results.length !== 1 || results[0] !== 'ok') {
      return { ...blank(), problems: results.map((line) => `Pemeriksaan keutuhan: ${line}`) };
    }
    const tables = userTables(db);
    return {
      ...blank(),
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      tables,
      rowCounts: Object.fromEntries(tables.map((name) => [name, countRows(db!, name)])),
      blobs: options.blobs && tables.includes('blobs') ? readBlobs(db) : [],
    };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { ...blank(), errorCode: typeof code === 'string' ? code : null, problems: [describeReadError(error)] };
  } finally {
    db?.close();
  }
}

/**
 * Damage (as opposed to "the disk is full", "someone else holds the file" or "no
 * permission"): the check itself ran on a readable file and failed, or SQLite read the
 * bytes and found they are not a sound database. Only damage may trigger quarantine —
 * an I/O error (e.g. writing the -shm index on a full disk) says nothing about the data,
 * and moving a healthy file aside would start the office on an empty database.
 */
export function isDamage(inspection: Inspection): boolean {
  if (inspection.problems.length === 0) return false;
  if (inspection.errorCode === null) return true;
  return /^SQLITE_(CORRUPT|NOTADB|FORMAT)/.test(inspection.errorCode);
}

function describeReadError(error: unknown): string {
  const code = String((error as { code?: unknown }).code ?? '');
  const message = (error as Error).message;
  if (code.startsWith('SQLITE_NOTADB')) return 'Berkas bukan basis data SQLite (mungkin rusak atau terpotong).';
  if (code.startsWith('SQLITE_CORRUPT')) return `Basis data rusak: ${message}`;
  return `Berkas tidak dapat dibaca: ${message}`;
}

function userTables(db: Db): string[] {
  return db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, 7) <> 'sqlite_' ORDER BY name")
    .pluck()
    .all() as string[];
}

function countRows(db: Db, table: string): number {
  return db.prepare(`SELECT count(*) FROM "${table.replaceAll('"', '""')}"`).pluck().get() as number;
}

function readBlobs(db: Db): BlobRow[] {
  const rows = db.prepare('SELECT sha256, size, stored_path AS storedPath FROM blobs ORDER BY stored_path').all() as BlobRow[];
  // Types are only guaranteed by our STRICT schema; a foreign file is checked here.
  return rows.map((row) => ({ sha256: String(row.sha256), size: Number(row.size), storedPath: String(row.storedPath) }));
}

/**
 * A copy made with the backup API keeps the WAL flag of the live database, and a WAL
 * file opened read-only grows -wal/-shm companions. Backups must be one self-contained
 * file, so such copies are switched to rollback-journal mode before anything else.
 */
export function makeSelfContained(file: string, options: SqliteOptions): void {
  const header = Buffer.alloc(20);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 20, 0);
  } finally {
    fs.closeSync(fd);
  }
  const isSqlite = header.subarray(0, 16).toString('latin1') === 'SQLite format 3\0';
  if (!isSqlite || (header[18] !== 2 && header[19] !== 2)) return;
  const db = new Database(file, { fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}
