/**
 * The one rule for risky changes: a verified backup is taken by the service, right before
 * the change, whichever host asked for it (Electron, preview, CLI). Form import, intake of
 * unit kits, restore and migration all pass through here or through the same
 * createBackupSync, so no host can forget it.
 */
import fs from 'node:fs';
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
export function backupBeforeChange(ctx: ServerContext, reason: ChangeReason, options: { share?: SharedRestorePoint } = {}): BackupRecord {
  if (ctx.readOnly) {
    throw new AppError('DATA_LOCKED', 'Data sedang dibuka hanya-baca (Patuh lain memakainya), jadi tidak ada yang dapat diubah. Tutup aplikasi Patuh terlebih dahulu, lalu ulangi.');
  }
  const shared = options.share ? reusable(ctx, options.share) : null;
  if (shared) return shared;
  // Any other risky change starts a new sitting.
  if (!options.share) lastShared.delete(ctx);
  const record = createBackupSync(ctx.db, ctx.dataDir, { reason, now: ctx.now(), ...(ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {}) });
  if (options.share) lastShared.set(ctx, { kind: options.share, record, takenAt: ctx.now().getTime(), db: ctx.db });
  return record;
}

/**
 * Returned workbooks come in batches: an office applies 50 forms or kits in one sitting.
 * They share ONE restore point, taken before the first of them, for this many minutes —
 * a verified copy of a large database takes about half a second, which fifty times over
 * would make the batch wait half a minute for fifty identical safety copies. Restoring it
 * undoes the whole sitting; every import is in the history with its file, so any of
 * them can be applied again. A change of another kind never reuses it.
 */
export const SHARED_RESTORE_POINT_MINUTES = 10;

export type SharedRestorePoint = 'returned-workbooks';

const lastShared = new WeakMap<ServerContext, { kind: SharedRestorePoint; record: BackupRecord; takenAt: number; db: ServerContext['db'] }>();

function reusable(ctx: ServerContext, kind: SharedRestorePoint): BackupRecord | null {
  const last = lastShared.get(ctx);
  // A restore reopens the database: the old restore point no longer precedes this data.
  if (!last || last.kind !== kind || last.db !== ctx.db) return null;
  const age = ctx.now().getTime() - last.takenAt;
  if (age < 0 || age > SHARED_RESTORE_POINT_MINUTES * 60_000) return null;
  // Pruned or removed by hand: take a new one.
  return fs.existsSync(last.record.path) ? last.record : null;
}
