/**
 * Channels of issue 14: one status for many requirements of one unit at once, and undoing
 * the last status change (single or bulk) from its toast. Both run through the same rule
 * as `checklist:set-status` (src/core/checklist/rules.ts) inside one transaction.
 */
import { z } from 'zod';
import type { ChecklistRequirement, EvidenceStatus } from '../types';
import { channel } from '../channel';
import { idSchema, optionalTextSchema } from '../validation';

/** More than any unit holds (both instruments together ≈ 230), small enough to stay one quick transaction. */
export const BULK_MAX_ITEMS = 2000;

const requirementRef = z.object({ instrumentId: idSchema, requirementCode: z.string().min(1).max(120) });

const statusSchema = z.enum(['belum_ada', 'menunggu_verifikasi', 'terverifikasi', 'perlu_perbaikan', 'tidak_berlaku'], {
  error: 'Status tidak dikenal.',
});

/** One requirement a bulk change cannot take to the status, with the rule's Indonesian reason. */
export interface BulkRefusal {
  instrumentId: number;
  requirementCode: string;
  text: string;
  message: string;
}

/** One requirement changed; `historyId` is the history entry to hand back to undo it. */
export interface BulkChange {
  instrumentId: number;
  requirementCode: string;
  text: string;
  from: EvidenceStatus;
  to: EvidenceStatus;
  historyId: number;
}

export interface BulkStatusResult {
  status: EvidenceStatus;
  /** Changed (or, on a dry run, would change); on a dry run historyId is 0. */
  changed: BulkChange[];
  /** Already in that status with that reason: nothing to do. */
  unchanged: number;
  /** Cannot take the status (e.g. terverifikasi without evidence); never changed. */
  refused: BulkRefusal[];
  dryRun: boolean;
  /** The requirements as they now are, for the screen to show as is. */
  requirements: ChecklistRequirement[];
}

export interface UndoStatusResult {
  reverted: number;
  requirements: ChecklistRequirement[];
}

export const checklistBulkChannels = {
  /**
   * Set one status for many requirements of one unit. With `dryRun` nothing is written and
   * the answer says what would change and what is refused; without it, refusals stop the
   * whole change (nothing written) unless `skipRefused` says to apply to the others.
   */
  'checklist:set-status-bulk': channel<BulkStatusResult>()(
    z.object({
      periodId: idSchema,
      unitId: idSchema,
      items: z
        .array(requirementRef)
        .min(1, 'Pilih minimal satu persyaratan.')
        .max(BULK_MAX_ITEMS, `Paling banyak ${BULK_MAX_ITEMS.toLocaleString('id-ID')} persyaratan sekaligus.`),
      status: statusSchema,
      reason: optionalTextSchema('Alasan', 500),
      dryRun: z.boolean().default(false),
      skipRefused: z.boolean().default(false),
    }),
  ),
  /** Undo status changes by their history entries; refused whole when any was changed again since. */
  'checklist:undo-status': channel<UndoStatusResult>()(
    z.object({
      periodId: idSchema,
      unitId: idSchema,
      changes: z
        .array(requirementRef.extend({ historyId: idSchema }))
        .min(1, 'Tidak ada perubahan yang dapat diurungkan.')
        .max(BULK_MAX_ITEMS, `Paling banyak ${BULK_MAX_ITEMS.toLocaleString('id-ID')} persyaratan sekaligus.`),
    }),
  ),
};
