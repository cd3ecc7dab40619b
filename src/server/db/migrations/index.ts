/**
 * Numbered, frozen migrations keyed to PRAGMA user_version. Each runs in one
 * transaction together with the version bump, so a crash leaves either the old or
 * the new schema. Migrations never import live domain code: they are history.
 */
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/result';
import { migration001 } from './001-initial';
import { migration002 } from './002-checklist';
import { migration003 } from './003-assessment';
import { migration009 } from './009-skm';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database.Database) => void;
}

export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration009];

export const LATEST_SCHEMA_VERSION = migrations.length;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(
  db: Database.Database,
  options: {
    beforeMigrate?: (db: Database.Database, from: number, to: number) => void;
    target?: number;
    /** Defaults to the app's migrations; tests pass their own list. */
    steps?: readonly Migration[];
  } = {},
): { from: number; to: number } {
  const steps = options.steps ?? migrations;
  const latest = steps.length;
  const target = options.target ?? latest;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new AppError(
      'DATABASE_TOO_NEW',
      `Basis data ini dibuat oleh versi Patuh yang lebih baru (skema ${current}, aplikasi ini mengenal sampai ${latest}). ` +
        'Perbarui aplikasi Patuh; data tidak diubah.',
    );
  }
  if (current >= target) return { from: current, to: current };
  if (current > 0) options.beforeMigrate?.(db, current, target);
  for (const step of steps) {
    if (step.version <= current || step.version > target) continue;
    db.transaction(() => {
      step.up(db);
      db.pragma(`user_version = ${step.version}`);
    }).immediate();
  }
  return { from: current, to: target };
}
