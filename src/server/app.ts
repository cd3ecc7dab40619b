import { AppError } from '../shared/result';
import type { StartStatus } from '../shared/types';
import { createAppBackups, toStartStatus, type AppBackups } from './backup/app-backups';
import { createBackupSync } from './backup/backup';
import { sweepLeftovers } from './backup/leftovers';
import { checkAtStart } from './backup/startup';
import type { ServerContext } from './context';
import { openDatabase, openDatabaseReadOnly, type Db, type OpenOptions } from './db/connection';
import { trackChanges } from './scoring/changed-units';
import { assertSpaceToStart } from './db/disk-space';
import { storageError } from './db/errors';
import { schemaVersion } from './db/migrations';
import { loadDefaultInstruments } from './instruments/instruments-service';
import { createJobRunner, type JobRunner } from './jobs/job-runner';
import { tryAcquireDataLock, lockedError, type DataLock, type LockHolder } from './lock/data-lock';
import { readInternal, writeInternal } from './settings/settings-service';
import { StartUnsettledError, unsettledStatus } from './start-status';

export { StartUnsettledError };

export interface StartOptions extends OpenOptions {
  dataDir: string;
  resourcesDir: string;
  host: ServerContext['host'];
  appVersion: string;
  now?: () => Date;
  /** Periodic automatic backups (the app and the preview host; not the CLI or tests). */
  periodicBackups?: boolean;
  /**
   * 'write' (default): hold the data-folder lock for the app's whole life; refused while
   * another Patuh holds it. 'read': take the lock when free, otherwise (or on a full disk)
   * open the data read-only — for commands that only read.
   */
  access?: 'write' | 'read';
  /**
   * When the database was just quarantined, or is missing while verified backups exist:
   * 'open-empty' (default) starts on an empty database and the UI offers the restore;
   * 'refuse' throws StartUnsettledError instead, so a command never answers from an
   * empty database (the CLI).
   */
  unsettled?: 'open-empty' | 'refuse';
  /**
   * false only for tests of SQLite-level concurrency, whose processes coordinate
   * through SQLite alone. Every host keeps the default.
   */
  lock?: boolean;
}

export interface StartedApp {
  ctx: ServerContext;
  firstRun: boolean;
  /** What the integrity check at start found (a damaged database is quarantined, never deleted). */
  startStatus: StartStatus;
  backups: AppBackups;
  jobs: JobRunner;
  /** Open read-only: another Patuh holds the data folder, or the disk is full. */
  readOnly: boolean;
  /** Our hold on the data folder (null when another process holds it); `takenOverFrom` names a killed holder. */
  lock: DataLock | null;
  /** Who holds the folder when we are read-only because of them. */
  heldBy: LockHolder | null;
  /** Immediate close (CLI, tests). */
  close: () => void;
  /** Orderly quit: wait for running jobs, final backup of unsaved changes, close. */
  shutdown: () => Promise<void>;
}

interface Access {
  lock: DataLock | null;
  readOnly: boolean;
  heldBy: LockHolder | null;
}

/**
 * Open the data directory: the folder lock, leftovers of interrupted work, the integrity
 * check, a verified pre-migration backup, migrations, instruments. Every host starts here,
 * so the lock and the start status cannot differ between Electron, the preview and the CLI.
 */
export function startApp(options: StartOptions): StartedApp {
  const now = options.now ?? (() => new Date());
  const access = takeAccess(options, now());
  try {
    return access.readOnly ? startReadOnly(options, now, access) : startWritable(options, now, access);
  } catch (error) {
    access.lock?.release();
    throw startError(error);
  }
}

function takeAccess(options: StartOptions, now: Date): Access {
  if (options.lock === false) return { lock: null, readOnly: false, heldBy: null };
  const wantsWrite = (options.access ?? 'write') === 'write';
  let result: ReturnType<typeof tryAcquireDataLock>;
  try {
    result = tryAcquireDataLock(options.dataDir, { host: options.host, now, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  } catch (error) {
    // The folder cannot even hold a lock file (read-only medium, full disk): reads may still work.
    if (wantsWrite) throw error;
    return { lock: null, readOnly: true, heldBy: null };
  }
  if (!('release' in result)) {
    if (wantsWrite) throw lockedError(result.heldBy);
    return { lock: null, readOnly: true, heldBy: result.heldBy };
  }
  try {
    assertSpaceToStart(options.dataDir);
  } catch (error) {
    if (wantsWrite) {
      result.release();
      throw error;
    }
    // Kept while reading: nobody else should start writing on this full disk meanwhile.
    return { lock: result, readOnly: true, heldBy: null };
  }
  return { lock: result, readOnly: false, heldBy: null };
}

function startWritable(options: StartOptions, now: () => Date, access: Access): StartedApp {
  const sqlite = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  // We hold the lock: any temp file or archive temp folder belongs to a dead process.
  sweepLeftovers(options.dataDir);
  const check = checkAtStart(options.dataDir, now(), sqlite);
  if (options.unsettled === 'refuse') {
    const unsettled = unsettledStatus(options.dataDir, check);
    if (unsettled) throw new StartUnsettledError(options.dataDir, unsettled);
  }
  const db = openDatabase(options.dataDir, {
    ...options,
    beforeMigrate: (current) => {
      createBackupSync(current, options.dataDir, { reason: 'sebelum-migrasi', now: now(), ...sqlite });
    },
  });
  trackChanges(db);
  const ctx = contextFor(options, db, now, false);
  try {
    loadDefaultInstruments(ctx);
    const firstRun = readInternal(ctx, 'initializedAt') === undefined;
    if (firstRun) {
      db.transaction(() => writeInternal(ctx, 'initializedAt', ctx.now().toISOString())).immediate();
    }
    return assemble(ctx, options, toStartStatus(check), firstRun, access);
  } catch (error) {
    db.close();
    throw error;
  }
}

function startReadOnly(options: StartOptions, now: () => Date, access: Access): StartedApp {
  const db = openDatabaseReadOnly(options.dataDir, {
    ownsFolder: access.lock !== null,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  trackChanges(db);
  const ctx = contextFor(options, db, now, true);
  const status: StartStatus = { status: 'ok', quarantineDir: null, problems: [], newestBackup: null };
  return assemble(ctx, options, status, false, access);
}

function contextFor(options: StartOptions, db: Db, now: () => Date, readOnly: boolean): ServerContext {
  return {
    db,
    dataDir: options.dataDir,
    resourcesDir: options.resourcesDir,
    now,
    host: options.host,
    appVersion: options.appVersion,
    readOnly,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  };
}

function assemble(ctx: ServerContext, options: StartOptions, startStatus: StartStatus, firstRun: boolean, access: Access): StartedApp {
  const sqlite = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const backups = createAppBackups(ctx, { ...sqlite, periodic: !access.readOnly && (options.periodicBackups ?? false) });
  const jobs = createJobRunner(ctx.now);
  backups.start();
  const close = (): void => {
    if (ctx.db.open) ctx.db.close();
    access.lock?.release();
  };
  const shutdown = async (): Promise<void> => {
    await jobs.idle();
    await backups.stop();
    close();
  };
  return { ctx, firstRun, startStatus, backups, jobs, readOnly: access.readOnly, lock: access.lock, heldBy: access.heldBy, close, shutdown };
}

/** Start-up failures reach the user as one Indonesian sentence, never SQLite's text. */
function startError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const mapped = storageError(error);
  if (mapped) return mapped;
  return new AppError('INTERNAL', 'Patuh gagal dimulai karena kesalahan tak terduga. Data tidak diubah. Coba buka lagi; bila berulang, hubungi pengembang.', {
    details: [(error as Error).message],
  });
}

export { schemaVersion };
