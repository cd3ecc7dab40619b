/**
 * The archive folder format (Patuh-Arsip-YYYYMMDD-HHMMSS/): patuh.sqlite, evidence/…
 * with the same relative paths as the data folder, and manifest.json listing the SHA-256
 * and size of every file. Reading and verifying live here because both createArchive
 * (self-check before the final rename) and restoreFrom (before touching anything) use them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/result';
import { DATABASE_FILE } from '../db/connection';
import { hashFile, safeEvidencePath } from './files';

export const ARCHIVE_PREFIX = 'Patuh-Arsip-';
export const ARCHIVE_MANIFEST = 'manifest.json';
export const ARCHIVE_DATABASE = DATABASE_FILE;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const size = z.number().int().nonnegative();

export const archiveManifestSchema = z.object({
  app: z.literal('Patuh'),
  format: z.literal(1),
  createdAt: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  database: z.object({ sha256, size }),
  files: z.array(z.object({ path: z.string(), sha256, size })),
  rowCounts: z.record(z.string(), size).optional(),
});

export type ArchiveManifest = z.infer<typeof archiveManifestSchema>;

export function readArchiveManifest(dir: string): ArchiveManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(path.join(dir, ARCHIVE_MANIFEST), 'utf8'));
  } catch {
    throw new AppError(
      'VALIDATION',
      `Folder ini bukan arsip Patuh yang utuh: ${ARCHIVE_MANIFEST} tidak ada atau tidak terbaca. Pilih folder "${ARCHIVE_PREFIX}…" yang dibuat oleh Patuh.`,
    );
  }
  const parsed = archiveManifestSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION',
      `${ARCHIVE_MANIFEST} pada arsip ini tidak valid atau dibuat oleh versi Patuh yang lebih baru. Data sekarang tidak diubah.`,
    );
  }
  return parsed.data;
}

export interface ArchiveCheckOptions {
  signal?: AbortSignal;
  /** Called after each file is re-read: done of total (database included). */
  onFile?: (done: number, total: number) => void;
}

/** Re-read every file the manifest lists and compare size and SHA-256. Returns the problems. */
export async function verifyArchiveFiles(dir: string, manifest: ArchiveManifest, options: ArchiveCheckOptions = {}): Promise<string[]> {
  const problems: string[] = [];
  const total = manifest.files.length + 1;
  const dbProblem = await checkFile(path.join(dir, ARCHIVE_DATABASE), ARCHIVE_DATABASE, manifest.database, options.signal);
  if (dbProblem) problems.push(dbProblem);
  options.onFile?.(1, total);
  for (const [index, file] of manifest.files.entries()) {
    const relative = safeEvidencePath(file.path);
    const problem = relative
      ? await checkFile(path.join(dir, ...relative.split('/')), file.path, file, options.signal)
      : `Jalur berkas tidak sah di manifes: ${file.path}`;
    if (problem) problems.push(problem);
    options.onFile?.(index + 2, total);
  }
  return problems;
}

async function checkFile(file: string, label: string, expected: { sha256: string; size: number }, signal?: AbortSignal): Promise<string | null> {
  signal?.throwIfAborted();
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return `Berkas hilang dari arsip: ${label}`;
  }
  if (!stat.isFile() || stat.size !== expected.size) return `Ukuran berkas tidak cocok dengan manifes: ${label}`;
  const digest = await hashFile(file, signal);
  return digest.sha256 === expected.sha256 ? null : `Isi berkas berubah atau rusak (SHA-256 tidak cocok): ${label}`;
}
