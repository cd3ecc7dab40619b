/**
 * Scores for a unit and for the whole year, always computed by the pure core from the
 * stored levels and statuses — the screens, the CLI and the Excel exports render these
 * same reports, never a second computation.
 */
import { progressOf, sumProgress } from '../../core/checklist/progress';
import { scoreLocalGovernment, scoreOmbudsman, scoreOmbudsmanLocalGovernment, scorePekpppViews, viewOf } from '../../core/scoring';
import type { OmbudsmanReport, PekpppReport, PekpppView, UnitReportEntry } from '../../core/scoring/types';
import type { ParsedInput } from '../../shared/contract';
import { AppError } from '../../shared/result';
import type { Dashboard, DashboardUnit, OmbudsmanInputs, UnitScores } from '../../shared/types';
import { isoNow, type ServerContext } from '../context';
import { listPeriods } from '../periods/periods-service';
import { requireScope } from '../checklist/checklist-service';
import { loadYearInputs, scoringRepo, type LoadOptions, type YearInputs } from './scoring-inputs';

export interface YearScores {
  inputs: YearInputs;
  units: Array<{
    unitId: number;
    unitName: string;
    groupName: string;
    sample: boolean;
    /** The three PEKPPP views; null when the year has no PEKPPP instrument. */
    self: PekpppReport | null;
    verified: PekpppReport | null;
    /** Null also when the unit has no level at all (*belum dinilai*). */
    current: PekpppReport | null;
    ombudsman: OmbudsmanReport | null;
  }>;
}

export type YearUnitScores = YearScores['units'][number];

/** One PEKPPP view of a unit (the *terkini* view is null for a unit with no level). */
export function pekpppView(unit: YearUnitScores, view: PekpppView): PekpppReport | null {
  return viewOf({ self: unit.self!, verified: unit.verified!, current: unit.current }, view);
}

/** Every unit's reports for a year (or one unit's), from one load of the inputs. */
export function computeYear(ctx: ServerContext, periodId: number, options: LoadOptions = { statuses: 'ombudsman' }): YearScores {
  const inputs = loadYearInputs(ctx, periodId, options);
  const scope = options.unitId === undefined ? inputs.period.units : inputs.period.units.filter((unit) => unit.unitId === options.unitId);
  const units = scope.map((unit) => {
    const views = inputs.pekppp
      ? scorePekpppViews(inputs.pekppp.definition, inputs.levels(unit.unitId, false), inputs.levels(unit.unitId, true))
      : null;
    return {
      unitId: unit.unitId,
      unitName: unit.unitName,
      groupName: unit.groupName,
      sample: unit.ombudsmanSample,
      self: views?.self ?? null,
      verified: views?.verified ?? null,
      current: views?.current ?? null,
      ombudsman: inputs.ombudsman
        ? scoreOmbudsman(inputs.ombudsman.definition, inputs.requirementStatuses(unit.unitId), inputs.ombudsmanInputs(unit.unitId))
        : null,
    };
  });
  return { inputs, units };
}

export function unitScores(ctx: ServerContext, input: ParsedInput<'scores:unit'>): UnitScores {
  requireScope(ctx, input.periodId, input.unitId);
  const year = computeYear(ctx, input.periodId, { unitId: input.unitId });
  const unit = year.units.find((entry) => entry.unitId === input.unitId)!;
  const { pekppp, ombudsman } = year.inputs;
  return {
    periodId: input.periodId,
    unitId: unit.unitId,
    unitName: unit.unitName,
    pekppp:
      pekppp && unit.self && unit.verified
        ? { instrumentId: pekppp.id, self: unit.self, verified: unit.verified, current: unit.current }
        : null,
    ombudsman:
      ombudsman && unit.ombudsman
        ? { instrumentId: ombudsman.id, report: unit.ombudsman, inputs: year.inputs.ombudsmanInputs(unit.unitId), sample: unit.sample }
        : null,
  };
}

export function setOmbudsmanInputs(ctx: ServerContext, input: ParsedInput<'ombudsman:set-inputs'>): OmbudsmanInputs {
  const period = requireScope(ctx, input.periodId, input.unitId);
  const instrument = period.instruments.find((item) => item.family === 'ombudsman');
  if (!instrument) throw new AppError('VALIDATION', `Tahun ${period.year} tidak memakai instrumen Ombudsman.`);
  ctx.db
    .transaction(() => {
      scoringRepo(ctx).upsertInputs.run({
        periodId: input.periodId,
        unitId: input.unitId,
        instrumentId: instrument.id,
        trust: input.trust,
        followedUp: input.followedUp ? 1 : 0,
        now: isoNow(ctx),
      });
    })
    .immediate();
  return { trust: input.trust, followedUp: input.followedUp };
}

function daysBetween(today: string, deadline: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** The previous year's *nilai terkini* per unit, so the comparison uses the same view. */
function previousIndexes(ctx: ServerContext, year: number): { year: number | null; byUnit: Map<number, number | null> } {
  const previous = listPeriods(ctx).find((period) => period.year === year - 1);
  if (!previous) return { year: null, byUnit: new Map() };
  const scores = computeYear(ctx, previous.id);
  // A unit never assessed that year has no comparison (null), not an index of 0.
  return { year: previous.year, byUnit: new Map(scores.units.map((unit) => [unit.unitId, unit.current?.index ?? null])) };
}

export function dashboard(ctx: ServerContext, input: ParsedInput<'scores:dashboard'>): Dashboard {
  const year = computeYear(ctx, input.periodId, { statuses: 'all' });
  const { period } = year.inputs;
  const previous = previousIndexes(ctx, period.year);
  const units: DashboardUnit[] = year.units.map((unit) => {
    const statuses = [year.inputs.pekppp, year.inputs.ombudsman]
      .filter((instrument) => instrument !== null)
      .flatMap((instrument) => {
        const map = year.inputs.statusesOf(unit.unitId, instrument.id);
        return instrument.requirements.map((requirement) => map.get(requirement.code) ?? 'belum_ada');
      });
    const current = unit.current;
    return {
      unitId: unit.unitId,
      unitName: unit.unitName,
      groupName: unit.groupName,
      ombudsmanSample: unit.sample,
      progress: progressOf(statuses),
      selfIndex: unit.self?.index ?? null,
      verifiedIndex: unit.verified?.index ?? null,
      current: current ? { index: current.index!, state: current.state, basis: current.basis, total: current.completeness.total } : null,
      category: current?.band ? { code: current.band.code, label: current.band.label, tone: current.band.tone, provisional: current.band.provisional } : null,
      aspectIndexes: current
        ? current.aspects
            .filter((aspect) => aspect.scored)
            .map((aspect) => ({ code: aspect.code, name: aspect.name, index: aspect.assessedCount > 0 ? aspect.index : null, assessed: aspect.assessedCount, total: aspect.totalCount }))
        : [],
      ombudsman: unit.ombudsman
        ? { total: unit.ombudsman.total, grade: unit.ombudsman.band?.code ?? null, zone: unit.ombudsman.zone, tone: unit.ombudsman.band?.tone ?? null }
        : null,
      previousIndex: previous.byUnit.get(unit.unitId) ?? null,
    };
  });
  const pekpppEntries: UnitReportEntry<PekpppReport>[] = year.units
    .filter((unit) => unit.self !== null)
    .map((unit) => ({ unitId: unit.unitId, unitName: unit.unitName, report: unit.current ?? unit.self! }));
  // The Ombudsman scores its sample; with no sample marked yet, every unit stands in.
  const sampled = year.units.filter((unit) => unit.sample);
  const ombudsmanEntries: UnitReportEntry<OmbudsmanReport>[] = (sampled.length > 0 ? sampled : year.units)
    .filter((unit) => unit.ombudsman)
    .map((unit) => ({ unitId: unit.unitId, unitName: unit.unitName, report: unit.ombudsman! }));
  const today = isoNow(ctx).slice(0, 10);
  return {
    periodId: period.id,
    year: period.year,
    deadline: period.deadline,
    daysLeft: period.deadline ? daysBetween(today, period.deadline) : null,
    progress: sumProgress(units.map((unit) => unit.progress)),
    units,
    view: 'current',
    pekppp: year.inputs.pekppp ? scoreLocalGovernment(pekpppEntries, 'current') : null,
    ombudsman: year.inputs.ombudsman ? scoreOmbudsmanLocalGovernment(ombudsmanEntries) : null,
    previousYear: previous.year,
    aspects: (year.inputs.pekppp?.definition.aspects ?? [])
      .filter((aspect) => aspect.weight > 0)
      .map((aspect) => ({ code: aspect.code, name: aspect.name, weight: aspect.weight })),
  };
}
