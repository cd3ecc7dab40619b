import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { databasePath, openDatabase, type Db } from '../../../src/server/db/connection';
import { tempDir } from '../helpers';

export const sha = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Local wall-clock time, so names and "days" do not depend on the machine's time zone. */
export const at = (day: number, hour = 12, minute = 0, second = 0): Date => new Date(2026, 9, 1 + day, hour, minute, second);

const ISO = '2026-10-01T00:00:00.000Z';

/** A data dir with a migrated database, one group, units and a setting. Caller closes. */
export function seededDataDir(units: string[] = ['Dinas Kesehatan', 'Dinas Pendidikan']): { dataDir: string; db: Db } {
  const dataDir = tempDir('patuh-backup-');
  const db = openDatabase(dataDir);
  db.prepare("INSERT INTO settings (key, value) VALUES ('operatorName', 'Siti')").run();
  db.prepare("INSERT INTO unit_groups (name, sort_order) VALUES ('Kelompok Uji', 900)").run();
  for (const name of units) addUnit(db, name);
  return { dataDir, db };
}

export function addUnit(db: Db, name: string): void {
  db.prepare(
    "INSERT INTO units (name, group_id, created_at, updated_at) VALUES (?, (SELECT id FROM unit_groups WHERE name = 'Kelompok Uji'), ?, ?)",
  ).run(name, ISO, ISO);
}

/** Insert a blob row and write its file under <dataDir>/evidence/xx/<sha>.pdf. */
export function addEvidence(db: Db, dataDir: string, content: string): { sha256: string; relPath: string } {
  const bytes = Buffer.from(content);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const relPath = `evidence/${sha256.slice(0, 2)}/${sha256}.pdf`;
  fs.mkdirSync(path.join(dataDir, 'evidence', sha256.slice(0, 2)), { recursive: true });
  fs.writeFileSync(path.join(dataDir, relPath), bytes);
  db.prepare('INSERT INTO blobs (sha256, size, stored_path, created_at) VALUES (?, ?, ?, ?)').run(sha256, bytes.length, relPath, ISO);
  return { sha256, relPath };
}

/** Unit names as the app would see them after reopening the data dir. */
export function unitNames(dataDir: string): string[] {
  const db = openDatabase(dataDir);
  try {
    return db.prepare('SELECT name FROM units ORDER BY name').pluck().all() as string[];
  } finally {
    db.close();
  }
}

/** Hash of patuh.sqlite (after the app's connection is closed, so the WAL is merged). */
export const liveSha = (dataDir: string): string => sha(databasePath(dataDir));

/** Overwrite everything after the first page with garbage: integrity_check cannot pass. */
export function corruptAfterHeader(file: string): void {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(Math.max(size - 4096, 4096), 0xa5), 0, undefined, 4096);
  } finally {
    fs.closeSync(fd);
  }
}

export const listDir = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);
