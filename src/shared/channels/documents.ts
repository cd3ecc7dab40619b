/**
 * Channels of the documents feature: kop and signatories in Pengaturan, the unit head's
 * identity, letters (.docx) as jobs, and reminder messages per unit.
 */
import { z } from 'zod';
import type { JobInfo, Unit } from '../types';
import type { LetterheadSettings, Reminder } from '../documents-types';
import { SIGNATORY_ROLES, SIGNED_DOCUMENTS } from '../documents-types';
import { channel, none } from '../channel';
import { idSchema, optionalTextSchema, isoDateSchema } from '../validation';
import { nipProblem, phoneProblem } from '../../core/documents/identity';
import { letterPatternProblem } from '../../core/documents/letter-number';

const plain = (label: string, max: number) => optionalTextSchema(label, max);

/** '' clears the NIP; anything else must be a valid 18-digit NIP. */
export const nipSchema = z
  .string()
  .transform((value) => value.replace(/[\s.-]/gu, ''))
  .superRefine((value, context) => {
    const problem = value === '' ? null : nipProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

const phoneSchema = z
  .string()
  .trim()
  .max(30, 'Nomor HP terlalu panjang.')
  .superRefine((value, context) => {
    const problem = value === '' ? null : phoneProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

const emailSchema = z
  .string()
  .trim()
  .max(200)
  .refine((value) => value === '' || /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/u.test(value), 'Alamat e-mail tidak valid, misalnya organisasi@slemankab.go.id.');

export const signatorySchema = z.object({
  role: z.enum(SIGNATORY_ROLES, { error: 'Penandatangan tidak dikenal.' }),
  position: plain('Jabatan', 160),
  name: plain('Nama', 120),
  rank: plain('Pangkat/golongan', 80),
  nip: nipSchema.optional(),
});

export const letterheadUpdateSchema = z.object({
  secretariatLine: plain('Baris sekretariat', 120),
  sectionLine: plain('Baris bagian', 120),
  address: plain('Alamat', 300),
  phone: plain('Telepon kantor', 60),
  email: emailSchema.optional(),
  website: plain('Laman', 120),
  place: plain('Tempat', 60),
  paper: z.enum(['A4', 'F4'], { error: 'Ukuran kertas A4 atau F4.' }).optional(),
  letterPattern: z
    .string()
    .trim()
    .max(80)
    .superRefine((value, context) => {
      const problem = letterPatternProblem(value);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  signatories: z.array(signatorySchema).max(SIGNATORY_ROLES.length).optional(),
  signers: z.partialRecord(z.enum(SIGNED_DOCUMENTS), z.enum(SIGNATORY_ROLES)).optional(),
});

/** The unit head's identity; also accepted by units:create / units:update (one transaction). */
export const unitHeadFields = {
  headRank: plain('Pangkat/golongan kepala unit', 80),
  headNip: nipSchema.optional(),
  headPhone: phoneSchema.optional(),
  headEmail: emailSchema.optional(),
};

export const unitHeadSchema = z.object({
  id: idSchema,
  headName: plain('Nama kepala unit', 120),
  ...unitHeadFields,
});

const imageUploadSchema = z.object({
  name: z.string().min(1).max(500),
  data: z.instanceof(Uint8Array, { error: 'Isi berkas tidak terbaca.' }),
});

export const documentsChannels = {
  'documents:settings': channel<LetterheadSettings>()(none),
  'documents:update-settings': channel<LetterheadSettings>()(letterheadUpdateSchema),
  /** A PNG/JPG logo: uploaded bytes (preview) or a path (desktop, CLI); none = ask with a dialog. */
  'documents:set-logo': channel<LetterheadSettings | null>()(
    z.object({ file: z.string().min(1).max(4000).optional(), upload: imageUploadSchema.optional() }),
  ),
  'documents:remove-logo': channel<LetterheadSettings>()(none),
  'units:set-head': channel<Unit>()(unitHeadSchema),
  'reminders:list': channel<Reminder[]>()(z.object({ periodId: idSchema, unitId: idSchema.optional() })),
  /** Every open requirement of every unit (the long list kept out of the recap's print area). */
  'export:gap-list': channel<JobInfo | null>()(
    z.object({ periodId: idSchema, outFile: z.string().min(1).max(4000).refine((value) => /\.xlsx$/iu.test(value), 'Nama berkas harus berakhiran .xlsx.').optional() }),
  ),
  'export:letters': channel<JobInfo | null>()(
    z.object({
      periodId: idSchema,
      kind: z.enum(['nota-dinas', 'berita-acara', 'laporan'], { error: 'Jenis surat tidak dikenal.' }),
      unitIds: z.array(idSchema).max(500).optional(),
      /** Nota Dinas: reply deadline printed in the letter; defaults to the period's deadline. */
      replyBy: isoDateSchema.optional(),
      outDir: z.string().min(1).max(4000).optional(),
    }),
  ),
};
