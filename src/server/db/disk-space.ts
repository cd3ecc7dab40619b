/**
 * Room to work at start. Opening a database writes (the -shm index, the WAL, the start
 * backup); on a full disk those writes fail halfway and SQLite reports an I/O error that
 * looks like damage. Checking the free space first turns that into a plain message that
 * says which folder and how much room is needed, before any file is touched.
 */
import fs from 'node:fs';
import { AppError } from '../../shared/result';
import { databasePath } from './connection';

/** Beyond a copy of the database: the WAL, the -shm index, a backup's sidecar, evidence temp files. */
const RESERVE_BYTES = 8 * 1024 * 1024;

export interface SpaceCheck {
  freeBytes: number | null;
  neededBytes: number;
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** A verified backup needs a full copy of the database beside it, hence "size + reserve". */
export function spaceNeeded(dataDir: string): number {
  const live = databasePath(dataDir);
  return sizeOf(live) + sizeOf(`${live}-wal`) + RESERVE_BYTES;
}

export function checkSpace(dataDir: string): SpaceCheck {
  const neededBytes = spaceNeeded(dataDir);
  try {
    const stats = fs.statfsSync(dataDir);
    return { freeBytes: Number(stats.bavail) * Number(stats.bsize), neededBytes };
  } catch {
    // Unknown (an exotic file system): let the open itself decide.
    return { freeBytes: null, neededBytes };
  }
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;

export function diskFullError(dataDir: string, space: SpaceCheck = checkSpace(dataDir)): AppError {
  const free = space.freeBytes === null ? 'hampir tidak ada ruang kosong' : `ruang kosong tinggal ${mb(space.freeBytes)}`;
  return new AppError(
    'IO',
    `Disk penuh: di disk folder data Patuh (${dataDir}) ${free}, sedangkan Patuh memerlukan sedikitnya ${mb(space.neededBytes)} ` +
      'untuk membuka dan mencadangkan data. Kosongkan ruang disk (hapus atau pindahkan berkas lain), lalu buka Patuh lagi. Data tidak diubah.',
  );
}

/** Throws the disk-full message when there is visibly not enough room to start writing. */
export function assertSpaceToStart(dataDir: string): void {
  const space = checkSpace(dataDir);
  if (space.freeBytes !== null && space.freeBytes < space.neededBytes) throw diskFullError(dataDir, space);
}
