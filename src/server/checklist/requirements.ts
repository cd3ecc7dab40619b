/**
 * The effective requirement list of an instrument in a year: the instrument's own
 * requirements, minus those the office hid for that year, plus the office's own.
 */
import type { Indicator, InstrumentDefinition } from '../../core/instrument/schema';
import type { ParsedInput } from '../../shared/contract';
import { AppError } from '../../shared/result';
import type { HiddenRequirement } from '../../shared/types';
import { isoNow, type ServerContext } from '../context';
import type { Db } from '../db/connection';
import { memoFor } from '../db/memo';
import { appendHistory } from '../history/history';
import { getInstrument } from '../instruments/instruments-service';

export interface EffectiveRequirement {
  indicatorCode: string;
  code: string;
  text: string;
  kind: string;
  custom: boolean;
}

function requirementsRepository(db: Db) {
  return {
    custom: db.prepare<[number, number], { indicator_code: string; code: string; text: string; kind: string }>(
      'SELECT indicator_code, code, text, kind FROM custom_requirements WHERE period_id = ? AND instrument_id = ? ORDER BY id',
    ),
    hidden: db.prepare<[number, number], { requirement_code: string; reason: string; hidden_at: string }>(
      'SELECT requirement_code, reason, hidden_at FROM hidden_requirements WHERE period_id = ? AND instrument_id = ?',
    ),
    hiddenAll: db.prepare<[number], { instrument_id: number; requirement_code: string; reason: string; hidden_at: string }>(
      'SELECT instrument_id, requirement_code, reason, hidden_at FROM hidden_requirements WHERE period_id = ? ORDER BY hidden_at',
    ),
    nextCustom: db.prepare<[number, number], { n: number }>(
      'SELECT count(*) + 1 AS n FROM custom_requirements WHERE period_id = ? AND instrument_id = ?',
    ),
    insertCustom: db.prepare(
      `INSERT INTO custom_requirements (period_id, instrument_id, indicator_code, code, text, kind, created_at)
       VALUES (@periodId, @instrumentId, @indicatorCode, @code, @text, @kind, @createdAt)`,
    ),
    hide: db.prepare(
      `INSERT INTO hidden_requirements (period_id, instrument_id, requirement_code, reason, hidden_at)
       VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET reason = excluded.reason`,
    ),
    unhide: db.prepare('DELETE FROM hidden_requirements WHERE period_id = ? AND instrument_id = ? AND requirement_code = ?'),
    periodInstrument: db.prepare<[number, number], { ok: number }>(
      'SELECT 1 AS ok FROM period_instruments WHERE period_id = ? AND instrument_id = ?',
    ),
  };
}

export const requirementsRepo = (ctx: ServerContext) => memoFor(ctx.db, requirementsRepository);

export function requireInstrumentOfPeriod(ctx: ServerContext, periodId: number, instrumentId: number): InstrumentDefinition {
  if (!requirementsRepo(ctx).periodInstrument.get(periodId, instrumentId)) {
    throw new AppError('VALIDATION', 'Instrumen ini tidak dipakai pada tahun penilaian tersebut.');
  }
  return getInstrument(ctx, { id: instrumentId }).definition;
}

export function allIndicators(definition: InstrumentDefinition): Indicator[] {
  return definition.aspects.flatMap((aspect) => aspect.indicators);
}

/** Effective requirements grouped by indicator code, plus how many were hidden per indicator. */
export function effectiveRequirements(
  ctx: ServerContext,
  periodId: number,
  instrumentId: number,
  definition: InstrumentDefinition,
): { byIndicator: Map<string, EffectiveRequirement[]>; hiddenCount: Map<string, number> } {
  const repo = requirementsRepo(ctx);
  const hidden = new Set(repo.hidden.all(periodId, instrumentId).map((row) => row.requirement_code));
  const byIndicator = new Map<string, EffectiveRequirement[]>();
  const hiddenCount = new Map<string, number>();
  for (const indicator of allIndicators(definition)) {
    const list: EffectiveRequirement[] = [];
    for (const requirement of indicator.requirements) {
      if (hidden.has(requirement.code)) hiddenCount.set(indicator.code, (hiddenCount.get(indicator.code) ?? 0) + 1);
      else list.push({ indicatorCode: indicator.code, code: requirement.code, text: requirement.text, kind: requirement.kind, custom: false });
    }
    byIndicator.set(indicator.code, list);
  }
  for (const row of repo.custom.all(periodId, instrumentId)) {
    if (hidden.has(row.code)) continue;
    byIndicator.get(row.indicator_code)?.push({ indicatorCode: row.indicator_code, code: row.code, text: row.text, kind: row.kind, custom: true });
  }
  return { byIndicator, hiddenCount };
}

export function findRequirement(
  ctx: ServerContext,
  periodId: number,
  instrumentId: number,
  code: string,
): EffectiveRequirement {
  const definition = requireInstrumentOfPeriod(ctx, periodId, instrumentId);
  for (const list of effectiveRequirements(ctx, periodId, instrumentId, definition).byIndicator.values()) {
    const found = list.find((requirement) => requirement.code === code);
    if (found) return found;
  }
  throw new AppError('NOT_FOUND', `Persyaratan "${code}" tidak ada (atau disembunyikan) pada tahun penilaian ini.`);
}

export function addCustomRequirement(ctx: ServerContext, input: ParsedInput<'checklist:add-requirement'>): EffectiveRequirement {
  return ctx.db
    .transaction(() => {
      const definition = requireInstrumentOfPeriod(ctx, input.periodId, input.instrumentId);
      if (!allIndicators(definition).some((indicator) => indicator.code === input.indicatorCode)) {
        throw new AppError('NOT_FOUND', `Indikator "${input.indicatorCode}" tidak ada pada instrumen ini.`);
      }
      const repo = requirementsRepo(ctx);
      const code = `kantor-${input.indicatorCode}-${repo.nextCustom.get(input.periodId, input.instrumentId)!.n}`;
      repo.insertCustom.run({ ...input, code, createdAt: isoNow(ctx) });
      appendHistory(ctx, { periodId: input.periodId, instrumentId: input.instrumentId, requirementCode: code, indicatorCode: input.indicatorCode }, 'requirement-added', { text: input.text });
      return { indicatorCode: input.indicatorCode, code, text: input.text, kind: input.kind, custom: true };
    })
    .immediate();
}

function textOf(ctx: ServerContext, periodId: number, instrumentId: number, code: string): string {
  const definition = getInstrument(ctx, { id: instrumentId }).definition;
  const own = allIndicators(definition)
    .flatMap((indicator) => indicator.requirements)
    .find((requirement) => requirement.code === code);
  if (own) return own.text;
  const custom = requirementsRepo(ctx)
    .custom.all(periodId, instrumentId)
    .find((row) => row.code === code);
  return custom?.text ?? code;
}

export function listHidden(ctx: ServerContext, periodId: number): HiddenRequirement[] {
  return requirementsRepo(ctx)
    .hiddenAll.all(periodId)
    .map((row) => ({
      instrumentId: row.instrument_id,
      code: row.requirement_code,
      text: textOf(ctx, periodId, row.instrument_id, row.requirement_code),
      reason: row.reason,
      hiddenAt: row.hidden_at,
    }));
}

export function hideRequirement(ctx: ServerContext, input: ParsedInput<'checklist:hide-requirement'>): HiddenRequirement {
  return ctx.db
    .transaction(() => {
      findRequirement(ctx, input.periodId, input.instrumentId, input.requirementCode);
      requirementsRepo(ctx).hide.run(input.periodId, input.instrumentId, input.requirementCode, input.reason, isoNow(ctx));
      appendHistory(ctx, { periodId: input.periodId, instrumentId: input.instrumentId, requirementCode: input.requirementCode }, 'requirement-hidden', { reason: input.reason });
      return listHidden(ctx, input.periodId).find((row) => row.instrumentId === input.instrumentId && row.code === input.requirementCode)!;
    })
    .immediate();
}

export function unhideRequirement(ctx: ServerContext, input: ParsedInput<'checklist:unhide-requirement'>): HiddenRequirement[] {
  return ctx.db
    .transaction(() => {
      const removed = requirementsRepo(ctx).unhide.run(input.periodId, input.instrumentId, input.requirementCode).changes;
      if (removed === 0) throw new AppError('NOT_FOUND', 'Persyaratan ini tidak sedang disembunyikan.');
      appendHistory(ctx, { periodId: input.periodId, instrumentId: input.instrumentId, requirementCode: input.requirementCode }, 'requirement-unhidden', {});
      return listHidden(ctx, input.periodId);
    })
    .immediate();
}
