import { progressOf, sumProgress } from '../../core/checklist/progress';
import { statusChangeRefusal } from '../../core/checklist/rules';
import type { EvidenceStatus } from '../../core/checklist/types';
import type { ParsedInput } from '../../shared/contract';
import { AppError } from '../../shared/result';
import type {
  Checklist,
  ChecklistInstrument,
  ChecklistRequirement,
  EvidenceItem,
  HistoryEntry,
  LinkedEvidence,
  Period,
  PeriodUnit,
  Unit,
  UnitProgress,
} from '../../shared/types';
import { isoNow, type ServerContext } from '../context';
import { memoFor } from '../db/memo';
import { appendHistory, historyForItem, operatorName } from '../history/history';
import { getInstrument } from '../instruments/instruments-service';
import { getPeriod, getPeriodSummary, periodWithUnit } from '../periods/periods-service';
import { getUnit, listUnits } from '../units/units-service';
import { checklistRepository, type EvidenceRow, type ItemRow, type LinkRow } from './checklist-repository';
import { evidenceFlags, flagEvidence, type EvidenceFlags } from './evidence-flags';
import { effectiveRequirements, findRequirement, type EffectiveRequirement } from './requirements';
import { yearFigures } from '../scoring/year-figures';

export const checklistRepo = (ctx: ServerContext) => memoFor(ctx.db, checklistRepository);

export interface ItemKey {
  periodId: number;
  unitId: number;
  instrumentId: number;
  requirementCode: string;
}

export function toEvidenceItem(row: EvidenceRow): EvidenceItem {
  return {
    id: row.id,
    unitId: row.unit_id,
    kind: row.kind,
    title: row.title,
    url: row.url,
    originalName: row.original_name,
    mime: row.mime,
    size: row.size,
    sha256: row.blob_sha256,
    documentDate: row.document_date,
    createdAt: row.created_at,
    createdBy: row.created_by,
    deleted: row.deleted_at !== null,
    usageCount: row.usage_count,
  };
}

function toLinked(row: EvidenceRow, kind: string, unitId: number, flags: EvidenceFlags): LinkedEvidence {
  return flagEvidence(toEvidenceItem(row), row, kind, unitId, flags);
}

function toRequirement(
  requirement: EffectiveRequirement,
  instrumentId: number,
  item: ItemRow | undefined,
  links: LinkRow[],
  unitId: number,
  flags: EvidenceFlags,
): ChecklistRequirement {
  const evidence = links.map((link) => toLinked(link, requirement.kind, unitId, flags));
  return {
    instrumentId,
    indicatorCode: requirement.indicatorCode,
    code: requirement.code,
    text: requirement.text,
    kind: requirement.kind,
    custom: requirement.custom,
    status: item?.status ?? 'belum_ada',
    reason: item?.reason ?? '',
    note: item?.note ?? '',
    verifiedBy: item?.verified_by ?? null,
    verifiedAt: item?.verified_at ?? null,
    updatedAt: item?.updated_at ?? null,
    evidence,
    expired: evidence.some((entry) => entry.expired),
    sharedWith: [...new Set(evidence.flatMap((entry) => entry.sharedWith))].sort((a, b) => a.localeCompare(b, 'id')),
  };
}

/** The unit must be in the year's scope; returns the period (for window checks) and the unit's place in it. */
export function requireScope(ctx: ServerContext, periodId: number, unitId: number): Period & { unit: PeriodUnit } {
  const scoped = periodWithUnit(ctx, periodId, unitId);
  if (!scoped) {
    const unit = getUnit(ctx, { id: unitId });
    const year = getPeriod(ctx, { id: periodId }).year;
    throw new AppError('VALIDATION', `Unit "${unit.name}" tidak termasuk tahun penilaian ${year}. Tambahkan dulu di Tahun Penilaian.`);
  }
  return scoped;
}

function buildInstrument(
  ctx: ServerContext,
  period: Period,
  instrumentId: number,
  items: Map<string, ItemRow>,
  links: Map<number, LinkRow[]>,
  unitId: number,
  flags: EvidenceFlags,
): ChecklistInstrument {
  const instrument = getInstrument(ctx, { id: instrumentId });
  const { byIndicator, hiddenCount } = effectiveRequirements(ctx, period.id, instrumentId, instrument.definition);
  const aspects = instrument.definition.aspects.map((aspect) => {
    const indicators = aspect.indicators.map((indicator) => {
      const requirements = (byIndicator.get(indicator.code) ?? []).map((requirement) => {
        const item = items.get(`${instrumentId}:${requirement.code}`);
        return toRequirement(requirement, instrumentId, item, item ? (links.get(item.id) ?? []) : [], unitId, flags);
      });
      return {
        code: indicator.code,
        number: indicator.number,
        name: indicator.name,
        weight: indicator.weight,
        progress: progressOf(requirements.map((requirement) => requirement.status)),
        requirements,
        hiddenCount: hiddenCount.get(indicator.code) ?? 0,
      };
    });
    return { code: aspect.code, name: aspect.name, weight: aspect.weight, indicators, progress: sumProgress(indicators.map((indicator) => indicator.progress)) };
  });
  return {
    instrumentId,
    code: instrument.code,
    shortName: instrument.shortName,
    family: instrument.family,
    aspectLabel: instrument.definition.aspectLabel,
    progress: sumProgress(aspects.map((aspect) => aspect.progress)),
    aspects,
  };
}

function groupLinks(rows: LinkRow[]): Map<number, LinkRow[]> {
  const links = new Map<number, LinkRow[]>();
  for (const link of rows) {
    const list = links.get(link.item_id) ?? [];
    list.push(link);
    links.set(link.item_id, list);
  }
  return links;
}

function assemble(ctx: ServerContext, period: Period, unit: Unit, items: ItemRow[], links: Map<number, LinkRow[]>, flags: EvidenceFlags): Checklist {
  const byKey = new Map(items.map((row) => [`${row.instrument_id}:${row.requirement_code}`, row]));
  const instruments = period.instruments.map((instrument) => buildInstrument(ctx, period, instrument.id, byKey, links, unit.id, flags));
  return {
    periodId: period.id,
    year: period.year,
    windowStart: period.windowStart,
    windowEnd: period.windowEnd,
    unit,
    progress: sumProgress(instruments.map((instrument) => instrument.progress)),
    instruments,
  };
}

export function getChecklist(ctx: ServerContext, input: ParsedInput<'checklist:get'>): Checklist {
  const period = requireScope(ctx, input.periodId, input.unitId);
  const repo = checklistRepo(ctx);
  const links = groupLinks(repo.linksOfUnit.all(period.id, input.unitId));
  return assemble(ctx, period, getUnit(ctx, { id: input.unitId }), repo.itemsOfUnit.all(period.id, input.unitId), links, evidenceFlags(ctx, period, { unitId: input.unitId }));
}

/** Every unit's checklist of a year from two queries (recaps and bulk exports). */
export function getChecklistsOfPeriod(ctx: ServerContext, periodId: number): Map<number, Checklist> {
  const period = getPeriod(ctx, { id: periodId });
  const repo = checklistRepo(ctx);
  const links = groupLinks(repo.linksOfPeriod.all(periodId));
  const itemsByUnit = new Map<number, ItemRow[]>();
  for (const row of repo.itemsOfPeriod.all(periodId)) {
    const list = itemsByUnit.get(row.unit_id) ?? [];
    list.push(row);
    itemsByUnit.set(row.unit_id, list);
  }
  const units = new Map(listUnits(ctx, { includeArchived: true }).map((unit) => [unit.id, unit]));
  const flags = evidenceFlags(ctx, period);
  return new Map(
    period.units.map((entry) => [entry.unitId, assemble(ctx, period, units.get(entry.unitId)!, itemsByUnit.get(entry.unitId) ?? [], links, flags)]),
  );
}

/** Progress of every unit in scope: the same count the Beranda and the recap show (year-figures.ts). */
export function periodProgress(ctx: ServerContext, input: ParsedInput<'checklist:progress'>): UnitProgress[] {
  const figures = yearFigures(ctx, input.periodId);
  return figures.inputs.period.units.map((unit) => ({
    unitId: unit.unitId,
    unitName: unit.unitName,
    groupName: unit.groupName,
    ombudsmanSample: unit.ombudsmanSample,
    progress: figures.figuresOf(unit.unitId).progress,
  }));
}

/** The item row for a requirement, created on first change (absent rows mean "belum ada"). */
export function ensureItem(ctx: ServerContext, key: ItemKey): ItemRow {
  const repo = checklistRepo(ctx);
  const existing = repo.item.get(key.periodId, key.unitId, key.instrumentId, key.requirementCode);
  if (existing) return existing;
  repo.insertItem.run({ ...key, now: isoNow(ctx) });
  return repo.item.get(key.periodId, key.unitId, key.instrumentId, key.requirementCode)!;
}

export function readRequirement(ctx: ServerContext, key: ItemKey): ChecklistRequirement {
  const period = getPeriodSummary(ctx, key.periodId);
  const requirement = findRequirement(ctx, key.periodId, key.instrumentId, key.requirementCode);
  const item = checklistRepo(ctx).item.get(key.periodId, key.unitId, key.instrumentId, key.requirementCode);
  const links = item ? checklistRepo(ctx).linksOfItem.all(item.id) : [];
  const flags = evidenceFlags(ctx, period, links.map((link) => link.blob_sha256));
  return toRequirement(requirement, key.instrumentId, item, links, key.unitId, flags);
}

/** Validate the address of a requirement: unit in scope, instrument in year, requirement visible. */
export function requireItemKey(ctx: ServerContext, key: ItemKey): EffectiveRequirement {
  requireScope(ctx, key.periodId, key.unitId);
  return findRequirement(ctx, key.periodId, key.instrumentId, key.requirementCode);
}

/** Live files and links of a requirement (trashed evidence does not count). */
export function evidenceCount(ctx: ServerContext, itemId: number): number {
  return checklistRepo(ctx).linksOfItem.all(itemId).length;
}

/**
 * Change status inside the caller's transaction, with history. Every path that sets a
 * status ends here, so the core rule (terverifikasi needs evidence) cannot be bypassed.
 * The history entry keeps what it replaced (reason, verifier) so *Urungkan* can restore
 * it exactly; returns the entry's id, or null when nothing changed.
 */
export function changeStatus(
  ctx: ServerContext,
  key: ItemKey,
  status: EvidenceStatus,
  reason: string,
  cause?: string,
  extra: Record<string, unknown> = {},
): number | null {
  const item = ensureItem(ctx, key);
  if (item.status === status && item.reason === reason) return null;
  const refusal = statusChangeRefusal(status, evidenceCount(ctx, item.id));
  if (refusal) throw new AppError('EVIDENCE_REQUIRED', refusal, { fields: { status: refusal } });
  const verified = status === 'terverifikasi';
  checklistRepo(ctx).setStatus.run({
    id: item.id,
    status,
    reason,
    verifiedBy: verified ? operatorName(ctx) : null,
    verifiedAt: verified ? isoNow(ctx) : null,
    now: isoNow(ctx),
  });
  return appendHistory(ctx, key, 'status', {
    from: item.status,
    to: status,
    ...(reason ? { reason } : {}),
    ...(cause ? { cause } : {}),
    ...(item.reason ? { fromReason: item.reason } : {}),
    ...(item.verified_by ? { fromVerifiedBy: item.verified_by, fromVerifiedAt: item.verified_at } : {}),
    ...extra,
  });
}

/** The reason a status keeps: required (and kept) for perlu perbaikan and tidak berlaku, dropped otherwise. */
export function statusReason(status: EvidenceStatus, reason: string | null | undefined): string {
  const text = reason ?? '';
  if ((status === 'perlu_perbaikan' || status === 'tidak_berlaku') && text === '') {
    const what = status === 'perlu_perbaikan' ? 'apa yang perlu diperbaiki' : 'mengapa persyaratan ini tidak berlaku';
    throw new AppError('VALIDATION', `Tuliskan alasan: ${what}.`, { fields: { reason: 'Alasan wajib diisi untuk status ini.' } });
  }
  return status === 'perlu_perbaikan' || status === 'tidak_berlaku' ? text : '';
}

export function setStatus(ctx: ServerContext, input: ParsedInput<'checklist:set-status'>): ChecklistRequirement {
  const reason = statusReason(input.status, input.reason);
  const key: ItemKey = { periodId: input.periodId, unitId: input.unitId, instrumentId: input.instrumentId, requirementCode: input.requirementCode };
  ctx.db.transaction(() => {
    requireItemKey(ctx, key);
    changeStatus(ctx, key, input.status, reason);
  }).immediate();
  return readRequirement(ctx, key);
}

export function setNote(ctx: ServerContext, input: ParsedInput<'checklist:set-note'>): ChecklistRequirement {
  const key: ItemKey = { periodId: input.periodId, unitId: input.unitId, instrumentId: input.instrumentId, requirementCode: input.requirementCode };
  const note = input.note.trim();
  ctx.db.transaction(() => {
    requireItemKey(ctx, key);
    const item = ensureItem(ctx, key);
    if (item.note === note) return;
    checklistRepo(ctx).setNote.run({ id: item.id, note, now: isoNow(ctx) });
    appendHistory(ctx, key, 'note', { from: item.note, to: note });
  }).immediate();
  return readRequirement(ctx, key);
}

export function itemHistory(ctx: ServerContext, input: ParsedInput<'checklist:history'>): HistoryEntry[] {
  return historyForItem(ctx, input);
}
