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
  // Shown to users: Indonesian decimals at the scale's precision (4,50, not 4.5).
  const n = (value: number) => value.toLocaleString('id-ID', { minimumFractionDigits: scale.decimals, maximumFractionDigits: scale.decimals, useGrouping: false });
  const indexOf = new Map(bands.map((band, index) => [band, index]));
  const at = (band: Band, field: string) => ['scoring', 'bands', indexOf.get(band) ?? 0, field];
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  const codes = new Set<string>();
  for (const band of sorted) {
    if (codes.has(band.code)) issues.push({ path: at(band, 'code'), message: `Kode kategori ganda "${band.code}".` });
    codes.add(band.code);
    if (band.min > band.max) issues.push({ path: at(band, 'min'), message: `Rentang kategori ${band.code} terbalik: ${n(band.min)} > ${n(band.max)}.` });
  }
  sorted.forEach((band, index) => {
    const next = sorted[index + 1];
    if (!next) return;
    if (next.min <= band.max) {
      issues.push({
        path: at(next, 'min'),
        message: `Rentang kategori ${band.code} (${n(band.min)}–${n(band.max)}) dan ${next.code} (${n(next.min)}–${n(next.max)}) tumpang tindih.`,
      });
    } else if (next.min - band.max > step + step / 2) {
      issues.push({ path: at(next, 'min'), message: `Ada celah antara kategori ${band.code} (s.d. ${n(band.max)}) dan ${next.code} (mulai ${n(next.min)}).` });
    }
  });
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first && first.min > scale.min) issues.push({ path: at(first, 'min'), message: `Kategori tidak mencakup nilai terendah ${n(scale.min)}.` });
  if (last && last.max < scale.max) issues.push({ path: at(last, 'max'), message: `Kategori tidak mencakup nilai tertinggi ${n(scale.max)}.` });
  return issues;
}

/** Kept for callers that only need the sentences. */
export function checkBands(bands: Band[], scale: { min: number; max: number; decimals: number }): string[] {
  return checkBandIssues(bands, scale).map((issue) => issue.message);
}

function ruleIssues(instrument: InstrumentDefinition): Issues {
  const issues: Issues = [];
  checkWeights(instrument, issues);
  checkLevels(instrument, issues);
  checkDuplicates(instrument, issues);
  issues.push(...checkBandIssues(instrument.scoring.bands, instrument.scoring.scale));
  return issues;
}

const PLACEHOLDER: Record<string, unknown> = { string: '?', number: 0, boolean: false };

/**
 * A copy with every value the schema rejected replaced by a neutral placeholder, so the
 * rules (sums, duplicates, bands) still run and a file's problems are all reported in
 * one pass rather than one fix at a time. Null when a rejection is structural.
 */
function patched(raw: unknown, error: z.ZodError): InstrumentDefinition | null {
  let copy: unknown = structuredClone(raw);
  let current = error;
  for (let round = 0; round < 5; round += 1) {
    for (const issue of current.issues) {
      const wanted = issue.code === 'invalid_type' ? issue.expected : issue.code === 'too_small' ? issue.origin : null;
      const value = wanted ? PLACEHOLDER[String(wanted)] : undefined;
      if (value === undefined || issue.path.length === 0) return null;
      let node = copy as Record<PropertyKey, unknown>;
      for (const part of issue.path.slice(0, -1)) {
        const next = node?.[part as PropertyKey];
        if (!next || typeof next !== 'object') return null;
        node = next as Record<PropertyKey, unknown>;
      }
      node[issue.path[issue.path.length - 1] as PropertyKey] = value;
    }
    const again = instrumentSchema.safeParse(copy);
    if (again.success) return again.data;
    current = again.error;
    copy = structuredClone(copy);
  }
  return null;
}

/** Validate an instrument's parsed JSON; every problem is a sentence in Indonesian with its path. */
export function validateInstrument(raw: unknown): InstrumentValidation {
  const parsed = instrumentSchema.safeParse(raw);
  if (!parsed.success) {
    const schemaIssues = zodIssues(parsed.error);
    const repaired = patched(raw, parsed.error);
    const rules = repaired ? ruleIssues(repaired) : [];
    return {
      ok: false,
      issues: [...schemaIssues, ...rules],
      problems: [...schemaIssues.map((issue) => `${describeZodPath(issue.path)}: ${issue.message}`), ...rules.map((issue) => issue.message)],
    };
  }
  const issues = ruleIssues(parsed.data);
  return issues.length > 0 ? { ok: false, issues, problems: issues.map((issue) => issue.message) } : { ok: true, instrument: parsed.data };
}
