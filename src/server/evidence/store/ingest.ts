import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import crypto from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../../shared/result';
import { TEMP_DIR, TEMP_SUFFIX, blobStoredPath, errorCode, fsyncDirectory, removeQuietly } from './layout';
import { type EvidenceLimits, messages, mimeForExtension, resolveLimits } from './limits';
import { extensionOf, sanitizeOriginalName } from './names';
import { SNIFF_BYTES, sniff } from './sniff';

/**
 * Copies a user's file into the content-addressed store. Runs OUTSIDE any database
 * transaction: the caller records the blob/evidence rows afterwards, in one transaction.
 * Invariant: a file under a final name is always complete and fsynced; partial data only
 * ever exists as `evidence/.tmp/*.part`, which sweepTempFiles removes at start-up.
 */

export interface IngestedFile {
  sha256: string;
  size: number;
  /** Relative to the data dir, POSIX separators, e.g. `evidence/ab/<sha256>.pdf`. */
  storedPath: string;
  /** Sanitised; metadata only, never used to build a stored path. */
  originalName: string;
  mime: string;
  /** Lower-case, without the dot, taken from the original name. */
  extension: string;
  /** ISO 8601; the source's modification time, used to default the document date. */
  modifiedAt: string;
  /** True when identical content was already stored; nothing new was written. */
  reused: boolean;
}

export interface IngestOptions {
  /** Name shown to users; defaults to the source file's own name. */
  originalName?: string;
  limits?: Partial<EvidenceLimits>;
  signal?: AbortSignal;
  /** Called after each chunk is written, for a progress bar on large videos. */
  onProgress?: (copiedBytes: number, totalBytes: number) => void;
  /** Overrides the modification time (e.g. File.lastModified from a browser upload). */
  modifiedAt?: Date | number;
}

const CHUNK_BYTES = 1024 * 1024;

/** Marks failures of the source (USB stick pulled) apart from failures of our disk. */
class SourceReadError extends Error {
  constructor(readonly original: unknown) {
    super('source read failed');
  }
}

interface Chunks {
  /** The next bytes, or null at the end. The returned view is valid until the next call. */
  next(): Promise<Uint8Array | null>;
}

interface Prepared {
  name: string;
  ext: string;
  mime: string;
  totalBytes: number;
  modifiedAt: string;
  limits: EvidenceLimits;
}

const rejected = (message: string): AppError => new AppError('FILE_REJECTED', message);

function throwIfAborted(signal: AbortSignal | undefined, name: string): void {
  if (signal?.aborted) throw new AppError('CANCELLED', messages.cancelled(name));
}

function toIsoDate(value: Date | number | undefined, fallback: Date): string {
  const date = value === undefined ? fallback : new Date(value);
  return Number.isNaN(date.getTime()) ? fallback.toISOString() : date.toISOString();
}

/** Name, size and first-bytes checks shared by files and uploads; returns the MIME type. */
function validate(name: string, size: number, head: Uint8Array, limits: EvidenceLimits): { ext: string; mime: string } {
  const ext = extensionOf(name);
  if (!ext) throw rejected(messages.noExtension(name, limits.allowedExtensions));
  if (!limits.allowedExtensions.includes(ext)) throw rejected(messages.extensionNotAllowed(name, ext, limits.allowedExtensions));
  if (size === 0) throw rejected(messages.empty(name));
  if (size > limits.maxBytes) throw rejected(messages.tooLarge(name, size, limits.maxBytes));
  const result = sniff(head, ext);
  if (!result.ok) {
    throw rejected(result.reason === 'executable' ? messages.executable(name, ext) : messages.contentMismatch(name, ext, result.label));
  }
  return { ext, mime: result.mime ?? mimeForExtension(ext) };
}

function toAppError(error: unknown, name: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof SourceReadError) {
    return new AppError('IO', messages.readFailed(name, errorCode(error.original) ?? 'galat tidak dikenal'));
  }
  const code = errorCode(error);
  if (code === 'ENOSPC' || code === 'EDQUOT') return new AppError('IO', messages.diskFull(name));
  if (code === 'EROFS') return new AppError('IO', messages.readOnly(name));
  if (code === 'EACCES' || code === 'EPERM') return new AppError('IO', messages.writeDenied(name));
  return new AppError('IO', messages.writeFailed(name, code ?? 'galat tidak dikenal'));
}

async function writeAll(handle: fs.FileHandle, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
    offset += bytesWritten;
  }
}

/**
 * Moves a finished temp file to its content address, or discards it when the same content
 * is already stored. Any existing `<sha256>.*` counts, whatever its extension, because the
 * blobs table allows one row per hash.
 */
async function finalise(dataDir: string, temp: string, sha256: string, ext: string, size: number) {
  const shardRelative = path.posix.dirname(blobStoredPath(sha256, ext));
  const shard = path.join(dataDir, ...shardRelative.split('/'));
  const created = await fs.mkdir(shard, { recursive: true });
  const damaged: string[] = [];
  for (const entry of await fs.readdir(shard)) {
    if (entry !== sha256 && !entry.startsWith(`${sha256}.`)) continue;
    const stats = await fs.stat(path.join(shard, entry)).catch(() => undefined);
    if (!stats?.isFile()) continue;
    if (stats.size === size) return { storedPath: `${shardRelative}/${entry}`, reused: true, renamed: false };
    damaged.push(entry);
  }
  // A same-hash file with the wrong size is damaged; replacing it atomically repairs the
  // path the database already points to.
  const target = damaged[0] ?? path.posix.basename(blobStoredPath(sha256, ext));
  await fs.rename(temp, path.join(shard, target));
  await fsyncDirectory(shard);
  if (created !== undefined) await fsyncDirectory(path.dirname(shard));
  return { storedPath: `${shardRelative}/${target}`, reused: false, renamed: true };
}

async function store(dataDir: string, prepared: Prepared, chunks: Chunks, options: IngestOptions): Promise<IngestedFile> {
  const { name, limits } = prepared;
  const tempDir = path.join(dataDir, ...TEMP_DIR.split('/'));
  const temp = path.join(tempDir, `${crypto.randomBytes(16).toString('hex')}${TEMP_SUFFIX}`);
  let handle: fs.FileHandle | undefined;
  let renamed = false;
  try {
    await fs.mkdir(tempDir, { recursive: true });
    handle = await fs.open(temp, 'wx');
    const hash = crypto.createHash('sha256');
    let size = 0;
    for (;;) {
      throwIfAborted(options.signal, name);
      const chunk = await chunks.next();
      if (chunk === null) break;
      size += chunk.length;
      // The source may grow while being copied; the limit holds for what is stored.
      if (size > limits.maxBytes) throw rejected(messages.tooLarge(name, size, limits.maxBytes));
      hash.update(chunk);
      await writeAll(handle, chunk);
      options.onProgress?.(size, Math.max(prepared.totalBytes, size));
    }
    if (size === 0) throw rejected(messages.empty(name));
    await handle.sync();
    await handle.close();
    handle = undefined;
    throwIfAborted(options.signal, name);
    const sha256 = hash.digest('hex');
    const placed = await finalise(dataDir, temp, sha256, prepared.ext, size);
    renamed = placed.renamed;
    return {
      sha256,
      size,
      storedPath: placed.storedPath,
      originalName: name,
      mime: prepared.mime,
      extension: prepared.ext,
      modifiedAt: prepared.modifiedAt,
      reused: placed.reused,
    };
  } catch (error) {
    throw toAppError(error, name);
  } finally {
    await handle?.close().catch(() => undefined);
    if (!renamed) await removeQuietly(temp);
  }
}

function openFailure(error: unknown, name: string): AppError {
  const code = errorCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') return rejected(messages.missing(name));
  if (code === 'EACCES' || code === 'EPERM') return rejected(messages.noPermission(name));
  if (code === 'EBUSY') return rejected(messages.busy(name));
  if (code === 'EISDIR') return rejected(messages.notRegular(name));
  return rejected(messages.unreadable(name, code ?? 'galat tidak dikenal'));
}

/** Validate and copy a file from disk (file dialog, drag and drop, folder import). */
export async function ingestFile(dataDir: string, sourcePath: string, options: IngestOptions = {}): Promise<IngestedFile> {
  const name = sanitizeOriginalName(options.originalName ?? path.basename(sourcePath));
  throwIfAborted(options.signal, name);
  const limits = resolveLimits(options.limits);
  // stat before open: opening a FIFO or device for reading could block forever.
  const before = await fs.stat(sourcePath).catch((error: unknown) => {
    throw openFailure(error, name);
  });
  if (!before.isFile()) throw rejected(messages.notRegular(name));
  // O_NONBLOCK (POSIX only) guards against the path being swapped for a FIFO meanwhile.
  const flags = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0);
  const handle = await fs.open(sourcePath, flags).catch((error: unknown) => {
    throw openFailure(error, name);
  });
  try {
    // Checks use the opened handle, so they describe exactly the bytes that get copied.
    const stats = await handle.stat();
    if (!stats.isFile()) throw rejected(messages.notRegular(name));
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0).catch((error: unknown) => {
      throw openFailure(error, name);
    });
    const { ext, mime } = validate(name, stats.size, head.subarray(0, bytesRead), limits);
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let position = 0;
    const chunks: Chunks = {
      async next() {
        let read: number;
        try {
          ({ bytesRead: read } = await handle.read(buffer, 0, CHUNK_BYTES, position));
        } catch (error) {
          throw new SourceReadError(error);
        }
        position += read;
        return read === 0 ? null : buffer.subarray(0, read);
      },
    };
    const modifiedAt = toIsoDate(options.modifiedAt, stats.mtime);
    return await store(dataDir, { name, ext, mime, totalBytes: stats.size, modifiedAt, limits }, chunks, options);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Same checks and result as ingestFile, for bytes uploaded through the browser preview host. */
export async function ingestBuffer(
  dataDir: string,
  buffer: Uint8Array,
  originalName: string,
  options: Omit<IngestOptions, 'originalName'> = {},
): Promise<IngestedFile> {
  const name = sanitizeOriginalName(originalName);
  throwIfAborted(options.signal, name);
  const limits = resolveLimits(options.limits);
  const { ext, mime } = validate(name, buffer.length, buffer.subarray(0, SNIFF_BYTES), limits);
  let position = 0;
  const chunks: Chunks = {
    async next() {
      if (position >= buffer.length) return null;
      const chunk = buffer.subarray(position, position + CHUNK_BYTES);
      position += chunk.length;
      return chunk;
    },
  };
  const modifiedAt = toIsoDate(options.modifiedAt, new Date());
  return store(dataDir, { name, ext, mime, totalBytes: buffer.length, modifiedAt, limits }, chunks, options);
}
