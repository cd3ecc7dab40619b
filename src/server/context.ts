import type { Db } from './db/connection';

/** Everything a service needs, injected so tests use temp dirs and a fixed clock. */
export interface ServerContext {
  db: Db;
  dataDir: string;
  resourcesDir: string;
  now: () => Date;
  /** Which host runs the services; shown in Tentang. */
  host: 'electron' | 'preview' | 'cli';
  appVersion: string;
  /** Electron's ABI build of better-sqlite3, for services that open their own connection (backups). */
  nativeBinding?: string;
  /** True when the data is open read-only (another Patuh holds the folder, or the disk is full). */
  readOnly?: boolean;
}

export function isoNow(ctx: Pick<ServerContext, 'now'>): string {
  return ctx.now().toISOString();
}
