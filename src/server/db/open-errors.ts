/**
 * Why a database that is not damaged could not be opened at start: a full disk, a
 * read-only folder, missing permissions, another program. Each gets a message that names
 * the folder and what to do; none of them ever leads to quarantine.
 */
import fs from 'node:fs';
import { AppError } from '../../shared/result';
import { checkSpace, diskFullError } from './disk-space';
import { storageFault } from './errors';

/** Why a healthy-looking file could not be opened, in words that say what to do. */
export function startFailure(dataDir: string, errorCode: string | null, problem: string): AppError {
  const fault = folderReadOnly(dataDir) ? 'readonly' : storageFault({ code: errorCode ?? '', message: problem });
  if (fault === 'full' || (fault === 'ioerr' && lowOnSpace(dataDir))) return diskFullError(dataDir);
  if (fault === 'readonly') {
    return new AppError('IO', `Folder data Patuh (${dataDir}) hanya dapat dibaca, jadi Patuh tidak dapat membuka datanya untuk diubah. Data tidak diubah. Periksa izin folder atau pindahkan data ke disk yang dapat ditulis.`);
  }
  if (fault === 'permission' || fault === 'cantopen') {
    return new AppError('IO', `Izin tidak cukup untuk membuka basis data di ${dataDir}. Data tidak diubah. Periksa izin folder itu (pemilik dan hak tulis), lalu buka Patuh lagi.`);
  }
  return new AppError(
    'IO',
    `Basis data tidak dapat dibuka (${problem}). Mungkin sedang dipakai program lain (Patuh yang lain, antivirus, ` +
      'sinkronisasi awan), disknya bermasalah, atau izin folder tidak cukup. Tutup program itu, lalu buka Patuh lagi. Data tidak diubah.',
  );
}

function lowOnSpace(dataDir: string): boolean {
  const space = checkSpace(dataDir);
  return space.freeBytes !== null && space.freeBytes < space.neededBytes;
}

function folderReadOnly(dataDir: string): boolean {
  try {
    fs.accessSync(dataDir, fs.constants.W_OK);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EROFS';
  }
}
