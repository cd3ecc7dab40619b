/**
 * Everything restoreFrom checks before it touches anything. The source database is copied
 * into backups/.tmp-… and all checks run on that copy — the exact bytes that will be
 * installed — so a USB stick changing or vanishing afterwards cannot slip anything past.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/result';
import { databasePath } from '../db/connection';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { ARCHIVE_DATABASE, readArchiveManifest, verifyArchiveFiles, type ArchiveManifest } from './archive-manifest';
import { copyFileHashed, hashFile, isDirectory, randomId, removeQuiet, safeEvidencePath, TEMP_PREFIX } from './files';
import { inspectDatabaseFile, makeSelfContained, type BlobRow, type Inspection } from './inspect';
import { backupsDir, readSidecar, type SqliteOptions } from './types';

export type RestorePhase = 'pemeriksaan' | 'bukti';

export interface RestoreProgress {
  phase: RestorePhase;
  done: number;
  total: number;
}

export interface EvidencePlan {
  relPath: string;
  sha256: string;
  size: number;
  /** Absolute path to copy from (inside the archive), or null when the store already has it. */
  from: string | null;
}

export interface ValidatedSource {
  kind: 'cadangan' | 'arsip';
  source: string;
  /** Verified copy of the source database, ready to be renamed into place. */
  stagedDb: string;
  schemaVersion: number;
  rowCounts: Record<string, number>;
  evidence: EvidencePlan[];
}

export interface ValidateOptions extends SqliteOptions {
  onProgress?: (progress: RestoreProgress) => void;
}

const UNCHANGED = 'Pemulihan dibatalkan dan data sekarang tidak diubah.';

export async function validateRestoreSource(dataDir: string, source: string, options: ValidateOptions = {}): Promise<ValidatedSource> {
  const resolved = path.resolve(source);
  if (!fs.existsSync(resolved)) throw new AppError('NOT_FOUND', `Sumber pemulihan tidak ditemukan: ${resolved}. Pilih berkas cadangan atau folder arsip lain.`);
  if (resolved === path.resolve(databasePath(dataDir))) {
    throw new AppError('VALIDATION', 'Berkas ini adalah basis data yang sedang dipakai. Pilih berkas cadangan (.sqlite) atau folder arsip.');
  }
  const manifest = isDirectory(resolved) ? await checkArchive(resolved, options) : null;
  const dbFile = manifest ? path.join(resolved, ARCHIVE_DATABASE) : resolved;
  const expected = manifest ? manifest.database.sha256 : expectedFromSidecar(resolved);
  const dir = backupsDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const stagedDb = path.join(dir, `${TEMP_PREFIX}pemulihan-${randomId()}.sqlite`);
  try {
    const inspection = await stageAndInspect(dbFile, stagedDb, expected, options);
    checkSchema(inspection);
    const evidence = await planEvidence(dataDir, manifest ? resolved : null, manifest, inspection.blobs, options);
    const kind = manifest ? 'arsip' : 'cadangan';
    return { kind, source: resolved, stagedDb, schemaVersion: inspection.schemaVersion, rowCounts: inspection.rowCounts, evidence };
  } catch (error) {
    removeQuiet(stagedDb);
    throw error;
  }
}

async function checkArchive(dir: string, options: ValidateOptions): Promise<ArchiveManifest> {
  const manifest = readArchiveManifest(dir);
  // Cheap refusal before hashing gigabytes of evidence.
  if (manifest.schemaVersion > LATEST_SCHEMA_VERSION) throw tooNew(manifest.schemaVersion);
  const problems = await verifyArchiveFiles(dir, manifest, {
    onFile: (done, total) => options.onProgress?.({ phase: 'pemeriksaan', done, total }),
  });
  if (problems.length > 0) {
    throw new AppError(
      'VALIDATION',
      `Arsip tidak utuh: ada berkas yang hilang atau berubah sejak arsip dibuat. ${UNCHANGED} Gunakan salinan arsip lain.`,
      { details: problems },
    );
  }
  return manifest;
}

/** A sidecar next to the file (our own backups) pins the expected hash; foreign files have none. */
function expectedFromSidecar(file: string): string | null {
  const sidecar = readSidecar(file);
  return 'record' in sidecar ? sidecar.record.sha256 : null;
}

async function stageAndInspect(dbFile: string, staged: string, expected: string | null, options: ValidateOptions): Promise<Inspection> {
  let digest;
  try {
    digest = await copyFileHashed(dbFile, staged);
  } catch (error) {
    throw new AppError('IO', `Berkas sumber tidak dapat dibaca: ${(error as Error).message}. ${UNCHANGED}`);
  }
  if (expected !== null && digest.sha256 !== expected) {
    throw new AppError('VALIDATION', `Isi berkas cadangan berbeda dari saat dibuat (SHA-256 tidak cocok). ${UNCHANGED} Pilih cadangan lain.`);
  }
  try {
    makeSelfContained(staged, options);
  } catch {
    // A file SQLite cannot even switch is damaged; the integrity check below says so.
  }
  const inspection = inspectDatabaseFile(staged, { ...options, check: 'integrity', blobs: true });
  if (inspection.problems.length > 0) {
    throw new AppError('DATABASE_CORRUPT', `Berkas yang dipilih rusak atau bukan basis data. ${UNCHANGED} Pilih cadangan lain.`, {
      details: inspection.problems,
    });
  }
  return inspection;
}

function checkSchema(inspection: Inspection): void {
  if (inspection.schemaVersion > LATEST_SCHEMA_VERSION) throw tooNew(inspection.schemaVersion);
  const isPatuh = inspection.schemaVersion >= 1 && ['settings', 'units'].every((table) => inspection.tables.includes(table));
  if (!isPatuh) throw new AppError('VALIDATION', `Berkas ini bukan basis data Patuh. ${UNCHANGED} Pilih berkas cadangan Patuh.`);
}

function tooNew(version: number): AppError {
  return new AppError(
    'DATABASE_TOO_NEW',
    `Cadangan ini dibuat oleh versi Patuh yang lebih baru (skema ${version}; aplikasi ini mengenal sampai ${LATEST_SCHEMA_VERSION}). ` +
      `${UNCHANGED} Perbarui Patuh terlebih dahulu, lalu pulihkan lagi.`,
  );
}

/** Every blob the restored database references must be available with the right content. */
async function planEvidence(
  dataDir: string,
  archiveDir: string | null,
  manifest: ArchiveManifest | null,
  blobs: BlobRow[],
  options: ValidateOptions,
): Promise<EvidencePlan[]> {
  const inArchive = new Map((manifest?.files ?? []).map((file) => [file.path, file]));
  const plan: EvidencePlan[] = [];
  const problems: string[] = [];
  for (const [index, blob] of blobs.entries()) {
    const relPath = safeEvidencePath(blob.storedPath);
    const listed = relPath ? inArchive.get(relPath) : undefined;
    if (!relPath) {
      problems.push(`Jalur berkas bukti tidak sah di basis data: ${blob.storedPath}`);
    } else if (await hasContent(path.join(dataDir, ...relPath.split('/')), blob.sha256)) {
      plan.push({ relPath, sha256: blob.sha256, size: blob.size, from: null });
    } else if (archiveDir && listed?.sha256 === blob.sha256) {
      plan.push({ relPath, sha256: blob.sha256, size: blob.size, from: path.join(archiveDir, ...relPath.split('/')) });
    } else {
      problems.push(`Berkas bukti tidak tersedia utuh${archiveDir ? ' di arsip maupun' : ''} di penyimpanan bukti: ${relPath}`);
    }
    options.onProgress?.({ phase: 'bukti', done: index + 1, total: blobs.length });
  }
  if (problems.length > 0) {
    throw new AppError(
      'VALIDATION',
      `Ada berkas bukti yang dirujuk data cadangan tetapi tidak tersedia utuh. ${UNCHANGED} ` +
        'Pulihkan dari arsip (misalnya di flashdisk) yang memuat berkas-berkas tersebut, atau pilih cadangan lain.',
      { details: problems },
    );
  }
  return plan;
}

async function hasContent(file: string, sha256: string): Promise<boolean> {
  try {
    if (!fs.statSync(file).isFile()) return false;
  } catch {
    return false;
  }
  return (await hashFile(file)).sha256 === sha256;
}
