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
  /** The head's NIP (18 digits), pangkat/golongan, mobile number and e-mail, for letters and reminders. */
  headNip: string | null;
  headRank: string | null;
  headPhone: string | null;
  headEmail: string | null;
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
  /** Why the years are what they are (e.g. still in force until a new pedoman). */
  yearsNote: string | null;
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
  startStatus: StartStatus;
}

export interface BulkCreateReport {
  created: Unit[];
  /** Names skipped because a unit of that name already exists. */
  skipped: string[];
}

// ---------------------------------------------------------------- evidence checklist

export type { EvidenceStatus, Progress } from '../core/checklist/types';
export { EVIDENCE_STATUSES, EVIDENCE_STATUS_LABELS } from '../core/checklist/types';
import type { EvidenceStatus, Progress } from '../core/checklist/types';

export interface EvidenceItem {
  id: number;
  unitId: number;
  kind: 'file' | 'link';
  title: string;
  url: string | null;
  originalName: string | null;
  mime: string | null;
  size: number | null;
  sha256: string | null;
  documentDate: string | null;
  createdAt: string;
  createdBy: string;
  deleted: boolean;
  /** How many requirements (any year) this evidence supports. */
  usageCount: number;
}

export interface LinkedEvidence extends EvidenceItem {
  /** The document date falls outside the year's evidence window. */
  outsideWindow: boolean;
  /** Kedaluwarsa: dated outside the window, or older than the office's maximum age for the requirement's kind. */
  expired: boolean;
  /** Why it is kedaluwarsa (Indonesian), null when it is not. */
  expiredReason: string | null;
  /** Other units of the year holding the same file (same SHA-256); empty for links. */
  sharedWith: string[];
}

/** What linking a URL or an existing library item returns: the evidence and the requirement after the rules ran. */
export type EvidenceLinkResult = LinkedEvidence & { requirement: ChecklistRequirement };

export interface ChecklistRequirement {
  instrumentId: number;
  indicatorCode: string;
  code: string;
  text: string;
  kind: string;
  custom: boolean;
  status: EvidenceStatus;
  reason: string;
  note: string;
  verifiedBy: string | null;
  verifiedAt: string | null;
  updatedAt: string | null;
  evidence: LinkedEvidence[];
  /** At least one of its files or links is kedaluwarsa. */
  expired: boolean;
  /** Names of other units holding one of its files (same SHA-256). */
  sharedWith: string[];
}

export interface ChecklistIndicator {
  code: string;
  number: number;
  name: string;
  weight: number;
  progress: Progress;
  requirements: ChecklistRequirement[];
  hiddenCount: number;
}

export interface ChecklistAspect {
  code: string;
  name: string;
  weight: number;
  progress: Progress;
  indicators: ChecklistIndicator[];
}

export interface ChecklistInstrument {
  instrumentId: number;
  code: string;
  shortName: string;
  family: 'pekppp' | 'ombudsman';
  aspectLabel: string;
  progress: Progress;
  aspects: ChecklistAspect[];
}

export interface Checklist {
  periodId: number;
  year: number;
  windowStart: string;
  windowEnd: string;
  unit: Unit;
  progress: Progress;
  instruments: ChecklistInstrument[];
}

export interface UnitProgress {
  unitId: number;
  unitName: string;
  groupName: string;
  ombudsmanSample: boolean;
  progress: Progress;
}

export interface HistoryEntry {
  id: number;
  at: string;
  operator: string;
  action: string;
  /** Indonesian sentence describing the change. */
  summary: string;
  detail: Record<string, unknown>;
}

export interface HiddenRequirement {
  instrumentId: number;
  code: string;
  text: string;
  reason: string;
  hiddenAt: string;
}

export interface AttachReport {
  attached: LinkedEvidence[];
  /** Identical files already in the unit's library that were reused. */
  reused: number;
  /** Files refused, each with an Indonesian reason; the others were still attached. */
  rejected: Array<{ name: string; message: string }>;
  /** The requirement after the evidence rules ran (e.g. back to menunggu verifikasi). */
  requirement: ChecklistRequirement;
}

/** The office's evidence rules (Pengaturan › Aturan bukti). */
export interface EvidenceRules {
  /** Maximum document age in months per requirement kind; null = no limit set. */
  maxAgeMonths: Record<'dokumen' | 'foto' | 'tautan' | 'data', number | null>;
}

/** A file (same SHA-256) attached in two or more units of one year. */
export interface SharedFile {
  sha256: string;
  /** Title and name as the first unit recorded them. */
  title: string;
  originalName: string | null;
  size: number | null;
  units: Array<{
    unitId: number;
    unitName: string;
    groupName: string;
    requirements: Array<{ instrumentId: number; instrument: string; code: string; text: string }>;
  }>;
}

/** A gap-list step: renew a kedaluwarsa document ("Perbarui …"). */
export type { RenewalStep } from '../core/gaps/renewals';

export interface CarryOverReport {
  units: number;
  items: number;
  links: number;
  customRequirements: number;
}

export type OpenResult = { openedBy: 'os' } | { url: string };

// ---------------------------------------------------------------- self-assessment and scores

import type {
  OmbudsmanLocalGovernmentReport,
  OmbudsmanReport,
  PekpppBasis,
  PekpppLocalGovernmentReport,
  PekpppReport,
  PekpppView,
  ScoreState,
} from '../core/scoring/types';
import type { CrossUnitGaps, OmbudsmanAction, PekpppAction, Prediction } from '../core/gaps/types';
import type { RenewalStep } from '../core/gaps/renewals';

export type {
  PekpppBasis,
  PekpppView,
  ScoreState,
  OmbudsmanLocalGovernmentReport,
  OmbudsmanReport,
  PekpppLocalGovernmentReport,
  PekpppReport,
  CrossUnitGaps,
  OmbudsmanAction,
  PekpppAction,
  Prediction,
};

export interface AssessmentIndicator {
  code: string;
  number: number;
  name: string;
  weight: number;
  scored: boolean;
  levels: string[];
  elements: { items: Array<{ code: string; label: string; base: boolean }>; thresholds: number[] } | null;
  ticked: string[];
  suggestedLevel: number | null;
  selfLevel: number | null;
  verifiedLevel: number | null;
  overrideReason: string;
  justification: string;
  verifiedNote: string;
  requirementsTotal: number;
  requirementsVerified: number;
  /** A level above 0 whose requirements are not all verified. */
  unverifiedWarning: boolean;
  evidence: LinkedEvidence[];
}

export interface AssessmentAspect {
  code: string;
  name: string;
  weight: number;
  indicators: AssessmentIndicator[];
}

export interface Assessment {
  periodId: number;
  unitId: number;
  unitName: string;
  instrumentId: number;
  instrumentName: string;
  aspects: AssessmentAspect[];
  selfReport: PekpppReport;
  verifiedReport: PekpppReport;
  /** *Nilai terkini*; null when no indicator has a level yet. */
  currentReport: PekpppReport | null;
}

export interface OmbudsmanInputs {
  trust: number | null;
  followedUp: boolean;
}

export interface UnitScores {
  periodId: number;
  unitId: number;
  unitName: string;
  /** The three views; `current` is null for a unit with no level at all (*belum dinilai*). */
  pekppp: { instrumentId: number; self: PekpppReport; verified: PekpppReport; current: PekpppReport | null } | null;
  ombudsman: { instrumentId: number; report: OmbudsmanReport; inputs: OmbudsmanInputs; sample: boolean } | null;
}

/** The PEKPPP view gaps are ranked from. */
export type GapBasis = 'terkini' | 'mandiri' | 'verifikasi';

export interface UnitGaps {
  periodId: number;
  unitId: number;
  unitName: string;
  deadline: string | null;
  basis: GapBasis;
  pekppp: { actions: PekpppAction[]; predictions: Prediction[]; toNextBand: Prediction | null } | null;
  ombudsman: { actions: OmbudsmanAction[]; predictions: Prediction[]; toNextBand: Prediction | null } | null;
  /** Requirements whose documents are *kedaluwarsa*: renew them ("perbarui …"). */
  renewals: RenewalStep[];
}

export interface DashboardUnit {
  unitId: number;
  unitName: string;
  groupName: string;
  ombudsmanSample: boolean;
  progress: Progress;
  selfIndex: number | null;
  verifiedIndex: number | null;
  /** *Nilai terkini* and what it rests on; null when the unit has no level (*belum dinilai*). */
  current: { index: number; state: ScoreState; basis: PekpppBasis; total: number } | null;
  /** Category of the *terkini* view; provisional while the view is incomplete. */
  category: { code: string; label: string; tone: string; provisional: boolean } | null;
  /** Aspect indexes of the *terkini* view; null for an aspect with no level yet. */
  aspectIndexes: Array<{ code: string; name: string; index: number | null; assessed: number; total: number }>;
  ombudsman: { total: number | null; grade: string | null; zone: string | null; tone: string | null } | null;
  previousIndex: number | null;
}

export interface Dashboard {
  periodId: number;
  year: number;
  deadline: string | null;
  daysLeft: number | null;
  progress: Progress;
  units: DashboardUnit[];
  /** The PEKPPP view every figure of the dashboard shows. */
  view: PekpppView;
  pekppp: PekpppLocalGovernmentReport | null;
  ombudsman: OmbudsmanLocalGovernmentReport | null;
  previousYear: number | null;
  aspects: Array<{ code: string; name: string; weight: number }>;
}

export interface PeriodGaps {
  periodId: number;
  target: string;
  pekppp: CrossUnitGaps | null;
  ombudsman: CrossUnitGaps | null;
}

// ---------------------------------------------------------------- backups and jobs

export interface BackupInfo {
  id: string;
  createdAt: string;
  reason: string | null;
  sizeBytes: number;
  verified: boolean;
  problem: string | null;
  schemaVersion: number | null;
  rowCounts: Record<string, number> | null;
  /** SHA-256 recorded when the backup was made (null when its manifest is missing). */
  sha256: string | null;
  /** The last time the file was re-read and checked (backup verify, start-up offer). */
  lastVerification: { at: string; ok: boolean; problems: string[] } | null;
}

export interface BackupCheck {
  id: string;
  ok: boolean;
  problems: string[];
}

export interface RestoreSummary {
  kind: 'cadangan' | 'arsip';
  source: string;
  undoBackupId: string | null;
  rowCounts: Record<string, number>;
  evidenceCopied: number;
}

export interface StartStatus {
  status: 'ok' | 'missing' | 'quarantined';
  quarantineDir: string | null;
  problems: string[];
  newestBackup: BackupInfo | null;
}

export interface JobInfo {
  id: string;
  kind: string;
  status: 'berjalan' | 'selesai' | 'gagal' | 'dibatalkan';
  progress: number;
  message: string;
  startedAt: string;
  finishedAt: string | null;
  result: unknown;
  error: { code: string; message: string } | null;
}

// ---------------------------------------------------------------- exports and imports

export type { ImportPreview, Change, Conflict, RowError, ApplyFormResult } from './import-types';
import type { ApplyFormResult, ImportPreview } from './import-types';

/** What an export job returns: where the result is, and a download link in the browser preview. */
export interface ExportResult {
  path: string;
  fileCount: number | null;
  bytes: number | null;
  downloadUrl: string | null;
  /** Several workbooks at once (forms for many units): one download link each in the preview. */
  files?: Array<string | null>;
}

export interface ImportPreviewResult {
  preview: ImportPreview;
  /** The file chosen in the desktop dialog, to apply the same file afterwards. */
  file: string | null;
}

export type ImportApplyResult = ApplyFormResult & { backupId: string | null };

// ---------------------------------------------------------------- unit page

export interface UnitProfile {
  periodId: number;
  year: number;
  deadline: string | null;
  unit: Unit;
  ombudsmanSample: boolean;
  progress: Progress;
  instruments: Array<{ instrumentId: number; family: 'pekppp' | 'ombudsman'; shortName: string; progress: Progress }>;
  scores: UnitScores;
  /** The first steps of the gap list (ranked by gain, from *nilai terkini*). */
  topGaps: {
    pekppp: PekpppAction[];
    ombudsman: OmbudsmanAction[];
    pekpppCount: number;
    ombudsmanCount: number;
    toNextBand: Prediction | null;
  };
  /** Latest changes, each with what it is about (indicator or requirement) in words. */
  history: Array<HistoryEntry & { instrumentId: number | null; requirementCode: string | null; indicatorCode: string | null; target: string | null }>;
  /** Previous/next unit of the year's scope by name, for paging through units. */
  neighbours: { previous: { id: number; name: string } | null; next: { id: number; name: string } | null; position: number; count: number };
}
