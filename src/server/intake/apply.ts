/**
 * Applying the inbox: a fresh scan (the same code as the preview), ONE verified backup,
 * then per unit: its files copied into the store by the evidence ingest routine (outside
 * any transaction), and one transaction with the workbook's changes, the F-01 levels,
 * the files' evidence rows and their provenance. A unit that is refused, or whose data
 * changed since the preview, is left exactly as it was. Sources are only ever read.
 */
import { backupBeforeChange } from '../backup/before-change';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/result';
import type { IntakeApplyResult, IntakeApplyUnit, IntakePlacement } from '../../shared/intake-types';
import { isoNow, type ServerContext } from '../context';
import { setAssessment } from '../assessment/assessment-service';
import { getUnit } from '../units/units-service';
import { ingestFiles, type IngestedFile } from '../evidence/store';
import { recordFilesInTransaction } from '../evidence/evidence-service';
import { applyPlannedRow } from '../excel/forms/apply-plan';
import { rememberLevel } from '../excel/forms/baselines';
import type { WorkbookSnapshot } from '../excel/forms/snapshot';
import { appendHistory } from '../history/history';
import { operatorName } from '../history/history';
import { throwIfCancelled, type JobControl } from '../jobs/job';
import { removeQuiet } from '../backup/files';
import { intakeRepo } from './intake-repository';
import type { ScanIndex } from './scan-index';
import { scanIntake } from './scan';
import { INTAKE_STAGING_DIR } from './staging';
import type { PendingFile, ScannedKit } from './scan-kit';
import { readKitWorkbook } from './workbook-intake';
import { openZipKit } from './zip-kit';

export interface ApplyIntakeInput {
  periodId: number;
  from: string[];
  /** Default: every unit whose kit is clean (no errors, conflicts or misplaced files). */
  unitIds?: number[];
  overwriteConflicts: boolean;
  /** The office's choice of requirement for files in the wrong place. */
  placements?: IntakePlacement[];
  /** Tokens from the preview per unit id; a unit whose token changed is refused. */
  tokens?: Record<string, string>;
}

export interface ApplyIntakeDeps {
  index: ScanIndex;
  snapshots: Map<string, WorkbookSnapshot | string>;
}

/** Units whose files are being copied while an earlier unit is recorded. */
const UNITS_COPIED_AHEAD = 3;

interface Ingested {
  file: PendingFile;
  stored: IngestedFile;
  requirement: { instrumentId: number; requirementCode: string };
}

function refusal(kit: ScannedKit, message: string): IntakeApplyUnit {
  return { unitId: kit.inbox.unitId ?? 0, unitName: kit.inbox.unitName, applied: false, refused: message, files: 0, changes: 0, levels: 0, skippedConflicts: 0 };
}

/** Why a chosen kit cannot be applied as a whole, or null. */
function blocker(kit: ScannedKit, input: ApplyIntakeInput): string | null {
  if (kit.inbox.refused) return kit.inbox.refused;
  if (kit.inbox.errors.length > 0) return `Buku kerja berisi ${kit.inbox.errors.length} kesalahan yang harus diperbaiki unit; tidak ada yang diterapkan untuk unit ini.`;
  const token = input.tokens?.[String(kit.inbox.unitId)];
  if (token !== undefined && token !== kit.inbox.token) return 'Kiriman unit ini berubah sejak pratinjau (berkas baru atau data diubah). Periksa kiriman lagi sebelum menerapkan.';
  return null;
}

function filesToTake(kit: ScannedKit, input: ApplyIntakeInput): PendingFile[] {
  const placed = (input.placements ?? []).filter((placement) => placement.unitId === kit.inbox.unitId);
  const chosen = kit.misplaced.flatMap((file) => {
    const placement = placed.find((entry) => entry.path === file.path);
    return placement ? [{ ...file, requirement: { instrumentId: placement.instrumentId, requirementCode: placement.requirementCode } }] : [];
  });
  return [...kit.files.filter((file) => !file.conflict || input.overwriteConflicts), ...chosen];
}

/** The store's batch: every file copied and fsynced to temp first, then renamed, one directory fsync per shard. */
async function ingestBatch(ctx: ServerContext, files: PendingFile[], sources: string[], job: JobControl): Promise<Ingested[]> {
  const changed = (file: PendingFile) => new AppError('CONFLICT', `Berkas "${file.name}" berubah sejak diperiksa. Periksa kiriman lagi.`);
  const batch = files.map((file, index) => ({
    path: sources[index]!,
    originalName: file.name,
    modifiedAt: new Date(file.modifiedAt),
    verify: (copied: { sha256: string }) => {
      if (copied.sha256 !== file.sha256) throw changed(file);
    },
  }));
  const stored = await ingestFiles(ctx.dataDir, batch, { signal: job.signal });
  return stored.map((entry, index) => ({ file: files[index]!, stored: entry, requirement: files[index]!.requirement! }));
}

/** Copy through the store's batch ingest; zip entries are first extracted into the data folder's staging area. */
async function ingestAll(ctx: ServerContext, kit: ScannedKit, files: PendingFile[], job: JobControl): Promise<Ingested[]> {
  throwIfCancelled(job);
  if (kit.source.kind !== 'zip') return ingestBatch(ctx, files, files.map((file) => file.absolute!), job);
  const zip = await openZipKit(kit.source.path);
  const staging = path.join(ctx.dataDir, INTAKE_STAGING_DIR, crypto.randomBytes(8).toString('hex'));
  try {
    const sources: string[] = [];
    for (const file of files) {
      throwIfCancelled(job);
      const entry = zip.files.find((candidate) => candidate.entry.fileName === file.zipEntry);
      if (!entry) throw new AppError('FILE_REJECTED', `Berkas "${file.name}" tidak lagi ada di zip kiriman.`);
      fs.mkdirSync(staging, { recursive: true });
      const source = path.join(staging, `${sources.length}.bin`);
      await zip.extract(entry, source);
      sources.push(source);
    }
    return await ingestBatch(ctx, files, sources, job);
  } finally {
    await zip.close();
    removeQuiet(staging);
  }
}

function applyUnit(ctx: ServerContext, kit: ScannedKit, ingested: Ingested[], input: ApplyIntakeInput): IntakeApplyUnit {
  const unitId = kit.inbox.unitId!;
  const periodId = input.periodId;
  return ctx.db
    .transaction((): IntakeApplyUnit => {
      const sender = kit.inbox.sender || kit.workbook?.reading.sender || '';
      const createdBy = sender ? `${sender} (kiriman unit)` : operatorName(ctx);
      const repo = intakeRepo(ctx);
      let kitId = kit.kit?.kit_id ?? repo.kitOf.get(periodId, unitId)?.kit_id;
      if (!kitId) {
        kitId = crypto.randomBytes(16).toString('hex');
        repo.insertKit.run({ kitId, periodId, unitId, now: isoNow(ctx) });
      }
      let changes = 0;
      let skipped = 0;
      let levels = 0;
      if (kit.workbook) {
        // Re-read inside the transaction: nothing may have changed since the scan.
        const reading = readKitWorkbook(ctx, kit.workbook.snapshot, { periodId, unitId });
        if (reading.refused || reading.stateHash !== kit.workbook.reading.stateHash) throw new AppError('CONFLICT', 'Data unit ini berubah sejak kiriman diperiksa. Periksa kiriman lagi sebelum menerapkan.');
        for (const row of reading.rows) {
          if (row.conflict && !input.overwriteConflicts) skipped += row.planned.entries.length;
          else changes += applyPlannedRow(ctx, row.planned, path.basename(kit.workbook.path));
        }
        for (const plan of reading.levelPlans) {
          if (plan.conflict && !input.overwriteConflicts) {
            skipped += 1;
            continue;
          }
          setAssessment(ctx, { periodId, unitId, indicatorCode: plan.indicatorCode, verified: false, level: plan.state.level, elements: [...plan.state.elements], overrideReason: plan.state.overrideReason, justification: plan.state.justification });
          rememberLevel(ctx, { periodId, unitId, indicatorCode: plan.indicatorCode }, { sent: plan.sent, applied: plan.state });
          levels += 1;
        }
        repo.insertReceived.run({ kitId, periodId, unitId, kitPath: kit.workbook.path, sha256: kit.workbook.sha256, size: 0, evidenceId: null, instrumentId: null, requirementCode: null, now: isoNow(ctx), sender });
      }
      for (const entry of ingested) {
        const key = { periodId, unitId, ...entry.requirement };
        // Exactly as an upload: library row reused by hash, link, history, "menunggu verifikasi".
        // The document date stays empty: a file's modification time is not its date.
        const [evidenceId] = recordFilesInTransaction(ctx, key, [entry.stored], { documentDate: null, operator: createdBy });
        repo.insertReceived.run({ kitId, periodId, unitId, kitPath: entry.file.path, sha256: entry.stored.sha256, size: entry.stored.size, evidenceId, ...entry.requirement, now: isoNow(ctx), sender });
        appendHistory(ctx, key, 'intake', { summary: `berkas "${entry.stored.originalName}" dari ${entry.file.path}`, sender, kitId, kitPath: entry.file.path, sha256: entry.stored.sha256 });
      }
      skipped += kit.files.filter((file) => file.conflict && !input.overwriteConflicts).length;
      appendHistory(ctx, { periodId, unitId }, 'intake', { summary: `${ingested.length} berkas, ${changes} perubahan isian, ${levels} tingkat penilaian mandiri${skipped > 0 ? `, ${skipped} konflik dilewati` : ''}.`, sender, kitId, source: kit.source.path });
      return { unitId, unitName: kit.inbox.unitName, applied: true, refused: null, files: ingested.length, changes, levels, skippedConflicts: skipped };
    })
    .immediate();
}

function unitNameOf(ctx: ServerContext, unitId: number): string {
  try {
    return getUnit(ctx, { id: unitId }).name;
  } catch {
    return `Unit ${unitId}`;
  }
}

function chosenKits(kits: ScannedKit[], input: ApplyIntakeInput): ScannedKit[] {
  if (input.unitIds) return kits.filter((kit) => kit.inbox.unitId !== null && input.unitIds!.includes(kit.inbox.unitId));
  return kits.filter((kit) => kit.inbox.state === 'baru');
}

export async function applyIntake(ctx: ServerContext, input: ApplyIntakeInput, deps: ApplyIntakeDeps, job: JobControl): Promise<IntakeApplyResult> {
  job.progress(0.02, 'Memeriksa kiriman…');
  const scanned = await scanIntake(ctx, { periodId: input.periodId, from: input.from }, deps.index, deps.snapshots, { signal: job.signal, progress: (fraction, message) => job.progress(fraction * 0.3, message) });
  const kits = chosenKits(scanned.kits, input);
  const units: IntakeApplyUnit[] = [];
  for (const unitId of input.unitIds ?? []) {
    if (!kits.some((kit) => kit.inbox.unitId === unitId)) units.push({ unitId, unitName: unitNameOf(ctx, unitId), applied: false, refused: 'Tidak ada kiriman dari unit ini di folder yang diperiksa.', files: 0, changes: 0, levels: 0, skippedConflicts: 0 });
  }
  const ready = kits.filter((kit) => {
    const reason = blocker(kit, input);
    if (reason) units.push(refusal(kit, reason));
    return reason === null && kit.inbox.state !== 'kosong';
  });
  if (ready.length === 0) return { backupId: null, units };
  job.progress(0.32, 'Membuat cadangan terverifikasi…');
  // The service takes the verified backup itself, so the app, the preview and the CLI cannot differ.
  const backupId = backupBeforeChange(ctx, 'sebelum-impor', { share: 'returned-workbooks' }).id;
  // The next units' files are copied (their own all-or-nothing batches) while this unit's
  // transaction runs, so fsync waits overlap; each transaction still only records files
  // already durably in the store, in the units' order.
  const copies: Array<Promise<Ingested[]>> = [];
  const startCopy = (position: number) => {
    if (position >= ready.length || copies[position]) return;
    const kit = ready[position]!;
    copies[position] = ingestAll(ctx, kit, filesToTake(kit, input), job);
    copies[position].catch(() => undefined);
  };
  try {
    for (const [position, kit] of ready.entries()) {
      throwIfCancelled(job);
      for (let ahead = 0; ahead <= UNITS_COPIED_AHEAD; ahead += 1) startCopy(position + ahead);
      job.progress(0.35 + (0.65 * position) / ready.length, `Menerapkan kiriman ${kit.inbox.unitName}…`);
      try {
        const ingested = await copies[position]!;
        units.push(applyUnit(ctx, kit, ingested, input));
      } catch (error) {
        if (!(error instanceof AppError) || error.code === 'CANCELLED') throw error;
        units.push(refusal(kit, error.message));
      }
    }
  } finally {
    // After a cancel or failure, copies still running finish (and clean up) before we return.
    await Promise.allSettled(copies);
  }
  job.progress(1, `${units.filter((unit) => unit.applied).length} unit diterapkan.`);
  return { backupId, units };
}
