/**
 * Where a package's files are written: a temp folder or a streamed temp ZIP. Both hash
 * exactly the bytes they write, so the manifest describes the package, not the source.
 * Files are streamed (evidence can be large videos), never read whole into memory.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import yazl from 'yazl';
import { fsyncFileSync, removeQuiet, type FileDigest } from '../../backup/files';
import { cancelFlag, copyInWorker } from './copy-worker';

export interface PackageSink {
  /** How many addFile calls may run at once. */
  parallel: number;
  addFile(source: string, relativePath: string): Promise<FileDigest>;
  addBuffer(data: Buffer, relativePath: string): Promise<FileDigest>;
  /** Flush everything to disk; the temp is then complete and may be renamed. */
  finish(): Promise<void>;
  /** Remove the temp (after an error or cancel). Never throws. */
  discard(): Promise<void>;
}

/**
 * Remove our own temp, retrying briefly: after a cancel, a stream may still be closing
 * its handle, and Windows refuses to delete a file that is open.
 */
export async function removeTemp(target: string): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    removeQuiet(target);
    if (!fs.existsSync(target)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function digestOf(data: Buffer): FileDigest {
  return { sha256: crypto.createHash('sha256').update(data).digest('hex'), size: data.length };
}

/**
 * fsyncs started as soon as a file is written, four at a time (libuv's thread pool), so
 * the disk flushes earlier files while later ones are copied instead of all at the end.
 * Each takes the still-open handle the file was written through (Windows refuses to flush
 * a read-only handle) and closes it. `settle` waits for every one and throws the first
 * failure; `drain` closes the waiting handles without flushing (after an error).
 */
function backgroundFsync(): { add(handle: fs.promises.FileHandle): void; settle(): Promise<void>; drain(): Promise<void> } {
  const queue: fs.promises.FileHandle[] = [];
  const running = new Set<Promise<void>>();
  let failure: unknown = null;
  const pump = () => {
    while (running.size < 4 && queue.length > 0) {
      const handle = queue.shift()!;
      const task = handle
        .sync()
        .catch((error: unknown) => {
          failure ??= error;
        })
        .finally(() => handle.close().catch(() => undefined));
      running.add(task);
      void task.finally(() => {
        running.delete(task);
        pump();
      });
    }
  };
  const drain = async () => {
    while (running.size > 0) await Promise.all(running);
  };
  return {
    add(handle) {
      queue.push(handle);
      pump();
    },
    async settle() {
      await drain();
      if (failure) throw failure;
    },
    async drain() {
      await Promise.all(queue.splice(0).map((handle) => handle.close().catch(() => undefined)));
      await drain();
    },
  };
}

/**
 * Makes the new entries of every package folder durable, four directories at a time.
 * Best effort like fsyncDirSync: Windows cannot open directories, NTFS journals them.
 */
async function fsyncDirs(dirs: string[]): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < dirs.length) {
      const dir = dirs[next++]!;
      const handle = await fs.promises.open(dir, 'r').catch(() => undefined);
      await handle?.sync().catch(() => undefined);
      await handle?.close().catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, dirs.length) }, lane));
}

async function writeAll(handle: fs.promises.FileHandle, chunk: Buffer, position: number): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset, position + offset);
    offset += bytesWritten;
  }
}

export function folderSink(tempDir: string, signal: AbortSignal): PackageSink {
  const dirs = new Set<string>([tempDir]);
  const fsyncs = backgroundFsync();
  // Raised on a cancel and on discard: the worker stops at its next chunk, and copies
  // still queued there are refused before they write anything.
  const cancel = cancelFlag(signal);
  const flushes: Array<Promise<void>> = [];
  // A file supporting several requirements is hashed once; later copies are kernel copies
  // of the verified first copy.
  // Kept as promises so two copies of one source running at once still hash it once.
  const firstCopy = new Map<string, Promise<{ file: string; digest: FileDigest }>>();
  const target = (relativePath: string) => {
    const file = path.join(tempDir, ...relativePath.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    dirs.add(path.dirname(file));
    return file;
  };
  return {
    // The worker queues the copies itself: all are handed over at once, so it never waits
    // for the main thread (busy with the workbook) to hand over the next.
    parallel: Number.POSITIVE_INFINITY,
    async addFile(source, relativePath) {
      const file = target(relativePath);
      const earlier = firstCopy.get(source);
      if (earlier) {
        const first = await earlier;
        // A kernel copy (reflink where the disk allows) of the first copy, already verified.
        await fs.promises.copyFile(first.file, file, fs.constants.COPYFILE_EXCL | fs.constants.COPYFILE_FICLONE);
        fsyncs.add(await fs.promises.open(file, 'r+'));
        return first.digest;
      }
      // One read of the source feeds both the copy and the hash (in the worker); the
      // caller compares the digest with the recorded hash.
      const job = copyInWorker(source, file, cancel);
      flushes.push(job.flushed);
      const copied = job.digest.then((digest) => ({ file, digest }));
      firstCopy.set(source, copied);
      return (await copied).digest;
    },
    async addBuffer(data, relativePath) {
      const file = target(relativePath);
      const handle = await fs.promises.open(file, 'wx');
      try {
        await writeAll(handle, data, 0);
      } catch (error) {
        await handle.close().catch(() => undefined);
        throw error;
      }
      fsyncs.add(handle);
      return digestOf(data);
    },
    async finish() {
      // Everything reaches the disk before the caller renames the temp to its final name.
      await Promise.all(flushes);
      await fsyncs.settle();
      await fsyncDirs([...dirs]);
    },
    async discard() {
      Atomics.store(cancel, 0, 1);
      // Nothing may still write into the temp, and no handle stay open (Windows refuses to delete an open file).
      await Promise.allSettled(flushes);
      await fsyncs.drain();
      await removeTemp(tempDir);
    },
  };
}

/** Already-compressed formats are stored, not deflated again (saves time on videos). */
const STORED = new Set(['jpg', 'jpeg', 'png', 'gif', 'webp', 'heic', 'mp4', 'mov', 'mkv', 'avi', 'mp3', 'm4a', 'zip', 'rar', '7z', 'gz', 'docx', 'xlsx', 'pptx']);

function compressOptions(relativePath: string): { compress: boolean } {
  const ext = relativePath.slice(relativePath.lastIndexOf('.') + 1).toLowerCase();
  return { compress: !STORED.has(ext) };
}

/** A read stream that hashes what passes through; the digest settles once the consumer has read it all. */
function hashedReadStream(source: string, signal: AbortSignal): { stream: Transform; digest: Promise<FileDigest> } {
  const hash = crypto.createHash('sha256');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
  });
  const input = fs.createReadStream(source, { signal });
  const digest = new Promise<FileDigest>((resolve, reject) => {
    input.on('error', reject);
    stream.on('error', reject);
    stream.on('end', () => resolve({ sha256: hash.digest('hex'), size }));
  });
  input.pipe(stream);
  return { stream, digest };
}

/** ZIP with one root folder, so unzipping gives the same layout as folder mode. */
export function zipSink(tempFile: string, rootName: string, signal: AbortSignal): PackageSink {
  const zip = new yazl.ZipFile();
  const out = fs.createWriteStream(tempFile, { flags: 'wx' });
  // yazl does not forward output errors; the first failure rejects every later step.
  const failed = new Promise<never>((_, reject) => {
    zip.on('error', reject);
    out.on('error', reject);
  });
  failed.catch(() => undefined);
  zip.outputStream.pipe(out);
  const entryName = (relativePath: string) => `${rootName}/${relativePath}`;
  return {
    // One entry streams at a time; two in flight keep the next file's read ready.
    parallel: 2,
    addFile(source, relativePath) {
      const { stream, digest } = hashedReadStream(source, signal);
      zip.addReadStream(stream, entryName(relativePath), compressOptions(relativePath));
      return Promise.race([digest, failed]);
    },
    async addBuffer(data, relativePath) {
      zip.addBuffer(data, entryName(relativePath), compressOptions(relativePath));
      return digestOf(data);
    },
    async finish() {
      const closed = new Promise<void>((resolve) => out.on('close', () => resolve()));
      zip.end();
      await Promise.race([closed, failed]);
      fsyncFileSync(tempFile);
    },
    async discard() {
      zip.outputStream.unpipe(out);
      if (!out.closed) {
        const closed = new Promise<void>((resolve) => out.once('close', () => resolve()));
        out.destroy();
        await closed;
      }
      await removeTemp(tempFile);
    },
  };
}
