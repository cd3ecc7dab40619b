/**
 * Open Ombudsman findings as gap items: each open finding that counts for the year is a
 * step the unit still has to take for "Tanpa Maladministrasi". Overdue first, then by
 * deadline (none last), so the list reads as a to-do list.
 */
import { findingCountsFor, isOverdue, type FindingFacts } from '../ombudsman/follow-up';

export interface FindingGapInput extends FindingFacts {
  id: number;
  text: string;
  kindLabel: string;
}

export interface FindingGap {
  findingId: number;
  text: string;
  kindLabel: string;
  sourceYear: number;
  deadline: string | null;
  overdue: boolean;
  action: string;
}

export function findingGaps(findings: readonly FindingGapInput[], year: number, today: string): FindingGap[] {
  return findings
    .filter((finding) => finding.status !== 'selesai' && findingCountsFor(finding, year))
    .map((finding) => ({
      findingId: finding.id,
      text: finding.text,
      kindLabel: finding.kindLabel,
      sourceYear: finding.sourceYear,
      deadline: finding.deadline,
      overdue: isOverdue(finding, today),
      action: finding.status === 'proses' ? 'Selesaikan tindak lanjut dan catat buktinya.' : 'Mulai tindak lanjut, lalu catat buktinya.',
    }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || a.findingId - b.findingId);
}
