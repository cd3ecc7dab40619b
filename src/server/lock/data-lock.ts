/**
 * One writer per data folder. The process that writes (the app, the preview, a mutating
 * CLI command, a restore) holds an operating-system lock for its whole life; everyone
 * else is refused with the holder's PID and start time.
 *
 * The lock itself is SQLite's own exclusive file lock on `patuh.lock` (an empty file):
 * the operating system drops it when the process dies, however it dies, so a lock left
 * by a killed process is never mistaken for a live one and taking it over is atomic — no
 * PID guessing, no race between two processes "cleaning up" the same stale file.
 * Who holds it is written beside it in `patuh.lock.json`, because a locked file cannot be
 * read by the processes that need to name the holder.
 */
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/result';
import { startFailure } from '../db/open-errors';

export const LOCK_FILE = 'patuh.lock';
export const LOCK_INFO_FILE = 'patuh.lock.json';

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO 8601. */
  startedAt: string;
  hostname: string;
  /** Distinguishes two holders with a recycled PID. */
  token: string;
}

export interface DataLock {
  holder: LockHolder;
  /** The record a killed holder left behind, when this lock took its place. */
  takenOverFrom: LockHolder | null;
  release(): void;
}

export interface LockOptions {
  host: string;
  now: Date;
  nativeBinding?: string;
}

const holderSchema = z.object({
  pid: z.number().int().positive(),
  host: z.string().max(40),
  startedAt: z.string().max(40),
  hostname: z.string().max(300),
  token: z.string().max(100),
});

export function lockPaths(dataDir: string): { lock: string; info: string } {
  return { lock: path.join(dataDir, LOCK_FILE), info: path.join(dataDir, LOCK_INFO_FILE) };
}

/** Take the lock or throw AppError('DATA_LOCKED') naming the holder. */
export function acquireDataLock(dataDir: string, options: LockOptions): DataLock {
  const result = tryAcquireDataLock(dataDir, options);
  if ('release' in result) return result;
  throw lockedError(result.heldBy);
}

/** Take the lock, or say who holds it (null when the holder could not record itself). */
export function tryAcquireDataLock(dataDir: string, options: LockOptions): DataLock | { heldBy: LockHolder | null } {
  const paths = lockPaths(dataDir);
  const db = openLockFile(paths.lock, options);
  if (db.readonly) {
    // SQLite quietly opens read-only when it cannot write; a read-only lock guards nothing.
    db.close();
    throw lockFileError(dataDir, Object.assign(new Error('read-only'), { code: 'EROFS' }));
  }
  try {
    // MEMORY journal: holding the lock never writes a journal file (it must work on a full disk).
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = MEMORY');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if (isBusy(error)) return { heldBy: readHolder(paths.info) };
    throw lockFileError(dataDir, error);
  }
  const previous = readHolder(paths.info);
  const holder: LockHolder = {
    pid: process.pid,
    host: options.host,
    startedAt: options.now.toISOString(),
    hostname: os.hostname(),
    token: crypto.randomBytes(8).toString('hex'),
  };
  writeHolder(paths.info, holder);
  let released = false;
  return {
    holder,
    takenOverFrom: previous,
    release() {
      if (released) return;
      released = true;
      // Remove the record first: once the OS lock is gone another process may write its own.
      const current = readHolder(paths.info);
      if (current?.token === holder.token) fs.rmSync(paths.info, { force: true });
      try {
        db.exec('ROLLBACK');
      } catch {
        // Nothing was written; closing drops the lock either way.
      }
      db.close();
    },
  };
}

/** Who holds the lock right now, or null when nobody does (the lock is probed, not kept). */
export function currentHolder(dataDir: string, options: LockOptions): { held: boolean; holder: LockHolder | null } {
  const result = tryAcquireDataLock(dataDir, options);
  if ('release' in result) {
    result.release();
    return { held: false, holder: null };
  }
  return { held: true, holder: result.heldBy };
}

const dateFormat = new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeStyle: 'short' });

export function lockedMessage(holder: LockHolder | null): string {
  if (!holder) return 'Data sedang dibuka oleh Patuh lain; tutup aplikasi terlebih dahulu.';
  const since = Number.isNaN(Date.parse(holder.startedAt)) ? holder.startedAt : dateFormat.format(new Date(holder.startedAt));
  const where = holder.hostname && holder.hostname !== os.hostname() ? ` di komputer ${holder.hostname}` : '';
  if (holder.host === 'cli') {
    return `Data sedang dipakai oleh perintah baris Patuh (PID ${holder.pid}${where}) sejak ${since}; tunggu perintah itu selesai, lalu ulangi.`;
  }
  return `Data sedang dibuka oleh Patuh (PID ${holder.pid}${where}) sejak ${since}; tutup aplikasi terlebih dahulu.`;
}

export function lockedError(holder: LockHolder | null): AppError {
  return new AppError('DATA_LOCKED', lockedMessage(holder));
}

function openLockFile(file: string, options: LockOptions): Database.Database {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
    return new Database(file, { timeout: 0, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  } catch (error) {
    throw lockFileError(path.dirname(file), error);
  }
}

function isBusy(error: unknown): boolean {
  return /^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown }).code ?? ''));
}

/** The folder cannot hold a lock file: the same messages as any start failure (full, read-only, permission). */
function lockFileError(dataDir: string, error: unknown): AppError {
  const code = String((error as { code?: unknown }).code ?? '');
  return startFailure(dataDir, code === '' ? null : code, (error as Error).message);
}

function readHolder(file: string): LockHolder | null {
  try {
    const parsed = holderSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function writeHolder(file: string, holder: LockHolder): void {
  const temp = `${file}.${holder.token}.tmp`;
  try {
    fs.writeFileSync(temp, JSON.stringify(holder));
    fs.renameSync(temp, file);
  } catch {
    // A full disk: the OS lock still protects the data; others just cannot name the holder.
    fs.rmSync(temp, { force: true });
    fs.rmSync(file, { force: true });
  }
}
