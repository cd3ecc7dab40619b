import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { absoluteBlobPath, ingestBuffer, ingestFile } from '../../../src/server/evidence/store';
import { contentFor, files, randomVideo, sha256, tempRoot, writeSource } from './support';

describe('ingestFile', () => {
  it('stores content-addressed, hashing in one pass exactly like crypto', async () => {
    const root = tempRoot();
    const dataDir = path.join(root, 'data');
    const data = randomVideo(3 * 1024 * 1024 + 123); // several copy chunks
    const source = writeSource(path.join(root, 'src'), 'Rekaman Rapat.MP4', data);
    const mtime = new Date('2025-03-01T10:00:00.000Z');
    fs.utimesSync(source, mtime, mtime);
    const progress: number[] = [];

    const result = await ingestFile(dataDir, source, { onProgress: (copied) => progress.push(copied) });

    const expected = sha256(data);
    expect(result).toEqual({
      sha256: expected,
      size: data.length,
      storedPath: `evidence/${expected.slice(0, 2)}/${expected}.mp4`,
      originalName: 'Rekaman Rapat.MP4',
      mime: 'video/mp4',
      extension: 'mp4',
      modifiedAt: '2025-03-01T10:00:00.000Z',
      reused: false,
    });
    const stored = absoluteBlobPath(dataDir, result.storedPath);
    expect(fs.readFileSync(stored).equals(data)).toBe(true);
    expect(progress.at(-1)).toBe(data.length);
    expect(files(path.join(dataDir, 'evidence'))).toEqual([`${expected.slice(0, 2)}/${expected}.mp4`]);
  });

  it('dedupes identical content: same storedPath, reused=true, one file on disk', async () => {
    const root = tempRoot();
    const dataDir = path.join(root, 'data');
    const data = contentFor('pdf', 'SK Kepala Dinas 2026');
    const first = await ingestFile(dataDir, writeSource(path.join(root, 'a'), 'sk.pdf', data));
    const second = await ingestFile(dataDir, writeSource(path.join(root, 'b'), 'salinan sk.pdf', data));
    expect(first.reused).toBe(false);
    expect(second.reused).toBe(true);
    expect(second.storedPath).toBe(first.storedPath);
    expect(second.sha256).toBe(first.sha256);
    expect(second.originalName).toBe('salinan sk.pdf');
    expect(files(path.join(dataDir, 'evidence'))).toEqual([first.storedPath.replace('evidence/', '')]);
  });

  it('dedupes by hash even when the extension differs (one blob row per hash)', async () => {
    const root = tempRoot();
    const dataDir = path.join(root, 'data');
    const data = contentFor('jpg', 'foto papan informasi');
    const first = await ingestBuffer(dataDir, data, 'papan.jpg');
    const second = await ingestBuffer(dataDir, data, 'papan.jpeg');
    expect(second).toMatchObject({ reused: true, storedPath: first.storedPath, extension: 'jpeg' });
    expect(files(path.join(dataDir, 'evidence'))).toHaveLength(1);
  });

  it('stores different content under the same name as two blobs', async () => {
    const root = tempRoot();
    const dataDir = path.join(root, 'data');
    const first = await ingestFile(dataDir, writeSource(path.join(root, 'a'), 'laporan.pdf', contentFor('pdf', 'versi 1')));
    const second = await ingestFile(dataDir, writeSource(path.join(root, 'b'), 'laporan.pdf', contentFor('pdf', 'versi 2')));
    expect(second.sha256).not.toBe(first.sha256);
    expect(second.storedPath).not.toBe(first.storedPath);
    expect(second.reused).toBe(false);
    expect(files(path.join(dataDir, 'evidence'))).toHaveLength(2);
  });

  it('repairs a damaged blob (same hash, wrong size) in place', async () => {
    const root = tempRoot();
    const dataDir = path.join(root, 'data');
    const data = contentFor('pdf', 'berkas yang nanti rusak');
    const first = await ingestBuffer(dataDir, data, 'a.pdf');
    const stored = absoluteBlobPath(dataDir, first.storedPath);
    fs.writeFileSync(stored, data.subarray(0, 5)); // truncated by some outside tool
    const again = await ingestBuffer(dataDir, data, 'a.pdf');
    expect(again).toMatchObject({ storedPath: first.storedPath, reused: false });
    expect(fs.readFileSync(stored).equals(data)).toBe(true);
    expect(files(path.join(dataDir, 'evidence'))).toHaveLength(1);
  });

  it('leaves no temp files behind after success', async () => {
    const root = tempRoot();
    const dataDir = path.join(root, 'data');
    await ingestBuffer(dataDir, contentFor('txt', 'catatan'), 'catatan.txt');
    await ingestBuffer(dataDir, contentFor('txt', 'catatan'), 'catatan.txt');
    expect(fs.readdirSync(path.join(dataDir, 'evidence', '.tmp'))).toEqual([]);
  });
});

describe('ingestBuffer', () => {
  it('gives the same result shape as ingestFile, with the upload time as modifiedAt', async () => {
    const root = tempRoot();
    const dataDir = path.join(root, 'data');
    const data = contentFor('xlsx', 'rekap layanan');
    const result = await ingestBuffer(dataDir, data, 'Rekap.xlsx', { modifiedAt: Date.parse('2026-01-02T03:04:05.000Z') });
    expect(result).toEqual({
      sha256: sha256(data),
      size: data.length,
      storedPath: `evidence/${sha256(data).slice(0, 2)}/${sha256(data)}.xlsx`,
      originalName: 'Rekap.xlsx',
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      extension: 'xlsx',
      modifiedAt: '2026-01-02T03:04:05.000Z',
      reused: false,
    });
    const fromFile = await ingestFile(dataDir, writeSource(path.join(root, 'src'), 'Rekap.xlsx', data));
    expect(fromFile).toMatchObject({ sha256: result.sha256, storedPath: result.storedPath, reused: true });
  });
});
