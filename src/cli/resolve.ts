import { AppError } from '../shared/result';
import { effectiveRequirements } from '../server/checklist/requirements';
import { getInstrument } from '../server/instruments/instruments-service';
import { getPeriod, listPeriods } from '../server/periods/periods-service';
import { listUnits } from '../server/units/units-service';
import { flag, requiredFlag, toId, type ParsedArgs } from './args';
import type { CliRuntime } from './runtime';

/** A unit by id, exact name or short name. */
export function resolveUnit(runtime: CliRuntime, value: string): number {
  if (/^\d+$/.test(value)) return toId(value, 'Unit');
  const needle = value.toLocaleLowerCase('id-ID');
  const match = listUnits(runtime.ctx, { includeArchived: false }).filter(
    (unit) => unit.name.toLocaleLowerCase('id-ID') === needle || unit.shortName?.toLocaleLowerCase('id-ID') === needle,
  );
  if (match.length !== 1) throw new AppError('NOT_FOUND', `Unit "${value}" tidak ditemukan (gunakan ID dari: units list).`);
  return match[0]!.id;
}

/** A period by id or by year. */
export function resolvePeriod(runtime: CliRuntime, value: string): number {
  const number = toId(value, 'Periode');
  if (number >= 2013 && number <= 2100) {
    const byYear = listPeriods(runtime.ctx).find((period) => period.year === number);
    if (byYear) return byYear.id;
  }
  return number;
}

/** The instrument of a requirement code in a year; --instrument settles ambiguity. */
export function resolveRequirement(runtime: CliRuntime, periodId: number, code: string, instrumentFlag?: string): number {
  const period = getPeriod(runtime.ctx, { id: periodId });
  const candidates = period.instruments.filter((instrument) => {
    if (instrumentFlag && String(instrument.id) !== instrumentFlag && instrument.code !== instrumentFlag) return false;
    const definition = getInstrument(runtime.ctx, { id: instrument.id }).definition;
    return [...effectiveRequirements(runtime.ctx, periodId, instrument.id, definition).byIndicator.values()]
      .flat()
      .some((requirement) => requirement.code === code);
  });
  if (candidates.length === 0) throw new AppError('NOT_FOUND', `Persyaratan "${code}" tidak ada pada tahun ${period.year}. Lihat: checklist show.`);
  if (candidates.length > 1) throw new AppError('VALIDATION', `Kode "${code}" ada di beberapa instrumen; tambahkan --instrument <id|kode>.`);
  return candidates[0]!.id;
}

export interface ItemFlags {
  periodId: number;
  unitId: number;
  instrumentId: number;
  requirementCode: string;
}

export function itemFlags(runtime: CliRuntime, args: ParsedArgs): ItemFlags {
  const periodId = resolvePeriod(runtime, requiredFlag(args, 'period'));
  const unitId = resolveUnit(runtime, requiredFlag(args, 'unit'));
  const requirementCode = requiredFlag(args, 'requirement');
  return { periodId, unitId, requirementCode, instrumentId: resolveRequirement(runtime, periodId, requirementCode, flag(args, 'instrument')) };
}
