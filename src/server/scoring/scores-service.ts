/**
 * Scores for a unit and for the whole year, always computed by the pure core from the
 * stored levels and statuses — the screens, the CLI and the Excel exports render these
 * same reports, never a second computation.
 */
import { progressOf, sumProgress } from '../../core/checklist/progress';
import type { Progress } from '../../core/checklist/types';
import { scoreLocalGovernment, scoreOmbudsman, scoreOmbudsmanLocalGovernment, scorePekppp, scorePekpppViews, viewOf } from '../../core/scoring';
import { currentLevels } from '../../core/scoring/views';
import type { OmbudsmanReport, PekpppReport, PekpppView, UnitReportEntry } from '../../core/scoring/types';
import type { ParsedInput } from '../../shared/contract';
import { AppError } from '../../shared/result';
import type { Dashboard, DashboardUnit, OmbudsmanInputs, UnitScores } from '../../shared/types';
import { isoNow, type ServerContext } from '../context';
import { localIsoDay } from '../excel/exports/format';
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

/** One unit's reports from the year's loaded inputs. */
function scoreUnit(inputs: YearInputs, unit: YearInputs['period']['units'][number]): YearUnitScores {
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
}

/** Every unit's reports for a year (or one unit's), from one load of the inputs. */
export function computeYear(ctx: ServerContext, periodId: number, options: LoadOptions = { statuses: 'ombudsman' }): YearScores {
  const inputs = loadYearInputs(ctx, periodId, options);
  const scope = options.unitId === undefined ? inputs.period.units : inputs.period.units.filter((unit) => unit.unitId === options.unitId);
  return { inputs, units: scope.map((unit) => scoreUnit(inputs, unit)) };
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

/**
 * The previous year's *nilai terkini* per unit, so the comparison uses the same view.
 * Only that view's index is needed: its levels alone are read (no statuses) and only the
 * *terkini* report is scored — the same core call scorePekpppViews makes for it.
 */
function previousIndexes(ctx: ServerContext, year: number): { year: number | null; byUnit: Map<number, number | null> } {
  const previous = listPeriods(ctx).find((period) => period.year === year - 1);
  if (!previous) return { year: null, byUnit: new Map() };
  const inputs = loadYearInputs(ctx, previous.id, { statuses: 'none' });
  const byUnit = new Map<number, number | null>();
  const pekppp = inputs.pekppp;
  for (const unit of inputs.period.units) {
    if (!pekppp) {
      byUnit.set(unit.unitId, null);
      continue;
    }
    const levels = currentLevels(pekppp.definition, inputs.levels(unit.unitId, false), inputs.levels(unit.unitId, true));
    const report = scorePekppp(pekppp.definition, levels.levels, { view: 'current', sources: levels.sources });
    // A unit never assessed that year has no comparison (null), not an index of 0.
    byUnit.set(unit.unitId, report.state === 'belum_dinilai' ? null : report.index);
  }
  return { year: previous.year, byUnit };
}

const NO_PROGRESS = { items: 0, notApplicable: 0, supplied: 0, verified: 0 };

/**
 * Progress per unit over the year's effective requirements of every instrument (a
 * requirement without a row counts as *belum ada*): PEKPPP counted in SQL, the Ombudsman
 * from the statuses already loaded for its scores, both classified as progressOf does.
 */
function progressByUnit(ctx: ServerContext, inputs: YearInputs): (unitId: number) => Progress {
  const { pekppp, ombudsman } = inputs;
  const pekpppCounts = new Map<number, typeof NO_PROGRESS>();
  if (pekppp) {
    const codes = JSON.stringify(pekppp.requirements.map((requirement) => requirement.code));
    for (const row of scoringRepo(ctx).statusCountsOfInstrument.all(inputs.period.id, pekppp.id, codes)) {
      pekpppCounts.set(row.unit_id, { items: row.items, notApplicable: row.not_applicable, supplied: row.supplied, verified: row.verified });
    }
  }
  return (unitId) => {
    const parts: Progress[] = [];
    if (pekppp) {
      const sum = pekpppCounts.get(unitId) ?? NO_PROGRESS;
      parts.push({ applicable: pekppp.requirements.length - sum.notApplicable, notApplicable: sum.notApplicable, supplied: sum.supplied, verified: sum.verified, percentSupplied: 0, percentVerified: 0 });
    }
    if (ombudsman) {
      const statuses = inputs.statusesOf(unitId, ombudsman.id);
      parts.push(progressOf(ombudsman.requirements.map((requirement) => statuses.get(requirement.code) ?? 'belum_ada')));
    }
    // sumProgress derives the percentages exactly as progressOf does.
    return sumProgress(parts);
  };
}

function dashboardUnit(unit: YearUnitScores, progress: Progress, previousIndex: number | null): DashboardUnit {
  const current = unit.current;
  return {
    unitId: unit.unitId,
    unitName: unit.unitName,
    groupName: unit.groupName,
    ombudsmanSample: unit.sample,
    progress,
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
    previousIndex,
  };
}

export function dashboard(ctx: ServerContext, input: ParsedInput<'scores:dashboard'>): Dashboard {
  const inputs = loadYearInputs(ctx, input.periodId, { statuses: 'ombudsman' });
  // Unit by unit, keeping only the reports the year's figures need: the self and verified
  // reports of 300 units are read for their index and dropped at once.
  return assembleDashboard(ctx, inputs, (function* scored() {
    for (const unit of inputs.period.units) yield scoreUnit(inputs, unit);
  })());
}

export interface DashboardOptions {
  /** Progress per unit when the caller has already counted it (the recap counts per aspect too). */
  progressOf?: (unitId: number) => Progress;
  /** False skips reading the previous year (previousIndex stays null) for callers that never show it. */
  previousYear?: boolean;
}

/** The dashboard of an already computed year: the recap builds on the same numbers without scoring twice. */
export function dashboardOf(ctx: ServerContext, year: YearScores, options: DashboardOptions = {}): Dashboard {
  return assembleDashboard(ctx, year.inputs, year.units, options);
}

function assembleDashboard(ctx: ServerContext, inputs: YearInputs, scoredUnits: Iterable<YearUnitScores>, options: DashboardOptions = {}): Dashboard {
  const { period } = inputs;
  const previous = options.previousYear === false ? { year: null, byUnit: new Map<number, number | null>() } : previousIndexes(ctx, period.year);
  const progressOfUnit = options.progressOf ?? progressByUnit(ctx, inputs);
  const units: DashboardUnit[] = [];
  const pekpppEntries: UnitReportEntry<PekpppReport>[] = [];
  const allOmbudsman: Array<UnitReportEntry<OmbudsmanReport> & { sample: boolean }> = [];
  for (const unit of scoredUnits) {
    units.push(dashboardUnit(unit, progressOfUnit(unit.unitId), previous.byUnit.get(unit.unitId) ?? null));
    if (unit.self !== null) pekpppEntries.push({ unitId: unit.unitId, unitName: unit.unitName, report: unit.current ?? unit.self });
    if (unit.ombudsman) allOmbudsman.push({ unitId: unit.unitId, unitName: unit.unitName, report: unit.ombudsman, sample: unit.sample });
  }
  // The Ombudsman scores its sample; with no sample marked yet, every unit stands in.
  const sampled = allOmbudsman.filter((entry) => entry.sample);
  const ombudsmanEntries: UnitReportEntry<OmbudsmanReport>[] = (sampled.length > 0 ? sampled : allOmbudsman).map(({ unitId, unitName, report }) => ({ unitId, unitName, report }));
  // The office's calendar day (local time), not the UTC one: from 00:00 to 07:00 WIB they differ.
  const today = localIsoDay(ctx.now());
  return {
    periodId: period.id,
    year: period.year,
    deadline: period.deadline,
    daysLeft: period.deadline ? daysBetween(today, period.deadline) : null,
    progress: sumProgress(units.map((unit) => unit.progress)),
    units,
    view: 'current',
    pekppp: inputs.pekppp ? scoreLocalGovernment(pekpppEntries, 'current') : null,
    ombudsman: inputs.ombudsman ? scoreOmbudsmanLocalGovernment(ombudsmanEntries) : null,
    previousYear: previous.year,
    aspects: (inputs.pekppp?.definition.aspects ?? [])
      .filter((aspect) => aspect.weight > 0)
      .map((aspect) => ({ code: aspect.code, name: aspect.name, weight: aspect.weight })),
  };
}
