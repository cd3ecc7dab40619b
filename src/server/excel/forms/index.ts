/** The fillable-workbook round trip: export a form per unit, preview and apply its import. */
export { exportForm, formFileName, type ExportFormInput, type ExportFormResult } from './export-form';
export { applyFormImport, previewFormImport } from './import-form';
export {
  DEFAULT_LIMITS,
  type ApplyFormInput,
  type ApplyFormResult,
  type Change,
  type ChangeField,
  type Conflict,
  type ImportLimits,
  type ImportPreview,
  type ImportSource,
  type PreviewFormInput,
  type RowError,
} from './types';
