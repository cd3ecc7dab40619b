/**
 * The intake feature as the hosts see it: the year's collection folder, kit export, scan
 * and apply as jobs with progress and cancel, the last inbox per year (badges), and a
 * watcher that rescans the collection folder while the app runs — on file-system events
 * where they work, and every few minutes anyway, because synced folders do not always
 * raise events. The watcher only scans; nothing is applied without the office.
 */
import fs from 'node:fs';
import type { ParsedInput } from '../../shared/contract';
import { AppError } from '../../shared/result';
import type { IntakeApplyResult, IntakeInbox, IntakeStatus } from '../../shared/intake-types';
import type { JobInfo } from '../../shared/types';
import type { AppBackups } from '../backup/app-backups';
import { isoNow, type ServerContext } from '../context';
import type { WorkbookSnapshot } from '../excel/forms/snapshot';
import { silentJob } from '../jobs/job';
import type { JobRunner } from '../jobs/job-runner';
import type { Platform } from '../platform';
import { getPeriod } from '../periods/periods-service';
import { applyIntake } from './apply';
import { exportKits } from './export-kit';
import { intakeRepo } from './intake-repository';
import { ScanIndex } from './scan-index';
import { scanIntake } from './scan';

export interface IntakeDeps {
  ctx: ServerContext;
  jobs: JobRunner;
  platform: Platform;
  backups: AppBackups;
  /** The CLI does not watch folders. */
  watch: boolean;
  /** Tests shorten these; the app uses the defaults below. */
  rescanMs?: number;
  eventDelayMs?: number;
}

const RESCAN_MS = 3 * 60 * 1000;
const EVENT_DELAY_MS = 5000;
const MAX_SNAPSHOTS = 600;

export function createIntakeService(deps: IntakeDeps) {
  const { ctx } = deps;
  const index = ScanIndex.load(ctx.dataDir);
  const snapshots = new Map<string, WorkbookSnapshot | string>();
  const inboxes = new Map<number, IntakeInbox>();
  const watchers = new Map<number, { folder: string; watcher: fs.FSWatcher | null; timer: NodeJS.Timeout; pending: NodeJS.Timeout | null }>();
  let scanning = false;

  const folderOf = (periodId: number): string | null => intakeRepo(ctx).folder.get(periodId) ?? null;

  function remember(inbox: IntakeInbox): IntakeInbox {
    inboxes.set(inbox.periodId, inbox);
    while (snapshots.size > MAX_SNAPSHOTS) snapshots.delete(snapshots.keys().next().value!);
    if (deps.watch) index.save(ctx.dataDir);
    return inbox;
  }

  async function scan(periodId: number, from: string[], job = silentJob()): Promise<IntakeInbox> {
    const { inbox } = await scanIntake(ctx, { periodId, from }, index, snapshots, job);
    return remember(inbox);
  }

  /** A background scan; a failure (folder offline) is only a missed badge, retried later. */
  async function backgroundScan(periodId: number): Promise<void> {
    // The app has closed its data: stop watching instead of touching a closed database.
    if (!ctx.db.open) {
      for (const id of [...watchers.keys()]) unwatch(id);
      return;
    }
    const folder = folderOf(periodId);
    if (!folder || scanning || !fs.existsSync(folder)) return;
    scanning = true;
    try {
      await scan(periodId, [folder]);
    } catch {
      // Next event or interval tries again.
    } finally {
      scanning = false;
    }
  }

  function unwatch(periodId: number): void {
    const entry = watchers.get(periodId);
    if (!entry) return;
    entry.watcher?.close();
    clearInterval(entry.timer);
    if (entry.pending) clearTimeout(entry.pending);
    watchers.delete(periodId);
  }

  function watch(periodId: number): void {
    const folder = folderOf(periodId);
    if (!deps.watch || watchers.get(periodId)?.folder === folder) return;
    unwatch(periodId);
    if (!folder) return;
    const timer = setInterval(() => void backgroundScan(periodId), deps.rescanMs ?? RESCAN_MS);
    timer.unref();
    const entry = { folder, watcher: null as fs.FSWatcher | null, timer, pending: null as NodeJS.Timeout | null };
    try {
      entry.watcher = fs.watch(folder, { recursive: true, persistent: false }, () => {
        if (entry.pending) clearTimeout(entry.pending);
        entry.pending = setTimeout(() => void backgroundScan(periodId), deps.eventDelayMs ?? EVENT_DELAY_MS);
        entry.pending.unref();
      });
      entry.watcher.on('error', () => entry.watcher?.close());
    } catch {
      // No events on this file system (some network shares): the interval still rescans.
    }
    watchers.set(periodId, entry);
  }

  function status(periodId: number): IntakeStatus {
    getPeriod(ctx, { id: periodId });
    watch(periodId);
    const inbox = inboxes.get(periodId);
    const news = inbox?.units.filter((unit) => unit.unitId !== null && (unit.state === 'baru' || unit.state === 'perlu-tinjau')) ?? [];
    return { periodId, folder: folderOf(periodId), lastScanAt: inbox?.scannedAt ?? null, newCount: new Set(news.map((unit) => unit.unitId)).size, unitsWithNews: [...new Set(news.map((unit) => unit.unitId!))] };
  }

  async function setFolder(input: ParsedInput<'intake:set-folder'>): Promise<IntakeStatus | null> {
    getPeriod(ctx, { id: input.periodId });
    const chosen = input.path === undefined ? await deps.platform.pickFolder({ title: 'Pilih folder kiriman unit (mis. folder Google Drive bersama)' }) : input.path;
    if (chosen === null && input.path === undefined) return null;
    if (chosen !== null) {
      const stat = fs.statSync(chosen, { throwIfNoEntry: false });
      if (!stat?.isDirectory()) throw new AppError('NOT_FOUND', `Folder ${chosen} tidak ditemukan. Periksa lokasinya, atau buat foldernya dulu.`);
    }
    ctx.db.transaction(() => {
      if (chosen === null) intakeRepo(ctx).clearFolder.run(input.periodId);
      else intakeRepo(ctx).setFolder.run({ periodId: input.periodId, path: chosen, now: isoNow(ctx) });
    }).immediate();
    inboxes.delete(input.periodId);
    return status(input.periodId);
  }

  async function sourcesOf(periodId: number, paths: string[] | undefined, pick: boolean): Promise<string[] | null> {
    if (paths) return paths;
    if (pick) return deps.platform.pickFiles({ title: 'Pilih kiriman unit (zip, buku kerja, atau folder kit)' });
    const folder = folderOf(periodId);
    if (!folder) throw new AppError('VALIDATION', 'Tahun ini belum punya folder kiriman. Pilih folder kiriman dulu, atau pilih berkas kiriman.');
    return [folder];
  }

  async function startExport(input: ParsedInput<'intake:export'>): Promise<JobInfo | null> {
    const outDir = input.outDir ?? folderOf(input.periodId) ?? (await deps.platform.pickFolder({ title: 'Pilih folder tujuan kit (mis. folder Google Drive bersama)' }));
    if (!outDir) return null;
    const zip = input.zip ?? deps.platform.prefersZip;
    return deps.jobs.start('kit-unit', async (job) => {
      const result = await exportKits(ctx, { periodId: input.periodId, outDir, zip, ...(input.unitIds ? { unitIds: input.unitIds } : {}) }, job);
      return { path: result.path, fileCount: result.kits.length, bytes: null, downloadUrl: null, kits: result.kits, files: zip ? result.kits.map((kit) => deps.platform.downloadUrl(kit.path)) : [] };
    });
  }

  async function startScan(input: ParsedInput<'intake:scan'>): Promise<JobInfo | null> {
    const from = await sourcesOf(input.periodId, input.paths, input.pick);
    if (!from || from.length === 0) return null;
    return deps.jobs.start('periksa-kiriman', (job) => scan(input.periodId, from, job));
  }

  async function startApply(input: ParsedInput<'intake:apply'>): Promise<JobInfo> {
    const from = (await sourcesOf(input.periodId, input.paths, false))!;
    return deps.jobs.start('terapkan-kiriman', async (job): Promise<IntakeApplyResult> => {
      const result = await applyIntake(
        ctx,
        {
          periodId: input.periodId,
          from,
          overwriteConflicts: input.overwriteConflicts,
          ...(input.unitIds ? { unitIds: input.unitIds } : {}),
          ...(input.placements ? { placements: input.placements } : {}),
          ...(input.tokens ? { tokens: input.tokens } : {}),
        },
        { index, snapshots },
        job,
      );
      await scan(input.periodId, from).catch(() => undefined);
      return result;
    });
  }

  return {
    status,
    setFolder,
    inbox: (periodId: number) => inboxes.get(periodId) ?? null,
    scan,
    startExport,
    startScan,
    startApply,
    index,
    snapshots,
    stop: () => [...watchers.keys()].forEach(unwatch),
  };
}

/**
 * THE one place intake takes its verified backup before writing, the same way the form
 * import does today (excel-jobs.ts). When the backup service offers "verified backup
 * before an import", this is the call to switch.
 */

export type IntakeService = ReturnType<typeof createIntakeService>;
