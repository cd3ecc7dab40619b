/**
 * Scores for a unit and for the whole year, always computed by the pure core from the
 * stored levels and statuses — the screens, the CLI and the Excel exports render these
 * same reports, never a second computation.
 */
import { sumProgress } from '../../core/checklist/progress';
import { pekpppIndex, scoreLocalGovernment, scoreOmbudsman, scoreOmbudsmanLocalGovernment, scorePekpppViews, viewOf } from '../../core/scoring';
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
import { yearFigures, type UnitFigures, type YearFigures } from './year-figures';

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
 * The previous year's indexes, kept per connection with the exact inputs they came from:
 * the Beranda is recomputed after every change of THIS year, while last year's levels
 * rarely change. Any change to last year's levels, its units or the instrument's weights
 * makes a new key, so a stale figure is never shown; a restore opens a new connection.
 */
const previousCache = new WeakMap<ServerContext['db'], { key: string; byUnit: Map<number, number | null> }>();

/**
 * The previous year's *nilai terkini* per unit, so the comparison uses the same view.
 * Only that view's index is needed: its levels alone are read (no statuses), merged as
 * scorePekpppViews merges them, and only the index is computed (no report: 300 reports
 * built and dropped were a sixth of the first Beranda after the app opens).
 */
function previousIndexes(ctx: ServerContext, year: number): { year: number | null; byUnit: Map<number, number | null> } {
  const previous = listPeriods(ctx).find((period) => period.year === year - 1);
  if (!previous) return { year: null, byUnit: new Map() };
  const inputs = loadYearInputs(ctx, previous.id, { statuses: 'none' });
  const pekppp = inputs.pekppp;
  if (!pekppp) return { year: previous.year, byUnit: new Map(inputs.period.units.map((unit) => [unit.unitId, null])) };
  // What the index depends on: the weights, the scale and bands, and the stored levels as read.
  const weights = pekppp.definition.aspects.map((aspect) => [aspect.code, aspect.weight, aspect.indicators.map((indicator) => [indicator.code, indicator.weight])]);
  const key = JSON.stringify([previous.id, pekppp.id, weights, pekppp.definition.scoring, inputs.period.units.map((unit) => [unit.unitId, inputs.sourceOf(unit.unitId)])]);
  const cached = previousCache.get(ctx.db);
  if (cached?.key === key) return { year: previous.year, byUnit: cached.byUnit };
  const byUnit = new Map<number, number | null>();
  for (const { unitId } of inputs.period.units) {
    const levels = currentLevels(pekppp.definition, inputs.levels(unitId, false), inputs.levels(unitId, true));
    // The *terkini* index alone (pekpppIndex: scorePekppp's arithmetic, no report built);
    // a unit never assessed that year has no comparison (null), not an index of 0.
    byUnit.set(unitId, pekpppIndex(pekppp.definition, levels.levels));
  }
  previousCache.set(ctx.db, { key, byUnit });
  return { year: previous.year, byUnit };
}

function dashboardUnit(unit: YearInputs['period']['units'][number], figures: UnitFigures, previousIndex: number | null): DashboardUnit {
  const { current, ombudsman } = figures;
  return {
    unitId: unit.unitId,
    unitName: unit.unitName,
    groupName: unit.groupName,
    ombudsmanSample: unit.ombudsmanSample,
    progress: figures.progress,
    selfIndex: figures.selfIndex,
    verifiedIndex: figures.verifiedIndex,
    current: current ? { index: current.index!, state: current.state, basis: current.basis, total: current.completeness.total } : null,
    category: current?.band ? { code: current.band.code, label: current.band.label, tone: current.band.tone, provisional: current.band.provisional } : null,
    aspectIndexes: current
      ? current.aspects
          .filter((aspect) => aspect.scored)
          .map((aspect) => ({ code: aspect.code, name: aspect.name, index: aspect.assessedCount > 0 ? aspect.index : null, assessed: aspect.assessedCount, total: aspect.totalCount }))
      : [],
    ombudsman: ombudsman ? { total: ombudsman.total, grade: ombudsman.band?.code ?? null, zone: ombudsman.zone, tone: ombudsman.band?.tone ?? null } : null,
    previousIndex,
  };
}

export function dashboard(ctx: ServerContext, input: ParsedInput<'scores:dashboard'>): Dashboard {
  return dashboardOf(ctx, yearFigures(ctx, input.periodId));
}

export interface DashboardOptions {
  /** False skips reading the previous year (previousIndex stays null) for callers that never show it. */
  previousYear?: boolean;
}

/** The dashboard of a year's figures: the recap builds on the same numbers without scoring twice. */
export function dashboardOf(ctx: ServerContext, figures: YearFigures, options: DashboardOptions = {}): Dashboard {
  const { inputs } = figures;
  const { period } = inputs;
  const previous = options.previousYear === false ? { year: null, byUnit: new Map<number, number | null>() } : previousIndexes(ctx, period.year);
  const units: DashboardUnit[] = [];
  const pekpppEntries: UnitReportEntry<PekpppReport>[] = [];
  const allOmbudsman: Array<UnitReportEntry<OmbudsmanReport> & { sample: boolean }> = [];
  for (const unit of period.units) {
    const own = figures.figuresOf(unit.unitId);
    units.push(dashboardUnit(unit, own, previous.byUnit.get(unit.unitId) ?? null));
    if (own.pemda !== null) pekpppEntries.push({ unitId: unit.unitId, unitName: unit.unitName, report: own.pemda });
    if (own.ombudsman) allOmbudsman.push({ unitId: unit.unitId, unitName: unit.unitName, report: own.ombudsman, sample: unit.ombudsmanSample });
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
