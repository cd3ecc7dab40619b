/**
 * What backups exist and whether they are still good. Listing trusts sidecars (cheap,
 * for the UI); verification re-reads the file (hash, integrity, row counts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { hashFile, hashFileSync, TEMP_PREFIX, writeJsonAtomicSync, type FileDigest } from './files';
import { inspectDatabaseFile } from './inspect';
import {
  backupsDir,
  isBackupFileName,
  parseBackupName,
  readSidecar,
  type BackupEntry,
  type BackupRecord,
  type SqliteOptions,
  type UnverifiedBackup,
} from './types';

export interface BackupVerification {
  path: string;
  id: string;
  ok: boolean;
  /** Everything wrong, in Bahasa Indonesia; empty when ok. */
  problems: string[];
  sha256: string | null;
  expectedSha256: string | null;
  integrityOk: boolean;
  schemaVersion: number | null;
  rowCounts: Record<string, number> | null;
}

/** Newest first. A .sqlite without a valid sidecar is listed as unverified, never hidden. */
export function listBackups(dataDir: string): BackupEntry[] {
  const dir = backupsDir(dataDir);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const entries: BackupEntry[] = [];
  for (const name of names) {
    if (name.startsWith(TEMP_PREFIX) || !isBackupFileName(name)) continue;
    const entry = describeEntry(path.join(dir, name));
    if (entry) entries.push(entry);
  }
  return entries.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || sequence(b.id) - sequence(a.id) || compare(b.id, a.id));
}

/** patuh-…-manual-3.sqlite is the third backup of that second (reasons never end in a digit). */
function sequence(id: string): number {
  return Number(/-(\d+)\.sqlite$/.exec(id)?.[1] ?? 1);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function newestVerifiedListed(dataDir: string): BackupRecord[] {
  return listBackups(dataDir).filter((entry): entry is BackupRecord => entry.verified);
}

function describeEntry(file: string): BackupEntry | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return null;
  }
  if (!stat.isFile()) return null;
  const sidecar = readSidecar(file);
  if ('record' in sidecar && sidecar.record.sizeBytes === stat.size) return sidecar.record;
  const problem = 'record' in sidecar ? 'Ukuran berkas berbeda dari manifes; berkas mungkin telah berubah.' : sidecar.problem;
  const parsed = parseBackupName(path.basename(file));
  const unverified: UnverifiedBackup = {
    id: path.basename(file),
    path: file,
    createdAt: (parsed?.createdAt ?? stat.mtime).toISOString(),
    reason: parsed?.reason ?? null,
    sizeBytes: stat.size,
    verified: false,
    problem,
  };
  return unverified;
}

/** Re-hash against the sidecar, integrity_check, and compare schema version and row counts. */
export async function verifyBackup(file: string, options: SqliteOptions & { now?: Date } = {}): Promise<BackupVerification> {
  if (!fs.existsSync(file)) return missing(file);
  return remember(judge(file, await hashFile(file), options), options.now);
}

/** Same as verifyBackup, for the synchronous start-up path. */
export function verifyBackupSync(file: string, options: SqliteOptions & { now?: Date } = {}): BackupVerification {
  if (!fs.existsSync(file)) return missing(file);
  return remember(judge(file, hashFileSync(file), options), options.now);
}

export interface LastVerification {
  at: string;
  ok: boolean;
  problems: string[];
}

const lastVerificationSchema = z.object({ at: z.string().max(40), ok: z.boolean(), problems: z.array(z.string().max(2000)).max(50) });

/** <base>.periksa.json beside the backup: when it was last re-read and what that found. */
export function verificationPath(backupPath: string): string {
  return backupPath.replace(/\.sqlite$/, '.periksa.json');
}

export function readLastVerification(backupPath: string): LastVerification | null {
  try {
    const parsed = lastVerificationSchema.safeParse(JSON.parse(fs.readFileSync(verificationPath(backupPath), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function remember(result: BackupVerification, now: Date = new Date()): BackupVerification {
  try {
    writeJsonAtomicSync(verificationPath(result.path), { at: now.toISOString(), ok: result.ok, problems: result.problems });
  } catch {
    // A full disk or a read-only view: the verification itself still stands.
  }
  return result;
}

function judge(file: string, digest: FileDigest, options: SqliteOptions): BackupVerification {
  const sidecar = readSidecar(file);
  const expected = 'record' in sidecar ? sidecar.record : null;
  const problems = 'problem' in sidecar ? [sidecar.problem] : [];
  if (expected && expected.sha256 !== digest.sha256) {
    problems.push('Isi berkas berbeda dari saat cadangan dibuat (SHA-256 tidak cocok). Jangan gunakan cadangan ini.');
  }
  const inspection = inspectDatabaseFile(file, { ...options, check: 'integrity' });
  problems.push(...inspection.problems);
  const integrityOk = inspection.problems.length === 0;
  if (expected && integrityOk) {
    if (expected.schemaVersion !== inspection.schemaVersion) problems.push('Versi skema berbeda dari manifes cadangan.');
    if (!sameCounts(expected.rowCounts, inspection.rowCounts)) problems.push('Jumlah baris data berbeda dari manifes cadangan.');
  }
  return {
    path: file,
    id: path.basename(file),
    ok: problems.length === 0,
    problems,
    sha256: digest.sha256,
    expectedSha256: expected?.sha256 ?? null,
    integrityOk,
    schemaVersion: integrityOk ? inspection.schemaVersion : null,
    rowCounts: integrityOk ? inspection.rowCounts : null,
  };
}

function missing(file: string): BackupVerification {
  return {
    path: file,
    id: path.basename(file),
    ok: false,
    problems: ['Berkas cadangan tidak ditemukan.'],
    sha256: null,
    expectedSha256: null,
    integrityOk: false,
    schemaVersion: null,
    rowCounts: null,
  };
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
