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
import { copyFileHashed, fsyncDirSync, fsyncFileSync, removeQuiet, type FileDigest } from '../../backup/files';

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

/** fsync many files at once: the thread pool overlaps the waits that one-by-one would add up. */
async function fsyncAll(files: string[]): Promise<void> {
  const batch = 8;
  for (let start = 0; start < files.length; start += batch) {
    await Promise.all(
      files.slice(start, start + batch).map(async (file) => {
        const handle = await fs.promises.open(file, 'r+');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
      }),
    );
  }
}

export function folderSink(tempDir: string, signal: AbortSignal): PackageSink {
  const written: string[] = [];
  const dirs = new Set<string>([tempDir]);
  // A file supporting several requirements is read and hashed once; later copies are
  // kernel copies of the verified first copy.
  const firstCopy = new Map<string, { file: string; digest: FileDigest }>();
  const target = (relativePath: string) => {
    const file = path.join(tempDir, ...relativePath.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    dirs.add(path.dirname(file));
    written.push(file);
    return file;
  };
  return {
    async addFile(source, relativePath) {
      const file = target(relativePath);
      const earlier = firstCopy.get(source);
      if (earlier) {
        await fs.promises.copyFile(earlier.file, file, fs.constants.COPYFILE_EXCL);
        return earlier.digest;
      }
      const digest = await copyFileHashed(source, file, signal, { fsync: false });
      firstCopy.set(source, { file, digest });
      return digest;
    },
    async addBuffer(data, relativePath) {
      const file = target(relativePath);
      await fs.promises.writeFile(file, data, { flag: 'wx' });
      return digestOf(data);
    },
    async finish() {
      // Everything reaches the disk before the caller renames the temp to its final name.
      await fsyncAll(written);
      for (const dir of dirs) fsyncDirSync(dir);
    },
    discard: () => removeTemp(tempDir),
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
