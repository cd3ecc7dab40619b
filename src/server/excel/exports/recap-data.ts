/**
 * Everything the year recap shows, read once: the year's figures (year-figures.ts: the
 * scores and the evidence progress per aspect of every unit, the same ones the Beranda
 * shows) and the dashboard built from them (dashboardOf). No full checklist (evidence,
 * notes, history) is assembled: the recap only counts.
 */
import type { ScaleBand } from '../../../core/scoring/types';
import type { Dashboard } from '../../../shared/types';
import type { ServerContext } from '../../context';
import { documentContext, type DocumentContext } from '../../documents/letterhead';
import { dashboardOf } from '../../scoring/scores-service';
import type { InstrumentInputs } from '../../scoring/scoring-inputs';
import { yearFigures, type InstrumentProgress } from '../../scoring/year-figures';
import { getSettings } from '../../settings/settings-service';
import { aspectShortNames, printInfoOf } from './document-setup';
import { localGovernmentOf } from './format';
import type { PrintInfo } from './sheet-style';

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

function bandsOf(instrument: InstrumentInputs | null): ScaleBand[] {
  return instrument ? instrument.definition.scoring.bands.map((band) => ({ ...band, zone: band.zone ?? null, estimated: band.estimated ?? false })) : [];
}

/** Call inside one read transaction, so the numbers describe one moment. */
export function loadRecapData(ctx: ServerContext, periodId: number): RecapData {
  const figures = yearFigures(ctx, periodId);
  const { inputs } = figures;
  const { pekppp } = inputs;
  const board = dashboardOf(ctx, figures, { previousYear: false });
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
    pekpppProgress: (unitId) => figures.figuresOf(unitId).pekpppProgress,
    pekpppBands: bandsOf(pekppp),
    instrumentNames: inputs.period.instruments.map((item) => `${item.name} (versi ${item.version})`),
  };
}
