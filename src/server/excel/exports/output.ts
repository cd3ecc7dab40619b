/**
 * Getting an export onto disk safely: written under a `.tmp-` name next to the target and
 * renamed only when complete, so a final name always means a finished file; cancel or
 * failure removes the temp; existing packages are never overwritten (" (2)" instead).
 */
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { AppError } from '../../../shared/result';
import { fsyncDirSync, fsyncFileSync, randomId, TEMP_PREFIX } from '../../backup/files';
import { throwIfCancelled, type JobControl } from '../../jobs/job';
import { removeTemp } from './package-sink';
import { xlsxBuffer } from '../zip-buffer';

export function tempPathIn(dir: string): string {
  return path.join(dir, `${TEMP_PREFIX}${randomId()}`);
}

export function requireDirectory(dir: string): void {
  let ok = false;
  try {
    ok = fs.statSync(dir).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) throw new AppError('NOT_FOUND', `Folder tujuan tidak ditemukan: ${dir}. Pasang kembali flashdisk atau pilih folder lain.`);
}

/** `base`, `base (2)`, `base (3)`… — the first whose `base + ext` does not exist in `dir`. */
export function freeName(dir: string, base: string, ext: string): string {
  for (let counter = 1; ; counter += 1) {
    const name = counter === 1 ? base : `${base} (${counter})`;
    if (!fs.existsSync(path.join(dir, name + ext))) return name + ext;
  }
}

/** Rename a finished temp to the first free name; never replaces an existing package. */
export function publishUnique(temp: string, dir: string, base: string, ext: string): string {
  const finalPath = path.join(dir, freeName(dir, base, ext));
  fs.renameSync(temp, finalPath);
  fsyncDirSync(dir);
  return finalPath;
}

const errorCode = (error: unknown): string | undefined => (error as { code?: unknown } | null)?.code as string | undefined;

/** Every failure as an Indonesian AppError that says what to do next. */
export function asExportError(error: unknown, job: JobControl): AppError {
  if (job.signal.aborted) return new AppError('CANCELLED', 'Ekspor dibatalkan. Tidak ada berkas setengah jadi yang tertinggal.');
  if (error instanceof AppError) return error;
  const code = errorCode(error);
  if (code === 'ENOSPC') return new AppError('IO', 'Ruang penyimpanan di tujuan penuh. Kosongkan ruang atau pilih tujuan lain, lalu ekspor lagi.');
  if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
    return new AppError('IO', 'Berkas tujuan tidak dapat ditulis: mungkin sedang dibuka (misalnya di Excel) atau folder hanya-baca. Tutup berkas itu atau pilih folder lain, lalu coba lagi.');
  }
  return new AppError('IO', `Ekspor gagal: ${(error as Error).message}. Tidak ada berkas setengah jadi yang tertinggal; coba lagi.`);
}

/** The .xlsx extension added when the chosen name has none (a save dialog may omit it). */
export function withXlsxExtension(file: string): string {
  return /\.xlsx$/iu.test(file) ? file : `${file}.xlsx`;
}

/**
 * Write a workbook to `outFile` via a temp file in the same folder (same volume, so the
 * rename is atomic). The user chose the path in a save dialog, so an existing file there
 * is replaced — but only once the new one is complete.
 */
/** A finished temp file made durable, then given its name (a cancel before that leaves the old file). */
export function publishTemp(temp: string, target: string, job: JobControl): string {
  fsyncFileSync(temp);
  throwIfCancelled(job);
  fs.renameSync(temp, target);
  fsyncDirSync(path.dirname(target));
  return target;
}

export async function writeWorkbookFile(workbook: ExcelJS.Workbook, outFile: string, job: JobControl): Promise<string> {
  const target = path.resolve(withXlsxExtension(outFile));
  requireDirectory(path.dirname(target));
  const temp = tempPathIn(path.dirname(target));
  try {
    const buffer = await xlsxBuffer(workbook);
    throwIfCancelled(job);
    await fs.promises.writeFile(temp, buffer, { flag: 'wx' });
    return publishTemp(temp, target, job);
  } catch (error) {
    await removeTemp(temp);
    throw asExportError(error, job);
  }
}
