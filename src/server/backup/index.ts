/**
 * Backup, restore and start-up integrity for the data folder. See each module for the
 * guarantees; this file is the public surface the app and the API handlers use.
 */
export { createBackup, createBackupSync, type BackupOptions } from './backup';
export { backupBeforeChange, type ChangeReason } from './before-change';
export { sweepLeftovers, type LeftoverReport } from './leftovers';
export { listBackups, verifyBackup, type BackupVerification } from './catalog';
export { pruneBackups, selectBackupsToKeep, DEFAULT_RETENTION, type PruneReport, type RetentionPolicy } from './retention';
export { createArchive, type ArchiveOptions, type ArchiveProgress, type ArchiveReport } from './archive';
export { ARCHIVE_PREFIX, readArchiveManifest, type ArchiveManifest } from './archive-manifest';
export { restoreFrom, type RestoreOptions, type RestoreProgress, type RestoreReport } from './restore';
export { validateRestoreSource } from './restore-validate';
export { checkAtStart, quarantineDatabase, sweepBackupTemps, type StartCheck } from './startup';
export {
  createBackupScheduler,
  createChangeTracker,
  DEFAULT_BACKUP_INTERVAL_MS,
  type BackupScheduler,
  type BackupSchedulerOptions,
  type ChangeTracker,
} from './scheduler';
export {
  BACKUP_REASONS,
  backupsDir,
  type BackupEntry,
  type BackupReason,
  type BackupRecord,
  type SqliteOptions,
  type UnverifiedBackup,
} from './types';
export { startBackupService, type BackupService, type BackupServiceOptions } from './service';
