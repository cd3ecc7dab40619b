/**
 * Everything the year recap shows, read once: the year's scores (computeYear, the
 * Ombudsman statuses among its inputs), the PEKPPP statuses in one query counted per
 * unit and aspect, and the dashboard built from those same numbers (dashboardOf). The
 * effective requirements are resolved once per instrument, not once per unit, and no
 * full checklist (evidence, notes, history) is assembled: the recap only counts.
 */
import { progressOf, sumProgress } from '../../../core/checklist/progress';
import { EVIDENCE_STATUSES, type EvidenceStatus, type Progress } from '../../../core/checklist/types';
import type { ScaleBand } from '../../../core/scoring/types';
import type { Dashboard } from '../../../shared/types';
import type { ServerContext } from '../../context';
import type { Db } from '../../db/connection';
import { memoFor } from '../../db/memo';
import { documentContext, type DocumentContext } from '../../documents/letterhead';
import { computeYear, dashboardOf } from '../../scoring/scores-service';
import type { InstrumentInputs, YearInputs } from '../../scoring/scoring-inputs';
import { getSettings } from '../../settings/settings-service';
import { aspectShortNames, printInfoOf } from './document-setup';
import { localGovernmentOf } from './format';
import type { PrintInfo } from './sheet-style';

/** Evidence progress of one unit in the PEKPPP instrument: per aspect code, and over all of it. */
export interface InstrumentProgress {
  aspects: Map<string, Progress>;
  total: Progress;
}

export interface RecapData {
  localGovernment: string;
  year: number;
  exportedAt: Date;
  board: Dashboard;
  /** Null when the year has no PEKPPP instrument. */
  pekpppProgress: (unitId: number) => InstrumentProgress | null;
  pekpppBands: ScaleBand[];
  instrumentNames: string[];
  docs: DocumentContext;
  /** The instrument's short aspect name (SDM, Sarpras …) for headers and sheet names. */
  aspectShort: (code: string, name: string) => string;
  print: (title: string) => PrintInfo;
}

const statusesOfInstrument = (db: Db) =>
  db
    .prepare<[number, number], [number, string, EvidenceStatus]>('SELECT unit_id, requirement_code, status FROM checklist_items WHERE period_id = ? AND instrument_id = ?')
    .raw(true);

/** One requirement in a status, as the core counts it; scaled by how many are in that status. */
function scaled(status: EvidenceStatus, count: number): Progress {
  const one = progressOf([status]);
  return { ...one, applicable: one.applicable * count, notApplicable: one.notApplicable * count, supplied: one.supplied * count, verified: one.verified * count };
}

/**
 * Status counts per unit and aspect from one query (~25,000 rows at 300 units, counted
 * into a typed array); a requirement without a row is *belum ada*, a hidden one is not
 * counted. Each status is classified by the core's progressOf; sumProgress adds them up.
 */
function pekpppProgressOf(ctx: ServerContext, inputs: YearInputs, pekppp: InstrumentInputs): (unitId: number) => InstrumentProgress {
  const aspects = pekppp.definition.aspects.map((aspect) => aspect.code);
  const aspectIndex = new Map(aspects.map((code, index) => [code, index]));
  const aspectOfIndicator = new Map(pekppp.definition.aspects.flatMap((aspect) => aspect.indicators.map((indicator) => [indicator.code, aspectIndex.get(aspect.code)!] as const)));
  const aspectOf = new Map(pekppp.requirements.map((requirement) => [requirement.code, aspectOfIndicator.get(requirement.indicatorCode)!]));
  const requirementCount = aspects.map(() => 0);
  for (const aspect of aspectOf.values()) requirementCount[aspect]! += 1;
  const statusIndex = new Map(EVIDENCE_STATUSES.map((status, index) => [status, index]));
  const slots = new Map(inputs.period.units.map((unit, index) => [unit.unitId, index]));
  const width = aspects.length * EVIDENCE_STATUSES.length;
  const counts = new Int32Array(slots.size * width);
  const rows = memoFor(ctx.db, statusesOfInstrument).all(inputs.period.id, pekppp.id) as unknown as Array<[number, string, EvidenceStatus]>;
  for (const [unitId, code, status] of rows) {
    const slot = slots.get(unitId);
    const aspect = aspectOf.get(code);
    if (slot === undefined || aspect === undefined) continue;
    counts[slot * width + aspect * EVIDENCE_STATUSES.length + statusIndex.get(status)!]! += 1;
  }
  const empty = new Int32Array(width);
  return (unitId) => {
    const slot = slots.get(unitId);
    const own = slot === undefined ? empty : counts.subarray(slot * width, (slot + 1) * width);
    const byAspect = new Map<string, Progress>();
    aspects.forEach((code, aspect) => {
      const parts: Progress[] = [];
      let present = 0;
      EVIDENCE_STATUSES.forEach((status, index) => {
        const count = own[aspect * EVIDENCE_STATUSES.length + index]!;
        present += count;
        if (count > 0) parts.push(scaled(status, count));
      });
      const missing = requirementCount[aspect]! - present;
      if (missing > 0) parts.push(scaled('belum_ada', missing));
      byAspect.set(code, sumProgress(parts));
    });
    return { aspects: byAspect, total: sumProgress([...byAspect.values()]) };
  };
}

function bandsOf(instrument: InstrumentInputs | null): ScaleBand[] {
  return instrument ? instrument.definition.scoring.bands.map((band) => ({ ...band, zone: band.zone ?? null, estimated: band.estimated ?? false })) : [];
}

/** Call inside one read transaction, so the numbers describe one moment. */
export function loadRecapData(ctx: ServerContext, periodId: number): RecapData {
  const year = computeYear(ctx, periodId);
  const { inputs } = year;
  const { pekppp, ombudsman } = inputs;
  const pekpppOf = pekppp ? pekpppProgressOf(ctx, inputs, pekppp) : null;
  const cache = new Map<number, InstrumentProgress>();
  const pekpppProgress = (unitId: number): InstrumentProgress | null => {
    if (!pekpppOf) return null;
    let progress = cache.get(unitId);
    if (!progress) cache.set(unitId, (progress = pekpppOf(unitId)));
    return progress;
  };
  // The same progress the dashboard counts in SQL: every effective requirement of every instrument.
  const progress = (unitId: number): Progress => {
    const parts: Progress[] = [];
    const own = pekpppProgress(unitId);
    if (own) parts.push(own.total);
    if (ombudsman) {
      const statuses = inputs.statusesOf(unitId, ombudsman.id);
      parts.push(progressOf(ombudsman.requirements.map((requirement) => statuses.get(requirement.code) ?? 'belum_ada')));
    }
    return sumProgress(parts);
  };
  const board = dashboardOf(ctx, year, { progressOf: progress, previousYear: false });
  const docs = documentContext(ctx);
  const shortNames = pekppp ? aspectShortNames(pekppp.definition) : new Map<string, string>();
  return {
    docs,
    aspectShort: (code, name) => shortNames.get(code) ?? name,
    print: (title) => printInfoOf(docs, title),
    localGovernment: localGovernmentOf(getSettings(ctx)),
    year: inputs.period.year,
    exportedAt: ctx.now(),
    board,
    pekpppProgress,
    pekpppBands: bandsOf(pekppp),
    instrumentNames: inputs.period.instruments.map((item) => `${item.name} (versi ${item.version})`),
  };
}
