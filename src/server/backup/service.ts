/**
 * The running app's backup routine in one place, so every host (Electron, preview) wires
 * the same thing: a 'mulai' backup at start, a periodic backup every 15 minutes when the
 * data changed, retention after each, and a last backup on the way out.
 *
 * Start it only once the start-up check is settled (status 'ok', or after the operator
 * chose to restore / start empty): a backup of a freshly created empty database would
 * otherwise become the "newest verified backup" offered after the next failure.
 */
import type { Db } from '../db/connection';
import { createBackup } from './backup';
import { pruneBackups } from './retention';
import { createBackupScheduler, createChangeTracker, DEFAULT_BACKUP_INTERVAL_MS } from './scheduler';
import type { BackupReason, BackupRecord, SqliteOptions } from './types';

export interface BackupServiceOptions extends SqliteOptions {
  now: () => Date;
  intervalMs?: number;
  onError?: (error: unknown) => void;
  /** Make the 'mulai' backup right away (default true). */
  backupAtStart?: boolean;
}

export interface BackupService {
  /** A backup now, whatever changed (e.g. the "Cadangkan sekarang" button, reason 'manual'). */
  backupNow: (reason: BackupReason) => Promise<BackupRecord>;
  /** What the timer does: back up only if the data changed since the last backup. */
  tick: () => Promise<boolean>;
  /**
   * Stop the timer, wait for a running backup, and (unless finalBackup is false) back up
   * unsaved changes. Await it before closing the database.
   */
  stop: (options?: { finalBackup?: boolean }) => Promise<void>;
}

export function startBackupService(db: Db, dataDir: string, options: BackupServiceOptions): BackupService {
  const onError = options.onError ?? ((error: unknown) => console.error('Cadangan gagal:', error));
  const tracker = createChangeTracker(db);
  const sqlite = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const backupNow = async (reason: BackupReason): Promise<BackupRecord> => {
    let record: BackupRecord | undefined;
    await tracker.track(async () => {
      record = await createBackup(db, dataDir, { reason, now: options.now(), ...sqlite });
    });
    // Retention never blocks or fails a backup that succeeded.
    try {
      pruneBackups(dataDir, options.now());
    } catch (error) {
      onError(error);
    }
    return record!;
  };
  const scheduler = createBackupScheduler({
    intervalMs: options.intervalMs ?? DEFAULT_BACKUP_INTERVAL_MS,
    hasChanges: tracker.hasChanges,
    run: async () => void (await backupNow('berkala')),
    onError,
  });
  const initial = options.backupAtStart === false ? Promise.resolve() : backupNow('mulai').then(() => undefined, onError);
  scheduler.start();
  return {
    backupNow,
    tick: scheduler.tick,
    stop: async ({ finalBackup = true } = {}) => {
      await scheduler.stop();
      await initial;
      if (finalBackup && tracker.hasChanges()) await backupNow('berkala').catch(onError);
    },
  };
}
