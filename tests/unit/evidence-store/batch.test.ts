import fs from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ingestFile, ingestFiles } from '../../../src/server/evidence/store';
import { AppError } from '../../../src/shared/result';
import { contentFor, expectAppError, files, randomVideo, sha256, tempRoot, writeSource } from './support';

/**
 * The batch ingest used by intake: all files staged (copied, hashed and fsynced) before
 * any is renamed, one fsync per shard directory, nothing left behind on failure. The fs
 * spy records which paths get fsynced and can make writes to one temp file fail.
 */
const spy = vi.hoisted(() => ({ synced: [] as string[], failWritesOfPart: 0, code: '', partsOpened: 0 }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  const open: typeof actual.open = async (file, flags, mode) => {
    const handle = await actual.open(file, flags, mode);
    const name = String(file);
    const part = name.endsWith('.part') ? (spy.partsOpened += 1) : 0;
    return new Proxy(handle, {
      get(target, property) {
        if (property === 'sync') {
          return async () => {
            spy.synced.push(name);
            return target.sync();
          };
        }
        if (property === 'write' && spy.code && part === spy.failWritesOfPart) {
          return async () => {
            throw Object.assign(new Error(`${spy.code}: simulated, write`), { code: spy.code, syscall: 'write' });
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  };
  return { ...actual, open, default: { ...actual, open } };
});

afterEach(() => {
  spy.synced = [];
  spy.failWritesOfPart = 0;
  spy.code = '';
  spy.partsOpened = 0;
});

const shardOf = (hash: string) => hash.slice(0, 2);

describe('ingestFiles (batch)', () => {
  it('stores every file in order, with the same results as ingestFile, and no temp file left', async () => {
    const root = tempRoot();
    const dataDir = path.join(root, 'data');
    const contents = [randomVideo(2 * 1024 * 1024 + 17), contentFor('pdf', 'SK'), contentFor('png', 'foto')];
    const names = ['Rekaman.mp4', 'SK Kepala.pdf', 'Foto.png'];
    const sources = contents.map((data, index) => writeSource(path.join(root, 'src'), names[index]!, data));
    const mtime = new Date('2025-04-02T03:04:05.000Z');
    fs.utimesSync(sources[1]!, mtime, mtime);

    const result = await ingestFiles(dataDir, sources.map((source, index) => ({ path: source, originalName: index === 2 ? 'Foto kegiatan.png' : undefined })));

    expect(result.map((file) => file.sha256)).toEqual(contents.map(sha256));
    expect(result.map((file) => file.originalName)).toEqual(['Rekaman.mp4', 'SK Kepala.pdf', 'Foto kegiatan.png']);
    expect(result[1]).toMatchObject({ mime: 'application/pdf', extension: 'pdf', modifiedAt: '2025-04-02T03:04:05.000Z', reused: false, size: contents[1]!.length });
    for (const [index, file] of result.entries()) expect(fs.readFileSync(path.join(dataDir, file.storedPath)).equals(contents[index]!)).toBe(true);
    expect(files(path.join(dataDir, 'evidence')).filter((file) => file.startsWith('.tmp'))).toEqual([]);
    // The same file through the single-file routine lands at the same address.
    const single = await ingestFile(dataDir, sources[0]!);
    expect(single).toEqual({ ...result[0], reused: true });
  });

  it('dedupes within one batch: identical content is stored once, the later copy marked reused', async () => {
    const root = tempRoot();
    const dataDir = path.join(root, 'data');
    const data = contentFor('pdf', 'laporan yang sama');
    const a = writeSource(path.join(root, 'a'), 'laporan.pdf', data);
    const b = writeSource(path.join(root, 'b'), 'laporan (salinan).pdf', data);

    const [first, second] = await ingestFiles(dataDir, [{ path: a }, { path: b }]);

    expect(first!.reused).toBe(false);
    expect(second!.reused).toBe(true);
    expect(second!.storedPath).toBe(first!.storedPath);
    expect(second!.originalName).toBe('laporan (salinan).pdf');
    const hash = sha256(data);
    expect(files(path.join(dataDir, 'evidence'))).toEqual([`${shardOf(hash)}/${hash}.pdf`]);
  });

  it('fsyncs every temp file, then each shard directory once (and the evidence folder for new shards)', async () => {
    const root = tempRoot();
    const dataDir = path.join(root, 'data');
    // Two files in one shard: find two contents whose hashes share the first two hex chars.
    const byShard = new Map<string, Buffer[]>();
    let pair: Buffer[] = [];
    for (let n = 0; pair.length < 2; n += 1) {
      const data = contentFor('pdf', `dokumen ${n}`);
      const list = byShard.get(shardOf(sha256(data))) ?? [];
      list.push(data);
      byShard.set(shardOf(sha256(data)), list);
      if (list.length === 2) pair = list;
    }
    const other = [...byShard.entries()].find(([, list]) => list[0] !== pair[0])![1][0]!;
    const contents = [pair[0]!, other, pair[1]!];
    const sources = contents.map((data, index) => writeSource(path.join(root, 'src'), `d${index}.pdf`, data));

    await ingestFiles(dataDir, sources.map((source) => ({ path: source })));

    const evidence = path.join(dataDir, 'evidence');
    const temps = spy.synced.filter((file) => file.endsWith('.part'));
    const dirs = spy.synced.filter((file) => !file.endsWith('.part'));
    expect(temps).toHaveLength(3);
    expect(dirs.sort()).toEqual([evidence, path.join(evidence, shardOf(sha256(pair[0]!))), path.join(evidence, shardOf(sha256(other)))].sort());
    // Directory fsyncs come only after every temp file is fsynced (nothing renamed before).
    expect(spy.synced.findIndex((file) => !file.endsWith('.part'))).toBe(3);
  });

  it('a failure in the middle of a batch (full disk) leaves no temp file and no stored file', async () => {
    const root = tempRoot();
    const dataDir = path.join(root, 'data');
    const sources = ['a', 'b', 'c', 'd'].map((name) => writeSource(path.join(root, 'src'), `${name}.mp4`, randomVideo(300_000)));
    spy.code = 'ENOSPC';
    spy.failWritesOfPart = 2;

    const error = await expectAppError(ingestFiles(dataDir, sources.map((source) => ({ path: source }))), 'IO');

    expect(error.message).toMatch(/^Disk penuh: berkas "[abcd]\.mp4" tidak dapat disimpan\./u);
    expect(files(path.join(dataDir, 'evidence'))).toEqual([]);
  });

  it('a rejected file fails the whole batch before anything is placed', async () => {
    const root = tempRoot();
    const dataDir = path.join(root, 'data');
    const good = writeSource(path.join(root, 'src'), 'baik.pdf', contentFor('pdf', 'baik'));
    const bad = writeSource(path.join(root, 'src'), 'bukan.pdf', Buffer.from('teks biasa, bukan PDF'));

    await expectAppError(ingestFiles(dataDir, [{ path: good }, { path: bad }, { path: good }]), 'FILE_REJECTED');

    expect(files(path.join(dataDir, 'evidence'))).toEqual([]);
  });

  it('verify can refuse a file (changed since the preview): its error is thrown and nothing is placed', async () => {
    const root = tempRoot();
    const dataDir = path.join(root, 'data');
    const sources = ['x', 'y'].map((name) => writeSource(path.join(root, 'src'), `${name}.pdf`, contentFor('pdf', name)));
    const changed = new AppError('CONFLICT', 'Berkas "y.pdf" berubah sejak diperiksa. Periksa kiriman lagi.');
    const batch = sources.map((source, index) => ({
      path: source,
      verify: () => {
        if (index === 1) throw changed;
      },
    }));

    await expect(ingestFiles(dataDir, batch)).rejects.toBe(changed);

    expect(files(path.join(dataDir, 'evidence'))).toEqual([]);
  });

  it('an aborted signal stores nothing', async () => {
    const root = tempRoot();
    const dataDir = path.join(root, 'data');
    const source = writeSource(path.join(root, 'src'), 'a.pdf', contentFor('pdf'));
    const controller = new AbortController();
    controller.abort();

    await expectAppError(ingestFiles(dataDir, [{ path: source }], { signal: controller.signal }), 'CANCELLED');

    expect(files(path.join(dataDir, 'evidence'))).toEqual([]);
  });

  it('an empty batch does nothing', async () => {
    const root = tempRoot();
    expect(await ingestFiles(path.join(root, 'data'), [])).toEqual([]);
    expect(fs.existsSync(path.join(root, 'data'))).toBe(false);
  });
});
