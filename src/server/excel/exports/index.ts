/**
 * Excel exports. Each is `async (ctx, params, job) => result`, run as a job: progress is
 * reported through `job.progress`, `job.signal` cancels, and nothing half-written is left.
 */
export { exportUnitPackage, type PackageManifest, type UnitPackageParams, type UnitPackageResult } from './unit-package';
export { exportRecap, type RecapParams, type RecapResult } from './recap';
export { exportGapReport, renderGapReport, type GapReportParams, type GapReportResult } from './gap-report';
export {
  gapReportModel,
  type GapReportContext,
  type GapReportFact,
  type GapReportModel,
  type GapReportRow,
  type GapReportSection,
  type SignatureBlock,
} from './gap-report-model';
