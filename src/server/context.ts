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
}

export function isoNow(ctx: Pick<ServerContext, 'now'>): string {
  return ctx.now().toISOString();
}
