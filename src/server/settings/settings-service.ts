import type { ParsedInput } from '../../shared/contract';
import type { Settings } from '../../shared/types';
import type { ServerContext } from '../context';
import type { Db } from '../db/connection';
import { memoFor } from '../db/memo';

const DEFAULTS: Settings = { operatorName: '', localGovernmentName: '', localGovernmentKind: 'kabupaten' };

function settingsRepository(db: Db) {
  const all = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
  const upsert = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  return {
    read(): Record<string, string> {
      return Object.fromEntries(all.all().map((row) => [row.key, row.value]));
    },
    write(key: string, value: string): void {
      upsert.run(key, value);
    },
  };
}

export function getSettings(ctx: ServerContext): Settings {
  const stored = memoFor(ctx.db, settingsRepository).read();
  const kind = stored['localGovernmentKind'];
  return {
    operatorName: stored['operatorName'] ?? DEFAULTS.operatorName,
    localGovernmentName: stored['localGovernmentName'] ?? DEFAULTS.localGovernmentName,
    localGovernmentKind: kind === 'kota' || kind === 'provinsi' || kind === 'kabupaten' ? kind : DEFAULTS.localGovernmentKind,
  };
}

export function updateSettings(ctx: ServerContext, input: ParsedInput<'settings:update'>): Settings {
  const repo = memoFor(ctx.db, settingsRepository);
  ctx.db
    .transaction(() => {
      if (input.operatorName !== undefined) repo.write('operatorName', input.operatorName ?? '');
      if (input.localGovernmentName !== undefined) repo.write('localGovernmentName', input.localGovernmentName ?? '');
      if (input.localGovernmentKind !== undefined) repo.write('localGovernmentKind', input.localGovernmentKind);
    })
    .immediate();
  return getSettings(ctx);
}

/** Settings rows that are internal bookkeeping, not user preferences. */
export function readInternal(ctx: ServerContext, key: string): string | undefined {
  return memoFor(ctx.db, settingsRepository).read()[`internal.${key}`];
}

export function writeInternal(ctx: ServerContext, key: string, value: string): void {
  memoFor(ctx.db, settingsRepository).write(`internal.${key}`, value);
}
