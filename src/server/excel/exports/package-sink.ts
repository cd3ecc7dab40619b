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

export interface PackageSink {
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

const COPY_CHUNK = 1024 * 1024;

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

/**
 * Copy `source` to a new `target`, reading every byte once: each chunk is written while
 * the same bytes are hashed (two buffers, so the next read and the write overlap the
 * hashing). The digest therefore describes exactly the bytes written into the package.
 * Returns the target's still-open handle for the background fsync.
 */
async function copyHashed(source: string, target: string, signal: AbortSignal): Promise<{ digest: FileDigest; handle: fs.promises.FileHandle }> {
  const input = await fs.promises.open(source, 'r');
  let output: fs.promises.FileHandle | undefined;
  let reading: Promise<{ bytesRead: number }> | undefined;
  let writing: Promise<void> = Promise.resolve();
  try {
    output = await fs.promises.open(target, 'wx');
    const hash = crypto.createHash('sha256');
    const buffers = [Buffer.allocUnsafe(COPY_CHUNK), Buffer.allocUnsafe(COPY_CHUNK)];
    let size = 0;
    let turn = 0;
    reading = input.read(buffers[0]!, 0, COPY_CHUNK, 0);
    for (;;) {
      const { bytesRead }: { bytesRead: number } = await reading;
      if (bytesRead === 0) break;
      if (signal.aborted) throw Object.assign(new Error('Ekspor dibatalkan.'), { name: 'AbortError' });
      const chunk = buffers[turn]!.subarray(0, bytesRead);
      // The previous write must finish before its buffer is read into again.
      await writing;
      turn = 1 - turn;
      reading = input.read(buffers[turn]!, 0, COPY_CHUNK, size + bytesRead);
      writing = writeAll(output, chunk, size);
      hash.update(chunk);
      size += bytesRead;
    }
    await writing;
    const handle = output;
    output = undefined;
    return { digest: { sha256: hash.digest('hex'), size }, handle };
  } finally {
    // After a failure the other operation may still be in flight: settle it before closing.
    await Promise.allSettled([reading, writing]);
    await input.close().catch(() => undefined);
    await output?.close().catch(() => undefined);
  }
}

export function folderSink(tempDir: string, signal: AbortSignal): PackageSink {
  const dirs = new Set<string>([tempDir]);
  const fsyncs = backgroundFsync();
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
      // One read of the source feeds both the copy and the hash; the caller compares the
      // digest with the recorded hash.
      const copied = (async () => {
        const { digest, handle } = await copyHashed(source, file, signal);
        fsyncs.add(handle);
        return { file, digest };
      })();
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
      await fsyncs.settle();
      await fsyncDirs([...dirs]);
    },
    async discard() {
      // Open fsync handles first: Windows refuses to delete a file that is open.
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
