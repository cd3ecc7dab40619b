/** Shapes the SKM channels return; the calculator's report types come from src/core/skm. */
import type { ColumnMapping } from '../core/skm/answers';
import type { FollowUpSuggestion } from '../core/skm/follow-up';
import type { SkmBandDef } from '../core/skm/scheme';
import type { SkmPemdaSummary, SkmReport } from '../core/skm/types';

export type { ColumnMapping, FollowUpSuggestion, SkmPemdaSummary, SkmReport };
export type { SkmBandRef, SkmGroupResult, SkmPemdaRow, SkmUnsurResult } from '../core/skm/types';

/** 0 = the whole year, 1 / 2 = semester I / II. */
export type SkmSemester = 0 | 1 | 2;

export interface SkmSchemeView {
  code: string;
  version: string;
  name: string;
  shortName: string;
  legalBasis: string;
  answerScale: { min: number; max: number };
  unsur: Array<{ code: string; number: number; name: string; question: string; answers: string[] }>;
  bands: SkmBandDef[];
  profile: { sex: string[]; education: string[]; occupation: string[]; ageBands: Array<{ label: string; min: number; max: number }> };
  /** Optional columns of an import, in display order, with their Indonesian labels. */
  profileFields: Array<{ field: string; label: string }>;
  weightLabel: string;
}

export interface SkmSurvey {
  id: number;
  unitId: number;
  serviceName: string;
  year: number;
  semester: SkmSemester;
  periodLabel: string;
  population: number | null;
  mode: 'rows' | 'counts';
  respondents: number;
  sourceName: string | null;
  importedAt: string | null;
  updatedAt: string;
}

export interface SkmFollowUp {
  id: number;
  unsurCode: string | null;
  activity: string;
  schedule: string;
  responsible: string;
  done: boolean;
}

/** Respondent profile: label → count, per question, in the scheme's order. */
export interface SkmProfileSummary {
  respondentsWithProfile: number;
  groups: Array<{ title: string; counts: Array<{ label: string; count: number }> }>;
}

export interface SkmUnitView {
  unitId: number;
  unitName: string;
  year: number;
  semester: SkmSemester;
  periodLabel: string;
  surveys: SkmSurvey[];
  report: SkmReport;
  profile: SkmProfileSummary;
  followUps: SkmFollowUp[];
  followUpSuggestion: FollowUpSuggestion;
}

export interface SkmRowError {
  /** Row in the file as the office sees it (header = row 1). */
  row: number;
  column: string;
  message: string;
}

export interface SkmImportPreview {
  ok: boolean;
  rejected: { message: string } | null;
  fileName: string;
  headers: string[];
  /** The first rows as text, for the preview table. */
  sampleRows: string[][];
  mapping: ColumnMapping;
  mappingSource: 'tersimpan' | 'saran' | 'pilihan';
  /** Unsur without a column: the import cannot proceed until they are mapped. */
  unmapped: string[];
  errors: SkmRowError[];
  /** Rows with at least one unsur blank: kept only when the office accepts them. */
  incompleteRows: Array<{ row: number; missing: string[] }>;
  totalRows: number;
  completeRows: number;
  /** Responses of this survey the import would replace. */
  replaces: number;
  token: string;
}

export interface SkmImportResult {
  surveyId: number;
  imported: number;
  replaced: number;
  /** Incomplete rows the office did not accept. */
  excluded: number;
}

export interface SkmPemdaView {
  year: number;
  semester: SkmSemester;
  periodLabel: string;
  summary: SkmPemdaSummary;
}

export interface SkmAttachResult {
  fileName: string;
  attached: Array<{ instrumentName: string; requirementCode: string; text: string }>;
  skipped: Array<{ requirementCode: string; reason: string }>;
}

export interface SkmExportResult {
  files: Array<{ path: string; name: string; downloadUrl: string | null }>;
}
