/**
 * What a returned workbook last gave, once applied (migration 009). A unit keeps its
 * workbook and edits it again after the office applied it; the next return is then
 * judged against what the unit already sent, not only against the original export:
 * - a row or indicator the unit has not touched since is unchanged (never a conflict,
 *   even if the office changed it since: the office's change stands);
 * - the office's own change is still recognised, because the requirement's updated_at
 *   (or the stored self-assessment) no longer matches what the apply left behind.
 * Both the fillable form's import and the intake kits write and read it.
 */
import type { SelfAssessmentState } from '../../../core/intake/unit-rules';
import type { EvidenceStatus } from '../../../core/checklist/types';
import { isoNow, type ServerContext } from '../../context';
import type { Db } from '../../db/connection';
import { memoFor } from '../../db/memo';
import type { ItemKey } from '../../checklist/checklist-service';

/** A row's own values as the unit wrote them. */
export interface SentRow {
  status: EvidenceStatus | null;
  note: string;
  links: string[];
}

export interface RowBaseline {
  sent: SentRow;
  updatedAt: string | null;
}

export interface LevelBaseline {
  sent: SelfAssessmentState;
  applied: SelfAssessmentState;
}

interface BaselineRow {
  key: string;
  sent: string;
  updated_at: string | null;
}

function baselineRepository(db: Db) {
  return {
    ofUnit: db.prepare<[number, number, string], BaselineRow>('SELECT key, sent, updated_at FROM returned_baselines WHERE period_id = ? AND unit_id = ? AND target = ?'),
    upsert: db.prepare(
      `INSERT INTO returned_baselines (period_id, unit_id, target, key, sent, updated_at, applied_at) VALUES (@periodId, @unitId, @target, @key, @sent, @updatedAt, @now)
       ON CONFLICT (period_id, unit_id, target, key) DO UPDATE SET sent = excluded.sent, updated_at = excluded.updated_at, applied_at = excluded.applied_at`,
    ),
    itemUpdatedAt: db.prepare<[number, number, number, string], string>(
      'SELECT updated_at FROM checklist_items WHERE period_id = ? AND unit_id = ? AND instrument_id = ? AND requirement_code = ?',
    ).pluck(),
  };
}

const repo = (ctx: ServerContext) => memoFor(ctx.db, baselineRepository);

export const rowKeyOf = (key: { instrumentId: number; requirementCode: string }): string => `${key.instrumentId}:${key.requirementCode}`;

/** Same values, links in any order. */
export function sameSentRow(a: SentRow, b: SentRow): boolean {
  return a.status === b.status && a.note === b.note && a.links.length === b.links.length && [...a.links].sort().join('\n') === [...b.links].sort().join('\n');
}

export function rowBaselines(ctx: ServerContext, target: { periodId: number; unitId: number }): Map<string, RowBaseline> {
  return new Map(repo(ctx).ofUnit.all(target.periodId, target.unitId, 'item').map((row) => [row.key, { sent: JSON.parse(row.sent) as SentRow, updatedAt: row.updated_at }]));
}

export function levelBaselines(ctx: ServerContext, target: { periodId: number; unitId: number }): Map<string, LevelBaseline> {
  return new Map(repo(ctx).ofUnit.all(target.periodId, target.unitId, 'level').map((row) => [row.key, JSON.parse(row.sent) as LevelBaseline]));
}

/** Inside the apply's transaction, after the row was written. */
export function rememberRow(ctx: ServerContext, key: ItemKey, sent: SentRow): void {
  const updatedAt = repo(ctx).itemUpdatedAt.get(key.periodId, key.unitId, key.instrumentId, key.requirementCode) ?? null;
  repo(ctx).upsert.run({ periodId: key.periodId, unitId: key.unitId, target: 'item', key: rowKeyOf(key), sent: JSON.stringify(sent), updatedAt, now: isoNow(ctx) });
}

/** Inside the apply's transaction, after the level was written. */
export function rememberLevel(ctx: ServerContext, target: { periodId: number; unitId: number; indicatorCode: string }, baseline: LevelBaseline): void {
  const toJson = (state: SelfAssessmentState) => ({ ...state, elements: [...state.elements] });
  repo(ctx).upsert.run({ periodId: target.periodId, unitId: target.unitId, target: 'level', key: target.indicatorCode, sent: JSON.stringify({ sent: toJson(baseline.sent), applied: toJson(baseline.applied) }), updatedAt: null, now: isoNow(ctx) });
}
