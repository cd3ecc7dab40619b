/**
 * Rules of the Ombudsman 2025– inputs that documents alone do not show: the follow-up
 * of earlier findings (temuan, saran/tindakan korektif, rekomendasi) and the survey
 * tracker of each service product. Pure: every path that changes them (UI, API, CLI)
 * calls these, and the screens show the answers.
 */

export const FINDING_KINDS = ['temuan', 'saran', 'rekomendasi'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];
export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  temuan: 'Temuan (LAHP/LHA)',
  saran: 'Saran / tindakan korektif',
  rekomendasi: 'Rekomendasi',
};

export const FINDING_STATUSES = ['belum', 'proses', 'selesai'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = {
  belum: 'Belum ditindaklanjuti',
  proses: 'Dalam proses',
  selesai: 'Selesai',
};

export interface FindingFacts {
  sourceYear: number;
  status: FindingStatus;
  deadline: string | null;
  evidence: string;
}

/** Why a finding cannot be saved as it is, or null. */
export function findingProblem(finding: FindingFacts, periodYear: number | null): string | null {
  if (finding.status === 'selesai' && finding.evidence.trim() === '') {
    return 'Temuan hanya dapat ditandai selesai bila bukti tindak lanjut diisi (tautan dokumen atau uraian singkat), karena Ombudsman menilai dari bukti itu.';
  }
  if (periodYear !== null && finding.sourceYear > periodYear) {
    return `Tahun asal temuan (${finding.sourceYear}) tidak boleh setelah tahun penilaian ${periodYear}.`;
  }
  return null;
}

/** A finding counts for a year's readiness when it was known by then (source year ≤ year). */
export function findingCountsFor(finding: Pick<FindingFacts, 'sourceYear'>, periodYear: number): boolean {
  return finding.sourceYear <= periodYear;
}

export function isOverdue(finding: Pick<FindingFacts, 'status' | 'deadline'>, today: string): boolean {
  return finding.status !== 'selesai' && finding.deadline !== null && finding.deadline < today;
}

export interface FollowUpSummary {
  total: number;
  open: number;
  inProgress: number;
  done: number;
  overdue: number;
  /** Every counted finding closed — the condition for "Tanpa Maladministrasi". */
  allClosed: boolean;
}

export function summarizeFindings(findings: readonly FindingFacts[], today: string): FollowUpSummary {
  const open = findings.filter((finding) => finding.status !== 'selesai');
  return {
    total: findings.length,
    open: open.length,
    inProgress: findings.filter((finding) => finding.status === 'proses').length,
    done: findings.length - open.length,
    overdue: open.filter((finding) => isOverdue(finding, today)).length,
    allClosed: findings.length > 0 && open.length === 0,
  };
}

export interface SurveyFacts {
  targetRespondents: number | null;
  gathered: number;
  contactsRequired: number | null;
  contactsCount: number;
  surveyLink: string;
  contactsEvidence: string;
}

export interface SurveyProgress {
  /** 0..1 of the target; null while no target is set. */
  respondentsShare: number | null;
  respondentsMet: boolean;
  respondentsMissing: number | null;
  contactsMet: boolean;
  contactsMissing: number | null;
  /** The list is only counted when the office recorded where it is kept. */
  contactsEvidenced: boolean;
  hasLink: boolean;
  /** Respondents and contacts both met, and the contact list is evidenced. */
  ready: boolean;
  notes: string[];
}

export function surveyProgress(survey: SurveyFacts): SurveyProgress {
  const notes: string[] = [];
  const target = survey.targetRespondents;
  const required = survey.contactsRequired;
  const respondentsMet = target !== null && survey.gathered >= target;
  const contactsMet = required !== null && survey.contactsCount >= required;
  const contactsEvidenced = survey.contactsEvidence.trim() !== '';
  if (target === null) notes.push('Target responden belum ditetapkan.');
  else if (!respondentsMet) notes.push(`Kurang ${target - survey.gathered} responden dari target ${target}.`);
  if (required === null) notes.push('Jumlah kontak pengguna minimal belum ditetapkan.');
  else if (!contactsMet) notes.push(`Daftar kontak pengguna kurang ${required - survey.contactsCount} dari ${required}.`);
  if (contactsMet && !contactsEvidenced) notes.push('Catat di mana daftar kontak pengguna disimpan (tautan atau uraian) sebagai bukti.');
  if (survey.surveyLink.trim() === '') notes.push('Tautan/QR survei untuk pengguna belum diisi.');
  return {
    respondentsShare: target === null ? null : Math.min(1, survey.gathered / target),
    respondentsMet,
    respondentsMissing: target === null ? null : Math.max(0, target - survey.gathered),
    contactsMet,
    contactsMissing: required === null ? null : Math.max(0, required - survey.contactsCount),
    contactsEvidenced,
    hasLink: survey.surveyLink.trim() !== '',
    ready: respondentsMet && contactsMet && contactsEvidenced,
    notes,
  };
}

/**
 * Mean of the survey results the office entered per product (Kepercayaan Masyarakat or
 * persepsi maladministrasi), two decimals; null while none is entered. Shown as a
 * suggestion next to the unit's entered value, never used as a score by itself.
 */
export function enteredMean(values: ReadonlyArray<number | null>): number | null {
  const entered = values.filter((value): value is number => value !== null);
  if (entered.length === 0) return null;
  const mean = entered.reduce((total, value) => total + value, 0) / entered.length;
  return Math.round((mean + Number.EPSILON) * 100) / 100;
}
