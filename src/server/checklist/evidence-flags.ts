/**
 * The flags a checklist shows on each file or link: *kedaluwarsa* (dated outside the
 * year's window or older than the office's maximum age for the requirement's kind) and
 * "also used by" other units (same SHA-256). The rules are in core; this file only
 * gathers their inputs with one query per checklist.
 */
import { documentExpiry, expiryReferenceDate, maxAgeFor, sharedWith, type MaxAgeMonths } from '../../core/checklist/rules';
import { isOutsideWindow } from '../../core/checklist/progress';
import type { LinkedEvidence } from '../../shared/types';
import type { ServerContext } from '../context';
import type { Db } from '../db/connection';
import { memoFor } from '../db/memo';
import { getMaxAgeMonths } from '../settings/evidence-max-age';
import type { EvidenceRow } from './checklist-repository';

type Holders = Map<string, Array<{ unitId: number; unitName: string }>>;

export interface EvidenceFlags {
  windowStart: string;
  windowEnd: string;
  referenceDate: string;
  maxAge: MaxAgeMonths;
  holders: Holders;
}

function flagsRepository(db: Db) {
  const columns = `SELECT DISTINCT e.blob_sha256 AS sha256, u.id AS unit_id, u.name AS unit_name
     FROM checklist_items i JOIN checklist_evidence l ON l.item_id = i.id
     JOIN evidence e ON e.id = l.evidence_id JOIN units u ON u.id = i.unit_id
     WHERE i.period_id = ? AND e.deleted_at IS NULL AND e.blob_sha256 IS NOT NULL`;
  type HolderRow = { sha256: string; unit_id: number; unit_name: string };
  return {
    holdersOfPeriod: db.prepare<[number], HolderRow>(columns),
    // From the blob's evidence rows outward (index on blob_sha256), not through every item of the year.
    holdersOfBlob: db.prepare<[string, number], HolderRow>(
      `SELECT DISTINCT e.blob_sha256 AS sha256, u.id AS unit_id, u.name AS unit_name
       FROM evidence e CROSS JOIN checklist_evidence l ON l.evidence_id = e.id
       CROSS JOIN checklist_items i ON i.id = l.item_id JOIN units u ON u.id = i.unit_id
       WHERE e.blob_sha256 = ? AND e.deleted_at IS NULL AND i.period_id = ?`,
    ),
    // Only the files one unit holds (a single checklist needs no other hashes), found from
    // the unit's own evidence outward so the year's other items are never visited.
    holdersOfUnitFiles: db.prepare<[number, number], HolderRow>(
      `SELECT DISTINCT e.blob_sha256 AS sha256, u.id AS unit_id, u.name AS unit_name
       FROM evidence o CROSS JOIN evidence e ON e.blob_sha256 = o.blob_sha256
       CROSS JOIN checklist_evidence l ON l.evidence_id = e.id
       CROSS JOIN checklist_items i ON i.id = l.item_id JOIN units u ON u.id = i.unit_id
       WHERE o.unit_id = ? AND o.blob_sha256 IS NOT NULL AND e.deleted_at IS NULL AND i.period_id = ?`,
    ),
  };
}

function toHolders(rows: Array<{ sha256: string; unit_id: number; unit_name: string }>): Holders {
  const holders: Holders = new Map();
  for (const row of rows) {
    const list = holders.get(row.sha256) ?? [];
    list.push({ unitId: row.unit_id, unitName: row.unit_name });
    holders.set(row.sha256, list);
  }
  return holders;
}

/** Local calendar date of the injected clock (tests fix it). */
export function localToday(ctx: Pick<ServerContext, 'now'>): string {
  const now = ctx.now();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/**
 * Inputs for a year's flags. `shas` limits the shared-file lookup to a few files (one
 * requirement), `{ unitId }` to the files of one unit (its checklist); without either the
 * whole year is read once (every unit's checklist, a recap).
 */
export function evidenceFlags(ctx: ServerContext, period: { id: number; windowStart: string; windowEnd: string }, shas?: Iterable<string | null> | { unitId: number }): EvidenceFlags {
  const repo = memoFor(ctx.db, flagsRepository);
  const rows =
    shas === undefined
      ? repo.holdersOfPeriod.all(period.id)
      : 'unitId' in shas
        ? repo.holdersOfUnitFiles.all(shas.unitId, period.id)
        : [...new Set(shas)].flatMap((sha) => (sha ? repo.holdersOfBlob.all(sha, period.id) : []));
  return {
    windowStart: period.windowStart,
    windowEnd: period.windowEnd,
    referenceDate: expiryReferenceDate(localToday(ctx), period.windowEnd),
    maxAge: getMaxAgeMonths(ctx),
    holders: toHolders(rows),
  };
}

/** One evidence row as shown under a requirement of `kind` in the checklist of `unitId`. */
export function flagEvidence(base: Omit<LinkedEvidence, 'outsideWindow' | 'expired' | 'expiredReason' | 'sharedWith'>, row: Pick<EvidenceRow, 'document_date' | 'blob_sha256'>, kind: string, unitId: number, flags: EvidenceFlags): LinkedEvidence {
  const expiry = documentExpiry(row.document_date, {
    windowStart: flags.windowStart,
    windowEnd: flags.windowEnd,
    maxAgeMonths: maxAgeFor(kind, flags.maxAge),
    referenceDate: flags.referenceDate,
  });
  return {
    ...base,
    outsideWindow: isOutsideWindow(row.document_date, flags.windowStart, flags.windowEnd),
    expired: expiry.expired,
    expiredReason: expiry.reason,
    sharedWith: sharedWith(flags.holders, row.blob_sha256, unitId),
  };
}
