/**
 * Channels of the instrument workbook (export, import with preview, compare) and of
 * moving a year to a new instrument version. Spread into `contract`.
 */
import { z } from 'zod';
import type { InstrumentDiff } from '../../core/instrument/diff';
import type { WorkbookProblem } from '../../core/instrument/workbook-cells';
import { channel } from '../channel';
import type { ExportResult, Instrument, InstrumentSummary } from '../types';
import { idSchema } from '../validation';

export type { InstrumentDiff, WorkbookProblem };

export interface InstrumentImportPreview {
  fileName: string;
  /** True when the file can be imported as it is. */
  ok: boolean;
  /** Every problem, named by sheet, row and column (or by path for JSON). */
  problems: WorkbookProblem[];
  instrument: (Pick<InstrumentSummary, 'code' | 'version' | 'name' | 'shortName' | 'family' | 'aspectCount' | 'indicatorCount' | 'requirementCount' | 'hasEstimates'>) | null;
  /** The newest stored version of the same code, which the counts below compare with. */
  compareWith: { id: number; version: string } | null;
  diff: { added: number; removed: number; changed: number } | null;
  /** Ties the apply step to the very file that was previewed. */
  token: string;
}

const instrumentFileSchema = z
  .string()
  .min(1)
  .max(4000)
  .refine((value) => /\.(xlsx|json)$/iu.test(value), 'Berkas instrumen harus .xlsx atau .json.');

const sourceFields = {
  file: instrumentFileSchema.optional(),
  upload: z.object({ name: z.string().min(1).max(500), data: z.instanceof(Uint8Array, { error: 'Isi berkas tidak terbaca.' }) }).optional(),
};

export const instrumentChannels = {
  /** Without outFile the desktop app asks where to save (null = cancelled). */
  'instruments:export': channel<ExportResult | null>()(
    z.object({
      id: idSchema,
      outFile: z.string().min(1).max(4000).refine((value) => /\.xlsx$/iu.test(value), 'Nama berkas harus berakhiran .xlsx.').optional(),
    }),
  ),
  /** Null when the user cancelled the file dialog. */
  'instruments:import-preview': channel<InstrumentImportPreview | null>()(z.object(sourceFields)),
  'instruments:import-apply': channel<Instrument>()(z.object({ ...sourceFields, token: z.string().min(1).max(200) })),
  'instruments:diff': channel<InstrumentDiff>()(z.object({ fromId: idSchema, toId: idSchema })),
} as const;
