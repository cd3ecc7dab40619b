/**
 * The one rule for risky changes: a verified backup is taken by the service, right before
 * the change, whichever host asked for it (Electron, preview, CLI). Form import, intake of
 * unit kits, restore and migration all pass through here or through the same
 * createBackupSync, so no host can forget it.
 */
import { AppError } from '../../shared/result';
import type { ServerContext } from '../context';
import { createBackupSync } from './backup';
import type { BackupReason, BackupRecord } from './types';

export type ChangeReason = Extract<BackupReason, 'sebelum-impor' | 'sebelum-migrasi' | 'sebelum-pemulihan'>;

/**
 * Synchronous (VACUUM INTO) so it can sit directly before the change's transaction, with
 * nothing awaited in between. Throws (and the change must not run) when the backup
 * cannot be made and verified: a full disk, a read-only view of the data.
 */
export function backupBeforeChange(ctx: ServerContext, reason: ChangeReason): BackupRecord {
  if (ctx.readOnly) {
    throw new AppError('DATA_LOCKED', 'Data sedang dibuka hanya-baca (Patuh lain memakainya), jadi tidak ada yang dapat diubah. Tutup aplikasi Patuh terlebih dahulu, lalu ulangi.');
  }
  return createBackupSync(ctx.db, ctx.dataDir, { reason, now: ctx.now(), ...(ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {}) });
}
