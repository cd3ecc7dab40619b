/**
 * The figures of every unit of a year that the Beranda and the recap show: the *nilai
 * terkini* report, the mandiri and verifikasi indexes, the Ombudsman report, and the
 * evidence progress (PEKPPP per aspect, the Ombudsman in total).
 *
 * Each unit's figures are computed by the pure core from its stored levels and statuses,
 * and remembered per connection by the exact stored text they came from (its packed
 * levels, statuses and Ombudsman inputs, `YearInputs.sourceOf`) together with the
 * instruments and the year's effective requirements. Equal text gives equal figures, so
 * a remembered figure is never stale: any change to a unit's levels or statuses, to the
 * requirements or to an instrument makes a new key and the unit is scored anew.
 *
 * The stored text itself is read whole once, then only for the units this connection
 * wrote since (changed-units.ts, which answers "unknown" after anything it cannot vouch
 * for — another connection's commit, a rolled-back read — and the whole year is read
 * again). And when nothing at all was written since (the connection's change count and
 * SQLite's data_version are both unchanged) the year's figures are given again without
 * reading: opening the Beranda and then exporting the recap scores the year once.
 */
import { progressOf, sumProgress } from '../../core/checklist/progress';
import type { EvidenceStatus, Progress } from '../../core/checklist/types';
import type { InstrumentDefinition } from '../../core/instrument/schema';
import { pekpppIndex, scoreOmbudsman, scorePekppp } from '../../core/scoring';
import type { OmbudsmanReport, PekpppReport } from '../../core/scoring/types';
import { currentLevels } from '../../core/scoring/views';
import type { ServerContext } from '../context';
import type { Db } from '../db/connection';
import { memoFor } from '../db/memo';
import { changedUnitsSince, markHolds, type ReadMark } from './changed-units';
import type { InstrumentInputs, YearInputs } from './scoring-inputs';
import { loadYearInputs } from './scoring-inputs';

/** Evidence progress of one unit in one instrument: per aspect code, and over all of it. */
export interface InstrumentProgress {
  aspects: Map<string, Progress>;
  total: Progress;
}

export interface UnitFigures {
  /** Null without a PEKPPP instrument (and for a view with no level: see pekpppIndex). */
  selfIndex: number | null;
  verifiedIndex: number | null;
  /** The *terkini* report; null when the unit has no level at all (*belum dinilai*). */
  current: PekpppReport | null;
  /** The report the pemda mean lists the unit with (terkini, or the empty mandiri one); null without PEKPPP. */
  pemda: PekpppReport | null;
  ombudsman: OmbudsmanReport | null;
  /** Null without a PEKPPP instrument. */
  pekpppProgress: InstrumentProgress | null;
  /** Every effective requirement of every instrument of the year (a missing row is *belum ada*). */
  progress: Progress;
}

export interface YearFigures {
  inputs: YearInputs;
  figuresOf: (unitId: number) => UnitFigures;
}

/** What every unit's figures of a year also depend on, besides its own stored text. */
interface YearContext {
  pekppp: InstrumentDefinition | null;
  ombudsman: InstrumentDefinition | null;
  /** The effective requirements of both instruments (codes, indicators, texts). */
  requirements: string;
}

interface Remembered {
  context: YearContext;
  units: Map<number, { source: string; figures: UnitFigures }>;
  /** The year as last given: the change-tracking mark and the write stamp it was read at. */
  /** Null where change tracking is impossible: every read then reads the whole year. */
  mark: ReadMark | null;
  stamp: string;
  year: YearFigures;
}

/** Per connection (a restore opens a new one), per period; the last few years only. */
const memory = new WeakMap<Db, Map<number, Remembered>>();
const YEARS_KEPT = 3;

function contextOf(inputs: YearInputs): YearContext {
  const { pekppp, ombudsman } = inputs;
  // Definitions are parsed once per content hash (instruments-service), so the same object is the same content.
  return {
    pekppp: pekppp?.definition ?? null,
    ombudsman: ombudsman?.definition ?? null,
    requirements: JSON.stringify([pekppp?.id, pekppp?.requirements, ombudsman?.id, ombudsman?.requirements]),
  };
}

const sameContext = (a: YearContext, b: YearContext): boolean =>
  a.pekppp === b.pekppp && a.ombudsman === b.ombudsman && a.requirements === b.requirements;

/** Progress per aspect of one instrument, every effective requirement counted once by the core's progressOf. */
function instrumentProgress(instrument: InstrumentInputs, aspectOfIndicator: Map<string, string>, statuses: Map<string, EvidenceStatus>): InstrumentProgress {
  const byAspect = new Map<string, EvidenceStatus[]>(instrument.definition.aspects.map((aspect) => [aspect.code, []]));
  for (const requirement of instrument.requirements) {
    const aspect = aspectOfIndicator.get(requirement.indicatorCode);
    if (aspect !== undefined) byAspect.get(aspect)!.push(statuses.get(requirement.code) ?? 'belum_ada');
  }
  const aspects = new Map([...byAspect].map(([code, list]) => [code, progressOf(list)]));
  return { aspects, total: sumProgress([...aspects.values()]) };
}

function aspectsOfIndicators(instrument: InstrumentInputs | null): Map<string, string> {
  return new Map(instrument?.definition.aspects.flatMap((aspect) => aspect.indicators.map((indicator) => [indicator.code, aspect.code] as const)) ?? []);
}

function computeFigures(inputs: YearInputs, unitId: number, pekpppAspects: Map<string, string>): UnitFigures {
  const { pekppp, ombudsman } = inputs;
  let current: PekpppReport | null = null;
  let pemda: PekpppReport | null = null;
  let pekpppProgress: InstrumentProgress | null = null;
  let selfIndex: number | null = null;
  let verifiedIndex: number | null = null;
  if (pekppp) {
    const self = inputs.levels(unitId, false);
    const verified = inputs.levels(unitId, true);
    const levels = currentLevels(pekppp.definition, self, verified);
    const report = scorePekppp(pekppp.definition, levels.levels, { view: 'current', sources: levels.sources });
    current = report.state === 'belum_dinilai' ? null : report;
    // Nothing assessed in either view: listed as not yet assessed, from its (empty) mandiri report.
    pemda = current ?? scorePekppp(pekppp.definition, self, { view: 'self' });
    selfIndex = pekpppIndex(pekppp.definition, self);
    verifiedIndex = pekpppIndex(pekppp.definition, verified);
    pekpppProgress = instrumentProgress(pekppp, pekpppAspects, inputs.statusesOf(unitId, pekppp.id));
  }
  const parts = pekpppProgress ? [pekpppProgress.total] : [];
  let ombudsmanReport: OmbudsmanReport | null = null;
  if (ombudsman) {
    const requirements = inputs.requirementStatuses(unitId);
    ombudsmanReport = scoreOmbudsman(ombudsman.definition, requirements, inputs.ombudsmanInputs(unitId));
    parts.push(progressOf(requirements.map((requirement) => requirement.status)));
  }
  return { selfIndex, verifiedIndex, current, pemda, ombudsman: ombudsmanReport, pekpppProgress, progress: sumProgress(parts) };
}

function stampStatements(db: Db) {
  return {
    changes: db.prepare<[], number>('SELECT total_changes()').pluck(),
    dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(),
  };
}

/**
 * Moves whenever anything may have been written: every row this connection inserts,
 * updates or deletes (triggers included, rolled-back ones too), and every commit of any
 * other connection to the file. Unchanged, the database holds exactly what it held.
 */
function writeStamp(db: Db): string {
  const statements = memoFor(db, stampStatements);
  return `${statements.changes.get()}:${statements.dataVersion.get()}`;
}

function yearsOf(db: Db): Map<number, Remembered> {
  let years = memory.get(db);
  if (!years) memory.set(db, (years = new Map()));
  return years;
}

function readYearFigures(ctx: ServerContext, periodId: number): YearFigures {
  const years = yearsOf(ctx.db);
  const known = years.get(periodId);
  if (known && known.stamp === writeStamp(ctx.db) && markHolds(ctx.db, periodId, known.mark)) return known.year;
  const { changed, mark } = changedUnitsSince(ctx.db, periodId, known?.mark ?? null);
  const previous = known?.year.inputs.packed;
  const inputs = loadYearInputs(ctx, periodId, { statuses: 'all', since: changed && previous ? { packed: previous, changed } : undefined });
  const context = contextOf(inputs);
  const units = known && sameContext(known.context, context) ? known.units : new Map<number, { source: string; figures: UnitFigures }>();
  const pekpppAspects = aspectsOfIndicators(inputs.pekppp);
  // Within one read a unit's figures cannot change: its source is compared once.
  const given = new Map<number, UnitFigures>();
  const year: YearFigures = {
    inputs,
    figuresOf(unitId) {
      let figures = given.get(unitId);
      if (figures) return figures;
      const source = inputs.sourceOf(unitId);
      const remembered = units.get(unitId);
      if (remembered?.source === source) figures = remembered.figures;
      else units.set(unitId, { source, figures: (figures = computeFigures(inputs, unitId, pekpppAspects)) });
      given.set(unitId, figures);
      return figures;
    },
  };
  years.delete(periodId);
  // The stamp after this read's own notes (changedUnitsSince writes a TEMP table).
  years.set(periodId, { context, units, mark, stamp: writeStamp(ctx.db), year });
  while (years.size > YEARS_KEPT) years.delete(years.keys().next().value!);
  return year;
}

/** Every unit's figures describe one moment: the year is read in one transaction (a savepoint inside the caller's). */
export function yearFigures(ctx: ServerContext, periodId: number): YearFigures {
  return ctx.db.transaction(() => readYearFigures(ctx, periodId))();
}
