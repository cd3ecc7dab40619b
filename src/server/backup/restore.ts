/**
 * Restore from a backup .sqlite or an archive folder.
 *
 * Contract with the caller: restoreFrom validates first (nothing changes if the source is
 * bad), then calls `closeCurrent()` — the app MUST close its own connection there — saves
 * the current state as a 'sebelum-pemulihan' backup (the undo), and replaces the database.
 * Whether it returns or throws, the caller reopens with openDatabase() afterwards (which
 * also migrates an older restored schema, with its own pre-migration backup). Stop the
 * backup scheduler before calling: a backup running on the old connection would fail.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/result';
import { databasePath } from '../db/connection';
import { assertNotOpenElsewhere } from '../lock/exclusive-db';
import { createBackupSync } from './backup';
import { copyFileHashed, fsyncDirSync, fsyncFileSync, randomId, removeQuiet, TEMP_PREFIX } from './files';
import { inspectDatabaseFile, isDamage, openReadOnly } from './inspect';
import { validateRestoreSource, type EvidencePlan, type RestoreProgress, type ValidateOptions } from './restore-validate';
import { quarantineDatabase } from './startup';
import { backupsDir, type BackupRecord } from './types';

export interface RestoreOptions extends ValidateOptions {
  now: Date;
  /** Closes the app's connection; called after validation succeeded, before any change. */
  closeCurrent?: () => void;
}

export interface RestoreReport {
  source: string;
  kind: 'cadangan' | 'arsip';
  /** Backup of the state before the restore; restoring it undoes this restore. */
  undoBackupId: string | null;
  undoBackup: BackupRecord | null;
  /** Set instead of an undo backup when the current database was damaged. */
  quarantineDir: string | null;
  schemaVersion: number;
  rowCounts: Record<string, number>;
  evidenceCopied: number;
  evidenceAlreadyPresent: number;
}

export type { RestoreProgress };

export async function restoreFrom(dataDir: string, source: string, options: RestoreOptions): Promise<RestoreReport> {
  const plan = await validateRestoreSource(dataDir, source, options);
  try {
    options.closeCurrent?.();
    // Exclusive: never replace a file another process still has open (checked again at the swap).
    assertNotOpenElsewhere(databasePath(dataDir), nativeOf(options));
    const saved = saveCurrentState(dataDir, options);
    const evidenceCopied = await installEvidence(dataDir, plan.evidence, options);
    assertNotOpenElsewhere(databasePath(dataDir), nativeOf(options));
    swapDatabase(dataDir, plan.stagedDb, saved.undo);
    return {
      source: plan.source,
      kind: plan.kind,
      undoBackupId: saved.undo?.id ?? null,
      undoBackup: saved.undo,
      quarantineDir: saved.quarantineDir,
      schemaVersion: plan.schemaVersion,
      rowCounts: plan.rowCounts,
      evidenceCopied,
      evidenceAlreadyPresent: plan.evidence.length - evidenceCopied,
    };
  } finally {
    removeQuiet(plan.stagedDb); // Already renamed away after a successful swap.
  }
}

/**
 * The undo: a verified backup of the current database, or — when it is damaged and cannot
 * be backed up — a move into karantina/. Anything else aborts before the swap.
 */
function saveCurrentState(dataDir: string, options: RestoreOptions): { undo: BackupRecord | null; quarantineDir: string | null } {
  const live = databasePath(dataDir);
  if (!fs.existsSync(live)) return { undo: null, quarantineDir: null };
  // Full check, not quick: a subtly damaged database (the usual reason to restore) must go
  // to karantina rather than make the undo backup fail and block the restore.
  const health = inspectDatabaseFile(live, { ...options, check: 'integrity' });
  if (isDamage(health)) return { undo: null, quarantineDir: quarantineDatabase(dataDir, options.now) };
  try {
    if (health.problems.length > 0) throw new Error(health.problems.join(' '));
    // A read-only connection of our own: it sees any WAL content the app left behind.
    const db = openReadOnly(live, options);
    try {
      const undo = createBackupSync(db, dataDir, { reason: 'sebelum-pemulihan', now: options.now, ...nativeOf(options) });
      return { undo, quarantineDir: null };
    } finally {
      db.close();
    }
  } catch (error) {
    throw new AppError(
      'IO',
      'Keadaan data sekarang tidak dapat dicadangkan, jadi pemulihan dibatalkan dan data tidak diubah. ' +
        'Pastikan Patuh lain tertutup dan ruang disk cukup, lalu coba lagi.',
      { details: [(error as Error).message] },
    );
  }
}

/** Copy each missing evidence file via a verified temp copy; existing files are never rewritten. */
async function installEvidence(dataDir: string, evidence: EvidencePlan[], options: RestoreOptions): Promise<number> {
  const toCopy = evidence.filter((item): item is EvidencePlan & { from: string } => item.from !== null);
  for (const [index, item] of toCopy.entries()) {
    const dest = path.join(dataDir, ...item.relPath.split('/'));
    const temp = path.join(backupsDir(dataDir), `${TEMP_PREFIX}bukti-${randomId()}`);
    try {
      const digest = await copyFileHashed(item.from, temp);
      if (digest.sha256 !== item.sha256) throw new Error(`isi berubah selama pemulihan: ${item.relPath}`);
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.renameSync(temp, dest);
      fsyncDirSync(path.dirname(dest));
    } catch (error) {
      removeQuiet(temp);
      throw new AppError(
        'IO',
        `Berkas bukti gagal disalin dari arsip (${(error as Error).message}). Basis data belum diganti. Periksa arsip/flashdisk, lalu coba lagi.`,
      );
    }
    options.onProgress?.({ phase: 'bukti', done: index + 1, total: toCopy.length });
  }
  return toCopy.length;
}

/**
 * Old -wal/-shm/-journal go before the rename: SQLite would replay a stale WAL or hot
 * journal into the new file. They are safe to drop because the undo backup already holds
 * their content (it was read through SQLite).
 */
function swapDatabase(dataDir: string, stagedDb: string, undo: BackupRecord | null): void {
  const live = databasePath(dataDir);
  try {
    fsyncFileSync(stagedDb);
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(live + suffix, { force: true });
    fs.renameSync(stagedDb, live);
    fsyncDirSync(dataDir);
  } catch (error) {
    const undoHint = undo ? ` Data sebelumnya tersimpan sebagai cadangan ${undo.id}.` : '';
    throw new AppError(
      'IO',
      `Basis data gagal diganti: ${(error as Error).message}. Tutup semua jendela Patuh, lalu coba lagi.${undoHint}`,
    );
  }
}

function nativeOf(options: RestoreOptions): { nativeBinding?: string } {
  return options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
}
