import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databasePath, openDatabase, type Db } from '../../../src/server/db/connection';
import { checkAtStart, createBackup, restoreFrom } from '../../../src/server/backup';
import { tempDir } from '../helpers';
import { addUnit, at, corruptAfterHeader, listDir, seededDataDir, unitNames } from './fixtures';

const open: Db[] = [];
afterEach(() => {
  while (open.length > 0) {
    const db = open.pop()!;
    if (db.open) db.close();
  }
});

describe('checkAtStart', () => {
  it('reports a first start as missing, with nothing to offer', () => {
    expect(checkAtStart(tempDir(), at(0))).toEqual({ status: 'missing', newestVerifiedBackup: null });
  });

  it('passes a healthy database, also while the app holds it open in WAL mode', () => {
    const { dataDir, db } = seededDataDir();
    open.push(db);
    expect(checkAtStart(dataDir, at(0))).toEqual({ status: 'ok' });
    db.close();
    expect(checkAtStart(dataDir, at(0))).toEqual({ status: 'ok' });
  });

  it('quarantines a garbage database with its -wal/-shm and points to the newest verified backup', async () => {
    const { dataDir, db } = seededDataDir(['Dinas A']);
    open.push(db);
    await createBackup(db, dataDir, { reason: 'berkala', now: at(0, 9) });
    addUnit(db, 'Dinas B');
    const newest = await createBackup(db, dataDir, { reason: 'berkala', now: at(0, 10) });
    db.close();
    const live = databasePath(dataDir);
    const garbage = { 'patuh.sqlite': Buffer.alloc(12288, 0x13), 'patuh.sqlite-wal': Buffer.from('wal?'), 'patuh.sqlite-shm': Buffer.from('shm?') };
    for (const [name, bytes] of Object.entries(garbage)) fs.writeFileSync(path.join(dataDir, name), bytes);

    const result = checkAtStart(dataDir, at(1, 8));
    expect(result).toMatchObject({ status: 'quarantined', quarantineDir: path.join(dataDir, 'karantina', '20261002-080000') });
    if (result.status !== 'quarantined') throw new Error('unreachable');
    expect(result.newestVerifiedBackup?.id).toBe(newest.id);
    expect(result.problems[0]).toMatch(/bukan basis data/);
    // Moved, not deleted: same bytes in karantina/, nothing left beside the data folder.
    expect(listDir(result.quarantineDir)).toEqual(Object.keys(garbage).sort());
    for (const [name, bytes] of Object.entries(garbage)) expect(fs.readFileSync(path.join(result.quarantineDir, name))).toEqual(bytes);
    expect(fs.existsSync(live) || fs.existsSync(`${live}-wal`) || fs.existsSync(`${live}-shm`)).toBe(false);

    // The offered backup restores and the app opens again.
    await restoreFrom(dataDir, result.newestVerifiedBackup!.path, { now: at(1, 8, 5) });
    expect(checkAtStart(dataDir, at(1, 8, 6))).toEqual({ status: 'ok' });
    expect(unitNames(dataDir)).toEqual(['Dinas A', 'Dinas B']);
  });

  it('quarantines a database whose pages are damaged; skips a backup that no longer verifies', async () => {
    const { dataDir, db } = seededDataDir();
    open.push(db);
    const older = await createBackup(db, dataDir, { reason: 'berkala', now: at(0, 9) });
    const newer = await createBackup(db, dataDir, { reason: 'berkala', now: at(0, 10) });
    db.close();
    corruptAfterHeader(newer.path);
    corruptAfterHeader(databasePath(dataDir));

    const result = checkAtStart(dataDir, at(1));
    expect(result.status).toBe('quarantined');
    expect(result.status === 'quarantined' && result.newestVerifiedBackup?.id).toBe(older.id);
    // A second quarantine in the same second does not overwrite the first.
    fs.writeFileSync(databasePath(dataDir), 'bukan sqlite');
    const again = checkAtStart(dataDir, at(1));
    expect(again.status === 'quarantined' && path.basename(again.quarantineDir)).toBe('20261002-120000-2');
  });

  it('keeps the committed data of an app that crashed (data only in the -wal) and quarantines nothing', () => {
    const dataDir = tempDir();
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const script = `
      const Database = require(${JSON.stringify(driver)});
      const db = new Database(${JSON.stringify(databasePath(dataDir))});
      db.pragma('journal_mode = WAL');
      db.exec("CREATE TABLE t (x); INSERT INTO t VALUES (1), (2), (3);");
      process.kill(process.pid, 'SIGKILL');`;
    spawnSync(process.execPath, ['-e', script]);
    expect(fs.statSync(`${databasePath(dataDir)}-wal`).size).toBeGreaterThan(0);
    expect(checkAtStart(dataDir, at(0))).toEqual({ status: 'ok' });
    expect(listDir(dataDir)).not.toContain('karantina');
    const db = openDatabase(dataDir);
    open.push(db);
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(3);
  });

  it('an empty database file counts as damaged', () => {
    const dataDir = tempDir();
    fs.writeFileSync(databasePath(dataDir), '');
    expect(checkAtStart(dataDir, at(0)).status).toBe('quarantined');
  });

  it('a missing database with a stale -wal left behind: the -wal is moved aside and backups are offered', async () => {
    const { dataDir, db } = seededDataDir();
    open.push(db);
    const backup = await createBackup(db, dataDir, { reason: 'berkala', now: at(0) });
    db.close();
    fs.rmSync(databasePath(dataDir));
    fs.writeFileSync(`${databasePath(dataDir)}-wal`, 'sisa');
    const result = checkAtStart(dataDir, at(1));
    expect(result).toMatchObject({ status: 'missing', newestVerifiedBackup: { id: backup.id } });
    expect(listDir(path.join(dataDir, 'karantina', '20261002-120000'))).toEqual(['patuh.sqlite-wal']);
    const reopened = openDatabase(dataDir);
    open.push(reopened);
    expect(reopened.prepare('SELECT count(*) FROM units').pluck().get()).toBe(0);
  });
});
