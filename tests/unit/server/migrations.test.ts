import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { databasePath, openDatabase } from '../../../src/server/db/connection';
import { LATEST_SCHEMA_VERSION, migrate, migrations, schemaVersion, type Migration } from '../../../src/server/db/migrations';
import { AppError } from '../../../src/shared/result';
import { tempDir } from '../helpers';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('migrations', () => {
  it('create a fresh database at the latest version with the safety pragmas', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['instruments', 'period_instruments', 'period_units', 'periods', 'settings', 'unit_groups', 'units']));
    db.close();
  });

  it('upgrade an existing database step by step, keeping data and calling the pre-migration hook', () => {
    const db = new Database(':memory:');
    migrate(db, { steps: migrations });
    db.prepare("INSERT INTO settings (key, value) VALUES ('operatorName', 'Siti')").run();
    const extra: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'test-add-column',
      up: (target) => target.exec("ALTER TABLE settings ADD COLUMN note TEXT NOT NULL DEFAULT ''"),
    };
    const hook = vi.fn();
    const result = migrate(db, { steps: [...migrations, extra], beforeMigrate: hook });
    expect(result).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION + 1 });
    expect(hook).toHaveBeenCalledWith(db, LATEST_SCHEMA_VERSION, LATEST_SCHEMA_VERSION + 1);
    expect(db.prepare('SELECT value, note FROM settings').get()).toEqual({ value: 'Siti', note: '' });
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION + 1);
  });

  it('roll back a failing migration completely, version included', () => {
    const db = new Database(':memory:');
    migrate(db, { steps: migrations });
    const broken: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'broken',
      up: (target) => {
        target.exec('CREATE TABLE half_done (id INTEGER)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, { steps: [...migrations, broken] })).toThrow('boom');
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
  });

  it('refuse a database from a newer app version with an Indonesian message and write nothing', () => {
    const dir = tempDir();
    openDatabase(dir).close();
    const raw = new Database(databasePath(dir));
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = sha(databasePath(dir));
    let error: unknown;
    try {
      openDatabase(dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('DATABASE_TOO_NEW');
    expect((error as AppError).message).toMatch(/versi Patuh yang lebih baru.*Perbarui aplikasi/);
    expect(sha(databasePath(dir))).toBe(before);
  });

  it('report a file that is not a database as corrupt instead of crashing', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'patuh.sqlite'), 'ini bukan basis data '.repeat(400));
    expect(() => openDatabase(dir)).toThrow(/rusak|tidak dapat dibuka/);
  });
});
