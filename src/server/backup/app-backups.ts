/**
 * The running app's backups: the periodic service on the live connection, manual
 * backups, verification, archives to a chosen folder, and restore — which closes the
 * connection, swaps the data, reopens, and leaves an undo backup behind.
 */
import path from 'node:path';
import { AppError } from '../../shared/result';
import type { BackupCheck, BackupInfo, RestoreSummary, StartStatus } from '../../shared/types';
import type { ServerContext } from '../context';
import { openDatabase } from '../db/connection';
import type { JobControl } from '../jobs/job';
import { createArchive, type ArchiveReport } from './archive';
import { createBackupSync } from './backup';
import { backupBeforeChange } from './before-change';
import { listBackups, readLastVerification, verifyBackup } from './catalog';
import { restoreFrom } from './restore';
import { startBackupService, type BackupService } from './service';
import type { StartCheck } from './startup';
import { backupsDir, type BackupEntry } from './types';

export function toBackupInfo(entry: BackupEntry): BackupInfo {
  return {
    id: entry.id,
    createdAt: entry.createdAt,
    reason: entry.reason,
    sizeBytes: entry.sizeBytes,
    verified: entry.verified,
    problem: entry.verified ? null : entry.problem,
    schemaVersion: entry.verified ? entry.schemaVersion : null,
    rowCounts: entry.verified ? entry.rowCounts : null,
    sha256: entry.verified ? entry.sha256 : null,
    lastVerification: readLastVerification(entry.path),
  };
}

export function toStartStatus(check: StartCheck): StartStatus {
  return {
    status: check.status,
    quarantineDir: check.status === 'quarantined' ? check.quarantineDir : null,
    problems: check.status === 'quarantined' ? check.problems : [],
    newestBackup: check.status === 'ok' || !check.newestVerifiedBackup ? null : toBackupInfo(check.newestVerifiedBackup),
  };
}

export interface AppBackups {
  start(): void;
  stop(options?: { finalBackup?: boolean }): Promise<void>;
  list(): BackupInfo[];
  create(): Promise<BackupInfo>;
  verify(id: string): Promise<BackupCheck>;
  restore(source: { id?: string; archiveDir?: string }): Promise<RestoreSummary>;
  archive(outDir: string, job: JobControl): Promise<ArchiveReport>;
  /** A verified copy right before a risky change (workbook import). */
  beforeImport(): void;
}

export function createAppBackups(ctx: ServerContext, options: { nativeBinding?: string; periodic: boolean }): AppBackups {
  const sqlite = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  let service: BackupService | null = null;

  const resolveBackup = (id: string): string => {
    const entry = listBackups(ctx.dataDir).find((candidate) => candidate.id === id);
    if (!entry) throw new AppError('NOT_FOUND', `Cadangan "${id}" tidak ditemukan.`);
    return entry.path;
  };

  const api: AppBackups = {
    start() {
      if (options.periodic && !service) service = startBackupService(ctx.db, ctx.dataDir, { now: ctx.now, ...sqlite });
    },
    async stop(stopOptions) {
      const running = service;
      service = null;
      if (running) await running.stop(stopOptions);
    },
    list: () => listBackups(ctx.dataDir).map(toBackupInfo),
    async create() {
      const record = createBackupSync(ctx.db, ctx.dataDir, { reason: 'manual', now: ctx.now(), ...sqlite });
      return toBackupInfo(record);
    },
    async verify(id) {
      const result = await verifyBackup(resolveBackup(id), { ...sqlite, now: ctx.now() });
      return { id, ok: result.ok, problems: result.problems };
    },
    async restore(source) {
      const target = source.id ? resolveBackup(source.id) : source.archiveDir ? path.resolve(source.archiveDir) : null;
      if (!target) throw new AppError('VALIDATION', 'Pilih cadangan atau folder arsip yang akan dipulihkan.');
      const wasRunning = service !== null;
      await api.stop({ finalBackup: false });
      try {
        const report = await restoreFrom(ctx.dataDir, target, { now: ctx.now(), closeCurrent: () => ctx.db.close(), ...sqlite });
        return {
          kind: report.kind,
          source: path.basename(report.source),
          undoBackupId: report.undoBackupId,
          rowCounts: report.rowCounts,
          evidenceCopied: report.evidenceCopied,
        };
      } finally {
        if (!ctx.db.open) ctx.db = openDatabase(ctx.dataDir, sqlite);
        if (wasRunning) api.start();
      }
    },
    archive: (outDir, job) =>
      createArchive(ctx.db, ctx.dataDir, outDir, {
        now: ctx.now(),
        signal: job.signal,
        onProgress: (progress) =>
          job.progress(
            progress.total === 0 ? 0 : progress.done / progress.total,
            { 'basis-data': 'Menyalin basis data…', bukti: `Menyalin berkas bukti ${progress.done} dari ${progress.total}`, pemeriksaan: `Memeriksa hasil ${progress.done} dari ${progress.total}` }[progress.phase] ?? 'Membuat arsip…',
          ),
      }),
    beforeImport() {
      backupBeforeChange(ctx, 'sebelum-impor');
    },
  };
  return api;
}

export { backupsDir };
