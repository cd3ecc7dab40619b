import type { z } from 'zod';
import { instrumentSchema, type Band, type InstrumentDefinition } from './schema';

/**
 * A problem and WHERE it is, as a path into the definition (["aspects", 2, "weight"]).
 * The path lets a workbook import name the sheet, row and column of each problem; a
 * JSON import names the path itself.
 */
export interface InstrumentIssue {
  path: Array<string | number>;
  message: string;
}

export type InstrumentValidation =
  | { ok: true; instrument: InstrumentDefinition }
  | { ok: false; problems: string[]; issues: InstrumentIssue[] };

/** Weights are published with two decimals; sums are compared at that precision. */
const WEIGHT_TOLERANCE = 0.005;

function sumOf(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function formatNumber(value: number): string {
  return value.toLocaleString('id-ID', { maximumFractionDigits: 4 });
}

function describeZodPath(path: ReadonlyArray<PropertyKey>): string {
  return path.length === 0 ? '(akar berkas)' : path.map(String).join('.');
}

function zodIssues(error: z.ZodError): InstrumentIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'number' ? part : String(part))),
    message: issue.message,
  }));
}

type Issues = InstrumentIssue[];

function checkWeights(instrument: InstrumentDefinition, issues: Issues): void {
  const label = instrument.aspectLabel.toLowerCase();
  const scored = instrument.aspects.filter((aspect) => aspect.weight > 0);
  const aspectTotal = sumOf(scored.map((aspect) => aspect.weight));
  if (Math.abs(aspectTotal - 100) > WEIGHT_TOLERANCE) {
    issues.push({ path: ['aspects', 'weight'], message: `Jumlah bobot ${label} adalah ${formatNumber(aspectTotal)}%, seharusnya 100%.` });
  }
  instrument.aspects.forEach((aspect, a) => {
    if (aspect.weight <= 0) return;
    const total = sumOf(aspect.indicators.map((indicator) => indicator.weight));
    if (Math.abs(total - 100) > WEIGHT_TOLERANCE) {
      issues.push({
        path: ['aspects', a, 'indicators', 'weight'],
        message: `Jumlah bobot indikator pada ${label} "${aspect.name}" adalah ${formatNumber(total)}%, seharusnya 100%.`,
      });
    }
  });
}

function checkLevels(instrument: InstrumentDefinition, issues: Issues): void {
  if (instrument.scoring.kind !== 'levels') return;
  const expected = instrument.scoring.levelCount;
  instrument.aspects.forEach((aspect, a) =>
    aspect.indicators.forEach((indicator, i) => {
      const count = indicator.levels?.length ?? 0;
      if (count !== expected) {
        issues.push({
          path: ['aspects', a, 'indicators', i, 'levels', count],
          message: `Indikator ${indicator.number} "${indicator.name}" memiliki ${count} teks tingkat; harus ${expected} (tingkat 0–${expected - 1}).`,
        });
      }
      const thresholds = indicator.elements?.thresholds;
      if (thresholds && thresholds.some((value, index) => index > 0 && value < (thresholds[index - 1] ?? 0))) {
        issues.push({
          path: ['aspects', a, 'indicators', i, 'elements', 'thresholds'],
          message: `Ambang unsur indikator ${indicator.number} harus naik dari tingkat 1 ke tingkat 5.`,
        });
      }
    }),
  );
}

function checkDuplicates(instrument: InstrumentDefinition, issues: Issues): void {
  const seen = new Map<string, string>();
  const claim = (key: string, where: string, path: Issues[number]['path']): void => {
    const previous = seen.get(key);
    if (previous) issues.push({ path, message: `Kode ganda "${key.split(':')[1]}": dipakai oleh ${previous} dan ${where}.` });
    else seen.set(key, where);
  };
  const numbers = new Set<number>();
  instrument.aspects.forEach((aspect, a) => {
    claim(`aspect:${aspect.code}`, `${instrument.aspectLabel.toLowerCase()} "${aspect.name}"`, ['aspects', a, 'code']);
    aspect.indicators.forEach((indicator, i) => {
      const at = ['aspects', a, 'indicators', i];
      claim(`indicator:${indicator.code}`, `indikator "${indicator.name}"`, [...at, 'code']);
      if (numbers.has(indicator.number)) issues.push({ path: [...at, 'number'], message: `Nomor indikator ${indicator.number} dipakai lebih dari sekali.` });
      numbers.add(indicator.number);
      indicator.requirements.forEach((requirement, r) => {
        claim(`requirement:${requirement.code}`, `bukti dukung "${requirement.text}"`, [...at, 'requirements', r, 'code']);
      });
      (indicator.elements?.items ?? []).forEach((element, e) => {
        claim(`element:${indicator.code}/${element.code}`, `unsur "${element.label}"`, [...at, 'elements', 'items', e, 'code']);
      });
    });
  });
}

/** Bands must not overlap and must cover the scale without holes at its precision. */
export function checkBandIssues(bands: Band[], scale: { min: number; max: number; decimals: number }): InstrumentIssue[] {
  const issues: Issues = [];
  const step = 10 ** -scale.decimals;
  const indexOf = new Map(bands.map((band, index) => [band, index]));
  const at = (band: Band, field: string) => ['scoring', 'bands', indexOf.get(band) ?? 0, field];
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  const codes = new Set<string>();
  for (const band of sorted) {
    if (codes.has(band.code)) issues.push({ path: at(band, 'code'), message: `Kode kategori ganda "${band.code}".` });
    codes.add(band.code);
    if (band.min > band.max) issues.push({ path: at(band, 'min'), message: `Rentang kategori ${band.code} terbalik: ${band.min} > ${band.max}.` });
  }
  sorted.forEach((band, index) => {
    const next = sorted[index + 1];
    if (!next) return;
    if (next.min <= band.max) {
      issues.push({
        path: at(next, 'min'),
        message: `Rentang kategori ${band.code} (${band.min}–${band.max}) dan ${next.code} (${next.min}–${next.max}) tumpang tindih.`,
      });
    } else if (next.min - band.max > step + step / 2) {
      issues.push({ path: at(next, 'min'), message: `Ada celah antara kategori ${band.code} (s.d. ${band.max}) dan ${next.code} (mulai ${next.min}).` });
    }
  });
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first && first.min > scale.min) issues.push({ path: at(first, 'min'), message: `Kategori tidak mencakup nilai terendah ${scale.min}.` });
  if (last && last.max < scale.max) issues.push({ path: at(last, 'max'), message: `Kategori tidak mencakup nilai tertinggi ${scale.max}.` });
  return issues;
}

/** Kept for callers that only need the sentences. */
export function checkBands(bands: Band[], scale: { min: number; max: number; decimals: number }): string[] {
  return checkBandIssues(bands, scale).map((issue) => issue.message);
}

/** Validate an instrument's parsed JSON; every problem is a sentence in Indonesian with its path. */
export function validateInstrument(raw: unknown): InstrumentValidation {
  const parsed = instrumentSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    return { ok: false, issues, problems: issues.map((issue) => `${describeZodPath(issue.path)}: ${issue.message}`) };
  }
  const instrument = parsed.data;
  const issues: Issues = [];
  checkWeights(instrument, issues);
  checkLevels(instrument, issues);
  checkDuplicates(instrument, issues);
  issues.push(...checkBandIssues(instrument.scoring.bands, instrument.scoring.scale));
  return issues.length > 0 ? { ok: false, issues, problems: issues.map((issue) => issue.message) } : { ok: true, instrument };
}
