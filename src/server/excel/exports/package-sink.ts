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
import { fsyncDirSync, fsyncFileSync, removeQuiet, type FileDigest } from '../../backup/files';

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

/** fsync one file (opened for writing: Windows refuses to flush a read-only handle). */
async function fsyncFile(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * fsyncs started as soon as a file is written, four at a time (libuv's thread pool), so
 * the disk flushes earlier files while later ones are copied instead of all at the end.
 * `settle` waits for every one and throws the first failure.
 */
function backgroundFsync(): { add(file: string): void; settle(): Promise<void>; drain(): Promise<void> } {
  const queue: string[] = [];
  const running = new Set<Promise<void>>();
  let failure: unknown = null;
  const pump = () => {
    while (running.size < 4 && queue.length > 0) {
      const task = fsyncFile(queue.shift()!).catch((error: unknown) => {
        failure ??= error;
      });
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
    add(file) {
      queue.push(file);
      pump();
    },
    async settle() {
      await drain();
      if (failure) throw failure;
    },
    async drain() {
      queue.length = 0;
      await drain();
    },
  };
}

/** SHA-256 of a file as it is on disk (just written, so read back from the cache). */
async function digestOfFile(file: string, signal: AbortSignal): Promise<FileDigest> {
  const hash = crypto.createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024, signal })) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
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
        await fs.promises.copyFile(first.file, file, fs.constants.COPYFILE_EXCL);
        fsyncs.add(file);
        return first.digest;
      }
      // The kernel copies (copy_file_range / CopyFile: no bytes through JS, as fast as a
      // plain copy), then the copy itself is hashed: the digest describes exactly the bytes
      // in the package, and the caller compares it with the recorded hash.
      const copied = (async () => {
        await fs.promises.copyFile(source, file, fs.constants.COPYFILE_EXCL);
        fsyncs.add(file);
        return { file, digest: await digestOfFile(file, signal) };
      })();
      firstCopy.set(source, copied);
      return (await copied).digest;
    },
    async addBuffer(data, relativePath) {
      const file = target(relativePath);
      await fs.promises.writeFile(file, data, { flag: 'wx' });
      fsyncs.add(file);
      return digestOf(data);
    },
    async finish() {
      // Everything reaches the disk before the caller renames the temp to its final name.
      await fsyncs.settle();
      for (const dir of dirs) fsyncDirSync(dir);
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
