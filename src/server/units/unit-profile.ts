/**
 * One place per unit (*Profil Unit*): who leads it, how far each instrument is, the three
 * PEKPPP views and the Ombudsman estimate, the first steps of its gap list and what changed
 * last — composed from the same services every screen uses, in one read.
 */
import type { ParsedInput } from '../../shared/contract';
import type { UnitProfile } from '../../shared/types';
import type { ServerContext } from '../context';
import { getChecklist, requireScope } from '../checklist/checklist-service';
import { getPeriod } from '../periods/periods-service';
import { recentHistoryOfUnit } from '../history/history';
import { unitGaps } from '../scoring/gaps-service';
import { unitScores } from '../scoring/scores-service';

const TOP_GAPS = 5;
const RECENT_CHANGES = 8;

function neighbours(units: ReadonlyArray<{ unitId: number; unitName: string }>, unitId: number): UnitProfile['neighbours'] {
  const ordered = [...units].sort((a, b) => a.unitName.localeCompare(b.unitName, 'id'));
  const at = ordered.findIndex((unit) => unit.unitId === unitId);
  const pick = (index: number) => {
    const unit = ordered[index];
    return unit ? { id: unit.unitId, name: unit.unitName } : null;
  };
  return { previous: pick(at - 1), next: pick(at + 1), position: at + 1, count: ordered.length };
}

export function unitProfile(ctx: ServerContext, input: ParsedInput<'units:profile'>): UnitProfile {
  return ctx.db.transaction(() => {
    const period = requireScope(ctx, input.periodId, input.unitId);
    const checklist = getChecklist(ctx, input);
    const scores = unitScores(ctx, input);
    const gaps = unitGaps(ctx, { ...input, basis: 'terkini' });
    // What each history line is about, in words ("Indikator 6 · Survei Kepuasan …").
    const indicators = new Map<string, string>();
    const requirements = new Map<string, string>();
    for (const instrument of checklist.instruments) {
      for (const indicator of instrument.aspects.flatMap((aspect) => aspect.indicators)) {
        indicators.set(`${instrument.instrumentId}:${indicator.code}`, `${instrument.shortName} · Indikator ${indicator.number} ${indicator.name}`);
        for (const requirement of indicator.requirements) requirements.set(`${instrument.instrumentId}:${requirement.code}`, requirement.text);
      }
    }
    const targetOf = (entry: { instrumentId: number | null; indicatorCode: string | null; requirementCode: string | null }): string | null => {
      if (entry.instrumentId === null) return null;
      if (entry.requirementCode) return requirements.get(`${entry.instrumentId}:${entry.requirementCode}`) ?? entry.requirementCode;
      if (entry.indicatorCode) return indicators.get(`${entry.instrumentId}:${entry.indicatorCode}`) ?? entry.indicatorCode;
      return null;
    };
    return {
      periodId: period.id,
      year: period.year,
      deadline: period.deadline,
      unit: checklist.unit,
      ombudsmanSample: period.unit.ombudsmanSample,
      progress: checklist.progress,
      instruments: checklist.instruments.map((instrument) => ({
        instrumentId: instrument.instrumentId,
        family: instrument.family,
        shortName: instrument.shortName,
        progress: instrument.progress,
      })),
      scores,
      topGaps: {
        pekppp: gaps.pekppp?.actions.slice(0, TOP_GAPS) ?? [],
        ombudsman: gaps.ombudsman?.actions.slice(0, TOP_GAPS) ?? [],
        pekpppCount: gaps.pekppp?.actions.length ?? 0,
        ombudsmanCount: gaps.ombudsman?.actions.length ?? 0,
        toNextBand: gaps.pekppp?.toNextBand ?? null,
      },
      history: recentHistoryOfUnit(ctx, input, RECENT_CHANGES).map((entry) => ({ ...entry, target: targetOf(entry) })),
      neighbours: neighbours(getPeriod(ctx, { id: period.id }).units, input.unitId),
    };
  })();
}
