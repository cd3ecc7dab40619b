/** Limits of the workbook import; the public shapes live in src/shared/import-types.ts. */
export type {
  ApplyFormInput,
  ApplyFormResult,
  Change,
  ChangeField,
  Conflict,
  ImportPreview,
  ImportSource,
  PreviewFormInput,
  RowError,
} from '../../../shared/import-types';

export interface ImportLimits {
  maxFileBytes: number;
  maxEntries: number;
  maxTotalUncompressed: number;
  /** Applies to entries above `ratioFloorBytes`; tiny parts legitimately compress very well. */
  maxCompressionRatio: number;
  ratioFloorBytes: number;
  maxSharedStringsBytes: number;
  maxRows: number;
  parseTimeoutMs: number;
  workerHeapMb: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxEntries: 2000,
  maxTotalUncompressed: 100 * 1024 * 1024,
  maxCompressionRatio: 100,
  ratioFloorBytes: 1024 * 1024,
  maxSharedStringsBytes: 16 * 1024 * 1024,
  maxRows: 5000,
  parseTimeoutMs: 20_000,
  workerHeapMb: 256,
};
