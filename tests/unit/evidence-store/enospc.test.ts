import fs from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ingestBuffer, ingestFile } from '../../../src/server/evidence/store';
import { contentFor, expectAppError, files, randomVideo, tempRoot, writeSource } from './support';

/**
 * Simulates failures of the disk that holds the data dir: writes to `.part` files succeed
 * for `failAfter` bytes and then fail with `code`, as a real full disk does mid-copy.
 */
const fault = vi.hoisted(() => ({ code: '', failAfter: 0, partsOpened: 0, sourceReadCode: '' }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  const open: typeof actual.open = async (file, flags, mode) => {
    const handle = await actual.open(file, flags, mode);
    if (fault.sourceReadCode && String(file).endsWith('.mp4')) return failingSource(handle);
    if (!fault.code || !String(file).endsWith('.part')) return handle;
    fault.partsOpened += 1;
    let written = 0;
    return new Proxy(handle, {
      get(target, property) {
        if (property === 'write') {
          return async (buffer: Uint8Array, offset?: number, length?: number) => {
            if (written >= fault.failAfter) {
              throw Object.assign(new Error(`${fault.code}: simulated, write`), { code: fault.code, syscall: 'write' });
            }
            const result = await target.write(buffer, offset, length);
            written += result.bytesWritten;
            return result;
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  };
  // The source (a USB stick being pulled out): the sniffing read works, the copy then fails.
  const failingSource = (handle: Awaited<ReturnType<typeof actual.open>>) => {
    let reads = 0;
    return new Proxy(handle, {
      get(target, property) {
        if (property === 'read') {
          return async (...args: Parameters<typeof target.read>) => {
            reads += 1;
            if (reads > 2) throw Object.assign(new Error('EIO: simulated, read'), { code: fault.sourceReadCode, syscall: 'read' });
            return target.read(...args);
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
  fault.code = '';
  fault.failAfter = 0;
  fault.partsOpened = 0;
  fault.sourceReadCode = '';
});

const MiB = 1024 * 1024;

describe('write failures', () => {
  it('a full disk mid-copy gives the "Disk penuh" message and removes the temp file', async () => {
    const root = tempRoot();
    const dataDir = path.join(root, 'data');
    const source = writeSource(path.join(root, 'src'), 'video kegiatan.mp4', randomVideo(4 * MiB));
    fault.code = 'ENOSPC';
    fault.failAfter = 2 * MiB;
    await expectAppError(
      ingestFile(dataDir, source),
      'IO',
      'Disk penuh: berkas "video kegiatan.mp4" tidak dapat disimpan. Kosongkan ruang disk (hapus atau pindahkan berkas yang tidak diperlukan), lalu lampirkan lagi.',
    );
    expect(fault.partsOpened).toBe(1);
    expect(files(path.join(dataDir, 'evidence'))).toEqual([]);
  });

  it('also for uploads, and a quota error reads the same', async () => {
    const root = tempRoot();
    const dataDir = path.join(root, 'data');
    fault.code = 'EDQUOT';
    const error = await expectAppError(ingestBuffer(dataDir, contentFor('pdf'), 'sk.pdf'), 'IO');
    expect(error.message.startsWith('Disk penuh: berkas "sk.pdf"')).toBe(true);
    expect(files(path.join(dataDir, 'evidence'))).toEqual([]);
  });

  it('other write errors are IO errors naming the code, with nothing left behind', async () => {
    const root = tempRoot();
    const dataDir = path.join(root, 'data');
    fault.code = 'EIO';
    await expectAppError(
      ingestBuffer(dataDir, contentFor('pdf'), 'sk.pdf'),
      'IO',
      'Berkas "sk.pdf" gagal disimpan ke folder data Patuh (EIO). Coba lagi; bila tetap gagal, periksa kondisi disk dan hubungi pengelola aplikasi.',
    );
    expect(files(path.join(dataDir, 'evidence'))).toEqual([]);
  });

  it('a source that fails mid-copy (USB stick pulled) is an IO error with nothing left behind', async () => {
    const root = tempRoot();
    const dataDir = path.join(root, 'data');
    const source = writeSource(path.join(root, 'src'), 'flashdisk.mp4', randomVideo(3 * MiB));
    fault.sourceReadCode = 'EIO';
    await expectAppError(
      ingestFile(dataDir, source),
      'IO',
      'Berkas "flashdisk.mp4" gagal dibaca saat disalin (EIO). Pastikan flashdisk atau folder jaringan masih terhubung dan berkas tidak sedang diubah, lalu lampirkan lagi.',
    );
    expect(files(path.join(dataDir, 'evidence'))).toEqual([]);
  });

  it('the store works again once space is available', async () => {
    const root = tempRoot();
    const dataDir = path.join(root, 'data');
    fault.code = 'ENOSPC';
    await expectAppError(ingestBuffer(dataDir, contentFor('pdf'), 'sk.pdf'), 'IO');
    fault.code = '';
    const result = await ingestBuffer(dataDir, contentFor('pdf'), 'sk.pdf');
    expect(fs.existsSync(path.join(dataDir, result.storedPath))).toBe(true);
  });
});
