import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/result';
import { LATEST_SCHEMA_VERSION, migrate } from './migrations';
import { storageFault } from './errors';
import { startFailure } from './open-errors';

export type Db = Database.Database;

export const DATABASE_FILE = 'patuh.sqlite';

export interface OpenOptions {
  /** Path of an Electron-ABI build of better-sqlite3 (the app passes it; Node uses the default). */
  nativeBinding?: string;
  /** Called with the path of a verified backup before a migration changes anything. */
  beforeMigrate?: (db: Db, fromVersion: number, toVersion: number) => void;
  readonly?: boolean;
}

/**
 * Pragmas every connection gets: crash-safe WAL, full fsync, enforced foreign keys, and
 * TEMP tables and sorts in memory (they are small here; on a full disk a temp file could
 * not be created, and the year's change notes live in TEMP tables: changed-units.ts).
 */
export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('trusted_schema = OFF');
  db.pragma('temp_store = MEMORY');
}

export function databasePath(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE);
}

/** Open (creating if needed) the database of a data directory and migrate it. */
export function openDatabase(dataDir: string, options: OpenOptions = {}): Db {
  let db: Db;
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    db = new Database(databasePath(dataDir), options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (cause) {
    throw openError(dataDir, cause);
  }
  try {
    applyPragmas(db);
    migrate(db, options.beforeMigrate ? { beforeMigrate: options.beforeMigrate } : {});
    return db;
  } catch (error) {
    db.close();
    throw openError(dataDir, error);
  }
}

/**
 * A read-only view of the data, for reads while another Patuh holds the folder or when
 * the disk is full. Never migrates, never writes. A WAL database needs its -shm index,
 * which cannot be created on a full disk; then, if no unsaved WAL content exists, the
 * file is read into memory instead (the WAL flag cleared in that copy only).
 * `ownsFolder`: the caller holds the data-folder lock, so stubs a failed open created may be removed.
 */
export function openDatabaseReadOnly(dataDir: string, options: { nativeBinding?: string; ownsFolder?: boolean } = {}): Db {
  const file = databasePath(dataDir);
  if (!fs.existsSync(file)) {
    throw new AppError('NOT_FOUND', `Belum ada basis data Patuh di ${dataDir}; tidak ada yang dapat dibaca.`);
  }
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  let db: Db;
  const existedBefore = ['-wal', '-shm'].filter((suffix) => fs.existsSync(file + suffix));
  let attempt: Db | undefined;
  try {
    attempt = new Database(file, { readonly: true, fileMustExist: true, ...binding });
    attempt.prepare('SELECT count(*) FROM sqlite_master').get();
    db = attempt;
  } catch (error) {
    attempt?.close();
    // Only while holding the folder lock: another process's live -shm must never be removed.
    if (options.ownsFolder) removeCreatedCompanions(file, existedBefore);
    if (walHasContent(file)) throw openError(dataDir, error);
    try {
      const bytes = fs.readFileSync(file);
      if (bytes.length > 19) bytes[18] = bytes[19] = 1;
      db = new Database(bytes, { readonly: true, ...binding });
    } catch (cause) {
      throw openError(dataDir, cause);
    }
  }
  db.pragma('trusted_schema = OFF');
  db.pragma('temp_store = MEMORY');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > LATEST_SCHEMA_VERSION || version < 0) {
    // The same refusal migrate() gives on a writable start (it throws before writing anything).
    try {
      migrate(db, {});
    } finally {
      db.close();
    }
  }
  if (version !== LATEST_SCHEMA_VERSION) {
    db.close();
    throw new AppError(
      'IO',
      `Basis data perlu diperbarui (skema ${version}, aplikasi ini ${LATEST_SCHEMA_VERSION}), dan itu tidak dapat dilakukan saat data hanya dapat dibaca. ` +
        'Buka Patuh (aplikasi) sekali agar basis data diperbarui, lalu ulangi.',
    );
  }
  return db;
}

/** A failed read-only open may leave an empty -wal and a stub -shm behind; they hold no data. */
function removeCreatedCompanions(file: string, existedBefore: readonly string[]): void {
  for (const suffix of ['-wal', '-shm']) {
    if (existedBefore.includes(suffix)) continue;
    try {
      if (suffix === '-wal' && fs.statSync(file + suffix).size > 0) continue;
      fs.rmSync(file + suffix, { force: true });
    } catch {
      // Absent or not removable on this disk.
    }
  }
}

function walHasContent(file: string): boolean {
  try {
    return fs.statSync(`${file}-wal`).size > 0;
  } catch {
    return false;
  }
}

function openError(dataDir: string, error: unknown): unknown {
  if (error instanceof AppError) return error;
  const fault = storageFault(error);
  if (!fault) return error;
  if (fault === 'corrupt' || fault === 'notadb') {
    return new AppError('DATABASE_CORRUPT', 'Berkas basis data rusak atau bukan basis data Patuh. Tutup lalu buka kembali Patuh agar diperiksa; data tidak diubah.');
  }
  const code = String((error as { code?: unknown }).code ?? '');
  return startFailure(dataDir, code === '' ? null : code, (error as Error).message);
}
