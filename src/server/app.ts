import { AppError } from '../shared/result';
import type { StartStatus } from '../shared/types';
import { createAppBackups, toStartStatus, type AppBackups } from './backup/app-backups';
import { createBackupSync } from './backup/backup';
import { checkAtStart, sweepBackupTemps } from './backup/startup';
import type { ServerContext } from './context';
import { openDatabase, type OpenOptions } from './db/connection';
import { schemaVersion } from './db/migrations';
import { loadDefaultInstruments } from './instruments/instruments-service';
import { createJobRunner, type JobRunner } from './jobs/job-runner';
import { readInternal, writeInternal } from './settings/settings-service';

export interface StartOptions extends OpenOptions {
  dataDir: string;
  resourcesDir: string;
  host: ServerContext['host'];
  appVersion: string;
  now?: () => Date;
  /** Periodic automatic backups (the app and the preview host; not the CLI or tests). */
  periodicBackups?: boolean;
}

export interface StartedApp {
  ctx: ServerContext;
  firstRun: boolean;
  /** What the integrity check at start found (a damaged database is quarantined, never deleted). */
  startStatus: StartStatus;
  backups: AppBackups;
  jobs: JobRunner;
  /** Immediate close (CLI, tests). */
  close: () => void;
  /** Orderly quit: wait for running jobs, final backup of unsaved changes, close. */
  shutdown: () => Promise<void>;
}

/** Open the data directory: integrity check, verified pre-migration backup, migrations, instruments. */
export function startApp(options: StartOptions): StartedApp {
  const now = options.now ?? (() => new Date());
  const sqlite = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  sweepBackupTemps(options.dataDir);
  const startStatus = toStartStatus(checkAtStart(options.dataDir, now(), sqlite));
  const db = openDatabase(options.dataDir, {
    ...options,
    beforeMigrate: (current) => {
      createBackupSync(current, options.dataDir, { reason: 'sebelum-migrasi', now: now(), ...sqlite });
    },
  });
  const ctx: ServerContext = {
    db,
    dataDir: options.dataDir,
    resourcesDir: options.resourcesDir,
    now,
    host: options.host,
    appVersion: options.appVersion,
  };
  try {
    loadDefaultInstruments(ctx);
    const firstRun = readInternal(ctx, 'initializedAt') === undefined;
    if (firstRun) {
      db.transaction(() => writeInternal(ctx, 'initializedAt', ctx.now().toISOString())).immediate();
    }
    const backups = createAppBackups(ctx, { ...sqlite, periodic: options.periodicBackups ?? false });
    const jobs = createJobRunner(now);
    backups.start();
    const close = (): void => {
      if (ctx.db.open) ctx.db.close();
    };
    const shutdown = async (): Promise<void> => {
      await jobs.idle();
      await backups.stop();
      close();
    };
    return { ctx, firstRun, startStatus, backups, jobs, close, shutdown };
  } catch (error) {
    db.close();
    throw error instanceof AppError ? error : new AppError('INTERNAL', `Patuh gagal dimulai: ${(error as Error).message}`);
  }
}

export { schemaVersion };
