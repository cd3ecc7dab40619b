/**
 * Everything the year recap shows, read once: the year's scores (computeYear, the
 * Ombudsman statuses among its inputs), the PEKPPP statuses in one query counted per
 * unit and aspect, and the dashboard built from those same numbers (dashboardOf). The
 * effective requirements are resolved once per instrument, not once per unit, and no
 * full checklist (evidence, notes, history) is assembled: the recap only counts.
 */
import { progressOf, sumProgress } from '../../../core/checklist/progress';
import type { EvidenceStatus, Progress } from '../../../core/checklist/types';
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

/** Statuses per unit and aspect; a requirement without a row is *belum ada*, a hidden one is not counted. */
function pekpppProgressOf(ctx: ServerContext, inputs: YearInputs, pekppp: InstrumentInputs): (unitId: number) => InstrumentProgress {
  const aspectOfIndicator = new Map(pekppp.definition.aspects.flatMap((aspect) => aspect.indicators.map((indicator) => [indicator.code, aspect.code] as const)));
  const aspectOf = new Map(pekppp.requirements.map((requirement) => [requirement.code, aspectOfIndicator.get(requirement.indicatorCode)!]));
  const requirementCount = new Map<string, number>();
  for (const aspect of aspectOf.values()) requirementCount.set(aspect, (requirementCount.get(aspect) ?? 0) + 1);
  const byUnit = new Map<number, Map<string, EvidenceStatus[]>>();
  const rows = memoFor(ctx.db, statusesOfInstrument).all(inputs.period.id, pekppp.id) as unknown as Array<[number, string, EvidenceStatus]>;
  for (const [unitId, code, status] of rows) {
    const aspect = aspectOf.get(code);
    if (aspect === undefined) continue;
    let aspects = byUnit.get(unitId);
    if (!aspects) byUnit.set(unitId, (aspects = new Map()));
    const list = aspects.get(aspect);
    if (list) list.push(status);
    else aspects.set(aspect, [status]);
  }
  return (unitId) => {
    const statuses = byUnit.get(unitId);
    const aspects = new Map<string, Progress>();
    for (const aspect of pekppp.definition.aspects) {
      const present = statuses?.get(aspect.code) ?? [];
      const missing = (requirementCount.get(aspect.code) ?? 0) - present.length;
      aspects.set(aspect.code, progressOf(missing > 0 ? present.concat(Array<EvidenceStatus>(missing).fill('belum_ada')) : present));
    }
    return { aspects, total: sumProgress([...aspects.values()]) };
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
