/** Small helpers shared by the PEKPPP and Ombudsman scorers. */
import type { InstrumentDefinition } from '../instrument/schema';
import { bandFor, mean, roundHalfUp, toScaleBand } from './rounding';
import type { AspectMean, BandCount, BandRef, InstrumentRef, ScaleBand, ScaleInfo } from './types';

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

export function instrumentRef(definition: InstrumentDefinition): InstrumentRef {
  return {
    code: definition.code,
    version: definition.version,
    name: definition.name,
    shortName: definition.shortName,
  };
}

const scaleCache = new WeakMap<InstrumentDefinition['scoring'], ScaleInfo>();

/**
 * The scale of an instrument, built once per definition and shared by every report of it
 * (a year of 300 units makes ~900 reports). Frozen, so sharing can never leak a change.
 */
export function scaleInfo(definition: InstrumentDefinition): ScaleInfo {
  const cached = scaleCache.get(definition.scoring);
  if (cached) return cached;
  const { scale, bands } = definition.scoring;
  const info: ScaleInfo = Object.freeze({ min: scale.min, max: scale.max, decimals: scale.decimals, bands: Object.freeze(bands.map((band) => Object.freeze(toScaleBand(band)))) as ScaleInfo['bands'] });
  scaleCache.set(definition.scoring, info);
  return info;
}

function stripBounds(band: ScaleBand): BandRef {
  return { code: band.code, label: band.label, tone: band.tone, zone: band.zone, estimated: band.estimated };
}

/** Band of a value on a report's scale (rounded to the scale's decimals first). */
export function bandOnScale(value: number, scale: ScaleInfo): BandRef | null {
  const band = bandFor(value, scale.bands, scale.decimals);
  return band ? stripBounds(band) : null;
}

/** Count units per band, in the scale's band order, zero counts included. */
export function distributionOf(scale: ScaleInfo, units: ReadonlyArray<{ unitName: string; band: BandRef | null }>): BandCount[] {
  return scale.bands.map((band) => {
    const unitNames = units.filter((unit) => unit.band?.code === band.code).map((unit) => unit.unitName);
    return { ...stripBounds(band), count: unitNames.length, unitNames };
  });
}

/** "A (Pelayanan Prima)", with the estimate mark when the band was inferred. */
export function describeBand(band: BandRef | null): string {
  if (!band) return 'di luar rentang kategori';
  // 2013–2021 bands are the zones themselves ("Zona Hijau — …"); don't repeat it.
  const zone = band.zone && !band.label.toLowerCase().includes('zona') ? `, zona ${band.zone}` : '';
  const estimate = band.estimated ? ' (batas kategori estimasi)' : '';
  return `${band.code} (${band.label}${zone})${estimate}`;
}

interface AspectValue {
  code: string;
  name: string;
  weight: number;
  value: number | null;
}

/** Mean per aspect code over units (in the first unit's order), skipping missing values. */
export function aspectMeans(perUnit: ReadonlyArray<ReadonlyArray<AspectValue>>): AspectMean[] {
  const first = perUnit[0];
  if (!first) return [];
  return first.map((aspect) => {
    const values = perUnit
      .map((aspects) => aspects.find((item) => item.code === aspect.code)?.value ?? null)
      .filter((value): value is number => value !== null);
    const value = mean(values);
    return { code: aspect.code, name: aspect.name, weight: aspect.weight, mean: value === null ? null : roundHalfUp(value, 2) };
  });
}

/**
 * Give `report` a derivation built on first read and then kept as a plain value. A year
 * of 300 units makes ~1,200 reports whose step-by-step text only a detail screen, an
 * export or the CLI reads; the dashboard and the ranking never do. The property stays
 * enumerable, so spreading, JSON and structured clone (IPC) see the text as before.
 */
export function withDerivation<T extends object>(report: T, build: () => string[]): T & { derivation: string[] } {
  return Object.defineProperty(report, 'derivation', {
    enumerable: true,
    configurable: true,
    get(this: T) {
      const value = build();
      Object.defineProperty(this, 'derivation', { value, enumerable: true, writable: true, configurable: true });
      return value;
    },
    set(this: T, value: string[]) {
      Object.defineProperty(this, 'derivation', { value, enumerable: true, writable: true, configurable: true });
    },
  }) as T & { derivation: string[] };
}

const codeSets = new WeakMap<InstrumentDefinition, ReadonlySet<string>>();

/** The instrument's indicator codes, built once per definition (every unit's report asks). */
export function indicatorCodes(definition: InstrumentDefinition): ReadonlySet<string> {
  let codes = codeSets.get(definition);
  if (!codes) codeSets.set(definition, (codes = new Set(definition.aspects.flatMap((aspect) => aspect.indicators.map((indicator) => indicator.code)))));
  return codes;
}
