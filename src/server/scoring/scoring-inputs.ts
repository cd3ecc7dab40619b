/**
 * Loads everything scoring needs for a whole year in a handful of queries (one per
 * table), so recomputing 300 units stays fast; the pure core then does the arithmetic.
 */
import type { EvidenceStatus } from '../../core/checklist/types';
import type { InstrumentDefinition } from '../../core/instrument/schema';
import type { OmbudsmanRequirementInput, PekpppLevels } from '../../core/scoring/types';
import type { PeriodDetail } from '../../shared/types';
import type { ServerContext } from '../context';
import type { Db } from '../db/connection';
import { memoFor } from '../db/memo';
import { effectiveRequirements, type EffectiveRequirement } from '../checklist/requirements';
import { getInstrument } from '../instruments/instruments-service';
import { getPeriod } from '../periods/periods-service';

export interface AssessmentRow {
  unit_id: number;
  instrument_id: number;
  indicator_code: string;
  self_level: number | null;
  verified_level: number | null;
  elements: string;
  override_reason: string;
  justification: string;
  verified_note: string;
}

function scoringRepository(db: Db) {
  return {
    assessmentsOfPeriod: db.prepare<[number], AssessmentRow>(
      `SELECT unit_id, instrument_id, indicator_code, self_level, verified_level, elements, override_reason,
              justification, verified_note FROM assessments WHERE period_id = ?`,
    ),
    assessmentsOfUnit: db.prepare<[number, number], AssessmentRow>(
      `SELECT unit_id, instrument_id, indicator_code, self_level, verified_level, elements, override_reason,
              justification, verified_note FROM assessments WHERE period_id = ? AND unit_id = ?`,
    ),
    /** Arrays instead of objects: ~50,000 rows a year at 300 units, read on every recompute. */
    statusesRaw: db
      .prepare<[number], [number, number, string, EvidenceStatus]>(
        'SELECT unit_id, instrument_id, requirement_code, status FROM checklist_items WHERE period_id = ?',
      )
      .raw(true),
    /** Levels only (no notes or ticked elements), as arrays: what scoring a whole year needs. */
    levelsOfPeriodRaw: db
      .prepare<[number], [number, number, string, number | null, number | null]>(
        'SELECT unit_id, instrument_id, indicator_code, self_level, verified_level FROM assessments WHERE period_id = ?',
      )
      .raw(true),
    /**
     * One instrument's statuses, one row per unit: "code US status RS code US status…".
     * Read through the covering index of migration 010, and ~300 rows instead of ~25,000
     * (SQLite joins the strings in C; JS splits them), which halves a dashboard's reading.
     */
    statusesOfInstrumentPacked: db
      .prepare<[number, number], [number, string]>(
        `SELECT unit_id, group_concat(requirement_code || char(31) || status, char(30)) FROM checklist_items
          WHERE period_id = ? AND instrument_id = ? GROUP BY unit_id`,
      )
      .raw(true),
    statusesOfUnitRaw: db
      .prepare<[number, number], [number, number, string, EvidenceStatus]>(
        'SELECT unit_id, instrument_id, requirement_code, status FROM checklist_items WHERE period_id = ? AND unit_id = ?',
      )
      .raw(true),
    /**
     * Status counts per unit over the given requirement codes of one instrument: what a
     * dashboard's progress needs, counted by SQLite instead of 50,000 rows in JS.
     */
    statusCountsOfInstrument: db.prepare<[number, number, string], { unit_id: number; items: number; not_applicable: number; supplied: number; verified: number }>(
      `SELECT unit_id, count(*) AS items, sum(status = 'tidak_berlaku') AS not_applicable,
              sum(status IN ('menunggu_verifikasi', 'terverifikasi', 'perlu_perbaikan')) AS supplied,
              sum(status = 'terverifikasi') AS verified
         FROM checklist_items
        WHERE period_id = ? AND instrument_id = ? AND requirement_code IN (SELECT value FROM json_each(?))
        GROUP BY unit_id`,
    ),
    inputsOfPeriod: db.prepare<[number], { unit_id: number; instrument_id: number; trust: number | null; followed_up: number }>(
      'SELECT unit_id, instrument_id, trust, followed_up FROM ombudsman_inputs WHERE period_id = ?',
    ),
    upsertInputs: db.prepare(
      `INSERT INTO ombudsman_inputs (period_id, unit_id, instrument_id, trust, followed_up, updated_at)
       VALUES (@periodId, @unitId, @instrumentId, @trust, @followedUp, @now)
       ON CONFLICT DO UPDATE SET trust = excluded.trust, followed_up = excluded.followed_up, updated_at = excluded.updated_at`,
    ),
  };
}

export const scoringRepo = (ctx: ServerContext) => memoFor(ctx.db, scoringRepository);

export interface InstrumentInputs {
  id: number;
  definition: InstrumentDefinition;
  requirements: EffectiveRequirement[];
}

export interface YearInputs {
  period: PeriodDetail;
  pekppp: InstrumentInputs | null;
  ombudsman: InstrumentInputs | null;
  levels: (unitId: number, verified: boolean) => PekpppLevels;
  assessments: (unitId: number) => AssessmentRow[];
  requirementStatuses: (unitId: number) => OmbudsmanRequirementInput[];
  statusesOf: (unitId: number, instrumentId: number) => Map<string, EvidenceStatus>;
  ombudsmanInputs: (unitId: number) => { trust: number | null; followedUp: boolean };
}

function instrumentInputs(ctx: ServerContext, period: PeriodDetail, family: 'pekppp' | 'ombudsman'): InstrumentInputs | null {
  const summary = period.instruments.find((instrument) => instrument.family === family);
  if (!summary) return null;
  const definition = getInstrument(ctx, { id: summary.id }).definition;
  const requirements = [...effectiveRequirements(ctx, period.id, summary.id, definition).byIndicator.values()].flat();
  return { id: summary.id, definition, requirements };
}

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const list = map.get(key(row)) ?? [];
    list.push(row);
    map.set(key(row), list);
  }
  return map;
}

/** unit, instrument, indicator, self level, verified level. */
type LevelRow = [number, number, string, number | null, number | null];

const levelRowOf = (row: AssessmentRow): LevelRow => [row.unit_id, row.instrument_id, row.indicator_code, row.self_level, row.verified_level];

/** The level-only row callers of a whole year get (no notes or ticked elements were read). */
const assessmentRowOf = ([unit_id, instrument_id, indicator_code, self_level, verified_level]: LevelRow): AssessmentRow => ({
  unit_id,
  instrument_id,
  indicator_code,
  self_level,
  verified_level,
  elements: '[]',
  override_reason: '',
  justification: '',
  verified_note: '',
});

function unpackStatuses(packed: string): Map<string, EvidenceStatus> {
  const map = new Map<string, EvidenceStatus>();
  for (const pair of packed.split('\u001e')) {
    const split = pair.indexOf('\u001f');
    map.set(pair.slice(0, split), pair.slice(split + 1) as EvidenceStatus);
  }
  return map;
}

/**
 * Everything needed to score a year, or — with `unitId` — just one unit of it (what a
 * single screen or export needs: reading the whole year there would be wasted work).
 */
export interface LoadOptions {
  unitId?: number;
  /**
   * Scores need only the Ombudsman statuses (PEKPPP is scored from levels); progress needs
   * all. Reading just what is needed halves the rows read when recomputing a year;
   * `none` is for PEKPPP levels only (the previous year's index on the dashboard): the
   * Ombudsman instrument is then not loaded at all (`ombudsman` is null).
   */
  statuses?: 'all' | 'ombudsman' | 'none';
}

export function loadYearInputs(ctx: ServerContext, periodId: number, options: LoadOptions = {}): YearInputs {
  const period = getPeriod(ctx, { id: periodId });
  const pekppp = instrumentInputs(ctx, period, 'pekppp');
  const ombudsman = options.statuses === 'none' ? null : instrumentInputs(ctx, period, 'ombudsman');
  const repo = scoringRepo(ctx);
  const unitId = options.unitId;
  // A whole year reads levels only, as arrays; one unit reads its full rows.
  const fullRows = unitId === undefined ? null : groupBy(repo.assessmentsOfUnit.all(periodId, unitId), (row) => row.unit_id);
  const levelRows = fullRows
    ? new Map([...fullRows].map(([unit, rows]) => [unit, rows.map(levelRowOf)]))
    : groupBy(repo.levelsOfPeriodRaw.all(periodId) as unknown as LevelRow[], (row) => row[0]);
  const onlyOmbudsman = options.statuses === 'ombudsman' && unitId === undefined;
  // Indexed once: unit → instrument → requirement code → status.
  const statuses = new Map<number, Map<number, Map<string, EvidenceStatus>>>();
  if (onlyOmbudsman && ombudsman) {
    for (const [unit, packed] of repo.statusesOfInstrumentPacked.all(periodId, ombudsman.id)) statuses.set(unit, new Map([[ombudsman.id, unpackStatuses(packed)]]));
  } else if (options.statuses !== 'none' && !onlyOmbudsman) {
    const rawRows = unitId === undefined ? repo.statusesRaw.all(periodId) : repo.statusesOfUnitRaw.all(periodId, unitId);
    for (const [unit, instrumentId, code, status] of rawRows as unknown as Array<[number, number, string, EvidenceStatus]>) {
      let byInstrument = statuses.get(unit);
      if (!byInstrument) statuses.set(unit, (byInstrument = new Map()));
      let byCode = byInstrument.get(instrumentId);
      if (!byCode) byInstrument.set(instrumentId, (byCode = new Map()));
      byCode.set(code, status);
    }
  }
  const empty = new Map<string, EvidenceStatus>();
  const inputs = new Map(scoringRepo(ctx).inputsOfPeriod.all(periodId).map((row) => [`${row.unit_id}:${row.instrument_id}`, row]));
  const statusesOf = (unitId: number, instrumentId: number) => statuses.get(unitId)?.get(instrumentId) ?? empty;
  return {
    period,
    pekppp,
    ombudsman,
    assessments: (unitId) => fullRows?.get(unitId) ?? (levelRows.get(unitId) ?? []).map(assessmentRowOf),
    levels(unitId, verified) {
      const levels: PekpppLevels = {};
      for (const [, instrumentId, code, self, checked] of levelRows.get(unitId) ?? []) {
        if (pekppp && instrumentId === pekppp.id) levels[code] = verified ? checked : self;
      }
      return levels;
    },
    statusesOf,
    requirementStatuses(unitId) {
      if (!ombudsman) return [];
      const map = statusesOf(unitId, ombudsman.id);
      return ombudsman.requirements.map((requirement) => ({
        indicatorCode: requirement.indicatorCode,
        code: requirement.code,
        text: requirement.text,
        status: map.get(requirement.code) ?? 'belum_ada',
      }));
    },
    ombudsmanInputs(unitId) {
      const row = ombudsman ? inputs.get(`${unitId}:${ombudsman.id}`) : undefined;
      return { trust: row?.trust ?? null, followedUp: row?.followed_up === 1 };
    },
  };
}
