/** Public shapes of the workbook import, shared by the API, the CLI and the UI (plain types). */

/** A path on disk, or bytes uploaded through the browser preview host. */
export type ImportSource = string | { name: string; data: Uint8Array };

export interface PreviewFormInput {
  file: ImportSource;
  /** When given, a workbook for another year or unit is refused with a clear message. */
  periodId?: number;
  unitId?: number;
}

export interface ApplyFormInput extends PreviewFormInput {
  token: string;
  /** Default 'skip': a conflict is never applied unless the operator says so. */
  resolveConflicts?: 'skip' | 'overwrite';
}

export interface ApplyFormResult {
  /** Field-level changes written (status, note, link, document date). */
  applied: number;
  /** Field-level conflicts left as they are in Patuh. */
  skipped: number;
}

export interface RowError {
  /** Excel row number as the unit sees it (header is row 1). */
  row: number;
  /** Column header, e.g. "Tautan bukti". */
  column: string;
  /** Cell address, e.g. "H12". */
  cell: string;
  message: string;
  /** What the unit or the office should do about it. */
  action: string;
}

export type ChangeField = 'status' | 'note' | 'link' | 'documentDate';

export interface Change {
  row: number;
  instrumentId: number;
  requirementCode: string;
  instrument: string;
  indicator: string;
  requirement: string;
  field: ChangeField;
  /** Indonesian name of the field for display. */
  fieldLabel: string;
  before: string;
  after: string;
}

/** Changed in Patuh after the export AND edited differently in the workbook. */
export interface Conflict extends Change {
  /** Value when the workbook was exported (`before` is the value in Patuh now). */
  exported: string;
  /** When Patuh last changed this requirement. */
  changedAt: string;
}

export interface ImportPreview {
  ok: boolean;
  unit: { id: number; name: string } | null;
  period: { id: number; year: number } | null;
  /** The whole file is refused; nothing else in the preview applies. */
  rejected?: { message: string };
  errors: RowError[];
  changes: Change[];
  conflicts: Conflict[];
  /** Requirements with a change / a conflict: one requirement counts once, however many fields. */
  changedRequirements: number;
  conflictRequirements: number;
  /** Rows with nothing to change. */
  unchanged: number;
  /** Hash of the file and of the unit's data at preview time; apply refuses when either changed. */
  token: string;
}

