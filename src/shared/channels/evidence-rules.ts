/**
 * Channels of the evidence rules (issue 10): the office's maximum document age per kind of
 * requirement, the cross-unit list of files shared by several units, and the renewal steps
 * ("perbarui …") for documents that are kedaluwarsa.
 */
import { z } from 'zod';
import type { EvidenceRules, RenewalStep, SharedFile } from '../types';
import { channel, none } from '../channel';
import { idSchema } from '../validation';

const monthsSchema = z
  .number({ error: 'Batas usia harus angka (bulan).' })
  .int('Batas usia harus bilangan bulat (bulan).')
  .min(1, 'Batas usia paling sedikit 1 bulan.')
  .max(240, 'Batas usia paling banyak 240 bulan (20 tahun).')
  .nullable()
  .optional();

export const evidenceRulesChannels = {
  'evidence-rules:get': channel<EvidenceRules>()(none),
  'evidence-rules:update': channel<EvidenceRules>()(
    z.object({
      maxAgeMonths: z.object({ dokumen: monthsSchema, foto: monthsSchema, tautan: monthsSchema, data: monthsSchema }).strict(),
    }),
  ),
  /** Files (same SHA-256) attached in two or more units of a year. */
  'evidence:shared-files': channel<SharedFile[]>()(z.object({ periodId: idSchema })),
  /** One "perbarui …" step per requirement whose evidence is kedaluwarsa. */
  'gaps:renewals': channel<RenewalStep[]>()(z.object({ periodId: idSchema, unitId: idSchema })),
};
