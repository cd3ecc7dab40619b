/**
 * Scanning one returned kit (a folder or a zip) or one loose workbook into the unit's
 * inbox entry, plus what apply needs to act on it. Writes nothing: no database row, no
 * file, and sources are only read.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { placeFile, skipReason } from '../../core/intake/file-rules';
import { judgeEdit } from '../../core/intake/unit-rules';
import type { EvidenceStatus } from '../../core/checklist/types';
import type { IntakeUnit } from '../../shared/intake-types';
import type { ServerContext } from '../context';
import { checklistRepo, getChecklist } from '../checklist/checklist-service';
import { collectRows } from '../excel/forms/export-form';
import type { JobControl } from '../jobs/job';
import { hashAndCheck } from './file-check';
import { intakeRepo, type KitRow } from './intake-repository';
import { GUIDE_FILE, MANIFEST_FILE, verifyManifest, type KitManifest } from './kit-manifest';
import type { ScanIndex } from './scan-index';
import { parseKitWorkbook, readKitWorkbook, type WorkbookReading } from './workbook-intake';
import type { WorkbookSnapshot } from '../excel/forms/snapshot';
import { walkKit } from './walk';
import { readFormSecret } from '../excel/forms/form-key';
import type { ZipKit, ZipKitFile } from './zip-kit';

export type KitSource = { kind: 'folder'; path: string } | { kind: 'zip'; path: string } | { kind: 'workbook'; path: string };

/** A file as apply will read it: from disk, or an entry of a zip. */
export interface PendingFile {
  path: string;
  name: string;
  size: number;
  sha256: string;
  modifiedAt: string;
  absolute: string | null;
  zipEntry: string | null;
  requirement: { instrumentId: number; requirementCode: string } | null;
  conflict: boolean;
}

export interface ScannedKit {
  source: KitSource;
  inbox: IntakeUnit;
  kit: KitRow | null;
  manifest: KitManifest | null;
  files: PendingFile[];
  misplaced: PendingFile[];
  workbook: { path: string; sha256: string; reading: WorkbookReading; snapshot: WorkbookSnapshot | string } | null;
}

export interface ScanContext {
  ctx: ServerContext;
  periodId: number;
  year: number;
  index: ScanIndex;
  /** Parsed workbooks by content hash: a rescan never parses an unchanged workbook again. */
  snapshots: Map<string, WorkbookSnapshot | string>;
  job: JobControl;
}

interface RawFile {
  relative: string;
  name: string;
  size: number;
  mtimeMs: number;
  key: string;
  absolute: string | null;
  zip: ZipKitFile | null;
}

function emptyInbox(source: KitSource, unitName: string): IntakeUnit {
  return {
    unitId: null,
    unitName,
    kitId: null,
    source: { kind: source.kind, path: source.path },
    state: 'kosong',
    refused: null,
    sender: '',
    lastModified: null,
    lastReceived: null,
    newFiles: [],
    changes: [],
    conflicts: [],
    errors: [],
    levels: [],
    misplaced: [],
    rejected: [],
    duplicates: [],
    waiting: 0,
    token: '',
  };
}

export function refusedKit(source: KitSource, unitName: string, message: string, unitId: number | null = null): ScannedKit {
  return { source, inbox: { ...emptyInbox(source, unitName), unitId, state: 'ditolak', refused: message }, kit: null, manifest: null, files: [], misplaced: [], workbook: null };
}

async function fingerprint(scan: ScanContext, file: RawFile, zip: ZipKit | null) {
  const cached = scan.index.lookup(file.key, file.size, file.mtimeMs);
  if (cached) return cached;
  const result = zip && file.zip ? await zip.hashAndCheck(file.zip) : await hashAndCheck(file.absolute!, file.name, scan.job.signal);
  const entry = { size: file.size, mtimeMs: file.mtimeMs, sha256: result.sha256, rejected: result.rejected };
  scan.index.record(file.key, entry);
  return entry;
}

/** The manifest must be ours, for this year, for a unit in scope, and for a kit we issued. */
function checkManifest(scan: ScanContext, source: KitSource, text: string | null): ScannedKit | { manifest: KitManifest; kit: KitRow } {
  if (text === null) return refusedKit(source, '(tidak dikenal)', `Berkas ${MANIFEST_FILE} tidak ada di kit ini, sehingga unit dan tahunnya tidak dapat dipastikan. Ekspor ulang kit untuk unit ini, lalu pindahkan berkas unit ke kit baru.`);
  // The secret is part of the key: after a restore, the same text is verified afresh.
  const cacheKey = `${readFormSecret(scan.ctx) ?? ''}\0${text}`;
  let manifest = scan.index.verifiedManifests.get(cacheKey);
  if (!manifest) {
    const check = verifyManifest(scan.ctx, text);
    if (!check.ok) return refusedKit(source, '(tidak dikenal)', check.message);
    manifest = check.manifest;
    scan.index.verifiedManifests.set(cacheKey, manifest);
  }
  if (manifest.period.id !== scan.periodId) return refusedKit(source, manifest.unit.name, `Kit ini untuk tahun penilaian ${manifest.period.year}, bukan ${scan.year}. Periksa kiriman di tahun ${manifest.period.year}.`);
  const kit = intakeRepo(scan.ctx).kit.get(manifest.kitId);
  if (!kit || kit.unit_id !== manifest.unit.id || kit.period_id !== manifest.period.id) {
    return refusedKit(source, manifest.unit.name, 'Kit ini tidak tercatat di Patuh (mungkin dari data yang sudah dipulihkan dari cadangan lama). Ekspor ulang kit untuk unit ini.');
  }
  return { manifest, kit };
}

function currentStatuses(ctx: ServerContext, periodId: number, unitId: number): Map<string, { status: EvidenceStatus; text: string }> {
  return new Map(collectRows(getChecklist(ctx, { periodId, unitId })).map((row) => [`${row.requirement.instrumentId}:${row.requirement.code}`, { status: row.requirement.status, text: row.requirement.text }]));
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Sort the kit's files into new, misplaced, rejected, duplicate and waiting. */
async function sortFiles(scan: ScanContext, result: ScannedKit, raw: RawFile[], zip: ZipKit | null): Promise<RawFile | null> {
  const { ctx } = scan;
  const manifest = result.manifest!;
  const kit = result.kit!;
  const unitId = manifest.unit.id;
  // The checklist is read only when a file needs it: a rescan with nothing new never builds it.
  let statuses: Map<string, { status: EvidenceStatus; text: string }> | null = null;
  const statusOf = (key: string) => (statuses ??= currentStatuses(ctx, scan.periodId, unitId)).get(key);
  const folders = new Map(manifest.folders.map((folder) => [folder.path, folder]));
  const kitFiles = new Set([manifest.workbook.file, MANIFEST_FILE, GUIDE_FILE]);
  const received = new Set(intakeRepo(ctx).receivedOfKit.all(kit.kit_id).map((row) => `${row.kit_path}\0${row.sha256}`));
  const seen = new Set<string>();
  const folderPaths = new Set(folders.keys());
  const copies: RawFile[] = [];
  let workbook: RawFile | null = null;
  const inbox = result.inbox;
  for (const file of raw) {
    scan.job.progress(0, `Memeriksa ${manifest.unit.name}: ${file.name}`);
    if (skipReason(file.name, file.size)) {
      inbox.waiting += 1;
      continue;
    }
    const placement = placeFile(file.relative, folderPaths, kitFiles);
    // Drive and OneDrive keep a conflicting save as "… (1).xlsx": a copy of the kit's workbook, not evidence.
    if (placement.kind === 'misplaced' && placement.where === 'akar-kit' && isWorkbookCopy(file.name, manifest.workbook.file)) {
      copies.push(file);
      continue;
    }
    if (placement.kind === 'kit-file') {
      if (file.relative === manifest.workbook.file) workbook = file;
      continue;
    }
    const print = await fingerprint(scan, file, zip);
    if (print.rejected) {
      inbox.rejected.push({ path: file.relative, name: file.name, reason: print.rejected });
      continue;
    }
    if (received.has(`${file.relative}\0${print.sha256}`)) continue;
    const listed = placement.kind === 'requirement' ? folders.get(placement.folder)! : null;
    // A folder whose requirement was hidden or removed since export: the office chooses again.
    const folder = listed && statusOf(`${listed.instrumentId}:${listed.requirementCode}`) ? listed : null;
    const pending: PendingFile = {
      path: file.relative,
      name: file.name,
      size: print.size,
      sha256: print.sha256,
      modifiedAt: iso(file.mtimeMs),
      absolute: file.absolute,
      zipEntry: file.zip ? file.zip.entry.fileName : null,
      requirement: folder ? { instrumentId: folder.instrumentId, requirementCode: folder.requirementCode } : null,
      conflict: false,
    };
    const seenKey = `${folder ? `${folder.instrumentId}:${folder.requirementCode}` : 'misplaced'}\0${print.sha256}`;
    if (checklistRepo(ctx).evidenceByBlob.get(unitId, print.sha256) || seen.has(seenKey)) {
      inbox.duplicates.push({ path: file.relative, name: file.name, kind: 'unit-ini', otherUnit: null });
      continue;
    }
    seen.add(seenKey);
    const holder = intakeRepo(ctx).holders.all(print.sha256, unitId)[0];
    if (holder) inbox.duplicates.push({ path: file.relative, name: file.name, kind: 'unit-lain', otherUnit: holder.name });
    const base = { path: file.relative, name: file.name, size: print.size, sha256: print.sha256, modifiedAt: pending.modifiedAt };
    if (!folder) {
      result.misplaced.push(pending);
      inbox.misplaced.push({ ...base, where: placement.kind === 'misplaced' ? placement.where : 'folder-tidak-dikenal' });
      continue;
    }
    const current = statusOf(`${folder.instrumentId}:${folder.requirementCode}`)!;
    const verdict = judgeEdit({ current: current.status, changedSinceExport: false });
    pending.conflict = verdict.kind === 'conflict';
    result.files.push(pending);
    inbox.newFiles.push({ ...base, instrumentId: folder.instrumentId, requirementCode: folder.requirementCode, requirement: current.text, alsoInUnit: holder?.name ?? null, conflict: verdict.kind === 'conflict' ? verdict.reason : null });
  }
  // Without the named workbook, the newest copy is the one the unit filled in last.
  const chosen = workbook ?? copies.sort((a, b) => b.mtimeMs - a.mtimeMs)[0] ?? null;
  for (const copy of copies) {
    if (copy !== chosen) inbox.rejected.push({ path: copy.relative, name: copy.name, reason: `Salinan buku kerja kit (mis. dari konflik sinkronisasi) tidak dibaca; yang dibaca "${chosen!.name}". Salin isian yang perlu ke buku kerja itu.` });
  }
  return chosen;
}

/** "Formulir isian 2026 - X (1).xlsx", "… - Copy.xlsx", "Salinan …": sync or Explorer copies of the kit workbook. */
export function isWorkbookCopy(name: string, workbook: string): boolean {
  const stem = workbook.replace(/\.xlsx$/iu, '').toLowerCase();
  const lower = name.toLowerCase();
  return lower.endsWith('.xlsx') && lower !== workbook.toLowerCase() && lower.includes(stem);
}

/** Parse (or reuse the parse of) a workbook, unless it is exactly what we exported or already received. */
async function readWorkbook(scan: ScanContext, result: ScannedKit, file: RawFile, data: () => Promise<Buffer>, zip: ZipKit | null): Promise<void> {
  const kit = result.kit!;
  const print = await fingerprint(scan, { ...file, name: 'isian.xlsx' }, zip);
  const received = intakeRepo(scan.ctx).receivedOfKit.all(kit.kit_id).some((row) => row.sha256 === print.sha256);
  if (print.sha256 === kit.workbook_sha256 || received) return;
  let snapshot = scan.snapshots.get(print.sha256);
  if (snapshot === undefined) {
    snapshot = await parseKitWorkbook(await data(), scan.job);
    scan.snapshots.set(print.sha256, snapshot);
  }
  const reading = readKitWorkbook(scan.ctx, snapshot, { periodId: scan.periodId, unitId: kit.unit_id });
  result.workbook = { path: file.relative, sha256: print.sha256, reading, snapshot };
}

/** State and token from the parts; the token changes whenever anything the preview showed changes. */
export function finish(result: ScannedKit): ScannedKit {
  const { inbox } = result;
  const reading = result.workbook?.reading;
  if (reading?.refused) {
    inbox.state = 'ditolak';
    inbox.refused = reading.refused;
  } else if (reading) {
    Object.assign(inbox, { sender: reading.sender, changes: reading.changes, conflicts: reading.conflicts, errors: reading.errors, levels: reading.levels });
  }
  if (inbox.state !== 'ditolak') {
    const conflicts = inbox.conflicts.length > 0 || inbox.newFiles.some((file) => file.conflict) || inbox.levels.some((level) => level.conflict);
    const news = inbox.newFiles.length + inbox.changes.length + inbox.levels.length + inbox.misplaced.length;
    inbox.state = inbox.errors.length > 0 || conflicts || inbox.misplaced.length > 0 ? 'perlu-tinjau' : news > 0 ? 'baru' : 'kosong';
  }
  inbox.token = crypto
    .createHash('sha256')
    .update(JSON.stringify([inbox.state, inbox.newFiles.map((file) => [file.path, file.sha256]), inbox.misplaced.map((file) => [file.path, file.sha256]), result.workbook?.sha256 ?? '', reading?.stateHash ?? '']))
    .digest('hex');
  return result;
}

function start(source: KitSource, checked: { manifest: KitManifest; kit: KitRow }, ctx: ServerContext): ScannedKit {
  const inbox = { ...emptyInbox(source, checked.manifest.unit.name), unitId: checked.manifest.unit.id, kitId: checked.kit.kit_id, lastReceived: intakeRepo(ctx).lastReceived.get(checked.kit.period_id, checked.kit.unit_id) ?? null };
  return { source, inbox, kit: checked.kit, manifest: checked.manifest, files: [], misplaced: [], workbook: null };
}

export async function scanFolderKit(scan: ScanContext, source: KitSource, readManifest: () => string | null): Promise<ScannedKit> {
  const checked = checkManifest(scan, source, readManifest());
  if ('inbox' in checked) return checked;
  const result = start(source, checked, scan.ctx);
  const walked = await walkKit(source.path, scan.job.signal);
  if (walked.truncated) return refusedKit(source, checked.manifest.unit.name, 'Kit berisi terlalu banyak berkas (lebih dari 25.000); kemungkinan folder yang salah disalin ke dalamnya. Rapikan kit lalu periksa lagi.', checked.manifest.unit.id);
  for (const link of walked.links) result.inbox.rejected.push({ path: link.relative, name: link.name, reason: 'Tautan simbolik/pintasan folder tidak dibaca, karena dapat menunjuk ke luar kit. Salin berkas aslinya ke folder persyaratan.' });
  const raw: RawFile[] = walked.files.map((file) => ({ relative: file.relative, name: file.name, size: file.size, mtimeMs: file.mtimeMs, key: file.absolute, absolute: file.absolute, zip: null }));
  result.inbox.lastModified = raw.length > 0 ? iso(Math.max(...raw.map((file) => file.mtimeMs))) : null;
  const workbook = await sortFiles(scan, result, raw, null);
  if (workbook) await readWorkbook(scan, result, workbook, () => fs.promises.readFile(workbook.absolute!), null);
  return finish(result);
}

export async function scanZipKit(scan: ScanContext, source: KitSource, zip: ZipKit): Promise<ScannedKit> {
  const checked = checkManifest(scan, source, zip.manifestText);
  if ('inbox' in checked) return checked;
  const result = start(source, checked, scan.ctx);
  const stat = fs.statSync(source.path);
  for (const entry of zip.refusedEntries) result.inbox.rejected.push({ path: entry.relative, name: entry.name, reason: entry.reason });
  const raw: RawFile[] = zip.files.map((file) => ({ relative: file.relative, name: file.name, size: file.size, mtimeMs: stat.mtimeMs, key: `${source.path}\0${file.entry.fileName}`, absolute: null, zip: file }));
  result.inbox.lastModified = iso(stat.mtimeMs);
  const workbook = await sortFiles(scan, result, raw, zip);
  if (workbook) await readWorkbook(scan, result, workbook, () => zip.read(workbook.zip!, 20 * 1024 * 1024), zip);
  return finish(result);
}
