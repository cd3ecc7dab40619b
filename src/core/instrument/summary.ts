import type { InstrumentDefinition } from './schema';

export interface InstrumentCounts {
  aspectCount: number;
  indicatorCount: number;
  requirementCount: number;
  hasEstimates: boolean;
}

/** Counts shown in lists, and whether anything in it is inferred ("estimasi"). */
export function countInstrument(definition: InstrumentDefinition): InstrumentCounts {
  const indicators = definition.aspects.flatMap((aspect) => aspect.indicators);
  const hasEstimates =
    definition.scoring.bands.some((band) => band.estimated) ||
    definition.aspects.some((aspect) => aspect.estimated || aspect.indicators.some((indicator) => indicator.estimated));
  return {
    aspectCount: definition.aspects.length,
    indicatorCount: indicators.length,
    requirementCount: indicators.reduce((total, indicator) => total + indicator.requirements.length, 0),
    hasEstimates,
  };
}
