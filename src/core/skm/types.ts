/**
 * Report shapes of the SKM calculator: plain JSON so the screen, the workbook, the .docx
 * and the CLI render the SAME numbers. `x` is rounded at the scheme's precision, `xExact`
 * is unrounded (aggregation only).
 */
export type SkmTone = 'green' | 'teal' | 'amber' | 'red';

export interface SkmBandRef {
  code: string;
  mutu: string;
  kinerja: string;
  tone: SkmTone;
}

/** Answers of one group of respondents, reduced to counts (row import and paper entry alike). */
export interface SkmTally {
  /** Questionnaires received (a respondent may leave an unsur blank). */
  respondents: number;
  /** counts[unsurIndex][answerIndex]; answer value = answerScale.min + answerIndex. */
  counts: number[][];
}

export interface SkmGroupInput {
  key: string;
  label: string;
  /** Service users in the period; null when the office has not entered it. */
  population: number | null;
  tally: SkmTally;
}

export interface SkmUnsurResult {
  code: string;
  number: number;
  name: string;
  /** Respondents who answered this unsur. */
  answered: number;
  /** Sum of the answers. */
  sum: number;
  /** How many answered 1, 2, 3, 4. */
  distribution: number[];
  /** sum ÷ answered, rounded for display; null when nobody answered. */
  nrr: number | null;
  nrrExact: number | null;
  weight: number;
  /** nrrExact × weight, unrounded. */
  weightedExact: number | null;
  /** NRR × conversion factor, rounded like the IKM, and its mutu. */
  converted: number | null;
  band: SkmBandRef | null;
}

export interface SkmGroupResult {
  key: string;
  label: string;
  respondents: number;
  population: number | null;
  /** Krejcie–Morgan minimum from the population; null without a population. */
  sampleNeeded: number | null;
  /** Respondents missing to the minimum (0 when met); null without a population. */
  shortfall: number | null;
  unsur: SkmUnsurResult[];
  /** All unsur have at least one answer, so the IKM is defined. */
  complete: boolean;
  ikm: number | null;
  ikmExact: number | null;
  /** IKM × 25 rounded half up BEFORE banding (88,305 → 88,31 → A). */
  ikmConverted: number | null;
  band: SkmBandRef | null;
  /** The lowest NRR first (the report's "unsur terlemah"). */
  weakest: Array<{ code: string; name: string; nrr: number }>;
  derivation: string[];
  notes: string[];
}

export interface SkmSchemeRef {
  code: string;
  version: string;
  name: string;
  shortName: string;
}

export interface SkmReport {
  scheme: SkmSchemeRef;
  /** One per service type (jenis layanan). */
  services: SkmGroupResult[];
  /** All respondents of the unit pooled (not a mean of service IKMs). */
  unit: SkmGroupResult;
}

export interface SkmPemdaRow {
  unitId: number;
  unitName: string;
  respondents: number;
  services: number;
  ikmConverted: number | null;
  band: SkmBandRef | null;
  sampleShortfall: number | null;
}

export interface SkmPemdaSummary {
  rows: SkmPemdaRow[];
  /** Mean of the units' converted IKM (units without a result left out), rounded and banded. */
  meanConverted: number | null;
  band: SkmBandRef | null;
  unitsWithResult: number;
  notes: string[];
}
