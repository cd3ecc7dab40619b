/**
 * Every target of the benchmark in one table. Operations name a target by key; `--check`
 * fails the run when any row with a target misses it. Timed tests never hold targets.
 */
import type { Measurement } from './measure';

export interface Target {
  /** As printed in the table's Target column. */
  label: string;
  met: (row: Measurement) => boolean;
}

const medianAtMost = (ms: number, label: string): Target => ({ label, met: (row) => row.medianMs <= ms });
const ratioAtMost = (ratio: number, label: string): Target => ({ label, met: (row) => row.ratio !== undefined && row.ratio <= ratio });
const ratioAtLeast = (ratio: number, label: string): Target => ({ label, met: (row) => row.ratio !== undefined && row.ratio >= ratio });

export const TARGETS = {
  scores: medianAtMost(100, '≤ 100 ms'),
  checklist: medianAtMost(50, '≤ 50 ms'),
  dashboard: medianAtMost(100, '≤ 100 ms (300 unit)'),
  startup: medianAtMost(1000, '≤ 1 s'),
  cliStart: medianAtMost(300, '≤ 0,3 s'),
  recap: ratioAtMost(1.3, '≤ 1,3× waktu baku'),
  recapRss: { label: '≤ 400 MB', met: (row) => row.peakRssMb <= 400 },
  packageOrdinary: ratioAtMost(1.3, '≤ 1,3× waktu baku (salin + exceljs)'),
  packageHeavy: ratioAtLeast(0.9, '≥ 0,9× throughput salin'),
  formImport: medianAtMost(150, '≤ 150 ms per workbook'),
  formBatch: medianAtMost(8000, '≤ 8 s untuk 50'),
  uiChecklist: medianAtMost(300, '≤ 300 ms'),
  uiInstrument: medianAtMost(300, '≤ 300 ms'),
  uiStatus: { label: '< 50 ms', met: (row) => row.medianMs < 50 },
  uiLevel: { label: '< 50 ms', met: (row) => row.medianMs < 50 },
  crash: { label: '0 hilang', met: (row) => row.note === '0 hilang' },
  intakeKits: ratioAtMost(2, '≤ 2× waktu formulir biasa'),
  intakeScan: ratioAtMost(3, '≤ 3× waktu hash baku'),
  intakeRescan: medianAtMost(1000, '≤ 1 s'),
  intakeApply: ratioAtLeast(0.8, '≥ 0,8× throughput salin'),
} satisfies Record<string, Target>;

export type TargetKey = keyof typeof TARGETS;

/** The row with its target label and whether it is met. */
export function judged(row: Measurement, key: TargetKey): Measurement {
  const target: Target = TARGETS[key];
  return { ...row, target: target.label, met: target.met(row) };
}
