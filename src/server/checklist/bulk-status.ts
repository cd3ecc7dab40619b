/**
 * "Work in bulk" (issue 14): one status for many requirements of one unit, and *Urungkan*
 * for the last status change, single or bulk.
 *
 * Both are one IMMEDIATE transaction and run through `changeStatus`, the same function and
 * core rule as the single path, so a bulk change can never verify what a single one could
 * not. Refusals (terverifikasi without evidence) are reported per requirement: the office
 * sees "12 dapat diubah, 3 belum punya bukti" first (dry run) and then applies to the 12
 * (`skipRefused`); without that consent a refusal stops the whole change.
 */
import { statusChangeRefusal } from '../../core/checklist/rules';
import { EVIDENCE_STATUS_LABELS, type EvidenceStatus } from '../../core/checklist/types';
import type { ParsedInput } from '../../shared/contract';
import type { BulkChange, BulkRefusal, BulkStatusResult, UndoStatusResult } from '../../shared/channels/checklist-bulk';
import { AppError } from '../../shared/result';
import type { ChecklistRequirement } from '../../shared/types';
import { isoNow, type ServerContext } from '../context';
import type { Db } from '../db/connection';
import { memoFor } from '../db/memo';
import { appendHistory, operatorName } from '../history/history';
import { getInstrument } from '../instruments/instruments-service';
import { changeStatus, checklistRepo, evidenceCount, getChecklist, requireScope, statusReason, type ItemKey } from './checklist-service';
import { effectiveRequirements, type EffectiveRequirement } from './requirements';

interface Ref {
  instrumentId: number;
  requirementCode: string;
}

const refKey = (ref: Ref) => `${ref.instrumentId}:${ref.requirementCode}`;

function bulkRepository(db: Db) {
  return {
    history: db.prepare<[number], { id: number; period_id: number | null; unit_id: number | null; instrument_id: number | null; requirement_code: string | null; action: string; detail: string }>(
      'SELECT id, period_id, unit_id, instrument_id, requirement_code, action, detail FROM history WHERE id = ?',
    ),
    lastStatusEntry: db.prepare<[number, number, number, string], { id: number }>(
      `SELECT id FROM history WHERE period_id = ? AND unit_id = ? AND instrument_id = ? AND requirement_code = ? AND action = 'status'
       ORDER BY id DESC LIMIT 1`,
    ),
    restore: db.prepare(
      `UPDATE checklist_items SET status = @status, reason = @reason, verified_by = @verifiedBy,
       verified_at = @verifiedAt, updated_at = @now WHERE id = @id`,
    ),
  };
}

const bulkRepo = (ctx: ServerContext) => memoFor(ctx.db, bulkRepository);

/** Every visible requirement of the year's instruments, by "instrumentId:code" (one pass, not one per row). */
function indexRequirements(ctx: ServerContext, periodId: number, unitId: number): Map<string, EffectiveRequirement> {
  const period = requireScope(ctx, periodId, unitId);
  const index = new Map<string, EffectiveRequirement>();
  for (const instrument of period.instruments) {
    const { byIndicator } = effectiveRequirements(ctx, periodId, instrument.id, getInstrument(ctx, { id: instrument.id }).definition);
    for (const list of byIndicator.values()) for (const requirement of list) index.set(`${instrument.id}:${requirement.code}`, requirement);
  }
  return index;
}

/** Unique refs in the order given; an unknown or hidden requirement refuses the whole request. */
function resolveRefs(index: Map<string, EffectiveRequirement>, refs: Ref[]): Array<{ ref: Ref; requirement: EffectiveRequirement }> {
  const seen = new Set<string>();
  const resolved: Array<{ ref: Ref; requirement: EffectiveRequirement }> = [];
  const missing: string[] = [];
  for (const ref of refs) {
    const key = refKey(ref);
    if (seen.has(key)) continue;
    seen.add(key);
    const requirement = index.get(key);
    if (requirement) resolved.push({ ref, requirement });
    else missing.push(ref.requirementCode);
  }
  if (missing.length > 0) {
    throw new AppError('NOT_FOUND', `${missing.length.toLocaleString('id-ID')} persyaratan tidak ada (atau disembunyikan) pada tahun penilaian ini. Muat ulang daftar periksa lalu pilih lagi.`, {
      details: missing.slice(0, 50),
    });
  }
  return resolved;
}

/** The requirements as they now are, read once for the whole set. */
function currentRequirements(ctx: ServerContext, periodId: number, unitId: number, keys: ReadonlySet<string>): ChecklistRequirement[] {
  if (keys.size === 0) return [];
  const checklist = getChecklist(ctx, { periodId, unitId });
  const found: ChecklistRequirement[] = [];
  for (const instrument of checklist.instruments)
    for (const aspect of instrument.aspects)
      for (const indicator of aspect.indicators)
        for (const requirement of indicator.requirements) if (keys.has(`${requirement.instrumentId}:${requirement.code}`)) found.push(requirement);
  return found;
}

function refusalMessage(status: EvidenceStatus, refused: BulkRefusal[]): string {
  const n = refused.length.toLocaleString('id-ID');
  const list = refused.slice(0, 5).map((entry) => `“${entry.text}”`).join('; ');
  const more = refused.length > 5 ? `; dan ${(refused.length - 5).toLocaleString('id-ID')} lainnya` : '';
  return `${n} persyaratan belum dapat diubah menjadi "${EVIDENCE_STATUS_LABELS[status]}" karena belum punya berkas atau tautan bukti: ${list}${more}. Tidak ada yang diubah. Lampirkan buktinya dulu, atau ubah hanya persyaratan yang lain.`;
}

export function setStatusBulk(ctx: ServerContext, input: ParsedInput<'checklist:set-status-bulk'>): BulkStatusResult {
  const reason = statusReason(input.status, input.reason);
  const { periodId, unitId, status } = input;
  const run = () => {
    const targets = resolveRefs(indexRequirements(ctx, periodId, unitId), input.items);
    const repo = checklistRepo(ctx);
    const refused: BulkRefusal[] = [];
    const todo: Array<{ key: ItemKey; text: string; from: EvidenceStatus }> = [];
    let unchanged = 0;
    for (const { ref, requirement } of targets) {
      const key: ItemKey = { periodId, unitId, instrumentId: ref.instrumentId, requirementCode: requirement.code };
      const item = repo.item.get(periodId, unitId, ref.instrumentId, requirement.code);
      const from = item?.status ?? 'belum_ada';
      if (from === status && (item?.reason ?? '') === reason) {
        unchanged += 1;
        continue;
      }
      const message = statusChangeRefusal(status, item ? evidenceCount(ctx, item.id) : 0);
      if (message) refused.push({ instrumentId: ref.instrumentId, requirementCode: requirement.code, text: requirement.text, message });
      else todo.push({ key, text: requirement.text, from });
    }
    if (input.dryRun) {
      const changed = todo.map((entry) => ({ instrumentId: entry.key.instrumentId, requirementCode: entry.key.requirementCode, text: entry.text, from: entry.from, to: status, historyId: 0 }));
      return { changed, unchanged, refused };
    }
    if (refused.length > 0 && !input.skipRefused) throw new AppError('EVIDENCE_REQUIRED', refused.length === 1 && targets.length === 1 ? refused[0]!.message : refusalMessage(status, refused), { details: refused.map((entry) => entry.text) });
    const changed: BulkChange[] = [];
    for (const entry of todo) {
      const historyId = changeStatus(ctx, entry.key, status, reason, undefined, todo.length > 1 ? { bulk: todo.length } : {});
      if (historyId !== null) changed.push({ instrumentId: entry.key.instrumentId, requirementCode: entry.key.requirementCode, text: entry.text, from: entry.from, to: status, historyId });
    }
    return { changed, unchanged, refused };
  };
  // A dry run reads only; a real one is one write transaction for the whole set.
  const outcome = input.dryRun ? ctx.db.transaction(run).deferred() : ctx.db.transaction(run).immediate();
  const keys = new Set(outcome.changed.map(refKey));
  return { status, ...outcome, dryRun: input.dryRun, requirements: input.dryRun ? [] : currentRequirements(ctx, periodId, unitId, keys) };
}

interface StatusDetail {
  from: EvidenceStatus;
  to: EvidenceStatus;
  reason?: string;
  fromReason?: string;
  fromVerifiedBy?: string;
  fromVerifiedAt?: string | null;
}

/**
 * Undo status changes by their history entries, all or nothing. Each requirement must still
 * be exactly as that entry left it (its latest status entry, same status and reason);
 * otherwise someone or something changed it since and undoing would overwrite that.
 */
export function undoStatus(ctx: ServerContext, input: ParsedInput<'checklist:undo-status'>): UndoStatusResult {
  const { periodId, unitId } = input;
  const keys = new Set<string>();
  ctx.db.transaction(() => {
    requireScope(ctx, periodId, unitId);
    const repo = bulkRepo(ctx);
    const conflicts: string[] = [];
    const plan: Array<{ key: ItemKey; itemId: number; detail: StatusDetail; historyId: number }> = [];
    for (const change of input.changes) {
      const row = repo.history.get(change.historyId);
      if (!row || row.action !== 'status' || row.period_id !== periodId || row.unit_id !== unitId || row.instrument_id !== change.instrumentId || row.requirement_code !== change.requirementCode) {
        throw new AppError('NOT_FOUND', 'Perubahan yang akan diurungkan tidak ditemukan di riwayat. Muat ulang daftar periksa.');
      }
      const detail = JSON.parse(row.detail) as StatusDetail;
      const key: ItemKey = { periodId, unitId, instrumentId: change.instrumentId, requirementCode: change.requirementCode };
      const item = checklistRepo(ctx).item.get(periodId, unitId, change.instrumentId, change.requirementCode);
      const latest = repo.lastStatusEntry.get(periodId, unitId, change.instrumentId, change.requirementCode);
      if (!item || latest?.id !== row.id || item.status !== detail.to || item.reason !== (detail.reason ?? '')) {
        conflicts.push(change.requirementCode);
        continue;
      }
      plan.push({ key, itemId: item.id, detail, historyId: row.id });
    }
    if (conflicts.length > 0) {
      const n = conflicts.length.toLocaleString('id-ID');
      throw new AppError(
        'CONFLICT',
        `Tidak dapat diurungkan: ${conflicts.length === 1 && input.changes.length === 1 ? 'persyaratan ini' : `${n} persyaratan`} sudah diubah lagi sesudahnya (oleh orang lain, bukti baru, atau impor). Tidak ada yang dikembalikan; periksa riwayatnya lalu ubah statusnya sendiri bila perlu.`,
        { details: conflicts.slice(0, 50) },
      );
    }
    for (const { key, itemId, detail, historyId } of plan) {
      // The same rule as any change: a requirement whose evidence was removed cannot become terverifikasi again.
      const refusal = statusChangeRefusal(detail.from, evidenceCount(ctx, itemId));
      if (refusal) throw new AppError('EVIDENCE_REQUIRED', `Tidak dapat diurungkan: ${refusal}`);
      const restoresVerification = detail.from === 'terverifikasi';
      repo.restore.run({
        id: itemId,
        status: detail.from,
        reason: detail.fromReason ?? '',
        verifiedBy: restoresVerification ? (detail.fromVerifiedBy ?? operatorName(ctx)) : null,
        verifiedAt: restoresVerification ? (detail.fromVerifiedAt ?? isoNow(ctx)) : null,
        now: isoNow(ctx),
      });
      appendHistory(ctx, key, 'status', {
        from: detail.to,
        to: detail.from,
        ...(detail.fromReason ? { reason: detail.fromReason } : {}),
        revert: true,
        revertOf: historyId,
        ...(plan.length > 1 ? { bulk: plan.length } : {}),
      });
      keys.add(refKey(key));
    }
  }).immediate();
  return { reverted: keys.size, requirements: currentRequirements(ctx, periodId, unitId, keys) };
}
