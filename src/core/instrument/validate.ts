import type { z } from 'zod';
import { instrumentSchema, type Band, type InstrumentDefinition } from './schema';

export type InstrumentValidation =
  | { ok: true; instrument: InstrumentDefinition }
  | { ok: false; problems: string[] };

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

function zodProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${describeZodPath(issue.path)}: ${issue.message}`);
}

function checkWeights(instrument: InstrumentDefinition, problems: string[]): void {
  const label = instrument.aspectLabel.toLowerCase();
  const scored = instrument.aspects.filter((aspect) => aspect.weight > 0);
  const aspectTotal = sumOf(scored.map((aspect) => aspect.weight));
  if (Math.abs(aspectTotal - 100) > WEIGHT_TOLERANCE) {
    problems.push(`Jumlah bobot ${label} adalah ${formatNumber(aspectTotal)}%, seharusnya 100%.`);
  }
  for (const aspect of scored) {
    const total = sumOf(aspect.indicators.map((indicator) => indicator.weight));
    if (Math.abs(total - 100) > WEIGHT_TOLERANCE) {
      problems.push(
        `Jumlah bobot indikator pada ${label} "${aspect.name}" adalah ${formatNumber(total)}%, seharusnya 100%.`,
      );
    }
  }
}

function checkLevels(instrument: InstrumentDefinition, problems: string[]): void {
  if (instrument.scoring.kind !== 'levels') return;
  const expected = instrument.scoring.levelCount;
  for (const aspect of instrument.aspects) {
    for (const indicator of aspect.indicators) {
      const count = indicator.levels?.length ?? 0;
      if (count !== expected) {
        problems.push(
          `Indikator ${indicator.number} "${indicator.name}" memiliki ${count} teks tingkat; harus ${expected} (tingkat 0–${expected - 1}).`,
        );
      }
      const thresholds = indicator.elements?.thresholds;
      if (thresholds && thresholds.some((value, index) => index > 0 && value < (thresholds[index - 1] ?? 0))) {
        problems.push(`Ambang unsur indikator ${indicator.number} harus naik dari tingkat 1 ke tingkat 5.`);
      }
    }
  }
}

function checkDuplicates(instrument: InstrumentDefinition, problems: string[]): void {
  const seen = new Map<string, string>();
  const claim = (key: string, where: string): void => {
    const previous = seen.get(key);
    if (previous) problems.push(`Kode ganda "${key.split(':')[1]}": dipakai oleh ${previous} dan ${where}.`);
    else seen.set(key, where);
  };
  const numbers = new Set<number>();
  for (const aspect of instrument.aspects) {
    claim(`aspect:${aspect.code}`, `${instrument.aspectLabel.toLowerCase()} "${aspect.name}"`);
    for (const indicator of aspect.indicators) {
      claim(`indicator:${indicator.code}`, `indikator "${indicator.name}"`);
      if (numbers.has(indicator.number)) problems.push(`Nomor indikator ${indicator.number} dipakai lebih dari sekali.`);
      numbers.add(indicator.number);
      for (const requirement of indicator.requirements) {
        claim(`requirement:${requirement.code}`, `bukti dukung "${requirement.text}"`);
      }
      for (const element of indicator.elements?.items ?? []) {
        claim(`element:${indicator.code}/${element.code}`, `unsur "${element.label}"`);
      }
    }
  }
}

/** Bands must not overlap and must cover the scale without holes at its precision. */
export function checkBands(bands: Band[], scale: { min: number; max: number; decimals: number }): string[] {
  const problems: string[] = [];
  const step = 10 ** -scale.decimals;
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  const codes = new Set<string>();
  for (const band of sorted) {
    if (codes.has(band.code)) problems.push(`Kode kategori ganda "${band.code}".`);
    codes.add(band.code);
    if (band.min > band.max) problems.push(`Rentang kategori ${band.code} terbalik: ${band.min} > ${band.max}.`);
  }
  sorted.forEach((band, index) => {
    const next = sorted[index + 1];
    if (!next) return;
    if (next.min <= band.max) {
      problems.push(
        `Rentang kategori ${band.code} (${band.min}–${band.max}) dan ${next.code} (${next.min}–${next.max}) tumpang tindih.`,
      );
    } else if (next.min - band.max > step + step / 2) {
      problems.push(`Ada celah antara kategori ${band.code} (s.d. ${band.max}) dan ${next.code} (mulai ${next.min}).`);
    }
  });
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first && first.min > scale.min) problems.push(`Kategori tidak mencakup nilai terendah ${scale.min}.`);
  if (last && last.max < scale.max) problems.push(`Kategori tidak mencakup nilai tertinggi ${scale.max}.`);
  return problems;
}

/** Validate an instrument file's parsed JSON; every problem is a sentence in Indonesian. */
export function validateInstrument(raw: unknown): InstrumentValidation {
  const parsed = instrumentSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const instrument = parsed.data;
  const problems: string[] = [];
  checkWeights(instrument, problems);
  checkLevels(instrument, problems);
  checkDuplicates(instrument, problems);
  problems.push(...checkBands(instrument.scoring.bands, instrument.scoring.scale));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, instrument };
}
