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
    assessmentsOfUnit: db.prepare<[number, number], AssessmentRow>(
      `SELECT unit_id, instrument_id, indicator_code, self_level, verified_level, elements, override_reason,
              justification, verified_note FROM assessments WHERE period_id = ? AND unit_id = ?`,
    ),
    /**
     * One instrument's levels, one row per unit: "indicator US self US verified RS …" (an
     * empty level is ""). What scoring a whole year needs, and the exact text the figures
     * of a unit are remembered by (year-figures.ts).
     */
    levelsOfInstrumentPacked: db
      .prepare<[number, number], [number, string]>(
        `SELECT unit_id, group_concat(indicator_code || char(31) || coalesce(self_level, '') || char(31) || coalesce(verified_level, ''), char(30))
           FROM assessments WHERE period_id = ? AND instrument_id = ? GROUP BY unit_id`,
      )
      .raw(true),
    /**
     * One instrument's statuses, one row per unit: "code US status RS code US status…".
     * Read through the covering index of migration 010, and ~300 rows instead of ~25,000
     * (SQLite joins the strings in C; JS splits them only where a unit is scored anew).
     */
    statusesOfInstrumentPacked: db
      .prepare<[number, number], [number, string]>(
        `SELECT unit_id, group_concat(requirement_code || char(31) || status, char(30)) FROM checklist_items
          WHERE period_id = ? AND instrument_id = ? GROUP BY unit_id`,
      )
      .raw(true),
    /** The same packed texts for one unit (the year's units written since the last read: year-figures.ts). */
    levelsOfUnitPacked: db
      .prepare<[number, number, number], string | null>(
        `SELECT group_concat(indicator_code || char(31) || coalesce(self_level, '') || char(31) || coalesce(verified_level, ''), char(30))
           FROM assessments WHERE period_id = ? AND instrument_id = ? AND unit_id = ?`,
      )
      .pluck(),
    statusesOfUnitPacked: db
      .prepare<[number, number, number], string | null>(
        `SELECT group_concat(requirement_code || char(31) || status, char(30)) FROM checklist_items
          WHERE period_id = ? AND instrument_id = ? AND unit_id = ?`,
      )
      .pluck(),
    inputsOfInstrument: db.prepare<[number, number], OmbudsmanInputRow & { unit_id: number }>(
      'SELECT unit_id, trust, followed_up FROM ombudsman_inputs WHERE period_id = ? AND instrument_id = ?',
    ),
    inputsOfUnit: db.prepare<[number, number, number], OmbudsmanInputRow>(
      'SELECT trust, followed_up FROM ombudsman_inputs WHERE period_id = ? AND instrument_id = ? AND unit_id = ?',
    ),
    upsertInputs: db.prepare(
      `INSERT INTO ombudsman_inputs (period_id, unit_id, instrument_id, trust, followed_up, updated_at)
       VALUES (@periodId, @unitId, @instrumentId, @trust, @followedUp, @now)
       ON CONFLICT DO UPDATE SET trust = excluded.trust, followed_up = excluded.followed_up, updated_at = excluded.updated_at`,
    ),
  };
}

interface OmbudsmanInputRow {
  trust: number | null;
  followed_up: number;
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
  /**
   * The exact stored text one unit's figures derive from: its PEKPPP levels, the statuses
   * read and its Ombudsman inputs. Equal text, equal figures (see year-figures.ts).
   */
  sourceOf: (unitId: number) => string;
  /** The whole year's stored text as read, for a later read to reuse (null when one unit was read). */
  packed: PackedYear | null;
}

function instrumentInputs(ctx: ServerContext, period: PeriodDetail, family: 'pekppp' | 'ombudsman'): InstrumentInputs | null {
  const summary = period.instruments.find((instrument) => instrument.family === family);
  if (!summary) return null;
  const definition = getInstrument(ctx, { id: summary.id }).definition;
  const requirements = [...effectiveRequirements(ctx, period.id, summary.id, definition).byIndicator.values()].flat();
  return { id: summary.id, definition, requirements };
}

const RECORD = '\u001e';
const FIELD = '\u001f';

/** "code US status RS …" (statusesOfInstrumentPacked) as code → status. */
function unpackStatuses(packed: string | undefined): Map<string, EvidenceStatus> {
  const map = new Map<string, EvidenceStatus>();
  if (!packed) return map;
  for (const pair of packed.split(RECORD)) {
    const split = pair.indexOf(FIELD);
    map.set(pair.slice(0, split), pair.slice(split + 1) as EvidenceStatus);
  }
  return map;
}

const levelOf = (text: string): number | null => (text === '' ? null : Number(text));

/** "indicator US self US verified RS …" (levelsOfInstrumentPacked) as the two views' levels. */
function unpackLevels(packed: string | undefined): { self: PekpppLevels; verified: PekpppLevels } {
  const self: PekpppLevels = {};
  const verified: PekpppLevels = {};
  if (!packed) return { self, verified };
  for (const record of packed.split(RECORD)) {
    const [code, own, checked] = record.split(FIELD) as [string, string, string];
    self[code] = levelOf(own);
    verified[code] = levelOf(checked);
  }
  return { self, verified };
}

const packLevels = (rows: AssessmentRow[]): string =>
  rows.map((row) => [row.indicator_code, row.self_level ?? '', row.verified_level ?? ''].join(FIELD)).join(RECORD);

/**
 * A whole year's stored text as read, per unit: what a later read reuses for every unit
 * not written since (`LoadOptions.since`, year-figures.ts).
 */
export interface PackedYear {
  /** The instruments and statuses it was read for: reusable only for the same. */
  scope: string;
  levels: Map<number, string>;
  /** Per instrument id, per unit. */
  statuses: Map<number, Map<number, string>>;
  /** The Ombudsman instrument's inputs per unit. */
  inputs: Map<number, OmbudsmanInputRow>;
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
  /**
   * A previous whole-year read of the same period and the units written since: only
   * those are read again, the rest is taken from it (when it was read for the same
   * instruments and statuses; otherwise the whole year is read).
   */
  since?: { packed: PackedYear; changed: ReadonlySet<number> };
}

/** Where one unit's stored levels and statuses come from: a whole year's packed rows, or one unit's own rows. */
interface Source {
  /** The PEKPPP levels of a unit, packed as the year query packs them ("" for none). */
  levels: (unitId: number) => string;
  /** One instrument's statuses of a unit, packed likewise ("" for none or not read). */
  statuses: (unitId: number, instrumentId: number) => string;
  /** Full assessment rows (one unit), or level-only rows built from the packed levels (whole year). */
  assessments: (unitId: number) => AssessmentRow[];
  /** The Ombudsman instrument's inputs of a unit, if stored. */
  inputs: (unitId: number) => OmbudsmanInputRow | undefined;
  /** The whole year's text, for a later read to reuse (null for one unit's). */
  packed: PackedYear | null;
}

interface Scope {
  periodId: number;
  pekpppId: number | null;
  ombudsmanId: number | null;
  /** The instruments whose statuses are read. */
  read: number[];
  key: string;
}

function readYear(ctx: ServerContext, scope: Scope): PackedYear {
  const repo = scoringRepo(ctx);
  const { periodId, pekpppId, ombudsmanId } = scope;
  return {
    scope: scope.key,
    levels: new Map(pekpppId === null ? [] : repo.levelsOfInstrumentPacked.all(periodId, pekpppId)),
    statuses: new Map(scope.read.map((id) => [id, new Map(repo.statusesOfInstrumentPacked.all(periodId, id))])),
    inputs: new Map(ombudsmanId === null ? [] : repo.inputsOfInstrument.all(periodId, ombudsmanId).map(({ unit_id, ...row }) => [unit_id, row])),
  };
}

function put<V>(map: Map<number, V>, unitId: number, value: V | null | undefined): void {
  if (value === null || value === undefined) map.delete(unitId);
  else map.set(unitId, value);
}

/** A previous read with the changed units read again (copies: the previous read may still be in use). */
function rereadUnits(ctx: ServerContext, scope: Scope, previous: PackedYear, changed: ReadonlySet<number>): PackedYear {
  const repo = scoringRepo(ctx);
  const { periodId, pekpppId, ombudsmanId } = scope;
  const next: PackedYear = {
    scope: scope.key,
    levels: new Map(previous.levels),
    statuses: new Map(scope.read.map((id) => [id, new Map(previous.statuses.get(id))])),
    inputs: new Map(previous.inputs),
  };
  for (const unitId of changed) {
    if (pekpppId !== null) put(next.levels, unitId, repo.levelsOfUnitPacked.get(periodId, pekpppId, unitId));
    for (const id of scope.read) put(next.statuses.get(id)!, unitId, repo.statusesOfUnitPacked.get(periodId, id, unitId));
    if (ombudsmanId !== null) put(next.inputs, unitId, repo.inputsOfUnit.get(periodId, ombudsmanId, unitId));
  }
  return next;
}

function yearSource(ctx: ServerContext, scope: Scope, since: LoadOptions['since']): Source {
  const packed = since?.packed.scope === scope.key ? rereadUnits(ctx, scope, since.packed, since.changed) : readYear(ctx, scope);
  const { levels, statuses, inputs } = packed;
  const { pekpppId } = scope;
  return {
    packed,
    levels: (unitId) => levels.get(unitId) ?? '',
    statuses: (unitId, instrumentId) => statuses.get(instrumentId)?.get(unitId) ?? '',
    inputs: (unitId) => inputs.get(unitId),
    assessments(unitId) {
      if (pekpppId === null) return [];
      const { self, verified } = unpackLevels(levels.get(unitId));
      return Object.keys(self).map((code) => ({
        unit_id: unitId,
        instrument_id: pekpppId,
        indicator_code: code,
        self_level: self[code] ?? null,
        verified_level: verified[code] ?? null,
        elements: '[]',
        override_reason: '',
        justification: '',
        verified_note: '',
      }));
    },
  };
}

function unitSource(ctx: ServerContext, scope: Scope, unitId: number): Source {
  const repo = scoringRepo(ctx);
  const { periodId, pekpppId, ombudsmanId } = scope;
  const rows = repo.assessmentsOfUnit.all(periodId, unitId);
  // Per instrument, through the covering index's (period, instrument, unit) prefix: by
  // period and unit alone, SQLite picks that index and walks the whole year's statuses.
  const statuses = new Map(scope.read.map((id) => [id, repo.statusesOfUnitPacked.get(periodId, id, unitId) ?? '']));
  const levels = packLevels(rows.filter((row) => row.instrument_id === pekpppId));
  const inputs = ombudsmanId === null ? undefined : repo.inputsOfUnit.get(periodId, ombudsmanId, unitId);
  return {
    packed: null,
    levels: (id) => (id === unitId ? levels : ''),
    statuses: (id, instrumentId) => (id === unitId ? (statuses.get(instrumentId) ?? '') : ''),
    assessments: (id) => (id === unitId ? rows : []),
    inputs: (id) => (id === unitId ? inputs : undefined),
  };
}

/** Parsed once per unit and instrument on first use; a unit never asked for is never split. */
function lazily<K, V>(make: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = make(key)));
    return value;
  };
}

export function loadYearInputs(ctx: ServerContext, periodId: number, options: LoadOptions = {}): YearInputs {
  const period = getPeriod(ctx, { id: periodId });
  const pekppp = instrumentInputs(ctx, period, 'pekppp');
  const ombudsman = options.statuses === 'none' ? null : instrumentInputs(ctx, period, 'ombudsman');
  const unitId = options.unitId;
  const read =
    options.statuses === 'none' ? [] : options.statuses === 'ombudsman' && unitId === undefined ? (ombudsman ? [ombudsman.id] : []) : period.instruments.map((item) => item.id);
  const scope: Scope = { periodId, pekpppId: pekppp?.id ?? null, ombudsmanId: ombudsman?.id ?? null, read, key: JSON.stringify([periodId, pekppp?.id, ombudsman?.id, read]) };
  const source = unitId === undefined ? yearSource(ctx, scope, options.since) : unitSource(ctx, scope, unitId);
  const levelsOf = lazily((unit: number) => unpackLevels(source.levels(unit)));
  const statusesOfKey = lazily((key: string) => {
    const [unit, instrumentId] = key.split(':').map(Number) as [number, number];
    return unpackStatuses(source.statuses(unit, instrumentId));
  });
  const statusesOf = (unit: number, instrumentId: number) => statusesOfKey(`${unit}:${instrumentId}`);
  const ombudsmanInputs = (unit: number) => {
    const row = source.inputs(unit);
    return { trust: row?.trust ?? null, followedUp: row?.followed_up === 1 };
  };
  return {
    period,
    pekppp,
    ombudsman,
    packed: source.packed,
    assessments: source.assessments,
    levels: (unit, verified) => (verified ? levelsOf(unit).verified : levelsOf(unit).self),
    statusesOf,
    requirementStatuses(unit) {
      if (!ombudsman) return [];
      const map = statusesOf(unit, ombudsman.id);
      return ombudsman.requirements.map((requirement) => ({
        indicatorCode: requirement.indicatorCode,
        code: requirement.code,
        text: requirement.text,
        status: map.get(requirement.code) ?? 'belum_ada',
      }));
    },
    ombudsmanInputs,
    sourceOf(unit) {
      const own = ombudsmanInputs(unit);
      return [source.levels(unit), ...read.map((id) => source.statuses(unit, id)), own.trust ?? '', own.followedUp].join('\u001d');
    },
  };
}
