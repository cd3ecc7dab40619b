/**
 * Everything one unit's package shows, read once: the same score reports the app shows
 * (computeYear), the checklist with statuses, notes and evidence (getChecklist), and the
 * indicator notes stored with the self-assessment.
 */
import type { OmbudsmanReport, PekpppReport } from '../../../core/scoring/types';
import type { Checklist, ChecklistInstrument, PeriodDetail, Settings, Unit } from '../../../shared/types';
import type { ServerContext } from '../../context';
import { getChecklist, requireScope } from '../../checklist/checklist-service';
import { computeYear } from '../../scoring/scores-service';
import type { AssessmentRow } from '../../scoring/scoring-inputs';
import { getSettings } from '../../settings/settings-service';
import { documentContext, type DocumentContext } from '../../documents/letterhead';
import { aspectShortNames, printInfoOf } from './document-setup';
import { localGovernmentOf } from './format';
import type { PrintInfo } from './sheet-style';

export interface InstrumentInfo {
  id: number;
  family: 'pekppp' | 'ombudsman';
  name: string;
  shortName: string;
  version: string;
}

export interface UnitPackageData {
  settings: Settings;
  localGovernment: string;
  period: PeriodDetail;
  unit: Unit;
  ombudsmanSample: boolean;
  exportedAt: Date;
  appVersion: string;
  instruments: InstrumentInfo[];
  checklist: Checklist;
  self: PekpppReport | null;
  verified: PekpppReport | null;
  /** *Nilai terkini*; null when the unit has no level at all. */
  current: PekpppReport | null;
  ombudsman: OmbudsmanReport | null;
  /** Self-assessment rows of the PEKPPP instrument by indicator code (justifications, notes). */
  assessments: Map<string, AssessmentRow>;
  docs: DocumentContext;
  print: (title: string) => PrintInfo;
  aspectShort: (code: string, name: string) => string;
}

/** Read in one transaction so the scores and the checklist describe the same moment. */
export function loadUnitPackageData(ctx: ServerContext, periodId: number, unitId: number): UnitPackageData {
  return ctx.db.transaction(() => readUnitPackageData(ctx, periodId, unitId))();
}

function readUnitPackageData(ctx: ServerContext, periodId: number, unitId: number): UnitPackageData {
  requireScope(ctx, periodId, unitId);
  const settings = getSettings(ctx);
  // Only this unit's rows: scoring the whole year for one package would be wasted work.
  const year = computeYear(ctx, periodId, { unitId });
  const entry = year.units.find((unit) => unit.unitId === unitId)!;
  const checklist = getChecklist(ctx, { periodId, unitId });
  const pekpppId = year.inputs.pekppp?.id;
  const rows = year.inputs.assessments(unitId).filter((row) => row.instrument_id === pekpppId);
  const docs = documentContext(ctx);
  const shortNames = year.inputs.pekppp ? aspectShortNames(year.inputs.pekppp.definition) : new Map<string, string>();
  return {
    settings,
    localGovernment: localGovernmentOf(settings),
    period: year.inputs.period,
    unit: checklist.unit,
    ombudsmanSample: entry.sample,
    exportedAt: ctx.now(),
    appVersion: ctx.appVersion,
    instruments: year.inputs.period.instruments.map((item) => ({
      id: item.id,
      family: item.family,
      name: item.name,
      shortName: item.shortName,
      version: item.version,
    })),
    checklist,
    self: entry.self,
    verified: entry.verified,
    current: entry.current,
    ombudsman: entry.ombudsman,
    assessments: new Map(rows.map((row) => [row.indicator_code, row])),
    docs,
    print: (title) => printInfoOf(docs, title),
    aspectShort: (code, name) => shortNames.get(code) ?? name,
  };
}

export function checklistOf(data: UnitPackageData, family: 'pekppp' | 'ombudsman'): ChecklistInstrument | null {
  return data.checklist.instruments.find((instrument) => instrument.family === family) ?? null;
}
