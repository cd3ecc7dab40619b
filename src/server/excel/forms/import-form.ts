/**
 * Import of a filled-in workbook in two steps. Preview validates everything and changes
 * nothing; apply re-runs the whole validation, insists that neither the file nor the
 * unit's data changed since the preview (token), and writes in ONE transaction.
 */
import crypto from 'node:crypto';
import { AppError } from '../../../shared/result';
import type { ServerContext } from '../../context';
import { backupBeforeChange } from '../../backup/before-change';
import { throwIfCancelled, type JobControl } from '../../jobs/job';
import { applyPlannedRow, recordImport } from './apply-plan';
import { checkWorkbook, type Target } from './check-workbook';
import { FORM_FORMAT } from './layout';
import { SHEET_F01 } from './self-assessment-layout';
import { parseInWorker } from './parse-worker';
import { planImport, type Plan } from './plan';
import { readRows } from './read-rows';
import type { WorkbookSnapshot } from './snapshot';
import { DEFAULT_LIMITS, type ApplyFormInput, type ApplyFormResult, type ImportLimits, type ImportPreview, type PreviewFormInput } from './types';
import { checkSignature, inspectZip, readSource } from './zip-guard';

interface Prepared {
  name: string;
  fileHash: string;
  snapshot: WorkbookSnapshot;
}

type Analysis = { preview: ImportPreview; plan: Plan | null };

function rejected(message: string, target: Target | null): ImportPreview {
  return { ok: false, unit: target?.unit ?? null, period: target?.period ?? null, rejected: { message }, errors: [], changes: [], conflicts: [], changedRequirements: 0, conflictRequirements: 0, unchanged: 0, token: '' };
}

/**
 * Snapshots of the last files that passed the guards and the parser, by content hash and
 * limits: apply right after its preview reads the same bytes, and the same bytes always
 * give the same snapshot, so it is not guarded and parsed a second time. Each use gets
 * its own copy. Everything after the snapshot (checks against the data, plan, token) is
 * always run again.
 */
const SNAPSHOTS_KEPT = 4;
const snapshots = new Map<string, WorkbookSnapshot>();

function remember(key: string, snapshot: WorkbookSnapshot): void {
  snapshots.delete(key);
  snapshots.set(key, snapshot);
  while (snapshots.size > SNAPSHOTS_KEPT) snapshots.delete(snapshots.keys().next().value!);
}

/** Everything asynchronous: reading, guarding and parsing the file. Touches no data. */
async function prepare(input: PreviewFormInput, job: JobControl, limits: ImportLimits): Promise<Prepared> {
  job.progress(0.05, 'Memeriksa berkas…');
  const { name, data } = await readSource(input.file, limits);
  const fileHash = crypto.createHash('sha256').update(data).digest('hex');
  const key = `${fileHash}:${JSON.stringify(limits)}`;
  const known = snapshots.get(key);
  if (known) return { name, fileHash, snapshot: structuredClone(known) };
  checkSignature(data);
  await inspectZip(data, limits, job);
  throwIfCancelled(job);
  job.progress(0.3, 'Membaca isi buku kerja…');
  const snapshot = await parseInWorker(data, limits, job);
  remember(key, structuredClone(snapshot));
  return { name, fileHash, snapshot };
}

/** Everything synchronous: run inside apply's transaction so nothing can change in between. */
/** A kit workbook carries F-01 levels this import does not read: sent to Kiriman Unit instead of dropping them silently. */
const KIT_WORKBOOK = `Buku kerja ini berasal dari kit isian unit (ada lembar "${SHEET_F01}"). Terima lewat menu Kiriman Unit agar penilaian mandiri (F-01) dan berkas unit ikut masuk.`;

function analyze(ctx: ServerContext, prepared: Prepared, input: PreviewFormInput): Analysis {
  if (prepared.snapshot.sheets.some((sheet) => sheet.name === SHEET_F01)) return { preview: rejected(KIT_WORKBOOK, null), plan: null };
  const checked = checkWorkbook(ctx, prepared.snapshot, input);
  if (!checked.ok) return { preview: rejected(checked.message, checked.target), plan: null };
  const { verified } = checked;
  const { rows, errors } = readRows(verified.form, verified.key);
  const plan = planImport(ctx, verified, rows);
  const allErrors = [...errors, ...plan.errors].sort((a, b) => a.row - b.row || a.cell.localeCompare(b.cell));
  // A row with an error is not a change: it is listed once, as an error.
  const errorRows = new Set(allErrors.map((error) => error.row));
  const changes = plan.changes.filter((change) => !errorRows.has(change.row));
  const conflicts = plan.conflicts.filter((conflict) => !errorRows.has(conflict.row));
  const requirementsOf = (list: ReadonlyArray<{ instrumentId: number; requirementCode: string }>) => new Set(list.map((item) => `${item.instrumentId}:${item.requirementCode}`)).size;
  const token = crypto.createHash('sha256').update(`${FORM_FORMAT}:${prepared.fileHash}:${plan.stateHash}`).digest('hex');
  return {
    preview: {
      ok: allErrors.length === 0,
      unit: { id: verified.unit.id, name: verified.unit.name },
      period: { id: verified.period.id, year: verified.period.year },
      errors: allErrors,
      changes,
      conflicts,
      changedRequirements: requirementsOf(changes),
      conflictRequirements: requirementsOf(conflicts),
      unchanged: plan.unchanged,
      token,
    },
    plan,
  };
}

async function prepareOrReject(input: PreviewFormInput, job: JobControl, limits: ImportLimits): Promise<Prepared | ImportPreview> {
  try {
    return await prepare(input, job, limits);
  } catch (error) {
    if (error instanceof AppError && error.code === 'FILE_REJECTED') return rejected(error.message, null);
    throw error;
  }
}

export async function previewFormImport(ctx: ServerContext, input: PreviewFormInput, job: JobControl, limits: ImportLimits = DEFAULT_LIMITS): Promise<ImportPreview> {
  const prepared = await prepareOrReject(input, job, limits);
  if (!('snapshot' in prepared)) return prepared;
  job.progress(0.7, 'Membandingkan dengan data Patuh…');
  const { preview } = analyze(ctx, prepared, input);
  job.progress(1, preview.ok ? 'Pratinjau siap.' : 'Pratinjau selesai; ada yang perlu diperbaiki.');
  return preview;
}

function refuseUnlessReady(analysis: Analysis, token: string): Plan {
  const { preview, plan } = analysis;
  if (preview.rejected || !plan) throw new AppError('FILE_REJECTED', preview.rejected?.message ?? 'Berkas ditolak.');
  if (preview.token !== token) throw new AppError('CONFLICT', 'Data berubah sejak pratinjau; ulangi impor (buka pratinjau lagi) sebelum menerapkan.');
  if (preview.errors.length > 0) {
    throw new AppError('VALIDATION', `Buku kerja masih berisi ${preview.errors.length} kesalahan; tidak ada yang diubah. Perbaiki baris yang ditandai lalu impor lagi.`, {
      details: preview.errors.map((error) => `Baris ${error.row}, kolom ${error.column}: ${error.message} ${error.action}`),
    });
  }
  return plan;
}

export async function applyFormImport(
  ctx: ServerContext,
  input: ApplyFormInput,
  job: JobControl,
  limits: ImportLimits = DEFAULT_LIMITS,
): Promise<ApplyFormResult & { backupId: string }> {
  const prepared = await prepare(input, job, limits);
  throwIfCancelled(job);
  // Refused files never cost a backup; a sound one gets its verified backup from the
  // service itself, so the CLI, the preview and Electron cannot differ.
  refuseUnlessReady(analyze(ctx, prepared, input), input.token);
  job.progress(0.6, 'Membuat cadangan sebelum impor…');
  const backup = backupBeforeChange(ctx, 'sebelum-impor', { share: 'returned-workbooks' });
  job.progress(0.7, 'Menerapkan perubahan…');
  const overwrite = input.resolveConflicts === 'overwrite';
  const result = ctx.db
    .transaction(() => {
      const plan = refuseUnlessReady(analyze(ctx, prepared, input), input.token);
      let applied = 0;
      let skipped = 0;
      for (const planned of plan.rows) {
        if (planned.conflict && !overwrite) skipped += planned.entries.length;
        else applied += applyPlannedRow(ctx, planned, prepared.name);
      }
      if (applied > 0) recordImport(ctx, { periodId: plan.rows[0]!.itemKey.periodId, unitId: plan.rows[0]!.itemKey.unitId }, prepared.name, applied, skipped);
      return { applied, skipped };
    })
    .immediate();
  job.progress(1, `${result.applied} perubahan diterapkan.`);
  return { ...result, backupId: backup.id };
}
