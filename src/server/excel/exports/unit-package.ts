/**
 * A unit's submission package: a folder (or ZIP) named "<pemda> - <unit> - <year>" with
 * the workbook, the evidence files laid out per instrument/aspect/indicator, and a
 * manifest of SHA-256 hashes. Everything is written under a `.tmp-` name and renamed
 * only when complete; a cancel or an error removes the temp.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/result';
import type { FileDigest } from '../../backup/files';
import { checklistRepo } from '../../checklist/checklist-service';
import type { ServerContext } from '../../context';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import { absoluteBlobPath } from '../../evidence/store';
import { throwIfCancelled, type JobControl } from '../../jobs/job';
import { exportFileName } from '../cells';
import { planFiles, type FilePlan } from './file-plan';
import { asExportError, publishUnique, requireDirectory, tempPathIn } from './output';
import { digestOf, folderSink, zipSink, type PackageSink } from './package-sink';
import { loadUnitPackageData, type UnitPackageData } from './unit-data';
import { unitWorkbookBuffer } from './unit-workbook';

export interface UnitPackageParams {
  periodId: number;
  unitId: number;
  /** Existing folder in which the package folder or .zip is created. */
  outDir: string;
  zip?: boolean;
}

export interface UnitPackageResult {
  /** Absolute path of the package folder or .zip. */
  path: string;
  /** Files in the package, manifest.json and the workbook included. */
  fileCount: number;
  /** Folder: total size of its files; ZIP: size of the .zip. */
  bytes: number;
}

export interface PackageManifest {
  app: 'Patuh';
  appVersion: string;
  schemaVersion: number;
  exportedAt: string;
  localGovernment: string;
  unit: string;
  year: number;
  files: Array<{ path: string; sha256: string; size: number }>;
}

export const MANIFEST_NAME = 'manifest.json';

export function packageBaseName(data: Pick<UnitPackageData, 'localGovernment' | 'unit' | 'period'>): string {
  return exportFileName(`${data.localGovernment} - ${data.unit.name} - ${data.period.year}`);
}

/** Source path per blob; refuses up front when a file is missing, before anything is written. */
function resolveSources(ctx: ServerContext, plan: FilePlan): Map<string, string> {
  const sources = new Map<string, string>();
  const problems: string[] = [];
  for (const file of plan.files) {
    if (sources.has(file.sha256)) continue;
    const blob = checklistRepo(ctx).blob.get(file.sha256);
    let full: string | null = null;
    try {
      full = blob ? absoluteBlobPath(ctx.dataDir, blob.stored_path) : null;
    } catch {
      full = null;
    }
    if (full && fs.existsSync(full)) sources.set(file.sha256, full);
    else problems.push(`${file.fileName} (${file.relativePath})`);
  }
  if (problems.length > 0) {
    throw new AppError('IO', 'Paket tidak dibuat karena berkas bukti berikut tidak ditemukan di folder data Patuh. Unggah ulang berkas tersebut pada unitnya, lalu ekspor lagi.', { details: problems });
  }
  return sources;
}

/** Every write settles before the first failure is passed on, so nothing still writes into a temp being removed. */
async function allSettledOrThrow(writes: Array<Promise<unknown>>): Promise<void> {
  const failed = (await Promise.allSettled(writes)).find((outcome) => outcome.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
}

async function copyEvidence(sink: PackageSink, plan: FilePlan, sources: Map<string, string>, job: JobControl): Promise<PackageManifest['files']> {
  const total = Math.max(1, plan.files.reduce((sum, file) => sum + file.size, 0));
  const files: PackageManifest['files'] = new Array(plan.files.length);
  const problems: string[] = [];
  let done = 0;
  let copied = 0;
  let next = 0;
  const lane = async () => {
    while (next < plan.files.length) {
      const index = next++;
      const file = plan.files[index]!;
      throwIfCancelled(job);
      const digest: FileDigest = await sink.addFile(sources.get(file.sha256)!, file.relativePath);
      if (digest.sha256 !== file.sha256) problems.push(`${file.fileName}: isi berkas tidak cocok dengan yang tercatat`);
      // Manifest order stays the plan's order whatever finishes first.
      files[index] = { path: file.relativePath, ...digest };
      done += digest.size;
      copied += 1;
      job.progress(0.05 + (0.85 * done) / total, `Menyalin berkas bukti ${copied} dari ${plan.files.length}`);
    }
  };
  const lanes = Array.from({ length: Math.min(sink.parallel, plan.files.length) }, lane);
  // Each lane handed its first file over as it started; lanes fewer than files hand the rest over later.
  if (lanes.length === plan.files.length) sink.filesQueued();
  await allSettledOrThrow(lanes);
  if (problems.length > 0) {
    throw new AppError('IO', 'Paket tidak dibuat karena sebagian berkas bukti rusak di komputer ini. Unggah ulang berkas tersebut, lalu ekspor lagi.', { details: problems });
  }
  return files;
}

async function writeContent(sink: PackageSink, data: UnitPackageData, plan: FilePlan, sources: Map<string, string>, job: JobControl): Promise<PackageManifest> {
  // The copies (a worker thread for a folder: copy-worker.ts) run while the workbook is
  // built on the main thread: neither depends on the other, both follow the same plan.
  const copying = copyEvidence(sink, plan, sources, job);
  // Its failure is handled below once the workbook is done; until then it must not count as unhandled.
  copying.catch(() => undefined);
  const workbookName = `${packageBaseName(data)}.xlsx`;
  let workbook: Buffer;
  try {
    workbook = await unitWorkbookBuffer(data, plan);
  } catch (error) {
    // Nothing may still write into the temp when the caller removes it.
    await copying.catch(() => undefined);
    throw error;
  }
  const evidence = await copying;
  throwIfCancelled(job);
  job.progress(0.92, 'Menulis buku kerja Excel dan manifest…');
  const manifest: PackageManifest = {
    app: 'Patuh',
    appVersion: data.appVersion,
    schemaVersion: LATEST_SCHEMA_VERSION,
    exportedAt: data.exportedAt.toISOString(),
    localGovernment: data.localGovernment,
    unit: data.unit.name,
    year: data.period.year,
    files: [{ path: workbookName, ...digestOf(workbook) }, ...evidence],
  };
  // The manifest is complete before the workbook is written (its hash is of the bytes in
  // memory, the ones written): the two are written side by side.
  await allSettledOrThrow([sink.addBuffer(workbook, workbookName), sink.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), MANIFEST_NAME)]);
  return manifest;
}

export async function exportUnitPackage(ctx: ServerContext, params: UnitPackageParams, job: JobControl): Promise<UnitPackageResult> {
  requireDirectory(params.outDir);
  throwIfCancelled(job);
  job.progress(0, 'Menyiapkan data unit…');
  const data = loadUnitPackageData(ctx, params.periodId, params.unitId);
  const plan = planFiles(data.checklist);
  const sources = resolveSources(ctx, plan);
  const base = packageBaseName(data);
  const temp = tempPathIn(params.outDir);
  let sink: PackageSink | null = null;
  try {
    if (!params.zip) fs.mkdirSync(temp);
    sink = params.zip ? zipSink(temp, base, job.signal) : folderSink(temp, job.signal);
    const manifest = await writeContent(sink, data, plan, sources, job);
    await sink.finish();
    throwIfCancelled(job);
    const finalPath = publishUnique(temp, params.outDir, base, params.zip ? '.zip' : '');
    const bytes = params.zip
      ? fs.statSync(finalPath).size
      : manifest.files.reduce((sum, file) => sum + file.size, fs.statSync(path.join(finalPath, MANIFEST_NAME)).size);
    job.progress(1, 'Paket selesai dibuat.');
    return { path: finalPath, fileCount: manifest.files.length + 1, bytes };
  } catch (error) {
    if (sink) await sink.discard();
    else fs.rmSync(temp, { recursive: true, force: true });
    throw asExportError(error, job);
  }
}
