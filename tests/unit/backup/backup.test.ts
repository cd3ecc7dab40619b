import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databasePath, openDatabase, type Db } from '../../../src/server/db/connection';
import { LATEST_SCHEMA_VERSION, migrate } from '../../../src/server/db/migrations';
import { createBackup, createBackupSync, listBackups, verifyBackup } from '../../../src/server/backup';
import { AppError } from '../../../src/shared/result';
import { tempDir } from '../helpers';
import { at, corruptAfterHeader, listDir, seededDataDir, sha } from './fixtures';

const open: Db[] = [];
afterEach(() => {
  while (open.length > 0) open.pop()!.close();
});

function seeded(): { dataDir: string; db: Db } {
  const seededDir = seededDataDir();
  open.push(seededDir.db);
  return seededDir;
}

describe('createBackup', () => {
  it('writes a verified copy under its final name with a sidecar describing it', async () => {
    const { dataDir, db } = seeded();
    const record = await createBackup(db, dataDir, { reason: 'manual', now: at(0, 9, 5, 7) });

    expect(record.id).toBe('patuh-20261001-090507-manual.sqlite');
    expect(record.path).toBe(path.join(dataDir, 'backups', record.id));
    expect(record).toMatchObject({ reason: 'manual', verified: true, schemaVersion: LATEST_SCHEMA_VERSION, createdAt: at(0, 9, 5, 7).toISOString() });
    expect(record.rowCounts).toMatchObject({ units: 2, settings: 1, unit_groups: 7, blobs: 0 });
    expect(record.sha256).toBe(sha(record.path));
    expect(record.sizeBytes).toBe(fs.statSync(record.path).size);
    // Exactly the backup and its sidecar: no temp copy, no -wal/-shm companions.
    expect(listDir(path.join(dataDir, 'backups'))).toEqual(['patuh-20261001-090507-manual.json', record.id]);
    const sidecar = JSON.parse(fs.readFileSync(record.path.replace(/\.sqlite$/, '.json'), 'utf8'));
    const { path: _path, ...withoutPath } = record;
    expect(sidecar).toEqual({ app: 'Patuh', format: 1, ...withoutPath });
    expect(listBackups(dataDir)).toEqual([record]);
    expect((await verifyBackup(record.path)).ok).toBe(true);
  });

  it('the copy holds the data as of the backup', async () => {
    const { dataDir, db } = seeded();
    const record = await createBackup(db, dataDir, { reason: 'berkala', now: at(0) });
    db.prepare('DELETE FROM units').run();
    const copy = new Database(record.path, { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM units').pluck().get()).toBe(2);
    copy.close();
  });

  it('a copy that fails the integrity check never gets a final name', async () => {
    const { dataDir, db } = seeded();
    const failing = createBackup(db, dataDir, { reason: 'manual', now: at(0), afterCopy: corruptAfterHeader });
    await expect(failing).rejects.toBeInstanceOf(AppError);
    await expect(failing).rejects.toMatchObject({ code: 'IO' });
    expect(listDir(path.join(dataDir, 'backups'))).toEqual([]);
  });

  it('names two backups of the same second apart', async () => {
    const { dataDir, db } = seeded();
    const first = await createBackup(db, dataDir, { reason: 'manual', now: at(0) });
    const second = await createBackup(db, dataDir, { reason: 'manual', now: at(0) });
    expect(first.id).toBe('patuh-20261001-120000-manual.sqlite');
    expect(second.id).toBe('patuh-20261001-120000-manual-2.sqlite');
    expect(listBackups(dataDir).map((entry) => entry.id)).toEqual([second.id, first.id]);
  });
});

describe('createBackupSync', () => {
  it('makes the same verified backup synchronously', () => {
    const { dataDir, db } = seeded();
    const record = createBackupSync(db, dataDir, { reason: 'sebelum-impor', now: at(1, 7) });
    expect(record.id).toBe('patuh-20261002-070000-sebelum-impor.sqlite');
    expect(record.rowCounts['units']).toBe(2);
    expect(record.sha256).toBe(sha(record.path));
    expect(listBackups(dataDir)).toEqual([record]);
  });

  it('refuses a corrupted copy and leaves nothing behind', () => {
    const { dataDir, db } = seeded();
    expect(() => createBackupSync(db, dataDir, { reason: 'manual', now: at(0), afterCopy: corruptAfterHeader })).toThrow(
      expect.objectContaining({ code: 'IO' }),
    );
    expect(listDir(path.join(dataDir, 'backups'))).toEqual([]);
  });

  it('works as the pre-migration hook of openDatabase', () => {
    const dataDir = tempDir();
    const old = new Database(databasePath(dataDir));
    migrate(old, { target: 1 });
    old.prepare("INSERT INTO settings (key, value) VALUES ('operatorName', 'Siti')").run();
    old.close();
    const records: string[] = [];
    const db = openDatabase(dataDir, {
      beforeMigrate: (target) => records.push(createBackupSync(target, dataDir, { reason: 'sebelum-migrasi', now: at(0) }).id),
    });
    open.push(db);
    const [entry] = listBackups(dataDir);
    expect(records).toEqual(['patuh-20261001-120000-sebelum-migrasi.sqlite']);
    expect(entry).toMatchObject({ verified: true, schemaVersion: 1 });
    expect(entry?.verified && entry.rowCounts['blobs']).toBeUndefined();
  });
});

describe('listBackups and verifyBackup', () => {
  it('list a .sqlite without a valid sidecar as unverified, newest first', async () => {
    const { dataDir, db } = seeded();
    const good = await createBackup(db, dataDir, { reason: 'berkala', now: at(0) });
    const orphan = path.join(dataDir, 'backups', 'patuh-20261003-080000-manual.sqlite');
    fs.copyFileSync(good.path, orphan);
    const wrongSidecar = path.join(dataDir, 'backups', 'patuh-20260901-080000-manual.sqlite');
    fs.copyFileSync(good.path, wrongSidecar);
    fs.copyFileSync(good.path.replace(/\.sqlite$/, '.json'), wrongSidecar.replace(/\.sqlite$/, '.json'));

    const entries = listBackups(dataDir);
    expect(entries.map((entry) => [entry.id, entry.verified])).toEqual([
      ['patuh-20261003-080000-manual.sqlite', false],
      [good.id, true],
      ['patuh-20260901-080000-manual.sqlite', false],
    ]);
    expect(entries[0]).toMatchObject({ reason: 'manual', createdAt: at(2, 8).toISOString() });
    expect(entries[0]?.verified === false && entries[0].problem).toMatch(/Manifes cadangan/);
  });

  it('verifyBackup detects a backup modified after it was made', async () => {
    const { dataDir, db } = seeded();
    const record = await createBackup(db, dataDir, { reason: 'manual', now: at(0) });
    const bytes = fs.readFileSync(record.path);
    const at100 = bytes.indexOf('Dinas Kesehatan');
    expect(at100).toBeGreaterThan(0);
    bytes.write('Dinas Kesehatah', at100); // same length: integrity still passes, content does not
    fs.writeFileSync(record.path, bytes);

    const report = await verifyBackup(record.path);
    expect(report.ok).toBe(false);
    expect(report.sha256).not.toBe(report.expectedSha256);
    expect(report.problems.join('\n')).toMatch(/SHA-256 tidak cocok/);
  });

  it('verifyBackup reports damage and a missing file', async () => {
    const { dataDir, db } = seeded();
    const record = await createBackup(db, dataDir, { reason: 'manual', now: at(0) });
    corruptAfterHeader(record.path);
    const damaged = await verifyBackup(record.path);
    expect(damaged).toMatchObject({ ok: false, integrityOk: false, rowCounts: null });
    const missing = await verifyBackup(path.join(dataDir, 'backups', 'tidak-ada.sqlite'));
    expect(missing.problems).toEqual(['Berkas cadangan tidak ditemukan.']);
  });
});
