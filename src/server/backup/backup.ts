/**
 * Verified backups in <dataDir>/backups/. A copy is made under a temp name, checked
 * (integrity_check, row counts), hashed, and only then given its final name and sidecar
 * manifest — so every file named patuh-….sqlite was a sound database when written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/result';
import type { Db } from '../db/connection';
import {
  fsyncDirSync,
  fsyncFileSync,
  hashFile,
  hashFileSync,
  randomId,
  removeQuiet,
  stamp,
  TEMP_PREFIX,
  uniqueName,
  writeJsonAtomicSync,
  type FileDigest,
} from './files';
import { inspectDatabaseFile, makeSelfContained, type Inspection } from './inspect';
import { backupBaseName, backupsDir, sidecarPath, toSidecar, type BackupReason, type BackupRecord, type SqliteOptions } from './types';

export interface CopyCheckOptions extends SqliteOptions {
  /** Test seam: runs on the fresh copy before verification (tests corrupt it here). */
  afterCopy?: (copyPath: string) => void;
}

export interface BackupOptions extends CopyCheckOptions {
  reason: BackupReason;
  now: Date;
}

/** Online backup through SQLite's backup API; the app keeps working while it runs. */
export async function createBackup(db: Db, dataDir: string, options: BackupOptions): Promise<BackupRecord> {
  const dir = ensureBackupsDir(dataDir);
  const temp = path.join(dir, `${TEMP_PREFIX}${randomId()}.sqlite`);
  try {
    const { inspection, digest } = await snapshotVerified(db, temp, options);
    return publish(temp, dir, inspection, digest, options);
  } catch (error) {
    removeQuiet(temp);
    throw asBackupError(error);
  }
}

/**
 * Synchronous variant for migrate()'s beforeMigrate hook, which cannot await. VACUUM INTO
 * writes a consistent, compacted snapshot; it must run outside a transaction, which is
 * where migrate() calls the hook.
 */
export function createBackupSync(db: Db, dataDir: string, options: BackupOptions): BackupRecord {
  const dir = ensureBackupsDir(dataDir);
  const temp = path.join(dir, `${TEMP_PREFIX}${randomId()}.sqlite`);
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    const inspection = checkCopy(temp, options);
    const digest = hashFileSync(temp);
    fsyncFileSync(temp);
    return publish(temp, dir, inspection, digest, options);
  } catch (error) {
    removeQuiet(temp);
    throw asBackupError(error);
  }
}

/** Copy `db` to `target` and verify it; shared with archives, whose copy lives elsewhere. */
export async function snapshotVerified(
  db: Db,
  target: string,
  options: CopyCheckOptions & { blobs?: boolean },
): Promise<{ inspection: Inspection; digest: FileDigest }> {
  await db.backup(target);
  const inspection = checkCopy(target, options);
  const digest = await hashFile(target);
  fsyncFileSync(target);
  return { inspection, digest };
}

function checkCopy(file: string, options: CopyCheckOptions & { blobs?: boolean }): Inspection {
  makeSelfContained(file, options);
  options.afterCopy?.(file);
  const inspection = inspectDatabaseFile(file, { ...options, check: 'integrity' });
  if (inspection.problems.length > 0) {
    throw new AppError(
      'IO',
      'Salinan cadangan tidak lolos pemeriksaan keutuhan, jadi tidak disimpan. Data utama tidak diubah. ' +
        'Coba lagi; bila tetap gagal, periksa ruang dan kesehatan disk, lalu tutup dan buka kembali Patuh agar basis data diperiksa.',
      { details: inspection.problems },
    );
  }
  return inspection;
}

function publish(temp: string, dir: string, inspection: Inspection, digest: FileDigest, options: BackupOptions): BackupRecord {
  const base = uniqueName(dir, backupBaseName(stamp(options.now), options.reason), ['.sqlite', '.json']);
  const finalPath = path.join(dir, `${base}.sqlite`);
  const record: BackupRecord = {
    id: `${base}.sqlite`,
    path: finalPath,
    createdAt: options.now.toISOString(),
    reason: options.reason,
    sizeBytes: digest.size,
    sha256: digest.sha256,
    schemaVersion: inspection.schemaVersion,
    rowCounts: inspection.rowCounts,
    verified: true,
  };
  fs.renameSync(temp, finalPath);
  try {
    writeJsonAtomicSync(sidecarPath(finalPath), toSidecar(record));
  } catch (error) {
    // The caller is told the backup failed, so no half-registered file stays behind.
    removeQuiet(finalPath);
    throw error;
  }
  fsyncDirSync(dir);
  return record;
}

function ensureBackupsDir(dataDir: string): string {
  const dir = backupsDir(dataDir);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new AppError('IO', `Folder cadangan tidak dapat dibuat (${dir}): ${(error as Error).message}. Periksa izin folder data.`);
  }
  return dir;
}

function asBackupError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT') {
    return new AppError('IO', 'Disk penuh: cadangan tidak dapat dibuat. Data utama tidak diubah. Kosongkan ruang disk, lalu coba lagi.');
  }
  return new AppError(
    'IO',
    `Cadangan gagal dibuat: ${(error as Error).message}. Data utama tidak diubah. Pastikan ruang disk cukup, lalu coba lagi.`,
  );
}
