/**
 * Rounding and band lookup shared by every score the app shows. Published scales use a
 * fixed number of decimals and inclusive bands (PEKPPP A = 4.51–5.00), so a value must be
 * rounded half-up to the scale's precision BEFORE its band is looked up: 4.505 is shown as
 * 4.51 and therefore must be an A, never an A-. Binary floats make naive rounding wrong
 * (1.005 * 100 = 100.49999…), hence the two-stage clean-up below.
 */
import type { Band } from '../instrument/schema';
import type { BandRef, ScaleBand } from './types';

/** Significant digits kept when stripping binary noise; far above any published precision. */
const CLEAN_DIGITS = 12;

const POW10 = Array.from({ length: 40 }, (_, i) => 10 ** (i - 20));

/**
 * Same as Number(value.toPrecision(CLEAN_DIGITS)) — keep 12 significant digits — but
 * without a string round trip: scoring a whole year calls this hundreds of thousands of times.
 */
function clean(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const exponent = CLEAN_DIGITS - 1 - magnitude;
  if (exponent < -20 || exponent > 19) return Number(value.toPrecision(CLEAN_DIGITS));
  const factor = POW10[exponent + 20]!;
  return exponent >= 0 ? Math.round(value * factor) / factor : Math.round(value / POW10[20 - exponent]!) * POW10[20 - exponent]!;
}

/**
 * Round half away from zero to `decimals` places. Noise is stripped before and after
 * scaling so 4.505 → 4.51, 1.005 → 1.01 and 2.7149999999999999 (a sum meant as 2.715)
 * → 2.72. Dividing the integer by a power of ten yields the double nearest the decimal.
 */
export function roundHalfUp(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  const scaled = clean(clean(Math.abs(value)) * factor);
  const rounded = Math.round(scaled) / factor;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

export const round2 = (value: number): number => roundHalfUp(value, 2);

/** Compare rounded values without float surprises; band bounds are given at two decimals. */
const BOUND_TOLERANCE = 1e-9;

/** Plain-data view of a band for reports. */
export function toBandRef(band: Band): BandRef {
  return {
    code: band.code,
    label: band.label,
    tone: band.tone,
    zone: band.zone ?? null,
    estimated: band.estimated ?? false,
  };
}

export function toScaleBand(band: Band): ScaleBand {
  return { ...toBandRef(band), min: band.min, max: band.max };
}

/**
 * The band containing `value` once rounded to the scale's decimals, or null when the
 * value lies outside every band (a scale the office edited with a hole).
 */
export function bandFor<B extends { min: number; max: number }>(value: number, bands: readonly B[], decimals: number): B | null {
  const rounded = roundHalfUp(value, decimals);
  for (const band of bands) {
    if (rounded >= band.min - BOUND_TOLERANCE && rounded <= band.max + BOUND_TOLERANCE) return band;
  }
  return null;
}

/** Indonesian decimal notation ("2,71"), rounded exactly like the score itself. */
export function formatDecimal(value: number, decimals: number): string {
  const rounded = roundHalfUp(value, decimals);
  const text = Math.abs(rounded).toFixed(decimals).replace('.', ',');
  return rounded < 0 ? `-${text}` : text;
}

/** Numbers as printed without trailing zeros: "17", "21,85". */
export function formatNumber(value: number, maxDecimals = 2): string {
  return String(roundHalfUp(value, maxDecimals)).replace('.', ',');
}

/**
 * Measured shares (evidence verified, respondents gathered, completeness) as printed
 * everywhere, screens, documents and CLI alike: always one decimal, "12,0%", "17,6%",
 * so numbers in one column line up and never mix precisions.
 */
export function formatShare(value: number): string {
  return `${formatDecimal(value, 1)}%`;
}

/** Weights as printed, exactly as the instrument defines them: "17%", "6,25%" (a weight is a rule, not a measurement). */
export function formatPercent(value: number, maxDecimals = 2): string {
  return `${formatNumber(value, maxDecimals)}%`;
}

/** Arithmetic mean, or null for an empty list. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((total, value) => total + value, 0) / values.length;
}
