/**
 * File primitives for backups: hashing, durable copies, atomic JSON, timestamps and
 * path checks. Every write that must survive a power cut is fsynced before the rename
 * that makes it visible, and the directory is fsynced after, so a crash leaves either
 * the old state or the complete new one — never a half-written file under a final name.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface FileDigest {
  sha256: string;
  size: number;
}

/** Every temporary name this module creates starts with this, so a sweep can find leftovers. */
export const TEMP_PREFIX = '.tmp-';

export function randomId(): string {
  return crypto.randomBytes(6).toString('hex');
}

export async function hashFile(file: string, signal?: AbortSignal): Promise<FileDigest> {
  const hash = crypto.createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file, signal ? { signal } : {})) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

/** Synchronous twin for the pre-migration hook and the start-up check, which cannot await. */
export function hashFileSync(file: string): FileDigest {
  const hash = crypto.createHash('sha256');
  const buffer = Buffer.allocUnsafe(1 << 20);
  const fd = fs.openSync(file, 'r');
  let size = 0;
  try {
    for (let read = fs.readSync(fd, buffer); read > 0; read = fs.readSync(fd, buffer)) {
      hash.update(buffer.subarray(0, read));
      size += read;
    }
  } finally {
    fs.closeSync(fd);
  }
  return { sha256: hash.digest('hex'), size };
}

/** 'r+' because Windows only flushes handles opened for writing. */
export function fsyncFileSync(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename durable. Windows cannot open directories; NTFS journals renames itself. */
export function fsyncDirSync(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not supported on this platform/filesystem (Windows, some USB filesystems): best effort.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Copy while hashing the bytes read, so the digest describes exactly what was written
 * (a file that changes under us is caught by the caller comparing hashes). `dest` must
 * not exist: temp names are fresh, and 'wx' guards against clobbering anything else.
 */
export async function copyFileHashed(src: string, dest: string, signal?: AbortSignal, options: { fsync?: boolean } = {}): Promise<FileDigest> {
  const hash = crypto.createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
  });
  await pipeline(fs.createReadStream(src, { highWaterMark: 1024 * 1024 }), tap, fs.createWriteStream(dest, { flags: 'wx', highWaterMark: 1024 * 1024 }), signal ? { signal } : {});
  // Callers that write many files fsync them together at the end instead.
  if (options.fsync !== false) fsyncFileSync(dest);
  return { sha256: hash.digest('hex'), size };
}

/** Write JSON under a temp name in the same folder, fsync, then rename over the target. */
export function writeJsonAtomicSync(file: string, value: unknown): void {
  const dir = path.dirname(file);
  const temp = path.join(dir, `${TEMP_PREFIX}${randomId()}.json`);
  try {
    fs.writeFileSync(temp, `${JSON.stringify(value, null, 2)}\n`, { flag: 'wx' });
    fsyncFileSync(temp);
    fs.renameSync(temp, file);
  } catch (error) {
    removeQuiet(temp);
    throw error;
  }
  fsyncDirSync(dir);
}

/** Removal used only for our own temp files during cleanup, where a failure must not mask the real error. */
export function removeQuiet(target: string): void {
  try {
    fs.rmSync(target, { recursive: true, force: true });
  } catch {
    // Left for sweepBackupTemps at the next start.
  }
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Local wall-clock time, because operators read these names in their file manager. */
export function stamp(date: Date): string {
  const day = `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
  return `${day}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

/** Local calendar day (YYYY-MM-DD) used by the retention rule "one per day". */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Inverse of stamp() for names parsed back from disk. */
export function parseStamp(value: string): Date | null {
  const match = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi, s);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `base + ext`, or `base-2 + ext`, `base-3 + ext`… — the first name for which no variant exists. */
export function uniqueName(dir: string, base: string, exts: readonly string[]): string {
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (exts.every((ext) => !fs.existsSync(path.join(dir, candidate + ext)))) return candidate;
  }
}

/**
 * Evidence paths come from databases and manifests that may be foreign (a USB stick),
 * so they are checked before being joined to any folder: relative, forward slashes,
 * inside evidence/, no '..' — a crafted archive must not write outside the data folder.
 */
export function safeEvidencePath(value: string): string | null {
  if (value.includes('\\') || value.includes('\0') || value.includes(':')) return null;
  const parts = value.split('/');
  if (parts[0] !== 'evidence' || parts.length < 2) return null;
  if (parts.some((part) => part === '' || part === '.' || part === '..')) return null;
  return value;
}

export function isDirectory(target: string): boolean {
  try {
    return fs.statSync(target).isDirectory();
  } catch {
    return false;
  }
}
