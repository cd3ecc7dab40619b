/**
 * Excel work as jobs: choose the target (native dialog, or the preview's download
 * folder), then run the export or import with progress and cancellation. Handlers stay thin.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedInput } from '../../shared/contract';
import type { ExportResult, ImportApplyResult, ImportPreviewResult, JobInfo } from '../../shared/types';
import { AppError } from '../../shared/result';
import type { AppBackups } from '../backup/app-backups';
import type { ServerContext } from '../context';
import type { JobRunner } from '../jobs/job-runner';
import type { Platform } from '../platform';
import { getPeriod } from '../periods/periods-service';
import { getSettings } from '../settings/settings-service';
import { getUnit } from '../units/units-service';
import { exportFileName } from './cells';
import { exportGapReport, exportRecap, exportUnitPackage } from './exports';
import { applyFormImport, exportForm, formFileName, previewFormImport, type ImportSource } from './forms';

export interface ExcelJobDeps {
  ctx: ServerContext;
  jobs: JobRunner;
  platform: Platform;
  backups: AppBackups;
}

function result(platform: Platform, done: { path: string; fileCount?: number; bytes?: number }): ExportResult {
  return { path: done.path, fileCount: done.fileCount ?? null, bytes: done.bytes ?? null, downloadUrl: platform.downloadUrl(done.path) };
}

function baseName(ctx: ServerContext, periodId: number, what: string, unitId?: number): string {
  const lg = getSettings(ctx).localGovernmentName || 'Pemerintah Daerah';
  const year = getPeriod(ctx, { id: periodId }).year;
  const unit = unitId ? ` - ${getUnit(ctx, { id: unitId }).name}` : '';
  return exportFileName(`${what} ${year} - ${lg}${unit}`, 120);
}

async function saveTarget(deps: ExcelJobDeps, given: string | undefined, defaultName: string): Promise<string | null> {
  const target = given ?? (await deps.platform.pickSaveFile({ title: 'Simpan buku kerja', defaultName: `${defaultName}.xlsx`, extensions: ['xlsx'] }));
  if (target) fs.mkdirSync(path.dirname(target), { recursive: true });
  return target;
}

export async function startUnitPackage(deps: ExcelJobDeps, input: ParsedInput<'export:unit-package'>): Promise<JobInfo | null> {
  const outDir = input.outDir ?? (await deps.platform.pickFolder({ title: 'Pilih folder tujuan paket pengajuan' }));
  if (!outDir) return null;
  fs.mkdirSync(outDir, { recursive: true });
  const zip = input.zip ?? deps.platform.prefersZip;
  return deps.jobs.start('paket-unit', async (job) =>
    result(deps.platform, await exportUnitPackage(deps.ctx, { periodId: input.periodId, unitId: input.unitId, outDir, zip }, job)),
  );
}

export async function startRecap(deps: ExcelJobDeps, input: ParsedInput<'export:recap'>): Promise<JobInfo | null> {
  const outFile = await saveTarget(deps, input.outFile, baseName(deps.ctx, input.periodId, 'Rekapitulasi'));
  if (!outFile) return null;
  return deps.jobs.start('rekap', async (job) => result(deps.platform, await exportRecap(deps.ctx, { periodId: input.periodId, outFile }, job)));
}

export async function startGapReport(deps: ExcelJobDeps, input: ParsedInput<'export:gaps'>): Promise<JobInfo | null> {
  const outFile = await saveTarget(deps, input.outFile, baseName(deps.ctx, input.periodId, 'Kesenjangan', input.unitId));
  if (!outFile) return null;
  return deps.jobs.start('kesenjangan', async (job) =>
    result(deps.platform, await exportGapReport(deps.ctx, { periodId: input.periodId, unitId: input.unitId, outFile, basis: input.basis }, job)),
  );
}

export async function startForms(deps: ExcelJobDeps, input: ParsedInput<'export:forms'>): Promise<JobInfo | null> {
  const period = getPeriod(deps.ctx, { id: input.periodId });
  const unitIds = input.unitIds ?? period.units.map((unit) => unit.unitId);
  if (unitIds.length === 0) throw new AppError('VALIDATION', 'Belum ada unit dalam tahun penilaian ini.');
  const single = unitIds.length === 1;
  const firstName = formFileName(getUnit(deps.ctx, { id: unitIds[0]! }).name, period.year);
  const target = single
    ? await saveTarget(deps, input.outDir ? path.join(input.outDir, firstName) : undefined, firstName.replace(/\.xlsx$/u, ''))
    : (input.outDir ?? (await deps.platform.pickFolder({ title: 'Pilih folder untuk formulir isian semua unit' })));
  if (!target) return null;
  return deps.jobs.start('formulir', async (job) => {
    const paths: string[] = [];
    for (const [index, unitId] of unitIds.entries()) {
      const outFile = single ? target : path.join(target, formFileName(getUnit(deps.ctx, { id: unitId }).name, period.year));
      const part = { signal: job.signal, progress: (fraction: number, message: string) => job.progress((index + fraction) / unitIds.length, message) };
      paths.push((await exportForm(deps.ctx, { periodId: input.periodId, unitId, outFile }, part)).path);
    }
    return single ? result(deps.platform, { path: paths[0]!, fileCount: 1 }) : { ...result(deps.platform, { path: target, fileCount: paths.length }), downloadUrl: null, files: paths.map((file) => deps.platform.downloadUrl(file)) };
  });
}

async function importSource(deps: ExcelJobDeps, input: { file?: string | undefined; upload?: { name: string; data: Uint8Array } | undefined }): Promise<ImportSource | null> {
  if (input.upload) return { name: input.upload.name, data: input.upload.data };
  if (input.file) return input.file;
  const picked = await deps.platform.pickFiles({ title: 'Pilih buku kerja isian yang dikembalikan unit' });
  return picked?.[0] ?? null;
}

export async function startImportPreview(deps: ExcelJobDeps, input: ParsedInput<'import:preview'>): Promise<JobInfo | null> {
  const source = await importSource(deps, input);
  if (!source) return null;
  return deps.jobs.start('impor-pratinjau', async (job): Promise<ImportPreviewResult> => ({
    preview: await previewFormImport(deps.ctx, { file: source, ...(input.periodId ? { periodId: input.periodId } : {}), ...(input.unitId ? { unitId: input.unitId } : {}) }, job),
    file: typeof source === 'string' ? source : null,
  }));
}

export async function startImportApply(deps: ExcelJobDeps, input: ParsedInput<'import:apply'>): Promise<JobInfo> {
  const source = await importSource(deps, input);
  if (!source) throw new AppError('VALIDATION', 'Pilih lagi buku kerja yang sama dengan pratinjau.');
  return deps.jobs.start('impor', async (job): Promise<ImportApplyResult> => {
    // applyFormImport takes the verified backup itself (same rule for every host).
    return applyFormImport(
      deps.ctx,
      {
        file: source,
        token: input.token,
        resolveConflicts: input.resolveConflicts,
        ...(input.periodId ? { periodId: input.periodId } : {}),
        ...(input.unitId ? { unitId: input.unitId } : {}),
      },
      job,
    );
  });
}
