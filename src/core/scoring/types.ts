/**
 * Report shapes produced by the scoring engine. They are plain JSON-serialisable data so
 * the UI, the Excel export and the CLI render the SAME numbers: renderers format, they
 * never recompute. Convention: `x` is rounded for display at the scale's precision and
 * `xExact` is the unrounded value (used for aggregation and what-if predictions).
 */
import type { EvidenceStatus } from '../checklist/types';

export type { EvidenceStatus };

export type Tone = 'green' | 'teal' | 'amber' | 'red';
export type Zone = 'hijau' | 'kuning' | 'merah';

export interface BandRef {
  code: string;
  label: string;
  tone: Tone;
  zone: Zone | null;
  /** Inferred, not published: the UI marks it "estimasi". */
  estimated: boolean;
}

export interface ScaleBand extends BandRef {
  min: number;
  max: number;
}

/** The result scale, carried in every report so aggregation needs no definition. */
export interface ScaleInfo {
  min: number;
  max: number;
  decimals: number;
  bands: ScaleBand[];
}

export interface InstrumentRef {
  code: string;
  version: string;
  name: string;
  shortName: string;
}

// ---------------------------------------------------------------- PEKPPP

/** Level per indicator code; null/absent = not yet assessed ("belum dinilai"). */
export type PekpppLevels = Record<string, number | null | undefined>;

/**
 * Which levels a PEKPPP report scores: the unit's own (*mandiri*), the office's
 * (*verifikasi*), or per indicator the verified level where there is one, else the
 * unit's own (*terkini*, the default wherever one number is shown).
 */
export type PekpppView = 'self' | 'verified' | 'current';

/** Where an indicator's level in a report came from. */
export type LevelSource = 'verified' | 'self';

/**
 * How far a view is: `belum_dinilai` (no level at all: never shown as 0 or F),
 * `sementara` (some indicators unassessed, or verification still running), `lengkap`.
 */
export type ScoreState = 'belum_dinilai' | 'sementara' | 'lengkap';

/** What a view's number rests on, counted over the scored indicators. */
export interface PekpppBasis {
  verified: number;
  selfOnly: number;
  unassessed: number;
}

/** A category that may still change because the view is incomplete. */
export interface ViewBand extends BandRef {
  provisional: boolean;
}

export interface PekpppIndicatorResult {
  code: string;
  number: number;
  name: string;
  /** Weight inside the aspect, percent. */
  weight: number;
  level: number | null;
  /** Which level the view took (null when unassessed). */
  source: LevelSource | null;
  levelText: string | null;
  /** "Tingkat 3" or "belum dinilai". */
  statusLabel: string;
  /** False for 0 %-weight indicators or aspects (e.g. indicator 31): reported, not scored. */
  scored: boolean;
  /** Index points = aspect weight/100 × indicator weight/100 × level; rounded to 4 decimals. */
  contribution: number;
  contributionExact: number;
}

export interface PekpppAspectResult {
  code: string;
  name: string;
  weight: number;
  scored: boolean;
  /** 0–5 = Σ indicator weight/100 × level (null levels count as 0). */
  index: number;
  indexExact: number;
  /** aspect weight/100 × index. */
  contribution: number;
  contributionExact: number;
  assessedCount: number;
  totalCount: number;
  indicators: PekpppIndicatorResult[];
}

export interface IndicatorRef {
  code: string;
  number: number;
  name: string;
}

export interface PekpppCompleteness {
  /** Scored indicators that have a level. */
  assessed: number;
  /** Scored indicators. */
  total: number;
  /** 0–100, one decimal. */
  percent: number;
  complete: boolean;
  missing: IndicatorRef[];
}

export interface PekpppReport {
  kind: 'pekppp';
  view: PekpppView;
  /** "nilai mandiri", "nilai verifikasi", "nilai terkini". */
  viewLabel: string;
  state: ScoreState;
  instrument: InstrumentRef;
  scale: ScaleInfo;
  /** Unit index (IPP) rounded to the scale's decimals; null when nothing is assessed. */
  index: number | null;
  /** Arithmetic value (unassessed indicators as 0), for predictions; 0 when nothing is assessed. */
  indexExact: number;
  /** Null when nothing is assessed (never F for work not done); provisional when incomplete. */
  band: ViewBand | null;
  basis: PekpppBasis;
  completeness: PekpppCompleteness;
  aspects: PekpppAspectResult[];
  /** Indonesian lines showing how the index was computed. */
  derivation: string[];
  /** Indonesian warnings (invalid or unknown levels, incomplete assessment). */
  notes: string[];
}

// ---------------------------------------------------------------- Ombudsman

export interface OmbudsmanRequirementInput {
  indicatorCode: string;
  code: string;
  text: string;
  status: EvidenceStatus;
}

export interface OmbudsmanOptions {
  /** Kepercayaan Masyarakat survey result, 0–100 (2025+ instruments). */
  trust?: number | null;
  /** Ombudsman findings of the previous assessment were followed up. */
  followedUp?: boolean;
}

export interface OmbudsmanRequirementResult extends OmbudsmanRequirementInput {
  statusLabel: string;
  verified: boolean;
  applicable: boolean;
}

export interface OmbudsmanIndicatorResult {
  code: string;
  number: number;
  name: string;
  weight: number;
  /** False when no requirement applies (all "tidak berlaku" or none listed) or weight 0. */
  included: boolean;
  exclusionReason: string | null;
  /** Weight as a percent of the dimension after redistribution; 0 when excluded. */
  effectiveWeight: number;
  applicableCount: number;
  verifiedCount: number;
  /** verified / applicable (0–1), null when excluded. */
  share: number | null;
  /** share × 100 rounded to 2 decimals, null when excluded. */
  score: number | null;
  requirements: OmbudsmanRequirementResult[];
}

export interface OmbudsmanAspectResult {
  code: string;
  name: string;
  weight: number;
  included: boolean;
  exclusionReason: string | null;
  /** 0–100, null when the whole dimension is excluded. */
  score: number | null;
  scoreExact: number | null;
  /** Points of the dimensions part (0–100) this dimension contributes. */
  contribution: number;
  contributionExact: number;
  applicableCount: number;
  verifiedCount: number;
  indicators: OmbudsmanIndicatorResult[];
}

export interface OmbudsmanTrustInfo {
  label: string;
  /** Percent of the total taken by the survey (30 in 2025). */
  share: number;
  /** Survey value 0–100, null when not yet entered. */
  value: number | null;
}

export interface OmbudsmanReport {
  kind: 'ombudsman';
  instrument: InstrumentRef;
  scale: ScaleInfo;
  isEstimate: true;
  estimateLabel: 'estimasi kesiapan';
  /** Weighted dimensions, 0–100. */
  dimensionsScore: number;
  dimensionsScoreExact: number;
  trust: OmbudsmanTrustInfo | null;
  /** Final score; null when the instrument needs a trust value that is missing. */
  total: number | null;
  totalExact: number | null;
  band: BandRef | null;
  zone: Zone | null;
  /** Band label plus the suffix when it applies, e.g. "Kualitas Tinggi Tanpa Maladministrasi". */
  opinion: string | null;
  /** The suffix label actually appended, or null. */
  suffix: string | null;
  followedUp: boolean;
  requirementCounts: Record<EvidenceStatus, number>;
  aspects: OmbudsmanAspectResult[];
  derivation: string[];
  notes: string[];
}

// ---------------------------------------------------------------- Local government

/** One unit's report with the unit identity the aggregate views list. */
export interface UnitReportEntry<R> {
  unitId: number | string;
  unitName: string;
  report: R;
}

export interface BandCount extends BandRef {
  count: number;
  unitNames: string[];
}

export interface AspectMean {
  code: string;
  name: string;
  weight: number;
  /** Mean over units of the rounded aspect index / dimension score; null when none. */
  mean: number | null;
}

export interface UnitSummary {
  unitId: number | string;
  unitName: string;
  value: number | null;
  band: BandRef | null;
  /** PEKPPP views: how far the unit's view is; absent for Ombudsman. */
  state?: ScoreState;
}

export interface PekpppLocalGovernmentReport {
  kind: 'pekppp-pemda';
  view: PekpppView;
  viewLabel: string;
  /** Units in the mean (those with at least one level). */
  unitCount: number;
  /** Mean of the units' (rounded) indexes, rounded; null without an assessed unit. */
  index: number | null;
  indexExact: number | null;
  /** Provisional while a unit in the mean is incomplete or a unit is not assessed yet. */
  band: ViewBand | null;
  aspects: AspectMean[];
  distribution: BandCount[];
  /** Assessed but incomplete units (in the mean, with a provisional category). */
  incompleteUnits: string[];
  /** Units with no level at all: left out of the mean, listed here. */
  unassessedUnits: string[];
  units: UnitSummary[];
  derivation: string[];
}

export interface OmbudsmanLocalGovernmentReport {
  kind: 'ombudsman-pemda';
  isEstimate: true;
  estimateLabel: 'estimasi kesiapan';
  unitCount: number;
  /** Units whose total could be computed (trust entered where needed). */
  unitsWithTotal: number;
  /** Mean of the available (rounded) unit totals; null when none is available. */
  total: number | null;
  totalExact: number | null;
  band: BandRef | null;
  zone: Zone | null;
  /** Mean of the units' dimensions part. */
  dimensionsMean: number | null;
  aspects: AspectMean[];
  distribution: BandCount[];
  missingTotalUnits: string[];
  units: UnitSummary[];
  derivation: string[];
  notes: string[];
}
