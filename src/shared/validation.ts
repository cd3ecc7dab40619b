/** Reusable input rules with Indonesian messages, shared by every host and the forms. */
import { z } from 'zod';

// Indonesian messages for every rule without its own text; no eval-based JIT, so the
// renderer runs under a CSP without 'unsafe-eval'.
z.config(z.locales.id());
z.config({ jitless: true });

export const idSchema = z
  .number({ error: 'ID harus berupa angka.' })
  .int('ID harus bilangan bulat.')
  .positive('ID tidak valid.');

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat TTTT-BB-HH, misalnya 2026-11-24.')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'Tanggal tidak ada di kalender.');

export const yearSchema = z
  .number({ error: 'Tahun harus berupa angka.' })
  .int('Tahun harus bilangan bulat.')
  .min(2013, 'Tahun penilaian paling awal 2013.')
  .max(2100, 'Tahun penilaian paling akhir 2100.');

/** Single-line user text: trimmed, no control characters. */
export const textSchema = (label: string, max: number) =>
  z
    .string({ error: `${label} wajib diisi.` })
    .transform((value) => value.replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .min(1, `${label} wajib diisi.`)
        .max(max, `${label} paling banyak ${max} karakter.`)
        .refine((value) => !/\p{Cc}/u.test(value), `${label} mengandung karakter yang tidak diizinkan.`),
    );

export const optionalTextSchema = (label: string, max: number) =>
  z
    .string()
    .transform((value) => value.replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .max(max, `${label} paling banyak ${max} karakter.`)
        .refine((value) => !/\p{Cc}/u.test(value), `${label} mengandung karakter yang tidak diizinkan.`),
    )
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

/** Turn zod issues into the form-field map and the first message. */
export function describeIssues(error: z.ZodError): { message: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (!(key in fields)) fields[key] = issue.message;
  }
  const first = error.issues[0]?.message ?? 'Data tidak valid.';
  return { message: first, fields };
}
