/**
 * Instrument definitions are data (resources/instruments/*.json), never constants in
 * code: both instruments change almost every year. This module is the single schema
 * every definition is validated against on load, plus the semantic rules a schema
 * alone cannot express (weights summing to 100 %, contiguous bands, unique codes).
 */
import { z } from 'zod';

/** A band of a result scale: PEKPPP category, Ombudsman grade or zone. */
export const bandSchema = z.object({
  code: z.string().min(1),
  label: z.string().min(1),
  /** Inclusive bounds, at the instrument's published precision (two decimals). */
  min: z.number(),
  max: z.number(),
  zone: z.enum(['hijau', 'kuning', 'merah']).optional(),
  /** Colour family the UI pairs with the text label. */
  tone: z.enum(['green', 'teal', 'amber', 'red']),
  /** True when the band was inferred, not published ("estimasi"). */
  estimated: z.boolean().default(false),
  note: z.string().optional(),
});

/** Kinds of evidence; the Indonesian words are the stored values (shown as is). */
export const REQUIREMENT_KINDS = ['dokumen', 'foto', 'tautan', 'tangkapan layar', 'data'] as const;

export const requirementSchema = z.object({
  code: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'kode hanya huruf kecil, angka, titik dan tanda hubung'),
  text: z.string().min(1),
  /** What kind of evidence usually satisfies it. */
  kind: z.enum(REQUIREMENT_KINDS).default('dokumen'),
  /** Validity rule: evidence older than this many months no longer counts (e.g. dated photos). */
  validMonths: z.number().int().positive().max(120).optional(),
});

/**
 * Countable elements (unsur) of a rubric. `thresholds[i]` is the minimum number of
 * ticked elements for level i + 1 (five ascending numbers). When an element is marked
 * `base`, no level above 0 is reached without it (e.g. "kebijakan jam layanan").
 */
export const elementsSchema = z.object({
  items: z
    .array(z.object({ code: z.string().min(1), label: z.string().min(1), base: z.boolean().default(false) }))
    .min(1),
  thresholds: z.array(z.number().int().min(0)).length(5),
});

export const indicatorSchema = z.object({
  code: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'kode hanya huruf kecil, angka, titik dan tanda hubung'),
  /** Number as printed in the instrument (1–31 for PEKPPP). */
  number: z.number().int().positive(),
  name: z.string().min(1),
  /** Weight inside its aspect, in percent. 0 = reported, not scored. */
  weight: z.number().min(0).max(100),
  /** Level texts 0..5 for level-scored instruments. */
  levels: z.array(z.string().min(1)).optional(),
  elements: elementsSchema.optional(),
  requirements: z.array(requirementSchema).default([]),
  estimated: z.boolean().default(false),
});

export const aspectSchema = z.object({
  code: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'kode hanya huruf kecil, angka, titik dan tanda hubung'),
  name: z.string().min(1),
  /** Name for narrow places (sheet names, table headers): "SDM", "Sarpras", "Konsultasi & Pengaduan". */
  shortName: z.string().min(1).max(31).optional(),
  /** Weight in the instrument, in percent. 0 = reported, not scored. */
  weight: z.number().min(0).max(100),
  estimated: z.boolean().default(false),
  indicators: z.array(indicatorSchema).min(1),
});

const scaleSchema = z.object({
  min: z.number(),
  max: z.number(),
  decimals: z.number().int().min(0).max(4),
});

export const scoringSchema = z.discriminatedUnion('kind', [
  /** PEKPPP: levels 0–5 per indicator, weighted into an index. */
  z.object({
    kind: z.literal('levels'),
    scale: scaleSchema,
    levelCount: z.literal(6),
    bands: z.array(bandSchema).min(1),
  }),
  /** Ombudsman: share of requirements met per dimension, weighted into 0–100. */
  z.object({
    kind: z.literal('requirements'),
    scale: scaleSchema,
    bands: z.array(bandSchema).min(1),
    /** 2025+: dimensions are scaled into `dimensionsShare` % and a survey fills the rest. */
    trust: z
      .object({
        label: z.string().min(1),
        share: z.number().gt(0).lt(100),
        /** The split is not published (2025–): shown as "estimasi". */
        estimated: z.boolean().default(false),
        note: z.string().optional(),
      })
      .optional(),
    /** Text appended to the opinion when Ombudsman findings were followed up. */
    suffix: z.object({ label: z.string().min(1), condition: z.string().min(1) }).optional(),
    /** Per service product: survey respondents the assessor expects and user contacts to keep. */
    survey: z
      .object({
        respondentsTarget: z.number().int().positive(),
        contactsMin: z.number().int().positive(),
        productsPerUnit: z.number().int().positive().optional(),
        note: z.string().optional(),
      })
      .optional(),
  }),
]);

export const instrumentSchema = z.object({
  schemaVersion: z.literal(1),
  code: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'kode hanya huruf kecil, angka dan tanda hubung'),
  version: z.string().min(1),
  family: z.enum(['pekppp', 'ombudsman']),
  name: z.string().min(1),
  shortName: z.string().min(1),
  /** First and last assessment year the instrument applies to (null = still in force). */
  years: z.object({
    from: z.number().int(),
    to: z.number().int().nullable(),
    /** Why the range is what it is (e.g. still in force until a new pedoman). */
    note: z.string().optional(),
  }),
  variant: z.string().optional(),
  legalBasis: z.string().optional(),
  /** Word used for the top level: "Aspek" or "Dimensi". */
  aspectLabel: z.string().min(1),
  description: z.string().optional(),
  scoring: scoringSchema,
  aspects: z.array(aspectSchema).min(1),
});

export type Band = z.infer<typeof bandSchema>;
export type Requirement = z.infer<typeof requirementSchema>;
export type Elements = z.infer<typeof elementsSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type Aspect = z.infer<typeof aspectSchema>;
export type Scoring = z.infer<typeof scoringSchema>;
export type InstrumentDefinition = z.infer<typeof instrumentSchema>;
export type InstrumentInput = z.input<typeof instrumentSchema>;
