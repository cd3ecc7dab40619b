/**
 * Start-up integrity: before the app opens (and migrates, and writes to) its database, a
 * separate read-only connection runs PRAGMA quick_check. A damaged file is moved — never
 * deleted — into karantina/, so the UI can offer the newest verified backup while the
 * damaged original stays available for a specialist.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/result';
import { DATABASE_FILE, databasePath } from '../db/connection';
import { startFailure } from '../db/open-errors';
import { ARCHIVE_PREFIX } from './archive-manifest';
import { newestVerifiedListed, verifyBackupSync } from './catalog';
import { fsyncDirSync, stamp, TEMP_PREFIX, uniqueName } from './files';
import { inspectDatabaseFile, isDamage } from './inspect';
import { backupsDir, QUARANTINE_DIR, type BackupRecord, type SqliteOptions } from './types';

export type StartCheck =
  | { status: 'ok' }
  /** No database: a first start, or a lost file — then newestVerifiedBackup is worth offering. */
  | { status: 'missing'; newestVerifiedBackup: BackupRecord | null }
  | { status: 'quarantined'; quarantineDir: string; problems: string[]; newestVerifiedBackup: BackupRecord | null };

/** Moved before patuh.sqlite: if a move fails midway, no new database can appear beside an old -wal. */
const COMPANIONS = ['-wal', '-shm', '-journal'];

/**
 * Synchronous so startApp can call it before openDatabase. Throws AppError('IO') when the
 * file is merely inaccessible (in use, no permission): that is not damage, and moving a
 * file another process is writing would split the data in two.
 */
export function checkAtStart(dataDir: string, now: Date, options: SqliteOptions = {}): StartCheck {
  const live = databasePath(dataDir);
  if (!fs.existsSync(live)) {
    // A stale -wal next to a new database would be replayed into it: move it aside first.
    if (COMPANIONS.some((suffix) => fs.existsSync(live + suffix))) quarantineDatabase(dataDir, now);
    return { status: 'missing', newestVerifiedBackup: newestGoodBackup(dataDir, options, now) };
  }
  // Opening a WAL database rebuilds a stale -shm (a transient index, no data); its original
  // bytes are kept so karantina/ holds exactly what was found.
  const shmBefore = readIfPresent(`${live}-shm`);
  const existedBefore = COMPANIONS.filter((suffix) => fs.existsSync(live + suffix));
  const inspection = inspectDatabaseFile(live, { ...options, check: 'quick' });
  if (inspection.problems.length === 0) return { status: 'ok' };
  if (!isDamage(inspection)) {
    removeCreatedCompanions(live, existedBefore);
    throw startFailure(dataDir, inspection.errorCode, inspection.problems[0] ?? '');
  }
  const quarantineDir = quarantineDatabase(dataDir, now);
  if (shmBefore) keepOriginal(path.join(quarantineDir, `${DATABASE_FILE}-shm`), shmBefore);
  return { status: 'quarantined', quarantineDir, problems: inspection.problems, newestVerifiedBackup: newestGoodBackup(dataDir, options, now) };
}

/**
 * A failed read may have created an empty -wal and a stub -shm; they hold no data (the
 * -wal is empty, the -shm is a rebuildable index) and are removed so a failed start
 * changes no file. Companions that were there before are never touched.
 */
function removeCreatedCompanions(live: string, existedBefore: readonly string[]): void {
  for (const suffix of COMPANIONS) {
    if (existedBefore.includes(suffix)) continue;
    const file = live + suffix;
    try {
      if (suffix === '-wal' && fs.statSync(file).size > 0) continue;
      fs.rmSync(file, { force: true });
    } catch {
      // Absent, or cannot be removed on this disk: harmless either way.
    }
  }
}

function readIfPresent(file: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch {
    return null;
  }
}

function keepOriginal(file: string, bytes: Buffer): void {
  try {
    fs.writeFileSync(file, bytes);
  } catch {
    // Forensic nicety only: the -shm holds no data, so start-up must not fail over it.
  }
}

/** Move patuh.sqlite and its companions into karantina/YYYYMMDD-HHMMSS/ and return that folder. */
export function quarantineDatabase(dataDir: string, now: Date): string {
  const root = path.join(dataDir, QUARANTINE_DIR);
  try {
    fs.mkdirSync(root, { recursive: true });
    const dir = path.join(root, uniqueName(root, stamp(now), ['']));
    fs.mkdirSync(dir);
    for (const name of [...COMPANIONS.map((suffix) => DATABASE_FILE + suffix), DATABASE_FILE]) {
      const from = path.join(dataDir, name);
      if (fs.existsSync(from)) fs.renameSync(from, path.join(dir, name));
    }
    fsyncDirSync(dir);
    fsyncDirSync(dataDir);
    return dir;
  } catch (error) {
    throw new AppError(
      'IO',
      `Basis data rusak, tetapi tidak dapat dipindahkan ke folder karantina: ${(error as Error).message}. ` +
        'Tutup program lain yang memakai folder data Patuh, lalu buka Patuh lagi.',
    );
  }
}

/**
 * The newest backup that still passes verification now (hash, integrity), not merely the
 * newest sidecar: offering a backup that then fails to restore would cost the operator
 * the one decision they have to make under stress.
 */
function newestGoodBackup(dataDir: string, options: SqliteOptions, now: Date): BackupRecord | null {
  for (const record of newestVerifiedListed(dataDir)) {
    if (verifyBackupSync(record.path, { ...options, now }).ok) return record;
  }
  return null;
}

/**
 * Remove temp leftovers of interrupted backups/restores (backups/.tmp-*) and of archives
 * (.tmp-Patuh-Arsip-* in the given archive folders). Call at start, before any backup
 * runs, since a temp of a running job looks the same. Returns what was removed.
 */
export function sweepBackupTemps(dataDir: string, archiveDirs: readonly string[] = []): string[] {
  const removed = sweepDir(backupsDir(dataDir), (name) => name.startsWith(TEMP_PREFIX));
  for (const dir of archiveDirs) removed.push(...sweepDir(dir, (name) => name.startsWith(`${TEMP_PREFIX}${ARCHIVE_PREFIX}`)));
  return removed;
}

/** Remove `.tmp-*` leftovers of interrupted exports in a folder Patuh writes exports to. */
export function sweepExportTemps(dir: string): string[] {
  return sweepDir(dir, (name) => name.startsWith(TEMP_PREFIX));
}

function sweepDir(dir: string, matches: (name: string) => boolean): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names.filter(matches)) {
    const target = path.join(dir, name);
    try {
      fs.rmSync(target, { recursive: true, force: true });
      removed.push(target);
    } catch {
      // Locked (e.g. by a scanner): harmless, tried again at the next start.
    }
  }
  return removed;
}
