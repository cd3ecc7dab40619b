import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/server/db/connection';
import { LATEST_SCHEMA_VERSION } from '../../../src/server/db/migrations';
import { createArchive, sweepBackupTemps, type ArchiveProgress } from '../../../src/server/backup';
import { tempDir } from '../helpers';
import { addEvidence, at, listDir, seededDataDir, sha } from './fixtures';

const open: Db[] = [];
afterEach(() => {
  while (open.length > 0) open.pop()!.close();
});

function withEvidence(): { dataDir: string; db: Db; evidence: Array<{ sha256: string; relPath: string }> } {
  const { dataDir, db } = seededDataDir();
  open.push(db);
  const evidence = ['SK Standar Pelayanan 2026', 'Maklumat Pelayanan', 'Foto ruang tunggu'].map((text) => addEvidence(db, dataDir, text));
  return { dataDir, db, evidence };
}

describe('createArchive', () => {
  it('writes database, evidence and a manifest whose hashes match the files', async () => {
    const { dataDir, db, evidence } = withEvidence();
    const outDir = tempDir('patuh-usb-');
    const phases = new Set<string>();
    const report = await createArchive(db, dataDir, outDir, { now: at(3, 14, 30), onProgress: (p) => phases.add(p.phase) });

    expect(report.name).toBe('Patuh-Arsip-20261004-143000');
    expect(listDir(outDir)).toEqual([report.name]);
    expect(listDir(report.path)).toEqual(['evidence', 'manifest.json', 'patuh.sqlite']);
    const manifest = JSON.parse(fs.readFileSync(path.join(report.path, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ app: 'Patuh', createdAt: at(3, 14, 30).toISOString(), schemaVersion: LATEST_SCHEMA_VERSION });
    const dbFile = path.join(report.path, 'patuh.sqlite');
    expect(manifest.database).toEqual({ sha256: sha(dbFile), size: fs.statSync(dbFile).size });
    expect(manifest.files).toHaveLength(3);
    for (const item of evidence) {
      const file = path.join(report.path, item.relPath);
      expect(sha(file)).toBe(item.sha256);
      expect(manifest.files).toContainEqual({ path: item.relPath, sha256: item.sha256, size: fs.statSync(file).size });
    }
    const copy = new Database(dbFile, { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM blobs').pluck().get()).toBe(3);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    expect([...phases]).toEqual(['basis-data', 'bukti', 'pemeriksaan']);
    expect(report).toMatchObject({ fileCount: 3, database: manifest.database });
  });

  it('a cancel leaves no folder under the final name and removes its temp folder', async () => {
    const { dataDir, db } = withEvidence();
    const outDir = tempDir('patuh-usb-');
    const controller = new AbortController();
    const onProgress = (p: ArchiveProgress) => {
      if (p.phase === 'bukti' && p.done === 1) controller.abort();
    };
    const result = createArchive(db, dataDir, outDir, { now: at(3), onProgress, signal: controller.signal });
    await expect(result).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(listDir(outDir)).toEqual([]);
  });

  it('refuses to archive when an evidence file is missing or altered, naming the files', async () => {
    const { dataDir, db, evidence } = withEvidence();
    fs.rmSync(path.join(dataDir, evidence[0]!.relPath));
    fs.appendFileSync(path.join(dataDir, evidence[1]!.relPath), 'x');
    const outDir = tempDir('patuh-usb-');
    const result = createArchive(db, dataDir, outDir, { now: at(3) });
    const error = await result.catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'IO' });
    const details = (error as { details: string[] }).details;
    expect(details).toHaveLength(2);
    expect(details).toContain(`Berkas bukti tidak ditemukan: ${evidence[0]!.relPath}`);
    expect(details).toContainEqual(expect.stringMatching(new RegExp(`rusak.*${evidence[1]!.relPath}`)));
    expect(listDir(outDir)).toEqual([]);
  });

  it('rejects a destination that does not exist', async () => {
    const { dataDir, db } = withEvidence();
    await expect(createArchive(db, dataDir, path.join(tempDir(), 'tidak-ada'), { now: at(3) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a second archive in the same second gets its own name; sweeps only remove archive temps', async () => {
    const { dataDir, db } = withEvidence();
    const outDir = tempDir('patuh-usb-');
    const first = await createArchive(db, dataDir, outDir, { now: at(3) });
    const second = await createArchive(db, dataDir, outDir, { now: at(3) });
    expect([first.name, second.name]).toEqual(['Patuh-Arsip-20261004-120000', 'Patuh-Arsip-20261004-120000-2']);
    fs.mkdirSync(path.join(outDir, '.tmp-Patuh-Arsip-20261004-120000-abc'));
    fs.mkdirSync(path.join(dataDir, 'backups', '.tmp-sisa'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'backups', '.tmp-1234.sqlite'), 'x');
    const removed = sweepBackupTemps(dataDir, [outDir]);
    expect(removed).toHaveLength(3);
    expect(listDir(outDir)).toEqual([first.name, second.name]);
    expect(listDir(path.join(dataDir, 'backups'))).toEqual([]);
  });
});
