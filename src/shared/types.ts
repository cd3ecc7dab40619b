/** Data shapes that cross the API boundary. Identifiers English, user text Indonesian. */
import type { InstrumentDefinition } from '../core/instrument/schema';

export type { InstrumentDefinition };

export interface UnitGroup {
  id: number;
  name: string;
  sortOrder: number;
  unitCount: number;
}

export interface Unit {
  id: number;
  name: string;
  shortName: string | null;
  groupId: number;
  groupName: string;
  headName: string | null;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface UnitTemplate {
  name: string;
  shortName: string;
  group: string;
  /** Commonly in the Ombudsman sample of a kabupaten/kota. */
  ombudsmanSample: boolean;
}

export interface InstrumentSummary {
  id: number;
  code: string;
  version: string;
  family: 'pekppp' | 'ombudsman';
  name: string;
  shortName: string;
  yearsFrom: number;
  yearsTo: number | null;
  aspectCount: number;
  indicatorCount: number;
  requirementCount: number;
  hasEstimates: boolean;
  source: 'bawaan' | 'impor';
}

export interface Instrument extends InstrumentSummary {
  definition: InstrumentDefinition;
}

export interface PeriodUnit {
  unitId: number;
  unitName: string;
  groupName: string;
  ombudsmanSample: boolean;
  archived: boolean;
}

export interface Period {
  id: number;
  year: number;
  name: string;
  /** ISO date YYYY-MM-DD or null. */
  deadline: string | null;
  /** Window in which evidence documents are expected to be dated. */
  windowStart: string;
  windowEnd: string;
  instruments: InstrumentSummary[];
  unitCount: number;
  sampleCount: number;
  createdAt: string;
}

export interface PeriodDetail extends Period {
  units: PeriodUnit[];
}

export interface Settings {
  operatorName: string;
  localGovernmentName: string;
  /** Kabupaten, Kota or Provinsi — decides the Ombudsman sample hints. */
  localGovernmentKind: 'kabupaten' | 'kota' | 'provinsi';
}

export interface AppInfo {
  version: string;
  schemaVersion: number;
  dataDir: string;
  host: 'electron' | 'preview' | 'cli';
  firstRun: boolean;
}

export interface BulkCreateReport {
  created: Unit[];
  /** Names skipped because a unit of that name already exists. */
  skipped: string[];
}
