import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/server/db/connection';
import { createBackupSync, listBackups, pruneBackups, type BackupReason } from '../../../src/server/backup';
import { at, listDir, seededDataDir } from './fixtures';

const open: Db[] = [];
afterEach(() => {
  while (open.length > 0) open.pop()!.close();
});

const pad = (n: number) => String(n).padStart(2, '0');
const idOf = (date: Date, reason: BackupReason) =>
  `patuh-${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}00-${reason}.sqlite`;

describe('pruneBackups', () => {
  it('keeps the newest 10, the newest of each of the last 30 days, and recent safety backups over 60 days', () => {
    const { dataDir, db } = seededDataDir();
    open.push(db);
    const backup = (now: Date, reason: BackupReason) => {
      createBackupSync(db, dataDir, { reason, now });
      pruneBackups(dataDir, now);
    };
    for (let day = 0; day < 60; day += 1) {
      if (day === 10 || day === 45) backup(at(day, 10), 'sebelum-migrasi');
      for (const hour of [9, 12, 15]) backup(at(day, hour), 'berkala');
      const ids = listBackups(dataDir).map((entry) => entry.id);
      // The day-10 migration backup is a safety backup: kept for 30 days, then pruned.
      if (day === 39) expect(ids).toContain(idOf(at(10, 10), 'sebelum-migrasi'));
      if (day === 40) expect(ids).not.toContain(idOf(at(10, 10), 'sebelum-migrasi'));
    }

    const newest10 = [59, 58, 57].flatMap((day) => [15, 12, 9].map((hour) => idOf(at(day, hour), 'berkala')));
    newest10.push(idOf(at(56, 15), 'berkala'));
    const daily = Array.from({ length: 30 }, (_, i) => idOf(at(30 + i, 15), 'berkala'));
    const expected = new Set([...newest10, ...daily, idOf(at(45, 10), 'sebelum-migrasi')]);
    const kept = listBackups(dataDir).map((entry) => entry.id);
    expect(kept).toHaveLength(37);
    expect(new Set(kept)).toEqual(expected);
    // Every deleted backup took its sidecar with it.
    const files = listDir(path.join(dataDir, 'backups'));
    expect(files).toHaveLength(74);
    expect(files.filter((name) => name.endsWith('.json')).map((name) => name.replace(/\.json$/, '.sqlite')).sort()).toEqual([...kept].sort());
  });

  it('never deletes the only verified backup', () => {
    const { dataDir, db } = seededDataDir();
    open.push(db);
    const old = createBackupSync(db, dataDir, { reason: 'berkala', now: at(0) });
    // Twelve newer copies without sidecars (e.g. their manifests were lost).
    for (let i = 0; i < 12; i += 1) {
      fs.copyFileSync(old.path, path.join(dataDir, 'backups', idOf(at(40, 8 + i), 'berkala')));
    }
    const report = pruneBackups(dataDir, at(40, 22));
    expect(report.kept).toHaveLength(11);
    expect(report.kept).toContain(old.id);
    expect(report.deleted).toEqual([idOf(at(40, 9), 'berkala'), idOf(at(40, 8), 'berkala')]);
    expect(listBackups(dataDir).filter((entry) => entry.verified).map((entry) => entry.id)).toEqual([old.id]);
  });

  it('leaves files that are not backups alone', () => {
    const { dataDir, db } = seededDataDir();
    open.push(db);
    createBackupSync(db, dataDir, { reason: 'manual', now: at(0) });
    fs.writeFileSync(path.join(dataDir, 'backups', 'catatan.txt'), 'milik pengguna');
    pruneBackups(dataDir, at(90));
    expect(listDir(path.join(dataDir, 'backups'))).toContain('catatan.txt');
  });
});
