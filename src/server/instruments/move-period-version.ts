/**
 * Move a year to a new instrument version: statuses, evidence links, levels, office
 * requirements and Ombudsman inputs carried across by code (core/instrument/move-plan),
 * with the office's edits for renamed or split codes. Preview changes nothing; apply runs
 * in ONE transaction after a verified backup (taken by the caller). Rows of codes left
 * unmapped stay stored under the old version, so moving back finds them again.
 */
import { backupBeforeChange } from '../backup/before-change';
import crypto from 'node:crypto';
import { planMove, type CodeMapping } from '../../core/instrument/move-plan';
import type { MovePreview, MoveResult as SharedMoveResult } from '../../shared/channels/instruments';
import type { InstrumentDefinition } from '../../core/instrument/schema';
import { AppError } from '../../shared/result';
import { isoNow, type ServerContext } from '../context';
import type { Db } from '../db/connection';
import { memoFor } from '../db/memo';
import { appendHistory } from '../history/history';
import { getPeriod } from '../periods/periods-service';
import { getInstrument } from './instruments-service';

export interface MoveInput {
  periodId: number;
  fromInstrumentId: number;
  toInstrumentId: number;
  mapping?: Partial<CodeMapping> | undefined;
}

type MoveResult = Omit<SharedMoveResult, 'backupId'>;

function moveRepository(db: Db) {
  return {
    itemCounts: db.prepare<[number, number], { code: string; n: number }>(
      'SELECT requirement_code AS code, COUNT(*) AS n FROM checklist_items WHERE period_id = ? AND instrument_id = ? GROUP BY requirement_code',
    ),
    levelCounts: db.prepare<[number, number], { code: string; n: number }>(
      'SELECT indicator_code AS code, COUNT(*) AS n FROM assessments WHERE period_id = ? AND instrument_id = ? GROUP BY indicator_code',
    ),
    leftovers: db.prepare<[number, number, number, number], { n: number }>(
      `SELECT (SELECT COUNT(*) FROM checklist_items WHERE period_id = ? AND instrument_id = ?)
            + (SELECT COUNT(*) FROM assessments WHERE period_id = ? AND instrument_id = ?) AS n`,
    ),
    items: db.prepare<[number, number], { id: number; requirement_code: string }>('SELECT id, requirement_code FROM checklist_items WHERE period_id = ? AND instrument_id = ?'),
    moveItem: db.prepare('UPDATE checklist_items SET instrument_id = ?, requirement_code = ? WHERE id = ?'),
    copyItem: db.prepare(
      `INSERT INTO checklist_items (period_id, unit_id, instrument_id, requirement_code, status, reason, note, verified_by, verified_at, updated_at)
       SELECT period_id, unit_id, ?, ?, status, reason, note, verified_by, verified_at, updated_at FROM checklist_items WHERE id = ?`,
    ),
    copyLinks: db.prepare('INSERT INTO checklist_evidence (item_id, evidence_id, linked_at) SELECT ?, evidence_id, linked_at FROM checklist_evidence WHERE item_id = ?'),
    levels: db.prepare<[number, number], { id: number; indicator_code: string; elements: string }>('SELECT id, indicator_code, elements FROM assessments WHERE period_id = ? AND instrument_id = ?'),
    moveLevel: db.prepare('UPDATE assessments SET instrument_id = ?, indicator_code = ?, elements = ? WHERE id = ?'),
    copyLevel: db.prepare(
      `INSERT INTO assessments (period_id, unit_id, instrument_id, indicator_code, self_level, verified_level, elements, override_reason, justification, verified_note, updated_at)
       SELECT period_id, unit_id, ?, ?, self_level, verified_level, ?, override_reason, justification, verified_note, updated_at FROM assessments WHERE id = ?`,
    ),
    customOf: db.prepare<[number, number], { id: number; indicator_code: string }>('SELECT id, indicator_code FROM custom_requirements WHERE period_id = ? AND instrument_id = ?'),
    moveCustom: db.prepare('UPDATE custom_requirements SET instrument_id = ?, indicator_code = ? WHERE id = ?'),
    hiddenOf: db.prepare<[number, number], { requirement_code: string; reason: string; hidden_at: string }>('SELECT requirement_code, reason, hidden_at FROM hidden_requirements WHERE period_id = ? AND instrument_id = ?'),
    hide: db.prepare('INSERT OR IGNORE INTO hidden_requirements (period_id, instrument_id, requirement_code, reason, hidden_at) VALUES (?, ?, ?, ?, ?)'),
    moveInputs: db.prepare('UPDATE ombudsman_inputs SET instrument_id = ? WHERE period_id = ? AND instrument_id = ?'),
    dropInstrument: db.prepare('DELETE FROM period_instruments WHERE period_id = ? AND instrument_id = ?'),
    addInstrument: db.prepare('INSERT INTO period_instruments (period_id, instrument_id) VALUES (?, ?)'),
  };
}

const repo = (ctx: ServerContext) => memoFor(ctx.db, moveRepository);
const counts = (rows: Array<{ code: string; n: number }>) => new Map(rows.map((row) => [row.code, row.n]));

function load(ctx: ServerContext, input: MoveInput) {
  const period = getPeriod(ctx, { id: input.periodId });
  if (!period.instruments.some((item) => item.id === input.fromInstrumentId)) {
    throw new AppError('VALIDATION', `Tahun ${period.year} tidak memakai instrumen dengan ID ${input.fromInstrumentId}.`);
  }
  if (period.instruments.some((item) => item.id === input.toInstrumentId)) throw new AppError('VALIDATION', `Tahun ${period.year} sudah memakai versi tujuan.`);
  const from = getInstrument(ctx, { id: input.fromInstrumentId });
  const to = getInstrument(ctx, { id: input.toInstrumentId });
  return { period, from, to };
}

export function previewMove(ctx: ServerContext, input: MoveInput): MovePreview {
  const { period, from, to } = load(ctx, input);
  const used = {
    indicators: counts(repo(ctx).levelCounts.all(period.id, from.id)),
    requirements: counts(repo(ctx).itemCounts.all(period.id, from.id)),
  };
  const plan = planMove(from.definition, to.definition, input.mapping ?? {}, used);
  if (repo(ctx).leftovers.get(period.id, to.id, period.id, to.id)!.n > 0) {
    plan.problems.push(`Tahun ${period.year} masih menyimpan data lama untuk versi ${to.version} (dari pemindahan sebelumnya). Pindahkan ke versi lain atau hubungi administrator.`);
  }
  const state = JSON.stringify([plan.mapping, [...used.indicators], [...used.requirements]]);
  return {
    ...plan,
    periodId: period.id,
    year: period.year,
    from: { id: from.id, version: from.version, name: from.shortName },
    to: { id: to.id, version: to.version, name: to.shortName },
    token: crypto.createHash('sha256').update(state).digest('hex'),
  };
}

function elementsFor(definition: InstrumentDefinition, indicatorCode: string, stored: string): string {
  const known = new Set(definition.aspects.flatMap((aspect) => aspect.indicators).find((indicator) => indicator.code === indicatorCode)?.elements?.items.map((item) => item.code) ?? []);
  const ticked = JSON.parse(stored) as string[];
  return JSON.stringify(ticked.filter((code) => known.has(code)));
}

/** The user action: a verified backup by the service, then the move in one transaction. */
export function moveYearToVersion(ctx: ServerContext, input: MoveInput & { token: string }): MoveResult & { backupId: string } {
  // Checked first so a stale preview does not cost a backup.
  if (previewMove(ctx, input).token !== input.token) throw new AppError('CONFLICT', 'Data atau padanan kode berubah sejak pratinjau; buka pratinjau lagi.');
  const backup = backupBeforeChange(ctx, 'sebelum-impor');
  return { ...applyMove(ctx, input), backupId: backup.id };
}

/** Apply a previewed move in one transaction; moveYearToVersion takes the backup first. */
export function applyMove(ctx: ServerContext, input: MoveInput & { token: string }): MoveResult {
  return ctx.db
    .transaction(() => {
      const preview = previewMove(ctx, input);
      if (preview.token !== input.token) throw new AppError('CONFLICT', 'Data atau padanan kode berubah sejak pratinjau; buka pratinjau lagi.');
      if (preview.problems.length > 0) throw new AppError('VALIDATION', `Pemindahan tidak dapat dijalankan: ${preview.problems[0]}`, { details: preview.problems });
      const { from, to } = load(ctx, input);
      const r = repo(ctx);
      const { requirements, indicators } = preview.mapping;
      let itemsMoved = 0;
      let itemsCopied = 0;
      for (const item of r.items.all(input.periodId, from.id)) {
        // Office requirements are not in the definition: they keep their code.
        const targets = item.requirement_code in requirements ? (requirements[item.requirement_code] ?? []) : [item.requirement_code];
        if (targets.length === 0) continue;
        r.moveItem.run(to.id, targets[0], item.id);
        itemsMoved += 1;
        for (const extra of targets.slice(1)) {
          const copy = Number(r.copyItem.run(to.id, extra, item.id).lastInsertRowid);
          r.copyLinks.run(copy, item.id);
          itemsCopied += 1;
        }
      }
      let levelsMoved = 0;
      for (const level of r.levels.all(input.periodId, from.id)) {
        const targets = indicators[level.indicator_code] ?? [];
        if (targets.length === 0) continue;
        r.moveLevel.run(to.id, targets[0], elementsFor(to.definition, targets[0]!, level.elements), level.id);
        levelsMoved += 1;
        for (const extra of targets.slice(1)) r.copyLevel.run(to.id, extra, elementsFor(to.definition, extra, level.elements), level.id);
      }
      for (const custom of r.customOf.all(input.periodId, from.id)) r.moveCustom.run(to.id, indicators[custom.indicator_code]?.[0] ?? custom.indicator_code, custom.id);
      for (const hidden of r.hiddenOf.all(input.periodId, from.id)) {
        for (const target of requirements[hidden.requirement_code] ?? [hidden.requirement_code]) r.hide.run(input.periodId, to.id, target, hidden.reason, hidden.hidden_at);
      }
      r.moveInputs.run(to.id, input.periodId, from.id);
      r.dropInstrument.run(input.periodId, from.id);
      r.addInstrument.run(input.periodId, to.id);
      appendHistory(ctx, { periodId: input.periodId, instrumentId: to.id }, 'instrument-moved', {
        from: `${from.code} ${from.version}`,
        to: `${to.code} ${to.version}`,
        itemsMoved,
        itemsCopied,
        levelsMoved,
        itemsLeft: preview.itemsLeft,
        at: isoNow(ctx),
      });
      return { periodId: input.periodId, toInstrumentId: to.id, itemsMoved, itemsCopied, levelsMoved };
    })
    .immediate();
}
