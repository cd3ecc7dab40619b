/** SKM channels (Survei Kepuasan Masyarakat), spread into the one contract. */
import { z } from 'zod';
import { channel, none } from '../channel';
import type { SkmAttachResult, SkmExportResult, SkmFollowUp, SkmImportPreview, SkmImportResult, SkmPemdaView, SkmSchemeView, SkmSurvey, SkmUnitView } from '../skm-types';
import { idSchema, optionalTextSchema, textSchema, yearSchema } from '../validation';

const bytesSchema = z.instanceof(Uint8Array, { error: 'Isi berkas tidak terbaca.' });

const periodFields = {
  year: yearSchema,
  semester: z.union([z.literal(0), z.literal(1), z.literal(2)], { error: 'Periode harus setahun, semester I, atau semester II.' }).default(0),
};

const tableFileSchema = z
  .string()
  .min(1)
  .max(4000)
  .refine((value) => /\.(xlsx|csv)$/iu.test(value), 'Nama berkas harus berakhiran .xlsx atau .csv.');

const sourceFields = {
  file: tableFileSchema.optional(),
  upload: z.object({ name: z.string().min(1).max(500), data: bytesSchema }).optional(),
};

const mappingSchema = z.record(z.string().max(40), z.number().int().min(0).max(500).nullable());

const countSchema = z.number({ error: 'Jumlah harus angka.' }).int('Jumlah harus bilangan bulat.').min(0, 'Jumlah tidak boleh negatif.').max(1_000_000, 'Jumlah terlalu besar.');

export const skmChannels = {
  'skm:scheme': channel<SkmSchemeView>()(none),
  'skm:unit': channel<SkmUnitView>()(z.object({ unitId: idSchema, ...periodFields })),
  'skm:pemda': channel<SkmPemdaView>()(z.object(periodFields)),
  'skm:survey-save': channel<SkmSurvey>()(
    z.object({
      id: idSchema.optional(),
      unitId: idSchema,
      serviceName: textSchema('Jenis layanan', 160),
      ...periodFields,
      population: z.number({ error: 'Populasi harus angka.' }).int('Populasi harus bilangan bulat.').positive('Populasi harus lebih dari 0.').max(100_000_000, 'Populasi terlalu besar.').nullable(),
    }),
  ),
  'skm:survey-delete': channel<{ deleted: true }>()(z.object({ id: idSchema })),
  'skm:counts-set': channel<SkmSurvey>()(
    z.object({
      surveyId: idSchema,
      respondents: countSchema,
      /** unsur code → how many answered 1, 2, 3, 4. */
      counts: z.record(z.string().max(40), z.array(countSchema)),
      /** Optional respondent profile tallies (label → count); omitted = keep what was entered. */
      profile: z
        .object({
          sex: z.record(z.string().max(80), countSchema).optional(),
          age: z.record(z.string().max(80), countSchema).optional(),
          education: z.record(z.string().max(80), countSchema).optional(),
          occupation: z.record(z.string().max(80), countSchema).optional(),
        })
        .optional(),
    }),
  ),
  'skm:import-preview': channel<SkmImportPreview>()(z.object({ surveyId: idSchema, ...sourceFields, mapping: mappingSchema.optional() })),
  'skm:import-apply': channel<SkmImportResult>()(
    z.object({
      surveyId: idSchema,
      ...sourceFields,
      mapping: mappingSchema,
      /** Rows (file row numbers) with a blank unsur that the office accepts. */
      acceptRows: z.array(z.number().int().positive()).max(100_000).default([]),
      token: z.string().min(1).max(200),
    }),
  ),
  'skm:follow-up-save': channel<SkmFollowUp[]>()(
    z.object({
      id: idSchema.optional(),
      unitId: idSchema,
      ...periodFields,
      unsurCode: z.string().max(40).nullable().default(null),
      activity: textSchema('Kegiatan', 500),
      schedule: optionalTextSchema('Waktu', 120),
      responsible: optionalTextSchema('Penanggung jawab', 160),
      done: z.boolean().default(false),
    }),
  ),
  'skm:follow-up-delete': channel<SkmFollowUp[]>()(z.object({ id: idSchema })),
  /** Writes the report workbook and .docx; without outDir the desktop app asks for a folder (null = cancelled). */
  'skm:export-report': channel<SkmExportResult | null>()(z.object({ unitId: idSchema, ...periodFields, outDir: z.string().min(1).max(4000).optional() })),
  'skm:attach-evidence': channel<SkmAttachResult>()(z.object({ unitId: idSchema, ...periodFields, periodId: idSchema })),
} as const;
