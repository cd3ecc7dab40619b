/**
 * The SKM regulation (PermenPANRB 14/2017) as data: nine unsur with their answer wording,
 * weights, the mutu/kinerja bands, the Krejcie–Morgan sample parameters. Shipped in
 * resources/skm/*.json and validated here, so an office can edit a weight or a band
 * without a code change. Semantic checks catch what a schema cannot (contiguous bands,
 * a sample formula that no longer reproduces the regulation's own table).
 */
import { z } from 'zod';
import { minimumSample } from './sample';

const unsurSchema = z.object({
  code: z.string().regex(/^[A-Za-z0-9-]+$/u, 'kode unsur hanya huruf, angka dan tanda hubung'),
  number: z.number().int().positive(),
  name: z.string().min(1),
  question: z.string().min(1),
  /** Answer wording from the lowest value to the highest. */
  answers: z.array(z.string().min(1)).min(2),
  /** Words that identify the unsur in a questionnaire column title (column mapping). */
  keywords: z.array(z.string().min(1)).default([]),
});

const bandSchema = z.object({
  code: z.string().min(1),
  mutu: z.string().min(1),
  kinerja: z.string().min(1),
  /** The regulation's NI interval (1–4), printed only. */
  niMin: z.number(),
  niMax: z.number(),
  /** Inclusive bounds of the converted value (25–100) at `decimals.converted`. */
  min: z.number(),
  max: z.number(),
  tone: z.enum(['green', 'teal', 'amber', 'red']),
});

const weightingSchema = z.discriminatedUnion('kind', [
  /** Every unsur weighs 1/n exactly (the regulation's 1/9, printed 0,11). */
  z.object({ kind: z.literal('equal'), printedDecimals: z.number().int().min(0).max(6).default(2) }),
  /** Weights as the office prints them (e.g. 0,111 each); need not sum to exactly 1. */
  z.object({ kind: z.literal('explicit'), weights: z.array(z.number().positive()), printedDecimals: z.number().int().min(0).max(6).default(3) }),
]);

export const skmSchemeSchema = z.object({
  schemaVersion: z.literal(1),
  code: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/u),
  version: z.string().min(1),
  name: z.string().min(1),
  shortName: z.string().min(1),
  legalBasis: z.string().min(1),
  answerScale: z.object({ min: z.number().int(), max: z.number().int() }),
  weighting: weightingSchema,
  conversionFactor: z.number().positive(),
  decimals: z.object({ nrr: z.number().int().min(0).max(6), ikm: z.number().int().min(0).max(6), converted: z.number().int().min(0).max(6) }),
  unsur: z.array(unsurSchema).min(1),
  bands: z.array(bandSchema).min(1),
  sample: z.object({
    method: z.string().min(1),
    chiSquare: z.number().positive(),
    proportion: z.number().gt(0).lt(1),
    margin: z.number().gt(0).lt(1),
    checks: z.array(z.object({ population: z.number().int().positive(), sample: z.number().int().positive() })).default([]),
  }),
  profile: z.object({
    sex: z.array(z.string().min(1)),
    education: z.array(z.string().min(1)),
    occupation: z.array(z.string().min(1)),
    ageBands: z.array(z.object({ label: z.string().min(1), min: z.number().int(), max: z.number().int() })),
  }),
  /** Words that identify the optional columns of a questionnaire export. */
  columnKeywords: z.object({
    respondentId: z.array(z.string().min(1)),
    submittedAt: z.array(z.string().min(1)),
    sex: z.array(z.string().min(1)),
    age: z.array(z.string().min(1)),
    education: z.array(z.string().min(1)),
    occupation: z.array(z.string().min(1)),
  }),
  followUp: z.object({
    indicatorNumber: z.number().int().positive(),
    noPlanLevel: z.number().int(),
    levels: z.array(z.object({ level: z.number().int(), maxPercent: z.number().min(0).max(100), inclusive: z.boolean(), label: z.string().min(1) })).min(1),
  }),
  weakestCount: z.number().int().min(1),
  evidenceTargets: z.array(z.object({ family: z.string().min(1), requirementCodes: z.array(z.string().min(1)).min(1) })),
});

export type SkmScheme = z.infer<typeof skmSchemeSchema>;
export type SkmUnsurDef = SkmScheme['unsur'][number];
export type SkmBandDef = SkmScheme['bands'][number];

/** Rules across fields; each problem is an Indonesian line naming the place to fix. */
function semanticProblems(scheme: SkmScheme): string[] {
  const problems: string[] = [];
  const { min, max } = scheme.answerScale;
  const steps = max - min + 1;
  if (steps < 2) problems.push('answerScale: nilai jawaban paling sedikit dua tingkat.');
  const codes = new Set<string>();
  for (const unsur of scheme.unsur) {
    if (codes.has(unsur.code)) problems.push(`unsur ${unsur.code}: kode ganda.`);
    codes.add(unsur.code);
    if (unsur.answers.length !== steps) problems.push(`unsur ${unsur.code}: harus ada ${steps} teks jawaban (${min}–${max}), tertulis ${unsur.answers.length}.`);
  }
  if (scheme.weighting.kind === 'explicit' && scheme.weighting.weights.length !== scheme.unsur.length) {
    problems.push(`weighting: ${scheme.unsur.length} unsur tetapi ${scheme.weighting.weights.length} bobot.`);
  }
  const bands = [...scheme.bands].sort((a, b) => a.min - b.min);
  const step = 10 ** -scheme.decimals.converted;
  const low = min * scheme.conversionFactor;
  const high = max * scheme.conversionFactor;
  if (Math.abs(bands[0]!.min - low) > 1e-9) problems.push(`bands: rentang terendah harus mulai di ${low}.`);
  if (Math.abs(bands[bands.length - 1]!.max - high) > 1e-9) problems.push(`bands: rentang tertinggi harus berakhir di ${high}.`);
  for (let i = 1; i < bands.length; i += 1) {
    const gap = bands[i]!.min - bands[i - 1]!.max;
    if (Math.abs(gap - step) > 1e-9) problems.push(`bands: ${bands[i - 1]!.code} berakhir di ${bands[i - 1]!.max} tetapi ${bands[i]!.code} mulai di ${bands[i]!.min} (harus bersambung tanpa celah/tumpang tindih).`);
  }
  for (const check of scheme.sample.checks) {
    const got = minimumSample(check.population, scheme.sample);
    if (got !== check.sample) problems.push(`sample: populasi ${check.population} menghasilkan ${got}, tabel peraturan ${check.sample}.`);
  }
  return problems;
}

export type SchemeCheck = { ok: true; scheme: SkmScheme } | { ok: false; problems: string[] };

export function validateSkmScheme(raw: unknown): SchemeCheck {
  const parsed = skmSchemeSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
  const problems = semanticProblems(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, scheme: parsed.data };
}

/** Weight of each unsur, exact (1/9 as a double, not 0,11). */
export function unsurWeights(scheme: SkmScheme): number[] {
  if (scheme.weighting.kind === 'explicit') return [...scheme.weighting.weights];
  return scheme.unsur.map(() => 1 / scheme.unsur.length);
}
