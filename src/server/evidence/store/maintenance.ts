import { type Stats, constants as fsConstants, createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import crypto from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../../shared/result';
import { EVIDENCE_DIR, ORPHANS_DIR, TEMP_DIR, TEMP_SUFFIX, absoluteBlobPath, errorCode } from './layout';

/**
 * Housekeeping over the blob folder: clearing interrupted copies, checking that recorded
 * blobs are intact, and setting aside unreferenced files. Nothing here ever deletes a
 * finished blob: an unreferenced file may still be someone's only copy of a document.
 */

/**
 * Removes `.part` leftovers of interrupted copies; returns how many. Call at start-up,
 * before any ingest runs. `minAgeMs` spares temp files of a copy still in progress, for
 * callers that cannot guarantee that.
 */
export async function sweepTempFiles(dataDir: string, options: { minAgeMs?: number } = {}): Promise<number> {
  const tempDir = path.join(dataDir, ...TEMP_DIR.split('/'));
  let entries: string[];
  try {
    entries = await fs.readdir(tempDir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 0;
    throw new AppError(
      'IO',
      `Folder sementara berkas bukti tidak dapat dibaca (${errorCode(error) ?? 'galat tidak dikenal'}). Periksa izin folder data Patuh, lalu jalankan ulang aplikasi.`,
    );
  }
  const minAgeMs = options.minAgeMs ?? 0;
  let removed = 0;
  for (const entry of entries) {
    if (!entry.endsWith(TEMP_SUFFIX)) continue;
    const file = path.join(tempDir, entry);
    const stats = await fs.lstat(file).catch(() => undefined);
    if (!stats?.isFile() || Date.now() - stats.mtimeMs < minAgeMs) continue;
    // A file that cannot be removed now (locked on Windows) is retried at the next start.
    const gone = await fs.rm(file).then(
      () => true,
      () => false,
    );
    if (gone) removed += 1;
  }
  return removed;
}

export interface BlobRecord {
  sha256: string;
  size: number;
  storedPath: string;
}

export type MissingReason = 'missing' | 'not-a-file' | 'unreadable' | 'invalid-path';

export interface VerifyReport {
  /** sha256 of every blob whose file exists with the recorded size and hash. */
  ok: string[];
  missing: Array<BlobRecord & { reason: MissingReason }>;
  /** Present but different: size or content no longer match the record. */
  altered: Array<BlobRecord & { actualSize: number; actualSha256: string | null }>;
}

export type VerifyProgress = (checked: number, total: number, blob: BlobRecord) => void;

async function hashFile(file: string, signal?: AbortSignal): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    if (signal?.aborted) throw cancelled();
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

const cancelled = (): AppError =>
  new AppError('CANCELLED', 'Pemeriksaan berkas bukti dibatalkan. Jalankan pemeriksaan lagi bila diperlukan.');

/** Re-hashes every recorded blob; slow on purpose (reads everything), so it reports progress. */
export async function verifyBlobs(
  dataDir: string,
  blobs: ReadonlyArray<BlobRecord>,
  onProgress?: VerifyProgress,
  signal?: AbortSignal,
): Promise<VerifyReport> {
  const report: VerifyReport = { ok: [], missing: [], altered: [] };
  let checked = 0;
  for (const blob of blobs) {
    if (signal?.aborted) throw cancelled();
    const record: BlobRecord = { sha256: blob.sha256, size: blob.size, storedPath: blob.storedPath };
    await verifyOne(dataDir, record, report, signal);
    checked += 1;
    onProgress?.(checked, blobs.length, record);
  }
  return report;
}

async function verifyOne(dataDir: string, blob: BlobRecord, report: VerifyReport, signal?: AbortSignal): Promise<void> {
  let file: string;
  try {
    file = absoluteBlobPath(dataDir, blob.storedPath);
  } catch {
    report.missing.push({ ...blob, reason: 'invalid-path' });
    return;
  }
  let stats: Stats;
  try {
    stats = await fs.stat(file);
  } catch (error) {
    const code = errorCode(error);
    report.missing.push({ ...blob, reason: code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable' });
    return;
  }
  if (!stats.isFile()) {
    report.missing.push({ ...blob, reason: 'not-a-file' });
    return;
  }
  if (stats.size !== blob.size) {
    // Different size already proves the change; no need to read the whole file.
    report.altered.push({ ...blob, actualSize: stats.size, actualSha256: null });
    return;
  }
  let actual: string;
  try {
    actual = await hashFile(file, signal);
  } catch (error) {
    if (error instanceof AppError) throw error;
    report.missing.push({ ...blob, reason: 'unreadable' });
    return;
  }
  if (actual === blob.sha256.toLowerCase()) report.ok.push(blob.sha256);
  else report.altered.push({ ...blob, actualSize: stats.size, actualSha256: actual });
}

export interface MovedOrphan {
  /** Relative to the data dir, POSIX separators. */
  from: string;
  to: string;
}

/** Files younger than this are skipped: an ingest may have renamed them but not yet committed. */
export const ORPHAN_GRACE_MS = 10 * 60 * 1000;

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** Local time, as the office sees it in Explorer: `2026-11-24-150000`. */
export function orphanFolderName(now: Date): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
}

async function listFiles(root: string, relative: string[] = []): Promise<string[][]> {
  const found: string[][] = [];
  const entries = await fs.readdir(path.join(root, ...relative), { withFileTypes: true }).catch((error: unknown) => {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  });
  for (const entry of entries) {
    const parts = [...relative, entry.name];
    // Symlinks are treated as files (moved, never followed) so nothing outside is touched.
    if (entry.isDirectory()) found.push(...(await listFiles(root, parts)));
    else found.push(parts);
  }
  return found;
}

async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false,
  );
}

/** "x.pdf" → "x (2).pdf" until free, so a second run in the same second overwrites nothing. */
async function freeName(target: string): Promise<string> {
  if (!(await exists(target))) return target;
  const { dir, name, ext } = path.parse(target);
  for (let n = 2; ; n += 1) {
    const candidate = path.join(dir, `${name} (${n})${ext}`);
    if (!(await exists(candidate))) return candidate;
  }
}

async function moveFile(from: string, to: string): Promise<void> {
  try {
    await fs.rename(from, to);
  } catch (error) {
    if (errorCode(error) !== 'EXDEV') throw error;
    // evidence/ on another volume (a symlinked folder): copy, then remove the original.
    await fs.copyFile(from, to, fsConstants.COPYFILE_EXCL);
    await fs.rm(from);
  }
}

/**
 * Moves files under evidence/ that no database row references into
 * `evidence-orphans/<yyyy-mm-dd-hhmmss>/…` (same sub-path), never deleting anything.
 * `now` names the folder; the grace period compares against the real clock, like mtimes.
 */
export async function moveOrphansAside(
  dataDir: string,
  knownStoredPaths: ReadonlySet<string>,
  now: Date,
  options: { graceMs?: number } = {},
): Promise<MovedOrphan[]> {
  const known = new Set([...knownStoredPaths].map((stored) => stored.replace(/\\/gu, '/')));
  const graceMs = options.graceMs ?? ORPHAN_GRACE_MS;
  const evidenceRoot = path.join(dataDir, EVIDENCE_DIR);
  const stamp = orphanFolderName(now);
  const moved: MovedOrphan[] = [];
  try {
    await moveEach(dataDir, evidenceRoot, stamp, known, graceMs, moved);
  } catch (error) {
    throw new AppError(
      'IO',
      `Sebagian berkas tanpa rujukan belum dapat dipindahkan (${errorCode(error) ?? 'galat tidak dikenal'}); ${moved.length} berkas sudah dipindahkan ke folder ${ORPHANS_DIR}/${stamp}. Tutup program yang sedang membuka berkas bukti, lalu jalankan lagi.`,
    );
  }
  return moved;
}

async function moveEach(
  dataDir: string,
  evidenceRoot: string,
  stamp: string,
  known: ReadonlySet<string>,
  graceMs: number,
  moved: MovedOrphan[],
): Promise<void> {
  const tempTop = TEMP_DIR.split('/')[1];
  for (const parts of await listFiles(evidenceRoot)) {
    if (parts[0] === tempTop) continue;
    const from = `${EVIDENCE_DIR}/${parts.join('/')}`;
    if (known.has(from)) continue;
    const source = path.join(evidenceRoot, ...parts);
    const stats = await fs.lstat(source).catch(() => undefined);
    if (!stats) continue;
    const age = Date.now() - stats.mtimeMs;
    if (graceMs > 0 && (age < graceMs || age < 0)) continue;
    const target = await freeName(path.join(dataDir, ORPHANS_DIR, stamp, ...parts));
    await fs.mkdir(path.dirname(target), { recursive: true });
    await moveFile(source, target);
    moved.push({ from, to: path.relative(path.resolve(dataDir), path.resolve(target)).split(path.sep).join('/') });
  }
}
