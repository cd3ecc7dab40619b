/** What both Ombudsman services need: the year, the unit in its scope, and the instrument. */
import type { InstrumentDefinition } from '../../core/instrument/schema';
import { AppError } from '../../shared/result';
import type { Period, PeriodUnit } from '../../shared/types';
import type { ServerContext } from '../context';
import { requireScope } from '../checklist/checklist-service';
import { getInstrument } from '../instruments/instruments-service';

export interface OmbudsmanYear {
  period: Period & { unit: PeriodUnit };
  instrumentId: number;
  definition: InstrumentDefinition;
}

export function ombudsmanYear(ctx: ServerContext, periodId: number, unitId: number): OmbudsmanYear {
  const period = requireScope(ctx, periodId, unitId);
  const summary = period.instruments.find((instrument) => instrument.family === 'ombudsman');
  if (!summary) throw new AppError('VALIDATION', `Tahun ${period.year} tidak memakai instrumen Ombudsman. Tambahkan instrumen Ombudsman di Tahun Penilaian.`);
  return { period, instrumentId: summary.id, definition: getInstrument(ctx, { id: summary.id }).definition };
}

export function surveyDefaults(definition: InstrumentDefinition) {
  return definition.scoring.kind === 'requirements' ? (definition.scoring.survey ?? null) : null;
}
