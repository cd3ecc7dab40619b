import type { ParsedInput } from '../../shared/contract';
import { AppError } from '../../shared/result';
import type { InstrumentSummary, Period, PeriodDetail, PeriodUnit } from '../../shared/types';
import { coversYear, formatYearRange } from '../../core/instrument/years';
import { isoNow, type ServerContext } from '../context';
import { memoFor } from '../db/memo';
import { getInstrument, summarize } from '../instruments/instruments-service';
import { unitsRepository } from '../units/units-repository';
import { unitTemplates } from '../units/units-service';
import { periodsRepository, type PeriodRow, type PeriodUnitRow } from './periods-repository';

const repo = (ctx: ServerContext) => memoFor(ctx.db, periodsRepository);

function toPeriod(ctx: ServerContext, row: PeriodRow): Period {
  const instruments: InstrumentSummary[] = repo(ctx)
    .instrumentIds.all(row.id)
    .map((link) => summarize(getInstrument(ctx, { id: link.instrument_id })));
  return {
    id: row.id,
    year: row.year,
    name: `Tahun Penilaian ${row.year}`,
    deadline: row.deadline,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    instruments,
    unitCount: row.unit_count,
    sampleCount: row.sample_count,
    createdAt: row.created_at,
  };
}

function toPeriodUnit(unit: PeriodUnitRow): PeriodUnit {
  return {
    unitId: unit.unit_id,
    unitName: unit.unit_name,
    groupName: unit.group_name,
    ombudsmanSample: unit.ombudsman_sample === 1,
    archived: unit.archived_at !== null,
  };
}

function detail(ctx: ServerContext, id: number): PeriodDetail {
  const row = repo(ctx).byId.get(id);
  if (!row) throw new AppError('NOT_FOUND', `Tahun penilaian dengan ID ${id} tidak ditemukan.`);
  return {
    ...toPeriod(ctx, row),
    units: repo(ctx)
      .units.all(id)
      .map(toPeriodUnit),
  };
}

/** At most one instrument per family: a year is scored with one PEKPPP and one Ombudsman edition. */
function checkInstruments(ctx: ServerContext, ids: number[]): number[] {
  const unique = [...new Set(ids)];
  const families = new Map<string, string>();
  for (const id of unique) {
    const instrument = getInstrument(ctx, { id });
    const other = families.get(instrument.family);
    if (other) {
      throw new AppError(
        'VALIDATION',
        `Pilih satu instrumen per jenis: "${other}" dan "${instrument.shortName}" sama-sama instrumen ${instrument.family === 'pekppp' ? 'PEKPPP' : 'Ombudsman'}.`,
        { fields: { instrumentIds: 'Hanya satu instrumen per jenis.' } },
      );
    }
    families.set(instrument.family, instrument.shortName);
  }
  return unique;
}

/**
 * An instrument whose years do not cover the year (Ombudsman 2013–2021 for 2026) is almost
 * always a slip; it is accepted only when the user confirmed it (`force`).
 */
function checkYearCoverage(ctx: ServerContext, ids: number[], year: number, force: boolean | undefined): void {
  if (force) return;
  const outside = ids.map((id) => getInstrument(ctx, { id })).filter((instrument) => !coversYear(instrument, year));
  if (outside.length === 0) return;
  const names = outside.map((instrument) => `"${instrument.shortName}" (berlaku ${formatYearRange(instrument)})`).join(', ');
  throw new AppError(
    'INSTRUMENT_OUT_OF_RANGE',
    `Instrumen ${names} tidak berlaku untuk tahun ${year}. Pilih instrumen yang berlaku untuk ${year}, atau konfirmasi bahwa instrumen ini memang tetap dipakai.`,
    { fields: { instrumentIds: `Tidak berlaku untuk ${year}.` } },
  );
}

function checkWindow(start: string, end: string): void {
  if (start > end) {
    throw new AppError('VALIDATION', 'Awal rentang tanggal dokumen harus sebelum akhirnya.', {
      fields: { windowStart: 'Harus sebelum tanggal akhir.' },
    });
  }
}

function requireActiveUnit(ctx: ServerContext, unitId: number): void {
  const unit = memoFor(ctx.db, unitsRepository).get(unitId);
  if (!unit) throw new AppError('NOT_FOUND', `Unit dengan ID ${unitId} tidak ditemukan.`);
  if (unit.archived) throw new AppError('VALIDATION', `Unit "${unit.name}" sudah diarsipkan; pulihkan dulu sebelum dimasukkan.`);
}

/**
 * A year and one unit of its scope, without loading the whole scope: called on every
 * checklist, scoring and export action, so it must stay O(1) in the number of units.
 */
export function periodWithUnit(ctx: ServerContext, periodId: number, unitId: number): (Period & { unit: PeriodUnit }) | null {
  const period = getPeriodSummary(ctx, periodId);
  const unit = repo(ctx).unit.get(periodId, unitId);
  if (!unit) return null;
  return {
    ...period,
    unit: toPeriodUnit(unit),
  };
}

/** A year without its scope list (cheap). */
export function getPeriodSummary(ctx: ServerContext, id: number): Period {
  const row = repo(ctx).byId.get(id);
  if (!row) throw new AppError('NOT_FOUND', `Tahun penilaian dengan ID ${id} tidak ditemukan.`);
  return toPeriod(ctx, row);
}

export function listPeriods(ctx: ServerContext): Period[] {
  return repo(ctx)
    .all.all()
    .map((row) => toPeriod(ctx, row));
}

export function getPeriod(ctx: ServerContext, input: ParsedInput<'periods:get'>): PeriodDetail {
  return detail(ctx, input.id);
}

/** Units usually in the Ombudsman sample (DPMPTSP, Disdukcapil, …), by template name. */
function defaultSample(ctx: ServerContext): Set<string> {
  return new Set(
    unitTemplates(ctx)
      .filter((template) => template.ombudsmanSample)
      .map((template) => template.name.toLowerCase()),
  );
}

export function createPeriod(ctx: ServerContext, input: ParsedInput<'periods:create'>): PeriodDetail {
  const windowStart = input.windowStart ?? `${input.year - 1}-01-01`;
  const windowEnd = input.windowEnd ?? `${input.year}-12-31`;
  checkWindow(windowStart, windowEnd);
  const sampleNames = defaultSample(ctx);
  return ctx.db
    .transaction(() => {
      if (repo(ctx).byYear.get(input.year)) {
        throw new AppError('CONFLICT', `Tahun penilaian ${input.year} sudah ada. Buka tahun tersebut untuk mengubahnya.`, {
          fields: { year: 'Tahun ini sudah ada.' },
        });
      }
      const instrumentIds = checkInstruments(ctx, input.instrumentIds);
      checkYearCoverage(ctx, instrumentIds, input.year, input.force);
      const id = Number(
        repo(ctx).insert.run({
          year: input.year,
          deadline: input.deadline ?? null,
          windowStart,
          windowEnd,
          createdAt: isoNow(ctx),
        }).lastInsertRowid,
      );
      instrumentIds.forEach((instrumentId) => repo(ctx).addInstrument.run(id, instrumentId));
      if (input.copyScopeFromPeriodId) {
        for (const unit of detail(ctx, input.copyScopeFromPeriodId).units) {
          if (!unit.archived) repo(ctx).addUnit.run(id, unit.unitId, unit.ombudsmanSample ? 1 : 0);
        }
      }
      for (const unitId of input.unitIds ?? []) {
        requireActiveUnit(ctx, unitId);
        const unit = memoFor(ctx.db, unitsRepository).get(unitId)!;
        repo(ctx).addUnit.run(id, unitId, sampleNames.has(unit.name.toLowerCase()) ? 1 : 0);
      }
      return detail(ctx, id);
    })
    .immediate();
}

export function updatePeriod(ctx: ServerContext, input: ParsedInput<'periods:update'>): PeriodDetail {
  return ctx.db
    .transaction(() => {
      const current = detail(ctx, input.id);
      const windowStart = input.windowStart ?? current.windowStart;
      const windowEnd = input.windowEnd ?? current.windowEnd;
      checkWindow(windowStart, windowEnd);
      const instrumentIds = checkInstruments(ctx, input.instrumentIds);
      // Only a newly chosen instrument needs the confirmation; the year's own stay as they are.
      const kept = new Set(current.instruments.map((instrument) => instrument.id));
      checkYearCoverage(ctx, instrumentIds.filter((id) => !kept.has(id)), current.year, input.force);
      repo(ctx).update.run({
        id: input.id,
        deadline: input.deadline === undefined ? current.deadline : input.deadline,
        windowStart,
        windowEnd,
      });
      repo(ctx).clearInstruments.run(input.id);
      instrumentIds.forEach((instrumentId) => repo(ctx).addInstrument.run(input.id, instrumentId));
      return detail(ctx, input.id);
    })
    .immediate();
}

export function setPeriodScope(ctx: ServerContext, input: ParsedInput<'periods:set-scope'>): PeriodDetail {
  return ctx.db
    .transaction(() => {
      detail(ctx, input.periodId);
      for (const unitId of input.add) {
        requireActiveUnit(ctx, unitId);
        repo(ctx).addUnit.run(input.periodId, unitId, 0);
      }
      for (const unitId of input.remove) repo(ctx).removeUnit.run(input.periodId, unitId);
      return detail(ctx, input.periodId);
    })
    .immediate();
}

export function setPeriodSample(ctx: ServerContext, input: ParsedInput<'periods:set-sample'>): PeriodDetail {
  return ctx.db
    .transaction(() => {
      const period = detail(ctx, input.periodId);
      const inScope = new Set(period.units.map((unit) => unit.unitId));
      for (const unitId of input.unitIds) {
        if (!inScope.has(unitId)) {
          throw new AppError('VALIDATION', 'Hanya unit yang termasuk tahun penilaian ini yang dapat ditandai sampel Ombudsman.');
        }
        repo(ctx).setSample.run(input.sample ? 1 : 0, input.periodId, unitId);
      }
      return detail(ctx, input.periodId);
    })
    .immediate();
}
