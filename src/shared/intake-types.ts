/** Public shapes of the collection from units (kit isian unit), shared by API, CLI and UI. */
import type { Change, RowError } from './import-types';

export interface IntakeFile {
  /** POSIX path inside the kit, e.g. "PEKPPP/P01.2 SK penetapan…/SK.pdf". */
  path: string;
  name: string;
  size: number;
  sha256: string;
  modifiedAt: string;
}

export interface IntakeNewFile extends IntakeFile {
  instrumentId: number;
  requirementCode: string;
  requirement: string;
  /** Same content already in another unit's library (still taken; shown so the office can check). */
  alsoInUnit: string | null;
  /** Set when the file would change an item the unit may not change now; applied only with overwrite. */
  conflict: string | null;
}

export interface IntakeMisplaced extends IntakeFile {
  where: 'akar-kit' | 'folder-tidak-dikenal';
}

export interface IntakeRejected {
  path: string;
  name: string;
  reason: string;
}

export interface IntakeDuplicate {
  path: string;
  name: string;
  /** 'unit-ini': skipped; 'unit-lain': flagged (taken unless the office decides otherwise). */
  kind: 'unit-ini' | 'unit-lain';
  otherUnit: string | null;
}

export interface IntakeConflict extends Change {
  reason: string;
}

export interface IntakeLevel {
  indicatorCode: string;
  number: number;
  name: string;
  row: number;
  from: number | null;
  to: number | null;
  suggested: number | null;
  elements: string[];
  justification: string;
  overrideReason: string;
  conflict: string | null;
}

export type IntakeUnitState = 'kosong' | 'baru' | 'perlu-tinjau' | 'ditolak';

export interface IntakeUnit {
  /** Null when a kit could not even be attributed to a unit (foreign or broken kit). */
  unitId: number | null;
  unitName: string;
  kitId: string | null;
  source: { kind: 'folder' | 'zip' | 'workbook'; path: string };
  state: IntakeUnitState;
  /** Why the whole kit is refused; nothing of it is applied. */
  refused: string | null;
  sender: string;
  lastModified: string | null;
  lastReceived: string | null;
  newFiles: IntakeNewFile[];
  changes: Change[];
  conflicts: IntakeConflict[];
  errors: RowError[];
  levels: IntakeLevel[];
  misplaced: IntakeMisplaced[];
  rejected: IntakeRejected[];
  duplicates: IntakeDuplicate[];
  /** Files still being synced or system files, left for the next scan. */
  waiting: number;
  /** Hash of what the preview showed; apply refuses a unit whose token changed. */
  token: string;
}

export interface IntakeInbox {
  periodId: number;
  year: number;
  scannedAt: string;
  from: string[];
  units: IntakeUnit[];
  /** Units of the year that sent something new (badge). */
  newCount: number;
}

export interface IntakePlacement {
  unitId: number;
  path: string;
  instrumentId: number;
  requirementCode: string;
}

export interface IntakeApplyUnit {
  unitId: number;
  unitName: string;
  applied: boolean;
  refused: string | null;
  files: number;
  changes: number;
  levels: number;
  skippedConflicts: number;
}

export interface IntakeApplyResult {
  backupId: string | null;
  units: IntakeApplyUnit[];
}

export interface IntakeStatus {
  periodId: number;
  folder: string | null;
  /** From the last scan (watcher or manual); null before the first. */
  lastScanAt: string | null;
  newCount: number;
  unitsWithNews: number[];
}
