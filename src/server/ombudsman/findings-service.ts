/**
 * The follow-up log of Ombudsman findings per unit. Saving a finding also keeps the
 * unit's "followed up" flag (ombudsman_inputs.followed_up, which the score's "Tanpa
 * Maladministrasi" suffix reads) equal to what the log says, in the same transaction:
 * once findings are logged, the log is the evidence for that flag.
 */
import {
  FINDING_KIND_LABELS,
  FINDING_STATUS_LABELS,
  findingCountsFor,
  findingProblem,
  isOverdue,
  summarizeFindings,
  type FindingKind,
  type FindingStatus,
} from '../../core/ombudsman/follow-up';
import { findingGaps } from '../../core/gaps/findings';
import { maladministrationReadiness } from '../../core/scoring/ombudsman';
import type { ParsedInput } from '../../shared/contract';
import type { Finding, OmbudsmanOverview, UnitFindings } from '../../shared/channels/ombudsman';
import { AppError } from '../../shared/result';
import { isoNow, type ServerContext } from '../context';
import type { Db } from '../db/connection';
import { memoFor } from '../db/memo';
import { appendHistory } from '../history/history';
import { getInstrument } from '../instruments/instruments-service';
import { getPeriod } from '../periods/periods-service';
import { ombudsmanYear, surveyDefaults } from './ombudsman-context';
import { productsOfPeriod } from './products-service';

interface FindingRow {
  id: number;
  unit_id: number;
  source_year: number;
  kind: FindingKind;
  text: string;
  deadline: string | null;
  status: FindingStatus;
  evidence: string;
  updated_at: string;
}

const COLUMNS = 'id, unit_id, source_year, kind, text, deadline, status, evidence, updated_at';

function findingsRepository(db: Db) {
  return {
    ofUnit: db.prepare<[number], FindingRow>(`SELECT ${COLUMNS} FROM ombudsman_findings WHERE unit_id = ? ORDER BY source_year DESC, id`),
    ofPeriodUnits: db.prepare<[number], FindingRow>(
      `SELECT ${COLUMNS} FROM ombudsman_findings WHERE unit_id IN (SELECT unit_id FROM period_units WHERE period_id = ?)`,
    ),
    byId: db.prepare<[number], FindingRow>(`SELECT ${COLUMNS} FROM ombudsman_findings WHERE id = ?`),
    insert: db.prepare(
      `INSERT INTO ombudsman_findings (unit_id, source_year, kind, text, deadline, status, evidence, created_at, updated_at)
       VALUES (@unitId, @sourceYear, @kind, @text, @deadline, @status, @evidence, @now, @now)`,
    ),
    update: db.prepare(
      `UPDATE ombudsman_findings SET source_year = @sourceYear, kind = @kind, text = @text, deadline = @deadline,
         status = @status, evidence = @evidence, updated_at = @now WHERE id = @id`,
    ),
    remove: db.prepare('DELETE FROM ombudsman_findings WHERE id = ?'),
    ombudsmanYearsOfUnit: db.prepare<[number], { period_id: number; year: number; instrument_id: number }>(
      `SELECT p.id AS period_id, p.year, pi.instrument_id FROM periods p
       JOIN period_units pu ON pu.period_id = p.id AND pu.unit_id = ?
       JOIN period_instruments pi ON pi.period_id = p.id
       JOIN instruments i ON i.id = pi.instrument_id AND i.family = 'ombudsman'`,
    ),
    syncFollowedUp: db.prepare(
      `INSERT INTO ombudsman_inputs (period_id, unit_id, instrument_id, trust, followed_up, updated_at)
       VALUES (@periodId, @unitId, @instrumentId, NULL, @followedUp, @now)
       ON CONFLICT DO UPDATE SET followed_up = excluded.followed_up, updated_at = excluded.updated_at
       WHERE followed_up IS NOT excluded.followed_up`,
    ),
  };
}

const repo = (ctx: ServerContext) => memoFor(ctx.db, findingsRepository);
const today = (ctx: ServerContext) => isoNow(ctx).slice(0, 10);

function toFinding(row: FindingRow, year: number, day: string): Finding {
  const facts = { sourceYear: row.source_year, status: row.status, deadline: row.deadline, evidence: row.evidence };
  return {
    id: row.id,
    unitId: row.unit_id,
    sourceYear: row.source_year,
    kind: row.kind,
    kindLabel: FINDING_KIND_LABELS[row.kind],
    text: row.text,
    deadline: row.deadline,
    status: row.status,
    statusLabel: FINDING_STATUS_LABELS[row.status],
    evidence: row.evidence,
    overdue: isOverdue(facts, day),
    counts: findingCountsFor(facts, year),
    updatedAt: row.updated_at,
  };
}

const factsOf = (row: FindingRow) => ({ sourceYear: row.source_year, status: row.status, deadline: row.deadline, evidence: row.evidence });

export function unitFindings(ctx: ServerContext, input: ParsedInput<'ombudsman:findings'>): UnitFindings {
  const { period, definition } = ombudsmanYear(ctx, input.periodId, input.unitId);
  const day = today(ctx);
  const findings = repo(ctx).ofUnit.all(input.unitId).map((row) => toFinding(row, period.year, day));
  const summary = summarizeFindings(findings.filter((finding) => finding.counts), day);
  return {
    periodId: period.id,
    year: period.year,
    unitId: period.unit.unitId,
    unitName: period.unit.unitName,
    findings,
    summary,
    readiness: maladministrationReadiness(definition, summary),
    gaps: findingGaps(findings, period.year, day),
  };
}

/** Keep the followed-up flag of every Ombudsman year of the unit equal to its log. */
function syncFollowedUp(ctx: ServerContext, unitId: number): void {
  const rows = repo(ctx).ofUnit.all(unitId);
  const day = today(ctx);
  for (const year of repo(ctx).ombudsmanYearsOfUnit.all(unitId)) {
    const counted = rows.filter((row) => findingCountsFor(factsOf(row), year.year)).map(factsOf);
    if (counted.length === 0) continue;
    const summary = summarizeFindings(counted, day);
    repo(ctx).syncFollowedUp.run({ periodId: year.period_id, unitId, instrumentId: year.instrument_id, followedUp: summary.allClosed ? 1 : 0, now: isoNow(ctx) });
  }
}

function requireOwnFinding(ctx: ServerContext, id: number, unitId: number): FindingRow {
  const row = repo(ctx).byId.get(id);
  if (!row || row.unit_id !== unitId) throw new AppError('NOT_FOUND', 'Temuan tidak ditemukan pada unit ini; muat ulang halaman.');
  return row;
}

export function saveFinding(ctx: ServerContext, input: ParsedInput<'ombudsman:save-finding'>): UnitFindings {
  const { period } = ombudsmanYear(ctx, input.periodId, input.unitId);
  const problem = findingProblem({ sourceYear: input.sourceYear, status: input.status, deadline: input.deadline, evidence: input.evidence }, null);
  if (problem) throw new AppError('VALIDATION', problem);
  ctx.db
    .transaction(() => {
      const values = { sourceYear: input.sourceYear, kind: input.kind, text: input.text, deadline: input.deadline, status: input.status, evidence: input.evidence, now: isoNow(ctx) };
      let id = input.id;
      let from: FindingStatus | null = null;
      if (id === undefined) id = Number(repo(ctx).insert.run({ ...values, unitId: input.unitId }).lastInsertRowid);
      else {
        from = requireOwnFinding(ctx, id, input.unitId).status;
        repo(ctx).update.run({ ...values, id });
      }
      appendHistory(ctx, { periodId: period.id, unitId: input.unitId }, 'finding', { id, from, to: input.status, kind: input.kind, sourceYear: input.sourceYear });
      syncFollowedUp(ctx, input.unitId);
    })
    .immediate();
  return unitFindings(ctx, input);
}

export function removeFinding(ctx: ServerContext, input: ParsedInput<'ombudsman:remove-finding'>): UnitFindings {
  const { period } = ombudsmanYear(ctx, input.periodId, input.unitId);
  ctx.db
    .transaction(() => {
      const row = requireOwnFinding(ctx, input.id, input.unitId);
      repo(ctx).remove.run(input.id);
      appendHistory(ctx, { periodId: period.id, unitId: input.unitId }, 'finding', { id: input.id, from: row.status, to: null, removed: true, text: row.text.slice(0, 200) });
      syncFollowedUp(ctx, input.unitId);
    })
    .immediate();
  return unitFindings(ctx, input);
}

/** Every unit of a year: products and their readiness, open and overdue findings. */
export function ombudsmanOverview(ctx: ServerContext, input: ParsedInput<'ombudsman:overview'>): OmbudsmanOverview {
  const period = getPeriod(ctx, { id: input.periodId });
  const instrument = period.instruments.find((item) => item.family === 'ombudsman');
  const defaults = instrument ? surveyDefaults(getInstrument(ctx, { id: instrument.id }).definition) : null;
  const products = productsOfPeriod(ctx, period.id, defaults);
  const day = today(ctx);
  const findings = new Map<number, FindingRow[]>();
  for (const row of repo(ctx).ofPeriodUnits.all(period.id)) findings.set(row.unit_id, [...(findings.get(row.unit_id) ?? []), row]);
  return {
    periodId: period.id,
    year: period.year,
    productsPerUnit: defaults?.productsPerUnit ?? null,
    units: period.units.map((unit) => {
      const own = products.get(unit.unitId) ?? [];
      const counted = (findings.get(unit.unitId) ?? []).map(factsOf).filter((facts) => findingCountsFor(facts, period.year));
      const summary = summarizeFindings(counted, day);
      return {
        unitId: unit.unitId,
        unitName: unit.unitName,
        sample: unit.ombudsmanSample,
        products: own.length,
        productsReady: own.filter((product) => product.progress.ready).length,
        openFindings: summary.open,
        overdueFindings: summary.overdue,
      };
    }),
  };
}
