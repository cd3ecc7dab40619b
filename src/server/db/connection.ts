import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/result';
import { migrate } from './migrations';

export type Db = Database.Database;

export const DATABASE_FILE = 'patuh.sqlite';

export interface OpenOptions {
  /** Path of an Electron-ABI build of better-sqlite3 (the app passes it; Node uses the default). */
  nativeBinding?: string;
  /** Called with the path of a verified backup before a migration changes anything. */
  beforeMigrate?: (db: Db, fromVersion: number, toVersion: number) => void;
  readonly?: boolean;
}

/** Pragmas every connection gets: crash-safe WAL, full fsync, enforced foreign keys. */
export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('trusted_schema = OFF');
}

export function databasePath(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE);
}

/** Open (creating if needed) the database of a data directory and migrate it. */
export function openDatabase(dataDir: string, options: OpenOptions = {}): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  let db: Db;
  try {
    db = new Database(databasePath(dataDir), options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (cause) {
    throw new AppError('DATABASE_CORRUPT', `Basis data tidak dapat dibuka: ${(cause as Error).message}`);
  }
  try {
    applyPragmas(db);
    migrate(db, options.beforeMigrate ? { beforeMigrate: options.beforeMigrate } : {});
    return db;
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    const message = (error as Error).message;
    if (/not a database|malformed|corrupt/i.test(message)) {
      throw new AppError('DATABASE_CORRUPT', 'Berkas basis data rusak atau bukan basis data Patuh.');
    }
    throw error;
  }
}
