import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  absoluteBlobPath,
  ingestBuffer,
  moveOrphansAside,
  orphanFolderName,
  verifyBlobs,
  type BlobRecord,
} from '../../../src/server/evidence/store';
import { AppError } from '../../../src/shared/result';
import { contentFor, files, tempRoot } from './support';

const record = (blob: { sha256: string; size: number; storedPath: string }): BlobRecord => ({
  sha256: blob.sha256,
  size: blob.size,
  storedPath: blob.storedPath,
});

describe('verifyBlobs', () => {
  it('reports intact, missing and altered blobs, with progress', async () => {
    const dataDir = path.join(tempRoot(), 'data');
    const intact = await ingestBuffer(dataDir, contentFor('pdf', 'utuh'), 'utuh.pdf');
    const gone = await ingestBuffer(dataDir, contentFor('pdf', 'hilang'), 'hilang.pdf');
    const flipped = await ingestBuffer(dataDir, contentFor('pdf', 'diubah'), 'diubah.pdf');
    const truncated = await ingestBuffer(dataDir, contentFor('pdf', 'terpotong'), 'terpotong.pdf');
    fs.rmSync(path.join(dataDir, gone.storedPath));
    const flippedFile = path.join(dataDir, flipped.storedPath);
    const bytes = fs.readFileSync(flippedFile);
    bytes[bytes.length - 2] = bytes[bytes.length - 2]! ^ 0xff; // same size, different content
    fs.writeFileSync(flippedFile, bytes);
    fs.truncateSync(path.join(dataDir, truncated.storedPath), 4);
    const escaping = { sha256: 'f'.repeat(64), size: 1, storedPath: '../../luar.pdf' };
    const progress: Array<[number, number]> = [];

    const report = await verifyBlobs(
      dataDir,
      [intact, gone, flipped, truncated, escaping].map(record),
      (checked, total) => progress.push([checked, total]),
    );

    expect(report.ok).toEqual([intact.sha256]);
    expect(report.missing).toEqual([
      { ...record(gone), reason: 'missing' },
      { ...escaping, reason: 'invalid-path' },
    ]);
    expect(report.altered).toEqual([
      { ...record(flipped), actualSize: flipped.size, actualSha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      { ...record(truncated), actualSize: 4, actualSha256: null },
    ]);
    expect(report.altered[0]!.actualSha256).not.toBe(flipped.sha256);
    expect(progress).toEqual([[1, 5], [2, 5], [3, 5], [4, 5], [5, 5]]);
  });
});

describe('moveOrphansAside', () => {
  it('moves unreferenced files aside (never deleting) and leaves referenced and temp files alone', async () => {
    const dataDir = path.join(tempRoot(), 'data');
    const kept = await ingestBuffer(dataDir, contentFor('pdf', 'dirujuk'), 'dirujuk.pdf');
    const orphan = await ingestBuffer(dataDir, contentFor('pdf', 'yatim'), 'yatim.pdf');
    const evidence = path.join(dataDir, 'evidence');
    fs.mkdirSync(path.join(evidence, 'zz'), { recursive: true });
    fs.writeFileSync(path.join(evidence, 'zz', 'nyasar.docx'), 'berkas nyasar');
    fs.writeFileSync(path.join(evidence, '.tmp', 'sedang-disalin.part'), 'sebagian');
    const orphanBytes = fs.readFileSync(path.join(dataDir, orphan.storedPath));
    const now = new Date(2026, 10, 24, 15, 4, 5);

    // Default grace period: just-written files may belong to an ingest not yet committed.
    expect(await moveOrphansAside(dataDir, new Set([kept.storedPath]), now)).toEqual([]);

    const moved = await moveOrphansAside(dataDir, new Set([kept.storedPath]), now, { graceMs: 0 });

    const stamp = 'evidence-orphans/2026-11-24-150405';
    expect(orphanFolderName(now)).toBe('2026-11-24-150405');
    expect(moved.sort((a, b) => a.from.localeCompare(b.from))).toEqual(
      [
        { from: orphan.storedPath, to: `${stamp}/${orphan.storedPath.slice('evidence/'.length)}` },
        { from: 'evidence/zz/nyasar.docx', to: `${stamp}/zz/nyasar.docx` },
      ].sort((a, b) => a.from.localeCompare(b.from)),
    );
    expect(fs.readFileSync(path.join(dataDir, moved.find((m) => m.from === orphan.storedPath)!.to)).equals(orphanBytes)).toBe(true);
    expect(fs.readFileSync(path.join(dataDir, stamp, 'zz', 'nyasar.docx'), 'utf8')).toBe('berkas nyasar');
    expect(files(evidence)).toEqual([kept.storedPath.slice('evidence/'.length), '.tmp/sedang-disalin.part'].sort());
  });

  it('never overwrites an earlier orphan with the same name', async () => {
    const dataDir = path.join(tempRoot(), 'data');
    const now = new Date(2026, 0, 2, 3, 4, 5);
    const stray = path.join(dataDir, 'evidence', 'ab', 'sama.pdf');
    fs.mkdirSync(path.dirname(stray), { recursive: true });
    fs.writeFileSync(stray, 'pertama');
    await moveOrphansAside(dataDir, new Set(), now, { graceMs: 0 });
    fs.writeFileSync(stray, 'kedua');
    const moved = await moveOrphansAside(dataDir, new Set(), now, { graceMs: 0 });
    expect(moved).toEqual([{ from: 'evidence/ab/sama.pdf', to: 'evidence-orphans/2026-01-02-030405/ab/sama (2).pdf' }]);
    expect(fs.readFileSync(path.join(dataDir, 'evidence-orphans/2026-01-02-030405/ab/sama.pdf'), 'utf8')).toBe('pertama');
    expect(fs.readFileSync(path.join(dataDir, moved[0]!.to), 'utf8')).toBe('kedua');
  });

  it('does nothing when there is no evidence folder', async () => {
    expect(await moveOrphansAside(path.join(tempRoot(), 'data'), new Set(), new Date(), { graceMs: 0 })).toEqual([]);
  });
});

describe('absoluteBlobPath', () => {
  it('resolves a stored path inside the evidence folder', () => {
    const dataDir = path.resolve('/data/patuh');
    expect(absoluteBlobPath(dataDir, 'evidence/ab/x.pdf')).toBe(path.join(dataDir, 'evidence', 'ab', 'x.pdf'));
  });

  it.each(['../x.pdf', 'evidence/../../x.pdf', '/etc/passwd', 'patuh.db', 'evidence', 'evidence/.tmp/a.part', 'C:\\x.pdf'])(
    'refuses %j',
    (stored) => {
      expect(() => absoluteBlobPath(path.resolve('/data/patuh'), stored)).toThrow(AppError);
    },
  );
});
