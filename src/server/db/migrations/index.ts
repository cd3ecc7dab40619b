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
import { migration004 } from './004-intake';
import { migration005 } from './005-documents';
import { migration006 } from './006-ombudsman-2025';
import { migration007 } from './007-skm';
import { migration008 } from './008-instrument-words';
import { migration009 } from './009-returned-baselines';
import { migration010 } from './010-score-index';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database.Database) => void;
}

export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010];

/** Highest version, not the count: numbers are reserved per branch, so the list may have gaps until merged. */
const latestOf = (steps: readonly Migration[]) => steps.reduce((max, step) => Math.max(max, step.version), 0);

export const LATEST_SCHEMA_VERSION = latestOf(migrations);

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
  const latest = latestOf(steps);
  const target = options.target ?? latest;
  const current = schemaVersion(db);
  if (!Number.isInteger(current) || current < 0) {
    // Not a state any Patuh ever wrote: migrating would run 001 over existing tables.
    throw new AppError(
      'DATABASE_CORRUPT',
      `Basis data ini memiliki nomor versi skema yang tidak valid (${current}), jadi bukan basis data Patuh yang dikenali. ` +
        'Data tidak diubah. Pulihkan cadangan terverifikasi (Pengaturan → Cadangan, atau perintah restore), atau hubungi pengembang.',
    );
  }
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
