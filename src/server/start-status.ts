/**
 * The start status every host must tell: after a quarantine, or when the database is gone
 * while verified backups exist, a host that cannot show the UI's restore offer (the CLI)
 * refuses to answer from an empty database and says instead where the damaged file went,
 * which backup is the newest verified one, and the exact command that restores it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../shared/result';
import type { StartStatus } from '../shared/types';
import { toStartStatus } from './backup/app-backups';
import type { StartCheck } from './backup/startup';
import { QUARANTINE_DIR } from './backup/types';
import { databasePath } from './db/connection';

export class StartUnsettledError extends AppError {
  readonly status: StartStatus;
  readonly restoreCommand: string | null;

  constructor(dataDir: string, status: StartStatus) {
    const restoreCommand = status.newestBackup ? `npm run cli -- restore ${status.newestBackup.id} --data-dir "${dataDir}"` : null;
    super('DATABASE_CORRUPT', describe(dataDir, status, restoreCommand));
    this.name = 'StartUnsettledError';
    this.status = status;
    this.restoreCommand = restoreCommand;
  }
}

/** The same words for hosts that show the status in a log or console (the preview host). */
export function describeStartStatus(dataDir: string, status: StartStatus): string | null {
  if (status.status === 'ok' || (status.status === 'missing' && !status.newestBackup)) return null;
  const restoreCommand = status.newestBackup ? `npm run cli -- restore ${status.newestBackup.id} --data-dir "${dataDir}"` : null;
  return describe(dataDir, status, restoreCommand).split('\n').slice(0, -1).join('\n');
}

/** Null when the start is settled (a sound database, or a true first start). */
export function unsettledStatus(dataDir: string, check: StartCheck): StartStatus | null {
  if (check.status === 'ok') return null;
  if (check.status === 'quarantined') return toStartStatus(check);
  const earlier = newestQuarantine(dataDir);
  if (!check.newestVerifiedBackup && !earlier) return null;
  return { ...toStartStatus(check), quarantineDir: earlier };
}

function newestQuarantine(dataDir: string): string | null {
  const root = path.join(dataDir, QUARANTINE_DIR);
  try {
    const names = fs.readdirSync(root).filter((name) => fs.statSync(path.join(root, name)).isDirectory()).sort();
    return names.length > 0 ? path.join(root, names[names.length - 1]!) : null;
  } catch {
    return null;
  }
}

const dateFormat = new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeStyle: 'short' });

function describe(dataDir: string, status: StartStatus, restoreCommand: string | null): string {
  const lines = [
    status.status === 'quarantined'
      ? `Basis data Patuh di ${dataDir} rusak dan telah dipindahkan (tidak dihapus) ke folder karantina: ${status.quarantineDir}.`
      : `Basis data Patuh tidak ada di ${dataDir}${status.quarantineDir ? `; basis data sebelumnya ada di karantina: ${status.quarantineDir}` : ''}.`,
  ];
  if (status.problems.length > 0) lines.push(`Temuan pemeriksaan: ${status.problems.slice(0, 3).join('; ')}`);
  if (status.newestBackup && restoreCommand) {
    lines.push(`Cadangan terverifikasi terbaru: ${status.newestBackup.id} (dibuat ${dateFormat.format(new Date(status.newestBackup.createdAt))}).`);
    lines.push(`Pulihkan dengan perintah: ${restoreCommand}`);
  } else {
    lines.push('Tidak ada cadangan terverifikasi. Pulihkan dari arsip (restore FOLDER-ARSIP) bila ada.');
  }
  lines.push('Untuk sengaja mulai dengan basis data kosong, ulangi perintah dengan --start-empty.');
  return lines.join('\n');
}

export interface FreshDatabase {
  dev: number;
  ino: number;
}

/**
 * When a start found no sound database (quarantined or missing), the database it opened is
 * new and empty. A restore that then fails should leave the folder as it was found, so the
 * next start still offers the backup instead of answering from that empty file.
 */
export function freshDatabase(app: { startStatus: StartStatus; ctx: { dataDir: string } }): FreshDatabase | null {
  if (app.startStatus.status === 'ok') return null;
  try {
    const stat = fs.statSync(databasePath(app.ctx.dataDir));
    return { dev: stat.dev, ino: stat.ino };
  } catch {
    return null;
  }
}

/** Remove that empty database again — only if it is still the very file this start created. */
export function discardFreshDatabase(app: { ctx: { dataDir: string; db: { open: boolean; close: () => unknown } } }, fresh: FreshDatabase): void {
  const live = databasePath(app.ctx.dataDir);
  try {
    const stat = fs.statSync(live);
    if (stat.dev !== fresh.dev || stat.ino !== fresh.ino) return;
  } catch {
    return;
  }
  if (app.ctx.db.open) app.ctx.db.close();
  for (const suffix of ['-wal', '-shm', '']) fs.rmSync(live + suffix, { force: true });
}
