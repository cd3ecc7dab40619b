/**
 * The evidence rules an evaluator applies, written once. Every path that changes a
 * requirement's status (the Daftar Periksa screen, the API, the CLI, a returned form,
 * the evidence channels) calls these functions, so no path can be more lenient than
 * another and the renderer never has to mirror them.
 */
import type { EvidenceStatus } from './types';

// ---------------------------------------------------------------- verification needs evidence

export const EVIDENCE_REQUIRED_MESSAGE =
  'Persyaratan ini belum punya berkas atau tautan bukti, jadi belum dapat ditandai terverifikasi. ' +
  'Lampirkan dulu berkas atau tautan bukti dukungnya. Bila persyaratan ini memang tidak berlaku untuk unit ini, ' +
  'pilih status "Tidak berlaku" dan tuliskan alasannya.';

/** Why a status change is refused, or null when it is allowed. `evidenceCount` counts live files and links. */
export function statusChangeRefusal(target: EvidenceStatus, evidenceCount: number): string | null {
  if (target === 'terverifikasi' && evidenceCount === 0) return EVIDENCE_REQUIRED_MESSAGE;
  return null;
}

// ---------------------------------------------------------------- what evidence does to a status

export interface StatusMove {
  to: EvidenceStatus;
  /** The history line's "why", in Indonesian. */
  cause: string;
}

/**
 * A new file or link was added. Anything that was judged (verified, or sent back) must be
 * judged again on the new material; a requirement with nothing now waits for the office.
 */
export function statusAfterEvidenceAdded(current: EvidenceStatus): StatusMove | null {
  switch (current) {
    case 'belum_ada':
      return { to: 'menunggu_verifikasi', cause: 'bukti ditambahkan' };
    case 'perlu_perbaikan':
      return { to: 'menunggu_verifikasi', cause: 'bukti baru ditambahkan setelah diminta perbaikan; perlu diperiksa ulang' };
    case 'terverifikasi':
      return { to: 'menunggu_verifikasi', cause: 'bukti baru ditambahkan pada persyaratan yang sudah terverifikasi; perlu diverifikasi ulang' };
    default:
      return null;
  }
}

/** The last file or link was removed: a requirement cannot stay waiting or verified on nothing. */
export function statusAfterEvidenceRemoved(current: EvidenceStatus, remaining: number): StatusMove | null {
  if (remaining > 0) return null;
  if (current === 'menunggu_verifikasi') return { to: 'belum_ada', cause: 'bukti terakhir dilepas' };
  if (current === 'terverifikasi') return { to: 'belum_ada', cause: 'bukti terakhir dilepas; status terverifikasi tidak berlaku tanpa bukti' };
  return null;
}

// ---------------------------------------------------------------- kedaluwarsa

/** Kinds of requirement (what usually satisfies it); the office sets a maximum age per kind. */
export type RequirementKind = 'dokumen' | 'foto' | 'tautan' | 'data';
export const REQUIREMENT_KINDS: readonly RequirementKind[] = ['dokumen', 'foto', 'tautan', 'data'];
export const REQUIREMENT_KIND_LABELS: Record<RequirementKind, string> = {
  dokumen: 'Dokumen (SK, SOP, laporan)',
  foto: 'Foto',
  tautan: 'Tautan / tangkapan layar',
  data: 'Data',
};

/** Maximum document age in months per kind; null = no limit (no official value exists). */
export type MaxAgeMonths = Record<RequirementKind, number | null>;
export const NO_MAX_AGE: MaxAgeMonths = { dokumen: null, foto: null, tautan: null, data: null };

export function isRequirementKind(value: string): value is RequirementKind {
  return (REQUIREMENT_KINDS as readonly string[]).includes(value);
}

export interface ExpiryPolicy {
  /** The year's evidence window (inclusive ISO dates). */
  windowStart: string;
  windowEnd: string;
  /** Maximum age for this requirement's kind; null = none set. */
  maxAgeMonths: number | null;
  /** The day the age is measured at (see expiryReferenceDate). */
  referenceDate: string;
}

export interface Expiry {
  expired: boolean;
  /** Indonesian explanation when expired, e.g. "bertanggal 3 Feb 2023, di luar rentang …". */
  reason: string | null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

/** "2026-02-03" → "3 Feb 2026" (the app's date style; core cannot use the renderer's formatter). */
export function formatIsoDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${Number(day)} ${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

/** Calendar arithmetic on ISO dates; the day is clamped to the target month's length. */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const total = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(total / 12);
  const targetMonth = total - targetYear * 12 + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${String(targetYear).padStart(4, '0')}-${pad(targetMonth)}-${pad(Math.min(day, lastDay))}`;
}

/**
 * Age is measured today while the year is running, and at the window's end for a year
 * already over (so a closed year's checklist does not keep ageing).
 */
export function expiryReferenceDate(today: string, windowEnd: string): string {
  return today < windowEnd ? today : windowEnd;
}

/** Is one document kedaluwarsa? An unknown date (null) is never flagged: the UI says it is unknown. */
export function documentExpiry(documentDate: string | null, policy: ExpiryPolicy): Expiry {
  if (documentDate === null) return { expired: false, reason: null };
  const dated = `bertanggal ${formatIsoDate(documentDate)}`;
  if (documentDate < policy.windowStart || documentDate > policy.windowEnd) {
    return {
      expired: true,
      reason: `${dated}, di luar rentang tanggal dokumen tahun ini (${formatIsoDate(policy.windowStart)}–${formatIsoDate(policy.windowEnd)})`,
    };
  }
  if (policy.maxAgeMonths !== null && addMonths(documentDate, policy.maxAgeMonths) < policy.referenceDate) {
    return { expired: true, reason: `${dated}, lebih tua dari batas ${policy.maxAgeMonths} bulan untuk jenis bukti ini` };
  }
  return { expired: false, reason: null };
}

/** The policy of one requirement kind; kinds the office invented fall back to no age limit. */
export function maxAgeFor(kind: string, maxAge: MaxAgeMonths): number | null {
  return isRequirementKind(kind) ? maxAge[kind] : null;
}

// ---------------------------------------------------------------- the same file in several units

/**
 * Names of the other units holding a file, from the holders of each SHA-256 (one list of
 * units per file). Allowed, but flagged: a kecamatan and a puskesmas sending the same PDF
 * is something an evaluator asks about.
 */
export function sharedWith(holders: ReadonlyMap<string, ReadonlyArray<{ unitId: number; unitName: string }>>, sha256: string | null, unitId: number): string[] {
  if (sha256 === null) return [];
  const others = (holders.get(sha256) ?? []).filter((holder) => holder.unitId !== unitId).map((holder) => holder.unitName);
  return [...new Set(others)].sort((a, b) => a.localeCompare(b, 'id'));
}

/**
 * Still work to do on a requirement: not verified (and applicable), or holding a
 * kedaluwarsa document that must be renewed even though it was verified.
 */
export function needsWork(requirement: { status: EvidenceStatus; expired: boolean }): boolean {
  if (requirement.status === 'tidak_berlaku') return false;
  return requirement.status !== 'terverifikasi' || requirement.expired;
}
