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
import { cancelFlag, inCopyWorker } from './copy-worker';

export interface PackageSink {
  /** How many addFile calls may run at once. */
  parallel: number;
  /** Every evidence file has been handed to addFile (those calls may still run). */
  filesQueued(): void;
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

export function digestOf(data: Buffer): FileDigest {
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

async function writeAll(handle: fs.promises.FileHandle, chunk: Buffer, position: number): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset, position + offset);
    offset += bytesWritten;
  }
}

export function folderSink(tempDir: string, signal: AbortSignal): PackageSink {
  const fsyncs = backgroundFsync();
  // Raised on a cancel and on discard: the worker stops at its next chunk, and copies
  // still queued there are refused before they write anything.
  const cancel = cancelFlag(signal);
  const flushes: Array<Promise<void>> = [];
  /** The first copy of each source, made and hashed by the worker. */
  const firstCopy = new Map<string, { file: string; digest: Promise<FileDigest> }>();
  /**
   * Folders given a new entry since they were last flushed: a file's folder and every
   * folder above it up to the temp (mkdir made them). A folder is listed when the job
   * creating its entry has been sent (the worker flushes folders after the jobs sent
   * before) or, for the main thread's own files, once the file exists.
   */
  const dirs = new Set<string>();
  const touched = (file: string) => {
    for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
      dirs.add(dir);
      if (dir === tempDir || dir === path.dirname(dir)) break;
    }
  };
  const flushDirs = () => {
    const folders = inCopyWorker({ op: 'dirs', dirs: [...dirs] });
    dirs.clear();
    flushes.push(folders.flushed);
  };
  const target = (relativePath: string) => path.join(tempDir, ...relativePath.split('/'));
  return {
    // The worker queues the copies itself: all are handed over at once, so it never waits
    // for the main thread (busy with the workbook) to hand over the next.
    parallel: Number.POSITIVE_INFINITY,
    // The worker flushes the evidence folders after the copies into them, while the main
    // thread still builds the workbook; finish() then flushes only what came later (the root).
    filesQueued: flushDirs,
    async addFile(source, relativePath) {
      const file = target(relativePath);
      const first = firstCopy.get(source);
      // One read of the source feeds both the copy and the hash; a file supporting several
      // requirements is read once, its later copies are kernel copies of the first (the
      // worker starts a clone once that copy is complete). The caller compares the digest
      // with the recorded hash.
      const job = inCopyWorker(first ? { op: 'clone', source: first.file, target: file, cancel } : { op: 'copy', source, target: file, cancel });
      touched(file);
      flushes.push(job.flushed);
      if (first) return (await Promise.all([first.digest, job.written]))[0];
      const digest = job.written.then(({ sha256, size }) => ({ sha256: sha256!, size }));
      firstCopy.set(source, { file, digest });
      return digest;
    },
    async addBuffer(data, relativePath) {
      const file = target(relativePath);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const handle = await fs.promises.open(file, 'wx');
      touched(file);
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
      // Everything reaches the disk before the caller renames the temp to its final name:
      // the copies, the workbook and manifest, and every folder's entries.
      flushDirs();
      await Promise.all([...flushes, fsyncs.settle()]);
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
    filesQueued() {},
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
