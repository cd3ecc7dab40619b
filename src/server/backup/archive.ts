/**
 * Full archive to a folder the operator picks (typically a USB stick): a verified copy of
 * the database, every evidence file it references, and a manifest of hashes. Written under
 * a temp name and renamed only after every file was read back and matched, so a folder
 * called Patuh-Arsip-… is always complete — even if the stick was pulled halfway.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/result';
import type { Db } from '../db/connection';
import { ARCHIVE_DATABASE, ARCHIVE_MANIFEST, ARCHIVE_PREFIX, verifyArchiveFiles, type ArchiveManifest } from './archive-manifest';
import { snapshotVerified, type CopyCheckOptions } from './backup';
import {
  copyFileHashed,
  fsyncDirSync,
  isDirectory,
  randomId,
  removeQuiet,
  safeEvidencePath,
  stamp,
  TEMP_PREFIX,
  uniqueName,
  writeJsonAtomicSync,
} from './files';
import type { BlobRow } from './inspect';
import { forgetArchiveTemp, recordArchiveTemp } from './leftovers';

export type ArchivePhase = 'basis-data' | 'bukti' | 'pemeriksaan';

export interface ArchiveProgress {
  phase: ArchivePhase;
  done: number;
  total: number;
}

export interface ArchiveOptions extends CopyCheckOptions {
  now: Date;
  onProgress?: (progress: ArchiveProgress) => void;
  signal?: AbortSignal;
}

export interface ArchiveReport {
  path: string;
  name: string;
  createdAt: string;
  schemaVersion: number;
  database: { sha256: string; size: number };
  fileCount: number;
  totalBytes: number;
}

export async function createArchive(db: Db, dataDir: string, outDir: string, options: ArchiveOptions): Promise<ArchiveReport> {
  if (!isDirectory(outDir)) {
    throw new AppError('NOT_FOUND', `Folder tujuan tidak ditemukan: ${outDir}. Pasang kembali flashdisk atau pilih folder lain.`);
  }
  const name = uniqueName(outDir, `${ARCHIVE_PREFIX}${stamp(options.now)}`, ['']);
  const finalPath = path.join(outDir, name);
  const temp = path.join(outDir, `${TEMP_PREFIX}${name}-${randomId()}`);
  try {
    // Journaled first: if this process is killed, the next start of any host removes it.
    recordArchiveTemp(dataDir, temp);
    fs.mkdirSync(temp);
    const manifest = await writeArchive(db, dataDir, temp, options);
    await selfCheck(temp, manifest, options);
    options.signal?.throwIfAborted();
    fs.renameSync(temp, finalPath);
    fsyncDirSync(outDir);
    const fileBytes = manifest.files.reduce((sum, file) => sum + file.size, 0);
    return {
      path: finalPath,
      name,
      createdAt: manifest.createdAt,
      schemaVersion: manifest.schemaVersion,
      database: manifest.database,
      fileCount: manifest.files.length,
      totalBytes: manifest.database.size + fileBytes,
    };
  } catch (error) {
    removeQuiet(temp);
    throw asArchiveError(error, options.signal);
  } finally {
    if (!fs.existsSync(temp)) forgetArchiveTemp(dataDir, temp);
  }
}

async function writeArchive(db: Db, dataDir: string, temp: string, options: ArchiveOptions): Promise<ArchiveManifest> {
  options.onProgress?.({ phase: 'basis-data', done: 0, total: 1 });
  // Evidence is taken from the snapshot's blobs table, so files and database agree.
  const { inspection, digest } = await snapshotVerified(db, path.join(temp, ARCHIVE_DATABASE), { ...options, blobs: true });
  options.onProgress?.({ phase: 'basis-data', done: 1, total: 1 });
  const files = await copyEvidence(dataDir, temp, inspection.blobs, options);
  const manifest: ArchiveManifest = {
    app: 'Patuh',
    format: 1,
    createdAt: options.now.toISOString(),
    schemaVersion: inspection.schemaVersion,
    database: digest,
    files,
    rowCounts: inspection.rowCounts,
  };
  writeJsonAtomicSync(path.join(temp, ARCHIVE_MANIFEST), manifest);
  return manifest;
}

async function copyEvidence(dataDir: string, temp: string, blobs: BlobRow[], options: ArchiveOptions): Promise<ArchiveManifest['files']> {
  const files: ArchiveManifest['files'] = [];
  const problems: string[] = [];
  for (const [index, blob] of blobs.entries()) {
    options.signal?.throwIfAborted();
    const relative = safeEvidencePath(blob.storedPath);
    const source = relative ? path.join(dataDir, ...relative.split('/')) : null;
    if (!relative || !source) {
      problems.push(`Jalur berkas bukti tidak sah di basis data: ${blob.storedPath}`);
    } else if (!fs.existsSync(source)) {
      problems.push(`Berkas bukti tidak ditemukan: ${relative}`);
    } else {
      const dest = path.join(temp, ...relative.split('/'));
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      const digest = await copyFileHashed(source, dest, options.signal);
      if (digest.sha256 === blob.sha256) files.push({ path: relative, ...digest });
      else problems.push(`Berkas bukti rusak (isinya tidak cocok dengan yang tercatat): ${relative}`);
    }
    options.onProgress?.({ phase: 'bukti', done: index + 1, total: blobs.length });
  }
  if (problems.length > 0) {
    // An archive that restoreFrom would refuse is worse than none: it fails on the day it is needed.
    throw new AppError(
      'IO',
      'Arsip tidak dibuat karena sebagian berkas bukti di komputer ini hilang atau rusak. Unggah ulang berkas-berkas berikut pada unitnya, lalu buat arsip lagi.',
      { details: problems },
    );
  }
  return files;
}

async function selfCheck(temp: string, manifest: ArchiveManifest, options: ArchiveOptions): Promise<void> {
  const problems = await verifyArchiveFiles(temp, manifest, {
    ...(options.signal ? { signal: options.signal } : {}),
    onFile: (done, total) => options.onProgress?.({ phase: 'pemeriksaan', done, total }),
  });
  if (problems.length > 0) {
    throw new AppError(
      'IO',
      'Arsip yang baru ditulis tidak cocok saat dibaca ulang, jadi tidak disimpan. Media tujuan (misalnya flashdisk) mungkin bermasalah: coba media lain.',
      { details: problems },
    );
  }
}

function asArchiveError(error: unknown, signal?: AbortSignal): AppError {
  if (signal?.aborted) {
    return new AppError('CANCELLED', 'Pembuatan arsip dibatalkan. Tidak ada arsip yang disimpan dan folder sementara sudah dihapus.');
  }
  if (error instanceof AppError) return error;
  return new AppError(
    'IO',
    `Arsip gagal ditulis: ${(error as Error).message}. Tidak ada arsip yang disimpan. Periksa ruang kosong pada tujuan dan pastikan flashdisk tidak dicabut, lalu coba lagi.`,
  );
}
