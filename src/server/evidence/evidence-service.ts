/**
 * Evidence: the unit's one library of files and links, linked to any number of
 * requirements across indicators, instruments and years. Files are copied into the
 * content-addressed store BEFORE the database transaction (never inside it); the row
 * pointing at a file is written only after the file is safely on disk.
 */
import type { ParsedInput } from '../../shared/contract';
import { AppError } from '../../shared/result';
import type { AttachReport, ChecklistRequirement, EvidenceItem, EvidenceLinkResult, LinkedEvidence, OpenResult } from '../../shared/types';
import { statusAfterEvidenceAdded, statusAfterEvidenceRemoved } from '../../core/checklist/rules';
import { isoNow, type ServerContext } from '../context';
import { appendHistory, operatorName } from '../history/history';
import type { Platform } from '../platform';
import { changeStatus, checklistRepo, ensureItem, evidenceCount, readRequirement, requireItemKey, type ItemKey } from '../checklist/checklist-service';
import type { Db } from '../db/connection';
import { memoFor } from '../db/memo';
import { toEvidenceItem } from '../checklist/checklist-service';
import { absoluteBlobPath, ingestBuffer, ingestFile, type IngestedFile } from './store';

function keyOf(input: ItemKey): ItemKey {
  return { periodId: input.periodId, unitId: input.unitId, instrumentId: input.instrumentId, requirementCode: input.requirementCode };
}

function titleFromName(name: string): string {
  const base = name.replace(/\.[^.]+$/, '').replace(/[_]+/g, ' ').trim();
  return base === '' ? name : base;
}

/** New evidence on a requirement: the core rule decides whether it goes back to menunggu verifikasi. */
export function applyEvidenceAdded(ctx: ServerContext, key: ItemKey): void {
  const move = statusAfterEvidenceAdded(ensureItem(ctx, key).status);
  if (move) changeStatus(ctx, key, move.to, '', move.cause);
}

/** The requirement as the server now holds it, with the evidence just linked picked out of it. */
function linked(ctx: ServerContext, key: ItemKey, evidenceId: number): EvidenceLinkResult {
  const requirement = readRequirement(ctx, key);
  const evidence = requirement.evidence.find((entry) => entry.id === evidenceId)!;
  return { ...evidence, requirement };
}

function linkedOf(requirement: ChecklistRequirement, ids: number[]): LinkedEvidence[] {
  return ids.flatMap((id) => requirement.evidence.filter((entry) => entry.id === id));
}

type NewEvidence = Omit<Parameters<ReturnType<typeof checklistRepo>['insertEvidence']['run']>[0], 'unitId' | 'now' | 'operator'>;

/**
 * The unit's library entry for this content (a deleted one comes back), else a new one;
 * then its link to the requirement. Returns the id and whether the link is new.
 */
function libraryEntryLinked(
  ctx: ServerContext,
  key: ItemKey,
  itemId: number,
  existing: { id: number; deleted_at: string | null } | undefined,
  entry: NewEvidence,
  operator: string,
): { id: number; linked: boolean } {
  const repo = checklistRepo(ctx);
  if (existing?.deleted_at) repo.setDeleted.run({ id: existing.id, deletedAt: null });
  const id = existing?.id ?? Number(repo.insertEvidence.run({ ...entry, unitId: key.unitId, now: isoNow(ctx), operator }).lastInsertRowid);
  return { id, linked: repo.link.run(itemId, id, isoNow(ctx)).changes > 0 };
}

/**
 * Record stored files as evidence of one requirement inside the caller's transaction:
 * library rows (reused by hash), links, one history line per new link, and the status
 * rule for supplied evidence. Uploads wrap it in a transaction of their own; the intake
 * calls it inside the unit's single apply transaction.
 */
export function recordFilesInTransaction(
  ctx: ServerContext,
  key: ItemKey,
  files: IngestedFile[],
  options: { documentDate: string | null | undefined; operator?: string | undefined },
): number[] {
  const repo = checklistRepo(ctx);
  requireItemKey(ctx, key);
  const item = ensureItem(ctx, key);
  const ids: number[] = [];
  let added = false;
  for (const file of files) {
    repo.insertBlob.run({ sha256: file.sha256, size: file.size, storedPath: file.storedPath, now: isoNow(ctx) });
    const existing = repo.evidenceByBlob.get(key.unitId, file.sha256);
    const entry = {
      kind: 'file',
      title: titleFromName(file.originalName),
      sha256: file.sha256,
      url: null,
      originalName: file.originalName,
      mime: file.mime,
      size: file.size,
      // What a person entered, never the file's modification time: empty = unknown.
      documentDate: options.documentDate ?? null,
    } as const;
    const { id, linked } = libraryEntryLinked(ctx, key, item.id, existing, entry, options.operator ?? operatorName(ctx));
    if (linked) {
      added = true;
      appendHistory(ctx, key, 'evidence-added', { evidenceId: id, title: file.originalName, sha256: file.sha256, reused: existing !== undefined });
    }
    ids.push(id);
  }
  if (added) applyEvidenceAdded(ctx, key);
  return ids;
}

function recordFiles(ctx: ServerContext, key: ItemKey, files: IngestedFile[], documentDate: string | null | undefined): { attached: LinkedEvidence[]; requirement: ChecklistRequirement } {
  return ctx.db
    .transaction(() => {
      const ids = recordFilesInTransaction(ctx, key, files, { documentDate });
      const requirement = readRequirement(ctx, key);
      return { attached: linkedOf(requirement, ids), requirement };
    })
    .immediate();
}

async function attach(
  ctx: ServerContext,
  key: ItemKey,
  sources: Array<{ name: string; ingest: () => Promise<IngestedFile> }>,
  documentDate: string | null | undefined,
): Promise<AttachReport> {
  requireItemKey(ctx, key);
  const stored: IngestedFile[] = [];
  const rejected: AttachReport['rejected'] = [];
  for (const source of sources) {
    try {
      stored.push(await source.ingest());
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      rejected.push({ name: source.name, message: error.message });
    }
  }
  const before = new Set(checklistRepo(ctx).library.all(key.unitId).map((row) => row.blob_sha256));
  const recorded = stored.length > 0 ? recordFiles(ctx, key, stored, documentDate) : { attached: [], requirement: readRequirement(ctx, key) };
  return { ...recorded, reused: stored.filter((file) => before.has(file.sha256)).length, rejected };
}

export function uploadEvidence(ctx: ServerContext, input: ParsedInput<'evidence:upload'>): Promise<AttachReport> {
  return attach(
    ctx,
    keyOf(input),
    input.files.map((file) => ({
      name: file.name,
      ingest: () =>
        ingestBuffer(ctx.dataDir, file.data, file.name, file.lastModified ? { modifiedAt: new Date(file.lastModified) } : {}),
    })),
    input.documentDate,
  );
}

export async function attachFromPaths(ctx: ServerContext, key: ItemKey, paths: string[], documentDate?: string | null): Promise<AttachReport> {
  return attach(
    ctx,
    key,
    paths.map((path) => ({ name: path, ingest: () => ingestFile(ctx.dataDir, path) })),
    documentDate,
  );
}

export async function attachWithDialog(
  ctx: ServerContext,
  platform: Platform,
  input: ParsedInput<'evidence:attach-dialog'>,
): Promise<AttachReport | null> {
  requireItemKey(ctx, keyOf(input));
  const paths = await platform.pickFiles({ title: 'Pilih berkas bukti dukung' });
  if (!paths || paths.length === 0) return null;
  return attachFromPaths(ctx, keyOf(input), paths, input.documentDate);
}

/**
 * Link a URL as evidence of one requirement, reusing the unit's library entry for the same
 * URL. Runs inside the caller's transaction (the link action, or a workbook import).
 */
export function linkUrlInTransaction(
  ctx: ServerContext,
  key: ItemKey,
  link: { url: string; title: string | null; documentDate: string | null },
  historyExtra: Record<string, unknown> = {},
): number {
  const repo = checklistRepo(ctx);
  const item = ensureItem(ctx, key);
  const existing = repo.evidenceByUrl.get(key.unitId, link.url);
  const entry = { kind: 'link', title: link.title ?? new URL(link.url).hostname, sha256: null, url: link.url, originalName: null, mime: null, size: null, documentDate: link.documentDate } as const;
  const { id, linked } = libraryEntryLinked(ctx, key, item.id, existing, entry, operatorName(ctx));
  if (linked) {
    appendHistory(ctx, key, 'evidence-added', { evidenceId: id, title: link.title ?? link.url, url: link.url, reused: existing !== undefined, ...historyExtra });
  }
  return id;
}

export function linkEvidence(ctx: ServerContext, input: ParsedInput<'evidence:link'>): EvidenceLinkResult {
  const key = keyOf(input);
  return ctx.db
    .transaction(() => {
      requireItemKey(ctx, key);
      const before = evidenceCount(ctx, ensureItem(ctx, key).id);
      const id = linkUrlInTransaction(ctx, key, { url: input.url, title: input.title ?? null, documentDate: input.documentDate ?? null });
      if (evidenceCount(ctx, ensureItem(ctx, key).id) > before) applyEvidenceAdded(ctx, key);
      return linked(ctx, key, id);
    })
    .immediate();
}

function requireEvidence(ctx: ServerContext, evidenceId: number) {
  const row = checklistRepo(ctx).evidence.get(evidenceId);
  if (!row) throw new AppError('NOT_FOUND', `Bukti dengan ID ${evidenceId} tidak ditemukan.`);
  return row;
}

export function attachExisting(ctx: ServerContext, input: ParsedInput<'evidence:attach-existing'>): EvidenceLinkResult {
  const key = keyOf(input);
  return ctx.db
    .transaction(() => {
      requireItemKey(ctx, key);
      const row = requireEvidence(ctx, input.evidenceId);
      if (row.unit_id !== key.unitId) throw new AppError('VALIDATION', 'Bukti ini milik unit lain; lampirkan dari pustaka unit yang sama.');
      if (row.deleted_at) throw new AppError('VALIDATION', 'Bukti ini ada di tempat sampah. Pulihkan dulu sebelum dipakai.');
      const item = ensureItem(ctx, key);
      if (checklistRepo(ctx).link.run(item.id, row.id, isoNow(ctx)).changes > 0) {
        appendHistory(ctx, key, 'evidence-added', { evidenceId: row.id, title: row.title, reused: true });
        applyEvidenceAdded(ctx, key);
      }
      return linked(ctx, key, row.id);
    })
    .immediate();
}

export function detachEvidence(ctx: ServerContext, input: ParsedInput<'evidence:detach'>): ChecklistRequirement {
  const key = keyOf(input);
  ctx.db
    .transaction(() => {
      requireItemKey(ctx, key);
      const row = requireEvidence(ctx, input.evidenceId);
      const item = ensureItem(ctx, key);
      if (checklistRepo(ctx).unlink.run(item.id, row.id).changes === 0) {
        throw new AppError('NOT_FOUND', 'Bukti ini tidak terlampir pada persyaratan tersebut.');
      }
      appendHistory(ctx, key, 'evidence-removed', { evidenceId: row.id, title: row.title });
      const move = statusAfterEvidenceRemoved(item.status, evidenceCount(ctx, item.id));
      if (move) changeStatus(ctx, key, move.to, '', move.cause);
    })
    .immediate();
  return readRequirement(ctx, key);
}

export function evidenceLibrary(ctx: ServerContext, input: ParsedInput<'evidence:library'>): EvidenceItem[] {
  return checklistRepo(ctx)
    .library.all(input.unitId)
    .filter((row) => (input.onlyDeleted ? row.deleted_at !== null : input.includeDeleted || row.deleted_at === null))
    .map(toEvidenceItem);
}

export function updateEvidence(ctx: ServerContext, input: ParsedInput<'evidence:update'>): EvidenceItem {
  ctx.db
    .transaction(() => {
      requireEvidence(ctx, input.evidenceId);
      checklistRepo(ctx).updateEvidence.run({ id: input.evidenceId, title: input.title, documentDate: input.documentDate });
    })
    .immediate();
  return toEvidenceItem(requireEvidence(ctx, input.evidenceId));
}

function usageRepository(db: Db) {
  return {
    itemsOfEvidence: db.prepare<[number], { period_id: number; unit_id: number; instrument_id: number; requirement_code: string; status: ChecklistRequirement['status']; id: number }>(
      `SELECT i.id, i.period_id, i.unit_id, i.instrument_id, i.requirement_code, i.status
       FROM checklist_evidence l JOIN checklist_items i ON i.id = l.item_id WHERE l.evidence_id = ?`,
    ),
  };
}

/**
 * Trashing hides the evidence everywhere it is linked, so the same rules as detaching
 * apply (a requirement left with nothing is no longer waiting or verified); restoring it
 * puts a requirement left empty back in the queue.
 */
function reapplyRules(ctx: ServerContext, evidenceId: number, trashed: boolean): void {
  for (const item of memoFor(ctx.db, usageRepository).itemsOfEvidence.all(evidenceId)) {
    const key: ItemKey = { periodId: item.period_id, unitId: item.unit_id, instrumentId: item.instrument_id, requirementCode: item.requirement_code };
    const remaining = evidenceCount(ctx, item.id);
    const move = trashed
      ? statusAfterEvidenceRemoved(item.status, remaining)
      : item.status === 'belum_ada'
        ? statusAfterEvidenceAdded(item.status)
        : null;
    if (move) changeStatus(ctx, key, move.to, '', trashed ? `${move.cause} (dipindah ke tempat sampah)` : `${move.cause} (dipulihkan dari tempat sampah)`);
  }
}

/** Trash is reversible: the row and its links stay, hidden until restored. */
function setTrashed(ctx: ServerContext, evidenceId: number, trashed: boolean): EvidenceItem {
  ctx.db
    .transaction(() => {
      const row = requireEvidence(ctx, evidenceId);
      if ((row.deleted_at !== null) === trashed) return;
      checklistRepo(ctx).setDeleted.run({ id: row.id, deletedAt: trashed ? isoNow(ctx) : null });
      appendHistory(ctx, { unitId: row.unit_id }, trashed ? 'evidence-trashed' : 'evidence-restored', { evidenceId: row.id, title: row.title });
      reapplyRules(ctx, row.id, trashed);
    })
    .immediate();
  return toEvidenceItem(requireEvidence(ctx, evidenceId));
}

export const trashEvidence = (ctx: ServerContext, input: ParsedInput<'evidence:trash'>) => setTrashed(ctx, input.evidenceId, true);
export const restoreEvidence = (ctx: ServerContext, input: ParsedInput<'evidence:restore'>) => setTrashed(ctx, input.evidenceId, false);

export async function openEvidence(ctx: ServerContext, platform: Platform, input: ParsedInput<'evidence:open'>): Promise<OpenResult> {
  const row = requireEvidence(ctx, input.evidenceId);
  if (row.kind === 'link') return { url: row.url! };
  const blob = checklistRepo(ctx).blob.get(row.blob_sha256!);
  if (!blob) throw new AppError('NOT_FOUND', 'Berkas bukti tidak tercatat di penyimpanan. Jalankan pemeriksaan penyimpanan.');
  return platform.openEvidence(absoluteBlobPath(ctx.dataDir, blob.stored_path), row.id);
}

/** Where a stored evidence file is, for hosts that serve it (preview /berkas route). */
export function evidenceFileFor(ctx: ServerContext, evidenceId: number): { path: string; mime: string; name: string } | null {
  const row = checklistRepo(ctx).evidence.get(evidenceId);
  if (!row || row.kind !== 'file' || !row.blob_sha256) return null;
  const blob = checklistRepo(ctx).blob.get(row.blob_sha256);
  if (!blob) return null;
  return { path: absoluteBlobPath(ctx.dataDir, blob.stored_path), mime: row.mime ?? 'application/octet-stream', name: row.original_name ?? row.title };
}
