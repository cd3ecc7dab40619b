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

interface Placed {
  storedPath: string;
  reused: boolean;
  renamed: boolean;
  /** The shard directory whose entry changed (to fsync), or null when nothing was renamed. */
  shard: string | null;
  /** True when the shard directory itself was created (its parent needs an fsync too). */
  created: boolean;
}

/** Entries of shard directories, read once per batch and kept current as files are renamed in. */
type ShardListings = Map<string, string[]>;

/**
 * Moves a finished temp file to its content address, or discards it when the same content
 * is already stored. Any existing `<sha256>.*` counts, whatever its extension, because the
 * blobs table allows one row per hash. Does not fsync the directory: the caller does, once
 * per directory, before anything is recorded.
 */
async function place(dataDir: string, temp: string, sha256: string, ext: string, size: number, listings?: ShardListings): Promise<Placed> {
  const shardRelative = path.posix.dirname(blobStoredPath(sha256, ext));
  const shard = path.join(dataDir, ...shardRelative.split('/'));
  let entries = listings?.get(shard);
  let created = false;
  if (!entries) {
    created = (await fs.mkdir(shard, { recursive: true })) !== undefined;
    entries = await fs.readdir(shard);
    listings?.set(shard, entries);
  }
  const damaged: string[] = [];
  for (const entry of entries) {
    if (entry !== sha256 && !entry.startsWith(`${sha256}.`)) continue;
    const stats = await fs.stat(path.join(shard, entry)).catch(() => undefined);
    if (!stats?.isFile()) continue;
    if (stats.size === size) return { storedPath: `${shardRelative}/${entry}`, reused: true, renamed: false, shard: null, created };
    damaged.push(entry);
  }
  // A same-hash file with the wrong size is damaged; replacing it atomically repairs the
  // path the database already points to.
  const target = damaged[0] ?? path.posix.basename(blobStoredPath(sha256, ext));
  await fs.rename(temp, path.join(shard, target));
  if (!entries.includes(target)) entries.push(target);
  return { storedPath: `${shardRelative}/${target}`, reused: false, renamed: true, shard, created };
}

/** A temp file, complete, hashed and fsynced, not yet under its content address. */
interface Staged {
  temp: string;
  sha256: string;
  size: number;
  prepared: Prepared;
}

/**
 * Streams the source once into a temp file, feeding the hash and the write with the same
 * bytes, then fsyncs it. On failure the temp is removed and the error is an AppError.
 */
async function stage(dataDir: string, prepared: Prepared, chunks: Chunks, options: IngestOptions): Promise<Staged> {
  const { name, limits } = prepared;
  const tempDir = path.join(dataDir, ...TEMP_DIR.split('/'));
  const temp = path.join(tempDir, `${crypto.randomBytes(16).toString('hex')}${TEMP_SUFFIX}`);
  let handle: fs.FileHandle | undefined;
  let done = false;
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
    done = true;
    return { temp, sha256: hash.digest('hex'), size, prepared };
  } catch (error) {
    throw toAppError(error, name);
  } finally {
    await handle?.close().catch(() => undefined);
    if (!done) await removeQuietly(temp);
  }
}

function ingested(staged: Staged, placed: Placed): IngestedFile {
  const { prepared } = staged;
  return {
    sha256: staged.sha256,
    size: staged.size,
    storedPath: placed.storedPath,
    originalName: prepared.name,
    mime: prepared.mime,
    extension: prepared.ext,
    modifiedAt: prepared.modifiedAt,
    reused: placed.reused,
  };
}

/** fsync the shard directories whose entries changed, and the evidence folder when a shard is new. */
async function fsyncPlaced(placed: Placed[]): Promise<void> {
  const dirs = new Set<string>();
  for (const entry of placed) {
    if (!entry.shard) continue;
    dirs.add(entry.shard);
    if (entry.created) dirs.add(path.dirname(entry.shard));
  }
  await pool([...dirs], DIR_FSYNC_CONCURRENCY, (dir) => fsyncDirectory(dir));
}

async function store(dataDir: string, prepared: Prepared, chunks: Chunks, options: IngestOptions): Promise<IngestedFile> {
  const staged = await stage(dataDir, prepared, chunks, options);
  let renamed = false;
  try {
    const placed = await place(dataDir, staged.temp, staged.sha256, prepared.ext, staged.size);
    renamed = placed.renamed;
    await fsyncPlaced([placed]);
    return ingested(staged, placed);
  } catch (error) {
    throw toAppError(error, prepared.name);
  } finally {
    if (!renamed) await removeQuietly(staged.temp);
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

interface OpenedSource {
  prepared: Prepared;
  chunks: Chunks;
  close(): Promise<void>;
}

/**
 * Opens and checks a source file. The first read fills a whole chunk: its head is sniffed
 * and the same bytes are then the first chunk copied, so every byte is read exactly once.
 */
async function openSource(sourcePath: string, name: string, limits: EvidenceLimits, modifiedAt: Date | number | undefined): Promise<OpenedSource> {
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
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    const { bytesRead: firstRead } = await handle.read(buffer, 0, CHUNK_BYTES, 0).catch((error: unknown) => {
      throw openFailure(error, name);
    });
    const { ext, mime } = validate(name, stats.size, buffer.subarray(0, Math.min(firstRead, SNIFF_BYTES)), limits);
    let pending: number | null = firstRead;
    let position = firstRead;
    const chunks: Chunks = {
      async next() {
        if (pending !== null) {
          const read = pending;
          pending = null;
          return read === 0 ? null : buffer.subarray(0, read);
        }
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
    const prepared = { name, ext, mime, totalBytes: stats.size, modifiedAt: toIsoDate(modifiedAt, stats.mtime), limits };
    return { prepared, chunks, close: () => handle.close().catch(() => undefined) };
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

/** Validate and copy a file from disk (file dialog, drag and drop, folder import). */
export async function ingestFile(dataDir: string, sourcePath: string, options: IngestOptions = {}): Promise<IngestedFile> {
  const name = sanitizeOriginalName(options.originalName ?? path.basename(sourcePath));
  throwIfAborted(options.signal, name);
  const source = await openSource(sourcePath, name, resolveLimits(options.limits), options.modifiedAt);
  try {
    return await store(dataDir, source.prepared, source.chunks, options);
  } finally {
    await source.close();
  }
}

export interface BatchSource {
  path: string;
  /** Name shown to users; defaults to the source file's own name. */
  originalName?: string;
  modifiedAt?: Date | number;
  /**
   * Called with the copied file's hash and size before anything is placed in the store;
   * throwing (e.g. "changed since the preview") fails the whole batch cleanly.
   */
  verify?: (copied: { sha256: string; size: number }) => void;
}

export interface BatchOptions {
  limits?: Partial<EvidenceLimits>;
  signal?: AbortSignal;
  /** Called after each file is copied and fsynced, with the number done so far. */
  onFile?: (done: number, total: number) => void;
}

/** Copies at once: their reads, writes and fsyncs overlap in the thread pool; hashing stays on one thread. */
const BATCH_CONCURRENCY = 6;
const DIR_FSYNC_CONCURRENCY = 4;

/** Runs `work` over `items`, `width` at a time; every started task settles before the first failure is thrown. */
async function pool<T>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const lane = async () => {
    while (failure === null && next < items.length) {
      const index = next++;
      try {
        await work(items[index]!, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  if (failure !== null) throw (failure as { error: unknown }).error;
}

/**
 * Many files into the store as one batch, with the same checks and durability as
 * ingestFile but one directory fsync per shard instead of one per file:
 * 1. every source is streamed once into its own fsynced temp file (hash fed by the same
 *    reads), a few at a time;
 * 2. only when ALL are staged (and verified), each is renamed to its content address or
 *    discarded as a duplicate — also of an earlier file of the same batch;
 * 3. every shard directory that gained an entry is fsynced once.
 * The caller records the rows afterwards, in one transaction. On any failure no temp file
 * is left and the error is thrown; files already renamed are complete blobs without rows,
 * which the orphan sweep handles exactly like an upload whose transaction failed (they are
 * never deleted here: a concurrent upload may already be reusing one).
 */
export async function ingestFiles(dataDir: string, sources: readonly BatchSource[], options: BatchOptions = {}): Promise<IngestedFile[]> {
  const limits = resolveLimits(options.limits);
  const staged: Array<Staged | undefined> = new Array(sources.length);
  const renamed = new Set<string>();
  let done = 0;
  try {
    await pool(sources, BATCH_CONCURRENCY, async (source, index) => {
      const name = sanitizeOriginalName(source.originalName ?? path.basename(source.path));
      throwIfAborted(options.signal, name);
      const opened = await openSource(source.path, name, limits, source.modifiedAt);
      try {
        staged[index] = await stage(dataDir, opened.prepared, opened.chunks, { signal: options.signal });
      } finally {
        await opened.close();
      }
      source.verify?.({ sha256: staged[index]!.sha256, size: staged[index]!.size });
      options.onFile?.((done += 1), sources.length);
    });
    const listings: ShardListings = new Map();
    const placed: Placed[] = [];
    // Sequential: two files of the batch with the same content must see each other.
    for (const file of staged as Staged[]) {
      throwIfAborted(options.signal, file.prepared.name);
      try {
        const entry = await place(dataDir, file.temp, file.sha256, file.prepared.ext, file.size, listings);
        placed.push(entry);
        if (entry.renamed) renamed.add(file.temp);
      } catch (error) {
        throw toAppError(error, file.prepared.name);
      }
    }
    try {
      await fsyncPlaced(placed);
    } catch (error) {
      throw toAppError(error, (staged[0] as Staged).prepared.name);
    }
    return placed.map((entry, index) => ingested(staged[index]!, entry));
  } finally {
    // Temps not renamed: those of a failed batch and duplicates.
    await Promise.all(staged.map((file) => (file && !renamed.has(file.temp) ? removeQuietly(file.temp) : undefined)));
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
