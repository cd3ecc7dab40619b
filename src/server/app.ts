import { AppError } from '../shared/result';
import type { ServerContext } from './context';
import { openDatabase, type OpenOptions } from './db/connection';
import { schemaVersion } from './db/migrations';
import { loadDefaultInstruments } from './instruments/instruments-service';
import { readInternal, writeInternal } from './settings/settings-service';

export interface StartOptions extends OpenOptions {
  dataDir: string;
  resourcesDir: string;
  host: ServerContext['host'];
  appVersion: string;
  now?: () => Date;
}

export interface StartedApp {
  ctx: ServerContext;
  firstRun: boolean;
  close: () => void;
}

/** Open the data directory: database, migrations, default instruments. Used by every host. */
export function startApp(options: StartOptions): StartedApp {
  const db = openDatabase(options.dataDir, options);
  const ctx: ServerContext = {
    db,
    dataDir: options.dataDir,
    resourcesDir: options.resourcesDir,
    now: options.now ?? (() => new Date()),
    host: options.host,
    appVersion: options.appVersion,
  };
  try {
    loadDefaultInstruments(ctx);
    const firstRun = readInternal(ctx, 'initializedAt') === undefined;
    if (firstRun) {
      db.transaction(() => writeInternal(ctx, 'initializedAt', ctx.now().toISOString())).immediate();
    }
    return { ctx, firstRun, close: () => db.close() };
  } catch (error) {
    db.close();
    throw error instanceof AppError ? error : new AppError('INTERNAL', `Patuh gagal dimulai: ${(error as Error).message}`);
  }
}

export { schemaVersion };
