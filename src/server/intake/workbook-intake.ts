/**
 * A returned kit workbook, read with the fillable form's own machinery (signature and
 * zip guard, parse worker, key check, row reading, three-way plan) plus the F-01 sheet,
 * then judged by the unit rules of src/core/intake: what may be applied, what is a
 * conflict for the office, and what is an error the unit must fix.
 */
import crypto from 'node:crypto';
import { judgeEdit, judgeLevel, judgeStatus, type SelfAssessmentState } from '../../core/intake/unit-rules';
import { AppError } from '../../shared/result';
import type { Assessment, AssessmentIndicator } from '../../shared/types';
import type { IntakeConflict, IntakeLevel } from '../../shared/intake-types';
import type { Change, RowError } from '../../shared/import-types';
import type { ServerContext } from '../context';
import { getAssessment } from '../assessment/assessment-service';
import { getChecklist } from '../checklist/checklist-service';
import { DEFAULT_LIMITS } from '../excel/forms';
import { checkWorkbook } from '../excel/forms/check-workbook';
import { collectRows } from '../excel/forms/export-form';
import { parseKeySheet } from '../excel/forms/form-key';
import { levelBaselines, type LevelBaseline } from '../excel/forms/baselines';
import { COL, headerOf } from '../excel/forms/layout';
import { parseInWorker } from '../excel/forms/parse-worker';
import { planImport, type PlannedRow } from '../excel/forms/plan';
import { readRows } from '../excel/forms/read-rows';
import { F01_SHEETS, readSelfAssessment, type SentIndicator } from '../excel/forms/self-assessment-read';
import type { WorkbookSnapshot } from '../excel/forms/snapshot';
import { checkSignature, inspectZip } from '../excel/forms/zip-guard';
import type { JobControl } from '../jobs/job';

export interface LevelPlan {
  indicatorCode: string;
  /** As the unit wrote it, remembered once applied (see excel/forms/baselines.ts). */
  sent: SelfAssessmentState;
  state: SelfAssessmentState;
  conflict: boolean;
}

export interface WorkbookReading {
  refused: string | null;
  unit: { id: number; name: string } | null;
  period: { id: number; year: number } | null;
  keyMac: string;
  sender: string;
  changes: Change[];
  conflicts: IntakeConflict[];
  errors: RowError[];
  levels: IntakeLevel[];
  rows: Array<{ planned: PlannedRow; conflict: boolean }>;
  levelPlans: LevelPlan[];
  stateHash: string;
}

const refusedReading = (message: string, target: { unit: { id: number; name: string } | null; period: { id: number; year: number } | null } = { unit: null, period: null }): WorkbookReading => ({
  refused: message,
  ...target,
  keyMac: '',
  sender: '',
  changes: [],
  conflicts: [],
  errors: [],
  levels: [],
  rows: [],
  levelPlans: [],
  stateHash: '',
});

/** Everything asynchronous (guards, worker parse); touches no data. */
export async function parseKitWorkbook(data: Buffer, job: JobControl): Promise<WorkbookSnapshot | string> {
  try {
    if (data.length > DEFAULT_LIMITS.maxFileBytes) return 'Buku kerja terlalu besar untuk formulir isian; periksa apakah berkasnya benar.';
    checkSignature(data);
    await inspectZip(data, DEFAULT_LIMITS, job);
    return await parseInWorker(data, DEFAULT_LIMITS, job, { extraSheets: F01_SHEETS });
  } catch (error) {
    if (error instanceof AppError && error.code === 'FILE_REJECTED') return error.message;
    throw error;
  }
}

function statusErrors(rows: ReturnType<typeof readRows>['rows']): RowError[] {
  const errors: RowError[] = [];
  for (const row of rows) {
    const verdict = judgeStatus({ exported: row.key.status, wanted: row.status, reason: row.note });
    if (verdict.kind === 'error') errors.push({ row: row.row, column: headerOf(COL.status), cell: `G${row.row}`, message: verdict.message, action: verdict.action });
  }
  return errors;
}

function stateOf(indicator: AssessmentIndicator): SelfAssessmentState {
  return { level: indicator.selfLevel, elements: indicator.ticked, justification: indicator.justification, overrideReason: indicator.overrideReason };
}

function judgeLevels(assessment: Assessment | null, sent: SentIndicator[], errors: RowError[], baselines: Map<string, LevelBaseline>): { levels: IntakeLevel[]; plans: LevelPlan[] } {
  const levels: IntakeLevel[] = [];
  const plans: LevelPlan[] = [];
  const indicators = new Map((assessment?.aspects.flatMap((aspect) => aspect.indicators) ?? []).map((indicator) => [indicator.code, indicator]));
  for (const entry of sent) {
    const indicator = indicators.get(entry.indicatorCode);
    if (!indicator) continue;
    const verdict = judgeLevel({ elements: indicator.elements ?? undefined, exported: entry.exported, sent: entry.sent, current: stateOf(indicator), verifiedLevel: indicator.verifiedLevel, lastApplied: baselines.get(indicator.code) });
    if (verdict.kind === 'unchanged') continue;
    if (verdict.kind === 'error') {
      errors.push({ row: entry.row, column: 'Penilaian Mandiri › Tingkat dipilih', cell: `F${entry.row}`, message: `Indikator ${indicator.number}: ${verdict.message}`, action: verdict.action });
      continue;
    }
    const conflict = verdict.kind === 'conflict' ? verdict.reason : null;
    levels.push({
      indicatorCode: indicator.code,
      number: indicator.number,
      name: indicator.name,
      row: entry.row,
      from: indicator.selfLevel,
      to: verdict.level,
      suggested: verdict.kind === 'apply' ? verdict.suggested : null,
      elements: [...verdict.state.elements],
      justification: verdict.state.justification,
      overrideReason: verdict.state.overrideReason,
      conflict,
    });
    plans.push({ indicatorCode: indicator.code, sent: entry.sent, state: verdict.state, conflict: conflict !== null });
  }
  return { levels, plans };
}

function assessmentOrNull(ctx: ServerContext, periodId: number, unitId: number): Assessment | null {
  try {
    return getAssessment(ctx, { periodId, unitId });
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION') return null;
    throw error;
  }
}

/** Everything synchronous: the same function runs in the preview and inside apply's transaction. */
export function readKitWorkbook(ctx: ServerContext, snapshot: WorkbookSnapshot | string, expected: { periodId: number; unitId?: number }): WorkbookReading {
  if (typeof snapshot === 'string') return refusedReading(snapshot);
  const checked = checkWorkbook(ctx, snapshot, expected);
  if (!checked.ok) return refusedReading(checked.message, { unit: checked.target?.unit ?? null, period: checked.target?.period ?? null });
  const { verified } = checked;
  const target = { unit: { id: verified.unit.id, name: verified.unit.name }, period: { id: verified.period.id, year: verified.period.year } };
  const keyMac = parseKeySheet(snapshot.key!)!.mac;
  const f01 = readSelfAssessment(ctx, snapshot, keyMac);
  if (f01.kind === 'refused') return refusedReading(f01.message, target);
  const { rows, errors } = readRows(verified.form, verified.key);
  const plan = planImport(ctx, verified, rows);
  const formErrors = [...errors, ...plan.errors];
  // The form's reader already refuses some statuses; the unit rules add the rest, once per cell.
  const ruleErrors = statusErrors(rows).filter((error) => !formErrors.some((other) => other.cell === error.cell));
  const allErrors = [...formErrors, ...ruleErrors, ...(f01.kind === 'read' ? f01.reading.errors : [])];
  const rowsWithErrors = new Set([...formErrors, ...ruleErrors].map((error) => error.row));
  const current = new Map(collectRows(getChecklist(ctx, { periodId: target.period.id, unitId: target.unit.id })).map((row) => [`${row.requirement.instrumentId}:${row.requirement.code}`, row.requirement.status]));
  // A row with an error is shown as the error only, never also as a change.
  const judged = plan.rows.filter((planned) => !rowsWithErrors.has(planned.row)).map((planned) => {
    const verdict = judgeEdit({ current: current.get(`${planned.itemKey.instrumentId}:${planned.itemKey.requirementCode}`) ?? 'belum_ada', changedSinceExport: planned.conflict });
    return { planned, conflict: verdict.kind === 'conflict' ? verdict.reason : null };
  });
  const assessment = f01.kind === 'read' ? assessmentOrNull(ctx, target.period.id, target.unit.id) : null;
  const { levels, plans } = judgeLevels(assessment, f01.kind === 'read' ? f01.reading.indicators : [], allErrors, levelBaselines(ctx, { periodId: target.period.id, unitId: target.unit.id }));
  const stateHash = crypto
    .createHash('sha256')
    .update(JSON.stringify([plan.stateHash, assessment?.aspects.flatMap((aspect) => aspect.indicators.map((indicator) => [indicator.code, indicator.selfLevel, indicator.verifiedLevel, indicator.ticked, indicator.justification])) ?? []]))
    .digest('hex');
  return {
    refused: null,
    ...target,
    keyMac,
    sender: f01.kind === 'read' ? f01.reading.sender : '',
    changes: judged.filter((row) => row.conflict === null).flatMap((row) => row.planned.entries),
    conflicts: judged.flatMap((row) => (row.conflict === null ? [] : row.planned.entries.map((entry) => ({ ...entry, reason: row.conflict! })))),
    errors: allErrors.sort((a, b) => a.row - b.row || a.cell.localeCompare(b.cell)),
    levels,
    rows: judged.map((row) => ({ planned: row.planned, conflict: row.conflict !== null })),
    levelPlans: plans,
    stateHash,
  };
}
