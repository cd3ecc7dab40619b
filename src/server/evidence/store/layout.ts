import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/result';
import { safeJoin } from './names';

/**
 * Where blobs live inside the data dir, plus the small durability helpers every writer
 * shares. Paths recorded in the database are relative and POSIX so a data dir copied
 * between Windows and Linux keeps working.
 */

export const EVIDENCE_DIR = 'evidence';
/** Same volume as the blobs, so the final rename is atomic. */
export const TEMP_DIR = `${EVIDENCE_DIR}/.tmp`;
export const TEMP_SUFFIX = '.part';
export const ORPHANS_DIR = 'evidence-orphans';

/** `evidence/ab/<sha256>.<ext>`: two hex chars of sharding keep directories small. */
export function blobStoredPath(sha256: string, ext: string): string {
  return `${EVIDENCE_DIR}/${sha256.slice(0, 2)}/${sha256}${ext ? `.${ext}` : ''}`;
}

/** Absolute path of a recorded blob, for opening it with the OS viewer. */
export function absoluteBlobPath(dataDir: string, storedPath: string): string {
  const normalised = storedPath.replace(/\\/gu, '/');
  const full = safeJoin(dataDir, normalised);
  const evidenceRoot = path.resolve(dataDir, EVIDENCE_DIR);
  const inside = path.relative(evidenceRoot, full);
  const first = inside.split(path.sep)[0];
  // Only finished blobs: not the evidence folder itself and never a half-copied temp file.
  if (inside === '' || first === '..' || first === '.tmp' || path.isAbsolute(inside)) {
    throw new AppError(
      'VALIDATION',
      'Lokasi berkas bukti tidak sah (bukan di folder evidence Patuh). Berkas tidak dibuka. Laporkan masalah ini kepada pengelola aplikasi.',
    );
  }
  return full;
}

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * fsync a directory so a rename or a new entry survives a power cut. Windows cannot open
 * directories (EISDIR/EPERM) and some file systems refuse (EINVAL/ENOTSUP): nothing more
 * can be done there, the rename itself is still atomic.
 */
export async function fsyncDirectory(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    const code = errorCode(error);
    if (!['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP', 'EBADF'].includes(code ?? '')) throw error;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Remove a file, ignoring "already gone"; other failures are left for sweepTempFiles. */
export async function removeQuietly(file: string): Promise<void> {
  await fs.rm(file, { force: true }).catch(() => undefined);
}
