/** Gap-analysis shapes: ranked improvement actions, what-if predictions, cross-unit views. */
import type { InstrumentDefinition } from '../instrument/schema';
import type {
  BandRef,
  EvidenceStatus,
  OmbudsmanOptions,
  OmbudsmanReport,
  OmbudsmanRequirementInput,
  PekpppLevels,
  PekpppReport,
  ScaleBand,
  ScoreState,
} from '../scoring/types';

interface ActionBase {
  aspectCode: string;
  aspectName: string;
  indicatorCode: string;
  indicatorNumber: number;
  indicatorName: string;
  /** Short Indonesian imperative shown as the action's title. */
  title: string;
  /** Score points gained when done: index points (PEKPPP) or 0–100 points (Ombudsman). */
  gain: number;
  gainExact: number;
  /** "+0,0408 poin indeks", "+1,09 poin". */
  gainLabel: string;
}

/** Raise one PEKPPP indicator by one level. */
export interface PekpppAction extends ActionBase {
  kind: 'pekppp';
  /** Null when the indicator was not assessed yet (counted as 0). */
  fromLevel: number | null;
  toLevel: number;
  nextLevelText: string | null;
}

/** Get one Ombudsman requirement verified. */
export interface OmbudsmanAction extends ActionBase {
  kind: 'ombudsman';
  requirementCode: string;
  requirementText: string;
  status: EvidenceStatus;
  statusLabel: string;
}

export type GapAction = PekpppAction | OmbudsmanAction;

/** Everything needed to re-score a unit, so predictions use the real scorers. */
export type ScoringSubject =
  | { kind: 'pekppp'; definition: InstrumentDefinition; levels: PekpppLevels }
  | {
      kind: 'ombudsman';
      definition: InstrumentDefinition;
      requirements: readonly OmbudsmanRequirementInput[];
      options?: OmbudsmanOptions;
    };

export interface PredictionPoint {
  /** PEKPPP index or Ombudsman total (rounded); null when the total cannot be computed. */
  value: number | null;
  band: BandRef | null;
}

export interface Prediction {
  before: PredictionPoint;
  after: PredictionPoint;
  steps: number;
  /** after − before, rounded to the scale's decimals; null when either is null. */
  change: number | null;
  actions: GapAction[];
  /** e.g. "dari B ke A- jika 3 langkah ini selesai (3,95 → 4,07)". */
  sentence: string;
}

export interface TargetReach {
  /** Smallest number of top actions that reaches the target band (0 = already there). */
  steps: number;
  prediction: Prediction;
}

export interface CrossUnitEntry {
  unitId: number | string;
  unitName: string;
  report: PekpppReport | OmbudsmanReport;
  /** Requirement statuses for PEKPPP units (Ombudsman reports carry their own). */
  requirements?: readonly OmbudsmanRequirementInput[];
}

export interface UnitDistance {
  unitId: number | string;
  unitName: string;
  value: number | null;
  band: BandRef | null;
  /** Points still needed to reach the target band's minimum; 0 when reached, null when unknown. */
  distance: number | null;
  reached: boolean;
  /** PEKPPP: how far the unit's view is (a provisional category while incomplete). */
  state?: ScoreState;
}

export interface MissingRequirement {
  code: string;
  text: string;
  indicatorCode: string;
  /** Units where it is applicable and not verified. */
  count: number;
  unitIds: Array<number | string>;
  unitNames: string[];
  statusCounts: Partial<Record<EvidenceStatus, number>>;
}

export interface CrossUnitGaps {
  /** Null only when no unit was given (no scale to look the code up in). */
  target: ScaleBand | null;
  /** Furthest from the target first; units without a value last. */
  units: UnitDistance[];
  /** PEKPPP units with no level at all (*belum mulai*), by name: never ranked as furthest. */
  notStarted: UnitDistance[];
  /** Most often missing first. */
  missingRequirements: MissingRequirement[];
}
