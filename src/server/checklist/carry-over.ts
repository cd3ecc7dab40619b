/**
 * Start a new year from the previous one: office requirements carry over, evidence
 * stays linked, and every status that had anything is reset to "menunggu verifikasi" so
 * the office re-checks it. Requirements are matched by code within the same instrument
 * family, so a new instrument edition keeps whatever it shares with the old one.
 * Items the new year already worked on are left alone.
 */
import type { ParsedInput } from '../../shared/contract';
import { AppError } from '../../shared/result';
import type { CarryOverReport } from '../../shared/types';
import { isoNow, type ServerContext } from '../context';
import { appendHistory } from '../history/history';
import { getPeriod } from '../periods/periods-service';
import { checklistRepo, ensureItem } from './checklist-service';
import { allIndicators, effectiveRequirements, requirementsRepo } from './requirements';
import { getInstrument } from '../instruments/instruments-service';

function copyCustomRequirements(ctx: ServerContext, fromId: number, toId: number, pairs: Array<[number, number]>): number {
  let copied = 0;
  for (const [fromInstrument, toInstrument] of pairs) {
    const indicators = new Set(allIndicators(getInstrument(ctx, { id: toInstrument }).definition).map((indicator) => indicator.code));
    const existing = new Set(requirementsRepo(ctx).custom.all(toId, toInstrument).map((row) => row.code));
    for (const row of requirementsRepo(ctx).custom.all(fromId, fromInstrument)) {
      if (existing.has(row.code) || !indicators.has(row.indicator_code)) continue;
      requirementsRepo(ctx).insertCustom.run({
        periodId: toId,
        instrumentId: toInstrument,
        indicatorCode: row.indicator_code,
        code: row.code,
        text: row.text,
        kind: row.kind,
        createdAt: isoNow(ctx),
      });
      copied += 1;
    }
  }
  return copied;
}

export function carryOver(ctx: ServerContext, input: ParsedInput<'checklist:carry-over'>): CarryOverReport {
  const from = getPeriod(ctx, { id: input.fromPeriodId });
  const to = getPeriod(ctx, { id: input.toPeriodId });
  if (from.id === to.id) throw new AppError('VALIDATION', 'Pilih tahun asal yang berbeda dari tahun tujuan.');
  const inBoth = new Set(from.units.map((unit) => unit.unitId));
  const units = to.units.map((unit) => unit.unitId).filter((id) => inBoth.has(id) && (!input.unitIds || input.unitIds.includes(id)));
  if (input.unitIds && units.length === 0) {
    throw new AppError('VALIDATION', 'Unit yang dipilih harus termasuk kedua tahun penilaian.');
  }
  const pairs: Array<[number, number]> = [];
  for (const target of to.instruments) {
    const source = from.instruments.find((instrument) => instrument.family === target.family);
    if (source) pairs.push([source.id, target.id]);
  }
  const repo = checklistRepo(ctx);
  return ctx.db
    .transaction(() => {
      const report: CarryOverReport = { units: units.length, items: 0, links: 0, customRequirements: copyCustomRequirements(ctx, from.id, to.id, pairs) };
      for (const [sourceInstrument, targetInstrument] of pairs) {
        const definition = getInstrument(ctx, { id: targetInstrument }).definition;
        const codes = new Set([...effectiveRequirements(ctx, to.id, targetInstrument, definition).byIndicator.values()].flat().map((r) => r.code));
        for (const unitId of units) {
          for (const old of repo.itemsOfUnit.all(from.id, unitId)) {
            if (old.instrument_id !== sourceInstrument || !codes.has(old.requirement_code) || old.status === 'belum_ada') continue;
            const key = { periodId: to.id, unitId, instrumentId: targetInstrument, requirementCode: old.requirement_code };
            const current = repo.item.get(to.id, unitId, targetInstrument, old.requirement_code);
            if (current && current.status !== 'belum_ada') continue;
            const item = ensureItem(ctx, key);
            repo.setStatus.run({ id: item.id, status: 'menunggu_verifikasi', reason: '', verifiedBy: null, verifiedAt: null, now: isoNow(ctx) });
            repo.setNote.run({ id: item.id, note: old.note, now: isoNow(ctx) });
            for (const link of repo.linksOfItem.all(old.id)) report.links += repo.link.run(item.id, link.id, isoNow(ctx)).changes;
            appendHistory(ctx, key, 'carry-over', { fromYear: from.year, fromStatus: old.status });
            report.items += 1;
          }
        }
      }
      return report;
    })
    .immediate();
}
