/**
 * "Periksa kiriman": find every returned kit in the year's collection folder (or in the
 * files and folders chosen in one dialog) and build the inbox, one entry per kit, zip or
 * loose workbook. Writes nothing; the index only remembers hashes for the next scan.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { skipFolder, skipReason } from '../../core/intake/file-rules';
import { AppError } from '../../shared/result';
import type { IntakeInbox } from '../../shared/intake-types';
import { isoNow, type ServerContext } from '../context';
import { getPeriod } from '../periods/periods-service';
import type { JobControl } from '../jobs/job';
import { throwIfCancelled } from '../jobs/job';
import { intakeRepo } from './intake-repository';
import { MANIFEST_FILE, readManifestFile } from './kit-manifest';
import type { ScanIndex } from './scan-index';
import { finish, refusedKit, scanFolderKit, scanZipKit, type KitSource, type ScanContext, type ScannedKit } from './scan-kit';
import type { WorkbookSnapshot } from '../excel/forms/snapshot';
import { parseKitWorkbook, readKitWorkbook } from './workbook-intake';
import { openZipKit } from './zip-kit';

export interface ScanInput {
  periodId: number;
  /** Folders (a collection folder, or kit folders) and files (.zip, .xlsx). */
  from: string[];
}

export interface ScanResult {
  inbox: IntakeInbox;
  kits: ScannedKit[];
}

const MAX_DISCOVERY_DEPTH = 3;
const MAX_WORKBOOK_BYTES = 20 * 1024 * 1024;

/** Kits are folders holding patuh-kit.json; zips and workbooks outside kits are kits too. */
function discover(from: string[]): KitSource[] {
  const sources: KitSource[] = [];
  const visit = (target: string, depth: number, chosen: boolean) => {
    const stat = fs.lstatSync(target, { throwIfNoEntry: false });
    if (!stat || stat.isSymbolicLink()) return;
    const name = path.basename(target);
    if (stat.isFile()) {
      if (skipReason(name, stat.size)) return;
      if (/\.zip$/iu.test(name)) sources.push({ kind: 'zip', path: target });
      else if (/\.xlsx$/iu.test(name)) sources.push({ kind: 'workbook', path: target });
      else if (chosen) sources.push({ kind: 'workbook', path: target });
      return;
    }
    if (!stat.isDirectory() || (!chosen && skipFolder(name))) return;
    if (fs.existsSync(path.join(target, MANIFEST_FILE))) {
      sources.push({ kind: 'folder', path: target });
      return;
    }
    if (depth >= MAX_DISCOVERY_DEPTH) return;
    let entries: string[] = [];
    try {
      entries = fs.readdirSync(target).sort((a, b) => a.localeCompare(b, 'id-ID'));
    } catch {
      return;
    }
    for (const entry of entries) visit(path.join(target, entry), depth + 1, false);
  };
  for (const target of from) visit(path.resolve(target), 0, true);
  return sources;
}

async function scanWorkbook(scan: ScanContext, source: KitSource): Promise<ScannedKit> {
  const stat = fs.statSync(source.path);
  if (stat.size > MAX_WORKBOOK_BYTES) return refusedKit(source, path.basename(source.path), 'Berkas terlalu besar untuk buku kerja isian (lebih dari 20 MB).');
  const data = await fs.promises.readFile(source.path);
  const sha256 = crypto.createHash('sha256').update(data).digest('hex');
  let snapshot: WorkbookSnapshot | string | undefined = scan.snapshots.get(sha256);
  if (snapshot === undefined) {
    snapshot = await parseKitWorkbook(data, scan.job);
    scan.snapshots.set(sha256, snapshot);
  }
  const reading = readKitWorkbook(scan.ctx, snapshot, { periodId: scan.periodId });
  const result = refusedKit(source, reading.unit?.name ?? path.basename(source.path), '', reading.unit?.id ?? null);
  Object.assign(result.inbox, { state: 'kosong', refused: null, lastModified: stat.mtime.toISOString() });
  const kit = reading.unit ? (intakeRepo(scan.ctx).kitOf.get(scan.periodId, reading.unit.id) ?? null) : null;
  const alreadyReceived = kit ? intakeRepo(scan.ctx).receivedOfKit.all(kit.kit_id).some((row) => row.sha256 === sha256) : false;
  result.kit = kit;
  result.inbox.kitId = kit?.kit_id ?? null;
  if (reading.unit) result.inbox.lastReceived = intakeRepo(scan.ctx).lastReceived.get(scan.periodId, reading.unit.id) ?? null;
  if (!alreadyReceived && sha256 !== kit?.workbook_sha256) result.workbook = { path: path.basename(source.path), sha256, reading, snapshot };
  return finish(result);
}

async function scanSource(scan: ScanContext, source: KitSource): Promise<ScannedKit> {
  try {
    if (source.kind === 'folder') return await scanFolderKit(scan, source, () => readManifestFile(path.join(source.path, MANIFEST_FILE)));
    if (source.kind === 'workbook') return await scanWorkbook(scan, source);
    const zip = await openZipKit(source.path);
    try {
      return await scanZipKit(scan, source, zip);
    } finally {
      await zip.close();
    }
  } catch (error) {
    if (error instanceof AppError && error.code === 'FILE_REJECTED') return refusedKit(source, path.basename(source.path), error.message);
    throw error;
  }
}

export async function scanIntake(ctx: ServerContext, input: ScanInput, index: ScanIndex, snapshots: Map<string, WorkbookSnapshot | string>, job: JobControl): Promise<ScanResult> {
  const period = getPeriod(ctx, { id: input.periodId });
  if (input.from.length === 0) throw new AppError('VALIDATION', 'Pilih folder kiriman atau berkas kiriman unit yang akan diperiksa.');
  for (const target of input.from) {
    if (!fs.existsSync(target)) throw new AppError('NOT_FOUND', `Folder atau berkas ${target} tidak ditemukan. Periksa lokasinya (mis. apakah Google Drive sudah tersambung).`);
  }
  const scan: ScanContext = { ctx, periodId: period.id, year: period.year, index, snapshots, job };
  index.beginScan();
  const sources = discover(input.from);
  const kits: ScannedKit[] = [];
  for (const [position, source] of sources.entries()) {
    throwIfCancelled(job);
    const part: JobControl = { signal: job.signal, progress: (_fraction, message) => job.progress(position / Math.max(sources.length, 1), message) };
    kits.push(await scanSource({ ...scan, job: part }, source));
  }
  index.endScan();
  const inScope = new Set(period.units.map((unit) => unit.unitId));
  for (const kit of kits) {
    if (kit.inbox.unitId !== null && !inScope.has(kit.inbox.unitId) && kit.inbox.state !== 'ditolak') {
      Object.assign(kit.inbox, { state: 'ditolak', refused: `Unit "${kit.inbox.unitName}" tidak termasuk tahun penilaian ${period.year}. Tambahkan dulu di Tahun Penilaian.` });
    }
  }
  const units = kits.map((kit) => kit.inbox).sort((a, b) => a.unitName.localeCompare(b.unitName, 'id-ID'));
  const newCount = new Set(units.filter((unit) => unit.state === 'baru' || unit.state === 'perlu-tinjau').map((unit) => unit.unitId)).size;
  job.progress(1, `${units.length} kiriman diperiksa.`);
  return { inbox: { periodId: period.id, year: period.year, scannedAt: isoNow(ctx), from: input.from, units, newCount }, kits };
}
