/**
 * Writing a checked plan. Everything here runs inside the caller's single transaction,
 * so the evidence service's own (transaction-opening) functions cannot be used; the
 * link step below mirrors linkEvidence without its transaction and without its
 * automatic status change (the plan already decided the status explicitly).
 */
import { isoNow, type ServerContext } from '../../context';
import { changeStatus, checklistRepo, ensureItem, requireItemKey, type ItemKey } from '../../checklist/checklist-service';
import { appendHistory } from '../../history/history';
import { linkUrlInTransaction } from '../../evidence/evidence-service';
import { rememberRow } from './baselines';
import type { PlannedRow } from './plan';

const CAUSE = 'impor buku kerja';

function linkInTransaction(ctx: ServerContext, key: ItemKey, url: string, documentDate: string | null, fileName: string): void {
  linkUrlInTransaction(ctx, key, { url, title: null, documentDate }, { cause: CAUSE, file: fileName });
}

function summaryOf(planned: PlannedRow): string {
  return planned.entries.map((entry) => (entry.before ? `${entry.fieldLabel}: "${entry.before}" → "${entry.after}"` : `${entry.fieldLabel}: "${entry.after}"`)).join('; ');
}

/** Returns the number of field-level changes written. */
export function applyPlannedRow(ctx: ServerContext, planned: PlannedRow, fileName: string): number {
  const key = planned.itemKey;
  requireItemKey(ctx, key);
  for (const link of planned.links) linkInTransaction(ctx, key, link.url, link.documentDate, fileName);
  if (planned.note !== undefined) {
    const item = ensureItem(ctx, key);
    checklistRepo(ctx).setNote.run({ id: item.id, note: planned.note, now: isoNow(ctx) });
    appendHistory(ctx, key, 'note', { from: item.note, to: planned.note, cause: CAUSE });
  }
  // changeStatus applies the core rule (terverifikasi needs evidence) to imports too.
  if (planned.status) changeStatus(ctx, key, planned.status.to, planned.status.reason, planned.status.cause ? `${planned.status.cause} (${CAUSE})` : CAUSE);
  appendHistory(ctx, key, 'import', { summary: summaryOf(planned), file: fileName, row: planned.row, conflict: planned.conflict });
  rememberRow(ctx, key, planned.sent);
  return planned.entries.length;
}

/** One line on the unit's history saying which file changed what, for the office's records. */
export function recordImport(ctx: ServerContext, target: { periodId: number; unitId: number }, fileName: string, applied: number, skipped: number): void {
  const skippedText = skipped > 0 ? `, ${skipped} konflik dilewati` : '';
  appendHistory(ctx, target, 'import', { summary: `${applied} perubahan dari berkas ${fileName}${skippedText}.`, file: fileName, applied, skipped });
}
