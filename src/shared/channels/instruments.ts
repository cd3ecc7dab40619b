/**
 * Channels of the instrument workbook (export, import with preview, compare) and of
 * moving a year to a new instrument version. Spread into `contract`.
 */
import { z } from 'zod';
import type { InstrumentDiff } from '../../core/instrument/diff';
import type { CodeMapping, MovePlan } from '../../core/instrument/move-plan';
import type { WorkbookProblem } from '../../core/instrument/workbook-cells';
import { channel } from '../channel';
import type { ExportResult, Instrument, InstrumentSummary } from '../types';
import { idSchema } from '../validation';

export type { CodeMapping, InstrumentDiff, MovePlan, WorkbookProblem };

export interface MovePreview extends MovePlan {
  periodId: number;
  year: number;
  from: { id: number; version: string; name: string };
  to: { id: number; version: string; name: string };
  token: string;
}

export interface MoveResult {
  periodId: number;
  toInstrumentId: number;
  itemsMoved: number;
  itemsCopied: number;
  levelsMoved: number;
  /** The verified backup taken right before the move. */
  backupId: string | null;
}

const codeListSchema = z.record(z.string().min(1).max(120), z.array(z.string().min(1).max(120)).max(20));
const moveFields = {
  periodId: idSchema,
  fromInstrumentId: idSchema,
  toInstrumentId: idSchema,
  mapping: z.object({ indicators: codeListSchema.optional(), requirements: codeListSchema.optional() }).optional(),
};

export interface InstrumentImportPreview {
  fileName: string;
  /** The path the desktop dialog chose (null for uploads), to apply the same file. */
  filePath: string | null;
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
  'instruments:move-preview': channel<MovePreview>()(z.object(moveFields)),
  'instruments:move-apply': channel<MoveResult>()(z.object({ ...moveFields, token: z.string().min(1).max(200) })),
} as const;
