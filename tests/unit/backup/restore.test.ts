import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { databasePath, type Db } from '../../../src/server/db/connection';
import { LATEST_SCHEMA_VERSION } from '../../../src/server/db/migrations';
import { createArchive, createBackup, listBackups, restoreFrom } from '../../../src/server/backup';
import { tempDir } from '../helpers';
import { addEvidence, addUnit, at, listDir, liveSha, seededDataDir, sha, unitNames } from './fixtures';

const open: Db[] = [];
afterEach(() => {
  while (open.length > 0) {
    const db = open.pop()!;
    if (db.open) db.close();
  }
});

function seeded(units: string[]): { dataDir: string; db: Db } {
  const result = seededDataDir(units);
  open.push(result.db);
  return result;
}

describe('restoreFrom a backup', () => {
  it('restores the data and leaves an undo backup that brings the previous state back', async () => {
    const { dataDir, db } = seeded(['Dinas A']);
    const backup = await createBackup(db, dataDir, { reason: 'manual', now: at(0) });
    addUnit(db, 'Dinas B');
    const closeCurrent = vi.fn(() => db.close());

    const report = await restoreFrom(dataDir, backup.path, { now: at(1), closeCurrent });
    expect(closeCurrent).toHaveBeenCalledOnce();
    expect(report).toMatchObject({ kind: 'cadangan', undoBackupId: 'patuh-20261002-120000-sebelum-pemulihan.sqlite', quarantineDir: null });
    expect(report.rowCounts['units']).toBe(1);
    expect(unitNames(dataDir)).toEqual(['Dinas A']);
    expect(listBackups(dataDir).find((entry) => entry.id === report.undoBackupId)).toMatchObject({ verified: true, reason: 'sebelum-pemulihan' });

    const undo = await restoreFrom(dataDir, report.undoBackup!.path, { now: at(2) });
    expect(unitNames(dataDir)).toEqual(['Dinas A', 'Dinas B']);
    expect(undo.undoBackupId).toBe('patuh-20261003-120000-sebelum-pemulihan.sqlite');
    // The backup used as the source is still there, untouched.
    expect(sha(backup.path)).toBe(backup.sha256);
    expect(listDir(path.join(dataDir, 'backups')).filter((name) => name.startsWith('.tmp-'))).toEqual([]);
  });

  it('moves a damaged current database to karantina instead of backing it up', async () => {
    const { dataDir, db } = seeded(['Dinas A']);
    const backup = await createBackup(db, dataDir, { reason: 'manual', now: at(0) });
    db.close();
    fs.writeFileSync(databasePath(dataDir), Buffer.alloc(8192, 0x42));
    const report = await restoreFrom(dataDir, backup.path, { now: at(1) });
    expect(report.undoBackupId).toBeNull();
    expect(report.quarantineDir).toBe(path.join(dataDir, 'karantina', '20261002-120000'));
    expect(listDir(report.quarantineDir!)).toEqual(['patuh.sqlite']);
    expect(unitNames(dataDir)).toEqual(['Dinas A']);
  });
});

describe('restoreFrom an archive', () => {
  it('restores data and missing evidence; the undo backup restores the newer state', async () => {
    const { dataDir, db } = seeded(['Dinas A']);
    const evidence = ['Maklumat', 'SOP', 'Survei'].map((text) => addEvidence(db, dataDir, text));
    const archive = await createArchive(db, dataDir, tempDir('patuh-usb-'), { now: at(0) });
    addUnit(db, 'Dinas B');
    fs.rmSync(path.join(dataDir, evidence[0]!.relPath));

    const report = await restoreFrom(dataDir, archive.path, { now: at(1), closeCurrent: () => db.close() });
    expect(report).toMatchObject({ kind: 'arsip', evidenceCopied: 1, evidenceAlreadyPresent: 2 });
    expect(sha(path.join(dataDir, evidence[0]!.relPath))).toBe(evidence[0]!.sha256);
    expect(unitNames(dataDir)).toEqual(['Dinas A']);

    await restoreFrom(dataDir, report.undoBackup!.path, { now: at(2) });
    expect(unitNames(dataDir)).toEqual(['Dinas A', 'Dinas B']);
  });

  it('sets up a new computer from an archive alone', async () => {
    const { dataDir, db } = seeded(['Dinas A', 'Kecamatan B']);
    const evidence = addEvidence(db, dataDir, 'Standar Pelayanan');
    const archive = await createArchive(db, dataDir, tempDir('patuh-usb-'), { now: at(0) });
    const fresh = tempDir('patuh-baru-');

    const report = await restoreFrom(fresh, archive.path, { now: at(1) });
    expect(report).toMatchObject({ undoBackupId: null, evidenceCopied: 1, evidenceAlreadyPresent: 0 });
    expect(unitNames(fresh)).toEqual(['Dinas A', 'Kecamatan B']);
    expect(sha(path.join(fresh, evidence.relPath))).toBe(evidence.sha256);
  });
});

describe('restoreFrom refuses a bad source and changes nothing', () => {
  async function expectRefused(dataDir: string, source: string, code: string): Promise<string[]> {
    const before = { db: liveSha(dataDir), backups: listDir(path.join(dataDir, 'backups')) };
    const closeCurrent = vi.fn();
    const error = await restoreFrom(dataDir, source, { now: at(5), closeCurrent }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code });
    expect(closeCurrent).not.toHaveBeenCalled();
    expect(liveSha(dataDir)).toBe(before.db);
    expect(listDir(path.join(dataDir, 'backups'))).toEqual(before.backups);
    return (error as { details?: string[] }).details ?? [];
  }

  it('a corrupt file', async () => {
    const { dataDir, db } = seeded(['Dinas A']);
    db.close();
    const garbage = path.join(tempDir(), 'cadangan.sqlite');
    fs.writeFileSync(garbage, Buffer.alloc(16384, 0x37));
    await expectRefused(dataDir, garbage, 'DATABASE_CORRUPT');
  });

  it('a backup modified after it was made', async () => {
    const { dataDir, db } = seeded(['Dinas A']);
    const backup = await createBackup(db, dataDir, { reason: 'manual', now: at(0) });
    db.close();
    fs.appendFileSync(backup.path, Buffer.alloc(4096));
    await expectRefused(dataDir, backup.path, 'VALIDATION');
  });

  it('a database from a newer version of Patuh', async () => {
    const { dataDir, db } = seeded(['Dinas A']);
    const backup = await createBackup(db, dataDir, { reason: 'manual', now: at(0) });
    db.close();
    const newer = path.join(tempDir(), 'dari-versi-baru.sqlite');
    fs.copyFileSync(backup.path, newer);
    const edit = new Database(newer);
    edit.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    edit.close();
    await expectRefused(dataDir, newer, 'DATABASE_TOO_NEW');
  });

  it('a file that is not a Patuh database', async () => {
    const { dataDir, db } = seeded(['Dinas A']);
    db.close();
    const other = path.join(tempDir(), 'lain.sqlite');
    const foreign = new Database(other);
    foreign.exec('CREATE TABLE catatan (isi TEXT); PRAGMA user_version = 1;');
    foreign.close();
    await expectRefused(dataDir, other, 'VALIDATION');
  });

  it('a backup whose evidence files are no longer in the store', async () => {
    const { dataDir, db } = seeded(['Dinas A']);
    const evidence = addEvidence(db, dataDir, 'Maklumat');
    const backup = await createBackup(db, dataDir, { reason: 'manual', now: at(0) });
    db.close();
    fs.writeFileSync(path.join(dataDir, evidence.relPath), 'diganti');
    const details = await expectRefused(dataDir, backup.path, 'VALIDATION');
    expect(details).toEqual([expect.stringContaining(evidence.relPath)]);
  });

  it('an archive with a missing evidence file, or an altered one', async () => {
    const { dataDir, db } = seeded(['Dinas A']);
    const evidence = ['Maklumat', 'SOP'].map((text) => addEvidence(db, dataDir, text));
    const archive = await createArchive(db, dataDir, tempDir('patuh-usb-'), { now: at(0) });
    db.close();
    const inArchive = evidence.map((item) => path.join(archive.path, item.relPath));
    const saved = fs.readFileSync(inArchive[0]!);

    fs.rmSync(inArchive[0]!);
    expect(await expectRefused(dataDir, archive.path, 'VALIDATION')).toEqual([`Berkas hilang dari arsip: ${evidence[0]!.relPath}`]);

    fs.writeFileSync(inArchive[0]!, saved);
    const altered = fs.readFileSync(inArchive[1]!);
    altered[0] = altered[0]! ^ 0xff;
    fs.writeFileSync(inArchive[1]!, altered);
    const details = await expectRefused(dataDir, archive.path, 'VALIDATION');
    expect(details).toEqual([expect.stringMatching(new RegExp(`SHA-256 tidak cocok.*${evidence[1]!.relPath}`))]);
  });

  it('a missing source', async () => {
    const { dataDir, db } = seeded(['Dinas A']);
    db.close();
    await expectRefused(dataDir, path.join(dataDir, 'tidak-ada.sqlite'), 'NOT_FOUND');
  });
});
