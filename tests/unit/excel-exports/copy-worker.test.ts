import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cancelFlag, inCopyWorker } from '../../../src/server/excel/exports/copy-worker';
import { tempDir } from '../helpers';

const sha256 = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex');
const running = () => cancelFlag(new AbortController().signal);
const copy = (source: string, target: string, cancel = running()) => inCopyWorker({ op: 'copy', source, target, cancel });

function sourceFile(dir: string, name: string, size: number): { file: string; data: Buffer } {
  const data = crypto.randomBytes(size);
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return { file, data };
}

describe('evidence copies in the worker thread', () => {
  it('writes every byte, hashes exactly those, and settles once they are flushed, for many files handed over at once', async () => {
    const dir = tempDir();
    // Several 1 MB chunks, one partial chunk, and an empty file.
    const sources = [sourceFile(dir, 'besar.pdf', 3 * 1024 * 1024 + 517), sourceFile(dir, 'kecil.jpg', 10), sourceFile(dir, 'kosong.txt', 0)];
    const jobs = sources.map(({ file }) => copy(file, `${file}.salinan`));
    for (const [index, job] of jobs.entries()) {
      const { file, data } = sources[index]!;
      expect(await job.written).toEqual({ sha256: sha256(data), size: data.length });
      await job.flushed;
      expect(fs.readFileSync(`${file}.salinan`).equals(data)).toBe(true);
    }
  });

  it('keeps the file system error code (an existing target is never overwritten; a missing source is named)', async () => {
    const dir = tempDir();
    const { file } = sourceFile(dir, 'sumber.pdf', 2048);
    const taken = path.join(dir, 'sudah-ada.pdf');
    fs.writeFileSync(taken, 'punya orang lain');
    const clash = copy(file, taken);
    await expect(clash.written).rejects.toMatchObject({ code: 'EEXIST' });
    await clash.flushed;
    expect(fs.readFileSync(taken, 'utf8')).toBe('punya orang lain');
    const missing = copy(path.join(dir, 'hilang.pdf'), path.join(dir, 'baru.pdf'));
    await expect(missing.written).rejects.toMatchObject({ code: 'ENOENT' });
    await missing.flushed;
    expect(fs.existsSync(path.join(dir, 'baru.pdf'))).toBe(false);
  });

  it('stops at a raised cancel flag, and the same worker then copies for the next package', async () => {
    const dir = tempDir();
    const { file, data } = sourceFile(dir, 'video.mp4', 2 * 1024 * 1024);
    const controller = new AbortController();
    const flag = cancelFlag(controller.signal);
    controller.abort();
    expect(Atomics.load(flag, 0)).toBe(1);
    const cancelled = copy(file, path.join(dir, 'batal.mp4'), flag);
    await expect(cancelled.written).rejects.toMatchObject({ name: 'AbortError' });
    await cancelled.flushed;
    // Nothing but the empty target it had opened (the package's temp folder is removed with it).
    expect(fs.statSync(path.join(dir, 'batal.mp4')).size).toBe(0);
    const next = copy(file, path.join(dir, 'lanjut.mp4'));
    expect(await next.written).toEqual({ sha256: sha256(data), size: data.length });
  });

  it('clones a copy it made, in the order the jobs were sent, and a clone of a failed copy fails too', async () => {
    const dir = tempDir();
    const { file, data } = sourceFile(dir, 'sk.pdf', 1024 * 1024 + 3);
    fs.mkdirSync(path.join(dir, 'a'));
    fs.mkdirSync(path.join(dir, 'b'));
    const first = copy(file, path.join(dir, 'a', 'sk.pdf'));
    // Sent before the first copy is done: the worker runs it after.
    const second = inCopyWorker({ op: 'clone', source: path.join(dir, 'a', 'sk.pdf'), target: path.join(dir, 'b', 'sk.pdf'), cancel: running() });
    const folders = inCopyWorker({ op: 'dirs', dirs: [path.join(dir, 'a'), path.join(dir, 'b'), path.join(dir, 'tidak-ada')] });
    expect(await first.written).toEqual({ sha256: sha256(data), size: data.length });
    expect(await second.written).toEqual({ sha256: null, size: data.length });
    await Promise.all([first.flushed, second.flushed, folders.flushed]);
    expect(fs.readFileSync(path.join(dir, 'b', 'sk.pdf')).equals(data)).toBe(true);
    const failed = copy(path.join(dir, 'hilang.pdf'), path.join(dir, 'c.pdf'));
    const orphan = inCopyWorker({ op: 'clone', source: path.join(dir, 'c.pdf'), target: path.join(dir, 'd.pdf'), cancel: running() });
    await expect(failed.written).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(orphan.written).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
