/** Evidence status vocabulary and progress shape (core owns them; shared re-exports). */
export type EvidenceStatus = 'belum_ada' | 'menunggu_verifikasi' | 'terverifikasi' | 'perlu_perbaikan' | 'tidak_berlaku';

export const EVIDENCE_STATUSES: readonly EvidenceStatus[] = [
  'belum_ada',
  'menunggu_verifikasi',
  'terverifikasi',
  'perlu_perbaikan',
  'tidak_berlaku',
];

export const EVIDENCE_STATUS_LABELS: Record<EvidenceStatus, string> = {
  belum_ada: 'Belum ada',
  menunggu_verifikasi: 'Menunggu verifikasi',
  terverifikasi: 'Terverifikasi',
  perlu_perbaikan: 'Perlu perbaikan',
  tidak_berlaku: 'Tidak berlaku',
};

export interface Progress {
  /** Requirements counted (not-applicable excluded). */
  applicable: number;
  notApplicable: number;
  /** Something supplied: waiting, verified or needing repair. */
  supplied: number;
  verified: number;
  percentSupplied: number;
  percentVerified: number;
}
