/** Progress of a set of requirement statuses; not-applicable ones are excluded. */
import type { EvidenceStatus, Progress } from './types';

const SUPPLIED: ReadonlySet<EvidenceStatus> = new Set(['menunggu_verifikasi', 'terverifikasi', 'perlu_perbaikan']);

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

export function progressOf(statuses: Iterable<EvidenceStatus>): Progress {
  let applicable = 0;
  let notApplicable = 0;
  let supplied = 0;
  let verified = 0;
  for (const status of statuses) {
    if (status === 'tidak_berlaku') {
      notApplicable += 1;
      continue;
    }
    applicable += 1;
    if (SUPPLIED.has(status)) supplied += 1;
    if (status === 'terverifikasi') verified += 1;
  }
  return {
    applicable,
    notApplicable,
    supplied,
    verified,
    percentSupplied: percent(supplied, applicable),
    percentVerified: percent(verified, applicable),
  };
}

/** Combine child progress values without recounting statuses. */
export function sumProgress(parts: Progress[]): Progress {
  const total = parts.reduce(
    (sum, part) => ({
      applicable: sum.applicable + part.applicable,
      notApplicable: sum.notApplicable + part.notApplicable,
      supplied: sum.supplied + part.supplied,
      verified: sum.verified + part.verified,
    }),
    { applicable: 0, notApplicable: 0, supplied: 0, verified: 0 },
  );
  return {
    ...total,
    percentSupplied: percent(total.supplied, total.applicable),
    percentVerified: percent(total.verified, total.applicable),
  };
}

/** A requirement still needs work: nothing supplied, waiting, or sent back. */
export function isGap(status: EvidenceStatus): boolean {
  return status !== 'terverifikasi' && status !== 'tidak_berlaku';
}

/** Is an ISO date inside [start, end] (inclusive)? Null dates are not flagged. */
export function isOutsideWindow(date: string | null, start: string, end: string): boolean {
  return date !== null && (date < start || date > end);
}
