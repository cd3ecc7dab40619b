/** API channels of the collection from units (kit isian unit). */
import { z } from 'zod';
import type { IntakeInbox, IntakeStatus } from '../intake-types';
import type { JobInfo } from '../types';
import { channel } from '../channel';
import { idSchema } from '../validation';

const pathSchema = z.string().min(1).max(4000);
const paths = z.array(pathSchema).min(1).max(500);

const placement = z.object({ unitId: idSchema, path: z.string().min(1).max(1000), instrumentId: idSchema, requirementCode: z.string().min(1).max(120) });

export const intakeChannels = {
  'intake:status': channel<IntakeStatus>()(z.object({ periodId: idSchema })),
  /** `path` null clears the folder; omitted opens the folder dialog. */
  'intake:set-folder': channel<IntakeStatus | null>()(z.object({ periodId: idSchema, path: pathSchema.nullable().optional() })),
  'intake:export': channel<JobInfo | null>()(
    z.object({ periodId: idSchema, unitIds: z.array(idSchema).min(1).max(2000).optional(), outDir: pathSchema.optional(), zip: z.boolean().optional() }),
  ),
  /** Scans `paths`, or the year's collection folder; `pick` opens a dialog for many files at once. */
  'intake:scan': channel<JobInfo | null>()(z.object({ periodId: idSchema, paths: paths.optional(), pick: z.boolean().default(false) })),
  'intake:inbox': channel<IntakeInbox | null>()(z.object({ periodId: idSchema })),
  'intake:apply': channel<JobInfo>()(
    z.object({
      periodId: idSchema,
      paths: paths.optional(),
      unitIds: z.array(idSchema).min(1).max(2000).optional(),
      overwriteConflicts: z.boolean().default(false),
      placements: z.array(placement).max(10_000).optional(),
      tokens: z.record(z.string().regex(/^[0-9]{1,10}$/u), z.string().max(200)).optional(),
    }),
  ),
} as const;
