/**
 * The one API contract. Every channel maps a validated input to a typed output.
 * The Electron preload exposes one function per channel, the main process registers
 * one handler per channel, and the browser preview host answers the same channels
 * over loopback — all derived from this object, so a missing handler is a compile error.
 */
import { z } from 'zod';
import type {
  BackupCheck,
  BackupInfo,
  JobInfo,
  RestoreSummary,
  Assessment,
  Dashboard,
  OmbudsmanInputs,
  PeriodGaps,
  UnitGaps,
  UnitScores,
  AttachReport,
  CarryOverReport,
  Checklist,
  ChecklistRequirement,
  EvidenceItem,
  HiddenRequirement,
  HistoryEntry,
  EvidenceLinkResult,
  OpenResult,
  UnitProgress,
  AppInfo,
  BulkCreateReport,
  Instrument,
  InstrumentSummary,
  Period,
  PeriodDetail,
  Settings,
  Unit,
  UnitGroup,
  UnitTemplate,
} from './types';
import { channel, none } from './channel';
import { unitPageChannels } from './channels/units';
import { evidenceRulesChannels } from './channels/evidence-rules';
import { documentsChannels, unitHeadFields } from './channels/documents';
import { intakeChannels } from './channels/intake';
import { instrumentChannels } from './channels/instruments';
import { ombudsmanChannels } from './channels/ombudsman';
import { presetChannels } from './channels/presets';
import { skmChannels } from './channels/skm';
import { checklistBulkChannels } from './channels/checklist-bulk';
import { idSchema, isoDateSchema, optionalTextSchema, textSchema, yearSchema } from './validation';

const unitFields = {
  name: textSchema('Nama unit', 160),
  shortName: optionalTextSchema('Singkatan', 40),
  groupName: textSchema('Kelompok unit', 80),
  headName: optionalTextSchema('Nama kepala unit', 120),
  ...unitHeadFields,
};

/** Addresses one requirement of one unit in one year. */
const itemKey = {
  periodId: idSchema,
  unitId: idSchema,
  instrumentId: idSchema,
  requirementCode: z.string().min(1).max(120),
};

const statusSchema = z.enum(['belum_ada', 'menunggu_verifikasi', 'terverifikasi', 'perlu_perbaikan', 'tidak_berlaku'], {
  error: 'Status tidak dikenal.',
});

/** Raw bytes: Uint8Array over IPC; the preview transport encodes them as base64 and back. */
export const bytesSchema = z.instanceof(Uint8Array, { error: 'Isi berkas tidak terbaca.' });

const urlSchema = z
  .string()
  .trim()
  .max(2000, 'Tautan terlalu panjang.')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
    } catch {
      return false;
    }
  }, 'Tautan harus alamat web lengkap yang diawali http:// atau https://, misalnya https://drive.google.com/…');

const xlsxPathSchema = z
  .string()
  .min(1)
  .max(4000)
  .refine((value) => /\.xlsx$/iu.test(value), 'Nama berkas harus berakhiran .xlsx.');

/** A returned workbook: a path (desktop, CLI) or uploaded bytes (browser preview). */
const importSourceFields = {
  file: xlsxPathSchema.optional(),
  upload: z.object({ name: z.string().min(1).max(500), data: bytesSchema }).optional(),
};

/** Which PEKPPP levels gaps are ranked from; *terkini* (verified where verified, else own) by default. */
const gapBasisSchema = z.enum(['terkini', 'mandiri', 'verifikasi'], { error: 'Dasar nilai tidak dikenal.' }).default('terkini');

const periodFields = {
  year: yearSchema,
  instrumentIds: z.array(idSchema).min(1, 'Pilih minimal satu instrumen.'),
  deadline: isoDateSchema.nullable().optional(),
  windowStart: isoDateSchema.optional(),
  windowEnd: isoDateSchema.optional(),
};

export const contract = {
  'app:info': channel<AppInfo>()(none),

  'settings:get': channel<Settings>()(none),
  'settings:update': channel<Settings>()(
    z.object({
      operatorName: optionalTextSchema('Nama operator', 120),
      // Optional to send, but never blank: the name heads every letter, kop and report.
      localGovernmentName: textSchema('Nama pemerintah daerah', 160).optional(),
      localGovernmentKind: z.enum(['kabupaten', 'kota', 'provinsi']).optional(),
    }),
  ),

  'unit-groups:list': channel<UnitGroup[]>()(none),

  'units:list': channel<Unit[]>()(
    z
      .object({
        search: z.string().max(200).optional(),
        groupId: idSchema.optional(),
        includeArchived: z.boolean().optional(),
      })
      .optional(),
  ),
  'units:get': channel<Unit>()(z.object({ id: idSchema })),
  'units:create': channel<Unit>()(z.object(unitFields)),
  'units:update': channel<Unit>()(z.object({ id: idSchema, ...unitFields })),
  'units:archive': channel<Unit>()(z.object({ id: idSchema })),
  'units:restore': channel<Unit>()(z.object({ id: idSchema })),
  'units:templates': channel<UnitTemplate[]>()(none),
  'units:bulk-create': channel<BulkCreateReport>()(
    z.object({ names: z.array(z.string().min(1).max(160)).min(1, 'Pilih minimal satu unit.').max(500) }),
  ),

  'instruments:list': channel<InstrumentSummary[]>()(none),
  'instruments:get': channel<Instrument>()(z.object({ id: idSchema })),

  'periods:list': channel<Period[]>()(none),
  'periods:get': channel<PeriodDetail>()(z.object({ id: idSchema })),
  'periods:create': channel<PeriodDetail>()(
    z.object({
      ...periodFields,
      unitIds: z.array(idSchema).optional(),
      copyScopeFromPeriodId: idSchema.optional(),
      /** Confirmed: create the year even with an instrument whose years do not cover it. */
      force: z.boolean().optional(),
    }),
  ),
  'periods:update': channel<PeriodDetail>()(
    z.object({
      id: idSchema,
      instrumentIds: periodFields.instrumentIds,
      deadline: periodFields.deadline,
      windowStart: periodFields.windowStart,
      windowEnd: periodFields.windowEnd,
      /** Confirmed: add an instrument whose years do not cover the year. */
      force: z.boolean().optional(),
    }),
  ),
  'periods:set-scope': channel<PeriodDetail>()(
    z.object({
      periodId: idSchema,
      add: z.array(idSchema).default([]),
      remove: z.array(idSchema).default([]),
    }),
  ),
  'periods:set-sample': channel<PeriodDetail>()(
    z.object({ periodId: idSchema, unitIds: z.array(idSchema).min(1), sample: z.boolean() }),
  ),

  'checklist:get': channel<Checklist>()(z.object({ periodId: idSchema, unitId: idSchema })),
  'checklist:progress': channel<UnitProgress[]>()(z.object({ periodId: idSchema })),
  'checklist:set-status': channel<ChecklistRequirement>()(
    z.object({
      ...itemKey,
      status: statusSchema,
      reason: optionalTextSchema('Alasan', 500),
    }),
  ),
  'checklist:set-note': channel<ChecklistRequirement>()(
    z.object({ ...itemKey, note: z.string().max(2000, 'Catatan paling banyak 2.000 karakter.') }),
  ),
  'checklist:history': channel<HistoryEntry[]>()(z.object(itemKey)),
  'checklist:add-requirement': channel<ChecklistRequirement>()(
    z.object({
      periodId: idSchema,
      instrumentId: idSchema,
      indicatorCode: z.string().min(1).max(40),
      text: textSchema('Uraian bukti dukung', 300),
      kind: z.enum(['dokumen', 'foto', 'tautan', 'data']).default('dokumen'),
    }),
  ),
  'checklist:hide-requirement': channel<HiddenRequirement>()(
    z.object({
      periodId: idSchema,
      instrumentId: idSchema,
      requirementCode: z.string().min(1).max(120),
      reason: textSchema('Alasan', 300),
    }),
  ),
  'checklist:unhide-requirement': channel<HiddenRequirement[]>()(
    z.object({ periodId: idSchema, instrumentId: idSchema, requirementCode: z.string().min(1).max(120) }),
  ),
  'checklist:hidden-requirements': channel<HiddenRequirement[]>()(z.object({ periodId: idSchema })),
  'checklist:carry-over': channel<CarryOverReport>()(
    z.object({ fromPeriodId: idSchema, toPeriodId: idSchema, unitIds: z.array(idSchema).optional() }),
  ),

  'evidence:upload': channel<AttachReport>()(
    z.object({
      ...itemKey,
      files: z
        .array(z.object({ name: z.string().min(1).max(1000), lastModified: z.number().optional(), data: bytesSchema }))
        .min(1, 'Pilih minimal satu berkas.')
        .max(50, 'Paling banyak 50 berkas sekaligus.'),
      documentDate: isoDateSchema.nullable().optional(),
    }),
  ),
  'evidence:attach-dialog': channel<AttachReport | null>()(
    z.object({ ...itemKey, documentDate: isoDateSchema.nullable().optional() }),
  ),
  'evidence:link': channel<EvidenceLinkResult>()(
    z.object({
      ...itemKey,
      url: urlSchema,
      title: optionalTextSchema('Judul tautan', 200),
      documentDate: isoDateSchema.nullable().optional(),
    }),
  ),
  'evidence:attach-existing': channel<EvidenceLinkResult>()(z.object({ ...itemKey, evidenceId: idSchema })),
  'evidence:detach': channel<ChecklistRequirement>()(z.object({ ...itemKey, evidenceId: idSchema })),
  'evidence:library': channel<EvidenceItem[]>()(
    z.object({ unitId: idSchema, includeDeleted: z.boolean().optional(), onlyDeleted: z.boolean().optional() }),
  ),
  'evidence:update': channel<EvidenceItem>()(
    z.object({ evidenceId: idSchema, title: textSchema('Judul', 200), documentDate: isoDateSchema.nullable() }),
  ),
  'evidence:trash': channel<EvidenceItem>()(z.object({ evidenceId: idSchema })),
  'evidence:restore': channel<EvidenceItem>()(z.object({ evidenceId: idSchema })),
  'evidence:open': channel<OpenResult>()(z.object({ evidenceId: idSchema })),

  'assessment:get': channel<Assessment>()(z.object({ periodId: idSchema, unitId: idSchema })),
  'assessment:set': channel<Assessment>()(
    z.object({
      periodId: idSchema,
      unitId: idSchema,
      indicatorCode: z.string().min(1).max(40),
      /** Which column: the unit's own level or the office's verified level. */
      verified: z.boolean().default(false),
      level: z.number({ error: 'Tingkat harus angka 0–5.' }).int('Tingkat harus bilangan bulat 0–5.').min(0, 'Tingkat paling rendah 0.').max(5, 'Tingkat paling tinggi 5.').nullable().optional(),
      elements: z.array(z.string().max(60)).max(40).optional(),
      overrideReason: z.string().max(500, 'Alasan paling banyak 500 karakter.').optional(),
      justification: z.string().max(4000, 'Penjelasan paling banyak 4.000 karakter.').optional(),
      /** The change undoes the previous one (*Urungkan*); history records it as a revert. */
      revert: z.boolean().optional(),
    }),
  ),
  'ombudsman:set-inputs': channel<OmbudsmanInputs>()(
    z.object({
      periodId: idSchema,
      unitId: idSchema,
      trust: z.number({ error: 'Nilai harus angka.' }).min(0, 'Nilai paling rendah 0.').max(100, 'Nilai paling tinggi 100.').nullable(),
      followedUp: z.boolean(),
    }),
  ),
  'scores:unit': channel<UnitScores>()(z.object({ periodId: idSchema, unitId: idSchema })),
  'scores:dashboard': channel<Dashboard>()(z.object({ periodId: idSchema })),
  'gaps:unit': channel<UnitGaps>()(
    z.object({ periodId: idSchema, unitId: idSchema, basis: gapBasisSchema }),
  ),
  'gaps:period': channel<PeriodGaps>()(z.object({ periodId: idSchema, target: z.string().max(4).default('A-') })),

  'backup:list': channel<BackupInfo[]>()(none),
  'backup:create': channel<BackupInfo>()(none),
  'backup:verify': channel<BackupCheck>()(z.object({ id: z.string().min(1).max(200) })),
  'backup:restore': channel<RestoreSummary>()(
    z
      .object({ id: z.string().min(1).max(200).optional(), archiveDir: z.string().min(1).max(4000).optional() })
      .refine((value) => Boolean(value.id) !== Boolean(value.archiveDir), 'Pilih satu: cadangan atau folder arsip.'),
  ),
  /** Starts an archive job; without outDir the desktop app asks for a folder (null = cancelled). */
  'backup:archive': channel<JobInfo | null>()(z.object({ outDir: z.string().min(1).max(4000).optional() })),

  'jobs:get': channel<JobInfo>()(z.object({ id: z.string().uuid('ID pekerjaan tidak valid.') })),
  'jobs:cancel': channel<JobInfo>()(z.object({ id: z.string().uuid('ID pekerjaan tidak valid.') })),

  'export:unit-package': channel<JobInfo | null>()(
    z.object({ periodId: idSchema, unitId: idSchema, zip: z.boolean().optional(), outDir: z.string().min(1).max(4000).optional() }),
  ),
  'export:recap': channel<JobInfo | null>()(z.object({ periodId: idSchema, outFile: xlsxPathSchema.optional() })),
  'export:gaps': channel<JobInfo | null>()(
    z.object({ periodId: idSchema, unitId: idSchema, outFile: xlsxPathSchema.optional(), basis: gapBasisSchema }),
  ),
  'export:forms': channel<JobInfo | null>()(
    z.object({ periodId: idSchema, unitIds: z.array(idSchema).min(1).optional(), outDir: z.string().min(1).max(4000).optional() }),
  ),
  'import:preview': channel<JobInfo | null>()(z.object({ ...importSourceFields, periodId: idSchema.optional(), unitId: idSchema.optional() })),
  'import:apply': channel<JobInfo>()(
    z.object({
      ...importSourceFields,
      periodId: idSchema.optional(),
      unitId: idSchema.optional(),
      token: z.string().min(1).max(200),
      resolveConflicts: z.enum(['skip', 'overwrite']).default('skip'),
    }),
  ),
  ...unitPageChannels,
  ...evidenceRulesChannels,
  ...documentsChannels,
  ...intakeChannels,
  ...instrumentChannels,
  ...ombudsmanChannels,
  ...presetChannels,
  ...skmChannels,
  ...checklistBulkChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = Exclude<Contract[C]['output'], undefined>;

/** What the renderer calls: one async function per channel. */
export type Api = {
  [C in Channel]: (...args: undefined extends Input<C> ? [input?: Input<C>] : [input: Input<C>]) => Promise<Output<C>>;
};
/** What a host implements: one function per channel, receiving validated input. */
export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Output<C> | Promise<Output<C>> };

export const channels = Object.keys(contract) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}
