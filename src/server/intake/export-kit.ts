/**
 * Export of unit kits (kit isian unit): per unit and year a folder — or one .zip — with
 * the fillable workbook (Isian + Penilaian Mandiri F-01), one folder per requirement,
 * PETUNJUK.txt and the signed manifest. Re-exporting refreshes what is ours (workbook,
 * guide, manifest) and never touches a file the unit put there: a workbook the unit has
 * filled in but the office has not received yet is left as it is and reported.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { AppError } from '../../shared/result';
import { isoNow, type ServerContext } from '../context';
import { getChecklist } from '../checklist/checklist-service';
import { exportForm } from '../excel/forms';
import { throwIfCancelled, type JobControl } from '../jobs/job';
import { getPeriod } from '../periods/periods-service';
import { hashFileSync, removeQuiet } from '../backup/files';
import { GUIDE_FILE, KIT_FORMAT, MANIFEST_FILE, readManifestFile, signManifest, verifyManifest, type KitManifest } from './kit-manifest';
import { guideLines, kitDirName, planFolders, workbookName } from './kit-plan';
import { intakeRepo, type KitRow } from './intake-repository';
import { zipBuffer } from '../excel/zip-buffer';

export interface ExportKitsInput {
  periodId: number;
  /** Default: every unit of the year. */
  unitIds?: number[];
  outDir: string;
  zip: boolean;
}

export interface ExportedKit {
  unitId: number;
  unitName: string;
  kitId: string;
  path: string;
  folders: number;
  /** The unit's filled-in workbook was kept, because the office has not received it yet. */
  workbookKept: boolean;
}

export interface ExportKitsResult {
  path: string;
  kits: ExportedKit[];
}

const STAGING = '.intake-staging';

function ensureKit(ctx: ServerContext, periodId: number, unitId: number): KitRow {
  const repo = intakeRepo(ctx);
  ctx.db.transaction(() => {
    if (!repo.kitOf.get(periodId, unitId)) repo.insertKit.run({ kitId: crypto.randomBytes(16).toString('hex'), periodId, unitId, now: isoNow(ctx) });
  }).immediate();
  return repo.kitOf.get(periodId, unitId)!;
}

/** Our own file written under a `.tmp` name first: scanners skip it, and a crash leaves no half file. */
function writeOwn(target: string, data: Buffer | string): void {
  const temp = `${target}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, target);
  } catch (cause) {
    removeQuiet(temp);
    throw new AppError('IO', `Berkas kit tidak dapat ditulis ke ${target}: ${(cause as Error).message}. Pilih folder lain atau periksa izin folder.`);
  }
}

const sha256 = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex');

/** The workbook may be overwritten only when it is exactly what we wrote or what we already received. */
function mayReplace(ctx: ServerContext, kit: KitRow, file: string, relative: string): boolean {
  const stat = fs.lstatSync(file, { throwIfNoEntry: false });
  if (!stat) return true;
  if (!stat.isFile()) return false;
  const current = hashFileSync(file).sha256;
  if (current === kit.workbook_sha256) return true;
  return intakeRepo(ctx).receivedOfKit.all(kit.kit_id).some((row) => row.kit_path === relative && row.sha256 === current);
}

/** An existing kit folder must be this database's kit for the same unit and year. */
function checkExistingKit(ctx: ServerContext, kitDir: string, kit: KitRow): void {
  const text = readManifestFile(path.join(kitDir, MANIFEST_FILE));
  if (text === null) return;
  const check = verifyManifest(ctx, text);
  if (!check.ok) return;
  if (check.manifest.kitId !== kit.kit_id) {
    throw new AppError('VALIDATION', `Folder ${kitDir} berisi kit lain (unit "${check.manifest.unit.name}" tahun ${check.manifest.period.year}). Pilih folder tujuan lain.`);
  }
}

function zipKit(files: Array<{ name: string; data: Buffer }>, folders: string[], root: string): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const folder of folders) zip.addEmptyDirectory(`${root}/${folder}`);
  for (const file of files) zip.addBuffer(file.data, `${root}/${file.name}`, { compress: true });
  return zipBuffer(zip);
}

async function workbookBytes(ctx: ServerContext, periodId: number, unitId: number, job: JobControl): Promise<{ data: Buffer; keyMac: string }> {
  const dir = path.join(ctx.dataDir, STAGING);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${crypto.randomBytes(8).toString('hex')}.xlsx`);
  try {
    const written = await exportForm(ctx, { periodId, unitId, outFile: file, selfAssessment: true }, { signal: job.signal, progress: () => undefined });
    return { data: fs.readFileSync(file), keyMac: written.keyMac };
  } finally {
    removeQuiet(file);
  }
}

async function exportOne(ctx: ServerContext, input: ExportKitsInput, unitId: number, job: JobControl): Promise<ExportedKit> {
  const checklist = getChecklist(ctx, { periodId: input.periodId, unitId });
  const period = getPeriod(ctx, { id: input.periodId });
  const kit = ensureKit(ctx, input.periodId, unitId);
  const { data, keyMac } = await workbookBytes(ctx, input.periodId, unitId, job);
  throwIfCancelled(job);
  const folders = planFolders(checklist);
  const workbook = workbookName(checklist);
  const manifest: KitManifest = signManifest(ctx, {
    format: KIT_FORMAT,
    kitId: kit.kit_id,
    exportedAt: isoNow(ctx),
    unit: { id: checklist.unit.id, name: checklist.unit.name },
    period: { id: period.id, year: period.year },
    instruments: period.instruments.map((item) => ({ id: item.id, code: item.code, version: item.version, shortName: item.shortName })),
    workbook: { file: workbook, keyMac },
    folders,
  });
  const guide = `${guideLines(checklist, workbook, period.deadline).join('\r\n')}\r\n`;
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  const root = kitDirName(checklist);
  const result = { unitId, unitName: checklist.unit.name, kitId: kit.kit_id, folders: folders.length };
  if (input.zip) {
    const zipData = await zipKit(
      [{ name: workbook, data }, { name: GUIDE_FILE, data: Buffer.from(guide, 'utf8') }, { name: MANIFEST_FILE, data: Buffer.from(manifestText, 'utf8') }],
      folders.map((folder) => folder.path),
      root,
    );
    let target = path.join(input.outDir, `${root}.zip`);
    const existing = fs.lstatSync(target, { throwIfNoEntry: false });
    // A zip under our name that is not the one we wrote may be the unit's reply: keep it.
    if (existing && (!existing.isFile() || hashFileSync(target).sha256 !== kit.zip_sha256)) target = path.join(input.outDir, `${root} (${isoNow(ctx).slice(0, 10)}).zip`);
    writeOwn(target, zipData);
    intakeRepo(ctx).markExported.run({ kitId: kit.kit_id, now: isoNow(ctx), workbook: sha256(data), zip: sha256(zipData) });
    return { ...result, path: target, workbookKept: false };
  }
  const kitDir = path.join(input.outDir, root);
  fs.mkdirSync(kitDir, { recursive: true });
  checkExistingKit(ctx, kitDir, kit);
  for (const folder of folders) fs.mkdirSync(path.join(kitDir, ...folder.path.split('/')), { recursive: true });
  const workbookFile = path.join(kitDir, workbook);
  const replace = mayReplace(ctx, kit, workbookFile, workbook);
  if (replace) writeOwn(workbookFile, data);
  writeOwn(path.join(kitDir, GUIDE_FILE), guide);
  writeOwn(path.join(kitDir, MANIFEST_FILE), manifestText);
  intakeRepo(ctx).markExported.run({ kitId: kit.kit_id, now: isoNow(ctx), workbook: replace ? sha256(data) : null, zip: null });
  return { ...result, path: kitDir, workbookKept: !replace };
}

export async function exportKits(ctx: ServerContext, input: ExportKitsInput, job: JobControl): Promise<ExportKitsResult> {
  const period = getPeriod(ctx, { id: input.periodId });
  const unitIds = input.unitIds ?? period.units.map((unit) => unit.unitId);
  if (unitIds.length === 0) throw new AppError('VALIDATION', `Belum ada unit dalam tahun penilaian ${period.year}; tambahkan unit dulu di Tahun Penilaian.`);
  fs.mkdirSync(input.outDir, { recursive: true });
  const kits: ExportedKit[] = [];
  for (const [index, unitId] of unitIds.entries()) {
    throwIfCancelled(job);
    job.progress(index / unitIds.length, `Menyiapkan kit ${index + 1} dari ${unitIds.length}…`);
    kits.push(await exportOne(ctx, input, unitId, job));
  }
  job.progress(1, `${kits.length} kit selesai dibuat.`);
  return { path: input.outDir, kits };
}
