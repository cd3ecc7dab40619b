/**
 * Channels of the Ombudsman 2025– inputs: service products with their survey tracker,
 * and the follow-up log of Ombudsman findings. Spread into `contract`.
 */
import { z } from 'zod';
import { FINDING_KINDS, FINDING_STATUSES, type FindingKind, type FindingStatus, type FollowUpSummary, type SurveyProgress } from '../../core/ombudsman/follow-up';
import type { FindingGap } from '../../core/gaps/findings';
import type { MaladministrationReadiness } from '../../core/scoring/ombudsman';
import { channel } from '../channel';
import { idSchema, isoDateSchema, textSchema, yearSchema } from '../validation';

export type { FindingGap, FindingKind, FindingStatus, FollowUpSummary, MaladministrationReadiness, SurveyProgress };

export interface ProductSurvey {
  productId: number;
  name: string;
  targetRespondents: number | null;
  gathered: number;
  surveyLink: string;
  contactsRequired: number | null;
  contactsCount: number;
  contactsEvidence: string;
  /** Survey results as entered by the office (0–100), null until known. */
  trustResult: number | null;
  perceptionResult: number | null;
  updatedAt: string | null;
  progress: SurveyProgress;
}

export interface UnitProducts {
  periodId: number;
  year: number;
  unitId: number;
  unitName: string;
  /** Defaults from the year's Ombudsman instrument (editable data), null when it has none. */
  defaults: { respondentsTarget: number; contactsMin: number; productsPerUnit: number | null; note: string | null } | null;
  products: ProductSurvey[];
  /** Means of the entered per-product results: a suggestion for the unit's entered value. */
  enteredMeans: { trust: number | null; perception: number | null };
}

export interface Finding {
  id: number;
  unitId: number;
  sourceYear: number;
  kind: FindingKind;
  kindLabel: string;
  text: string;
  deadline: string | null;
  status: FindingStatus;
  statusLabel: string;
  evidence: string;
  overdue: boolean;
  /** Known by the selected year (source year ≤ year), so it counts for its readiness. */
  counts: boolean;
  updatedAt: string;
}

export interface UnitFindings {
  periodId: number;
  year: number;
  unitId: number;
  unitName: string;
  findings: Finding[];
  summary: FollowUpSummary;
  readiness: MaladministrationReadiness | null;
  /** Open findings that count for this year, as gap steps (overdue first). */
  gaps: FindingGap[];
}

export interface OmbudsmanOverviewUnit {
  unitId: number;
  unitName: string;
  sample: boolean;
  products: number;
  productsReady: number;
  openFindings: number;
  overdueFindings: number;
}

export interface OmbudsmanOverview {
  periodId: number;
  year: number;
  productsPerUnit: number | null;
  units: OmbudsmanOverviewUnit[];
}

const count = (label: string) =>
  z.number({ error: `${label} harus angka.` }).int(`${label} harus bilangan bulat.`).min(0, `${label} tidak boleh negatif.`).max(100000, `${label} terlalu besar.`);

const unitKey = { periodId: idSchema, unitId: idSchema };
const shortText = (label: string, max: number) => z.string().max(max, `${label} paling banyak ${max} karakter.`).transform((value) => value.trim());

export const ombudsmanChannels = {
  'ombudsman:products': channel<UnitProducts>()(z.object(unitKey)),
  'ombudsman:save-product': channel<UnitProducts>()(
    z.object({
      ...unitKey,
      productId: idSchema.optional(),
      name: textSchema('Nama produk layanan', 200),
      targetRespondents: count('Target responden').min(1, 'Target responden paling sedikit 1.').nullable(),
      gathered: count('Responden terkumpul'),
      surveyLink: shortText('Tautan survei', 2000),
      contactsRequired: count('Kontak minimal').min(1, 'Kontak minimal paling sedikit 1.').nullable(),
      contactsCount: count('Jumlah kontak'),
      contactsEvidence: shortText('Bukti daftar kontak', 2000),
      trustResult: z.number({ error: 'Hasil survei harus angka.' }).min(0, 'Hasil survei paling rendah 0.').max(100, 'Hasil survei paling tinggi 100.').nullable().default(null),
      perceptionResult: z.number({ error: 'Hasil survei harus angka.' }).min(0, 'Hasil survei paling rendah 0.').max(100, 'Hasil survei paling tinggi 100.').nullable().default(null),
    }),
  ),
  'ombudsman:remove-product': channel<UnitProducts>()(z.object({ ...unitKey, productId: idSchema })),
  'ombudsman:findings': channel<UnitFindings>()(z.object(unitKey)),
  'ombudsman:save-finding': channel<UnitFindings>()(
    z.object({
      ...unitKey,
      id: idSchema.optional(),
      sourceYear: yearSchema,
      kind: z.enum(FINDING_KINDS, { error: 'Jenis temuan tidak dikenal.' }),
      text: textSchema('Uraian temuan', 4000),
      deadline: isoDateSchema.nullable(),
      status: z.enum(FINDING_STATUSES, { error: 'Status tindak lanjut tidak dikenal.' }),
      evidence: shortText('Bukti tindak lanjut', 2000),
    }),
  ),
  'ombudsman:remove-finding': channel<UnitFindings>()(z.object({ ...unitKey, id: idSchema })),
  'ombudsman:overview': channel<OmbudsmanOverview>()(z.object({ periodId: idSchema })),
} as const;
