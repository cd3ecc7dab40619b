/** Counting and wording shared by the PEKPPP views (mandiri, verifikasi, terkini). */
import { formatDecimal } from './rounding';
import type { PekpppBasis, PekpppCompleteness, PekpppIndicatorResult, PekpppReport, PekpppView, ScoreState } from './types';

export const VIEW_LABELS: Readonly<Record<PekpppView, string>> = Object.freeze({
  self: 'nilai mandiri',
  verified: 'nilai verifikasi',
  current: 'nilai terkini',
});

export function basisOf(scored: readonly PekpppIndicatorResult[]): PekpppBasis {
  let verified = 0;
  let selfOnly = 0;
  let unassessed = 0;
  for (const item of scored) {
    if (item.level === null) unassessed += 1;
    else if (item.source === 'verified') verified += 1;
    else selfOnly += 1;
  }
  return { verified, selfOnly, unassessed };
}

export function stateOf(completeness: Pick<PekpppCompleteness, 'assessed' | 'total'>): ScoreState {
  if (completeness.assessed === 0) return 'belum_dinilai';
  return completeness.assessed < completeness.total ? 'sementara' : 'lengkap';
}

/** The note that explains an incomplete view, in the words of that view. */
export function viewNote(view: PekpppView, completeness: PekpppCompleteness): string | null {
  const { assessed, total } = completeness;
  if (assessed === total) return null;
  if (assessed === 0) {
    return view === 'verified' ? 'Belum ada indikator yang diverifikasi.' : 'Belum ada indikator yang dinilai.';
  }
  const open = total - assessed;
  if (view === 'verified') {
    return `Verifikasi masih berjalan: ${assessed} dari ${total} indikator sudah diverifikasi; indeks dan kategori sementara (${open} indikator dihitung 0).`;
  }
  return `${assessed} dari ${total} indikator sudah dinilai; ${open} indikator belum dinilai dihitung 0, sehingga indeks dan kategori sementara.`;
}

/** "1–5, 7, 9–12": indicator numbers as ranges. */
export function numberRanges(numbers: readonly number[]): string {
  const sorted = [...numbers].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = sorted[0];
  let previous = start;
  for (const value of [...sorted.slice(1), Number.NaN]) {
    if (start === undefined || previous === undefined) break;
    if (value === previous + 1) {
      previous = value;
      continue;
    }
    parts.push(start === previous ? `${start}` : `${start}–${previous}`);
    start = value;
    previous = value;
  }
  return parts.join(', ');
}

/** "Nilai terkini: indikator 1–5 nilai verifikasi, 6–30 nilai mandiri." */
export function sourceLine(scored: readonly PekpppIndicatorResult[]): string {
  const group = (test: (item: PekpppIndicatorResult) => boolean) => numberRanges(scored.filter(test).map((item) => item.number));
  const parts = [
    [group((item) => item.source === 'verified'), 'nilai verifikasi'],
    [group((item) => item.level !== null && item.source === 'self'), 'nilai mandiri'],
    [group((item) => item.level === null), 'belum dinilai'],
  ]
    .filter(([numbers]) => numbers !== '')
    .map(([numbers, label]) => `${numbers} ${label}`);
  return `Nilai terkini: indikator ${parts.join(', ')}.`;
}

/** What a view rests on, in words: "5 diverifikasi, 25 mandiri" / "12 dari 30 indikator". */
export function basisText(report: Pick<PekpppReport, 'view' | 'basis' | 'completeness'>): string {
  const { assessed, total } = report.completeness;
  if (report.view !== 'current') return `${assessed} dari ${total} indikator`;
  return basisWords(report.basis);
}

/** "5 diverifikasi, 25 mandiri, 1 belum dinilai" (zero parts left out). */
export function basisWords({ verified, selfOnly, unassessed }: PekpppBasis): string {
  const parts = [
    verified > 0 ? `${verified} diverifikasi` : '',
    selfOnly > 0 ? `${selfOnly} mandiri` : '',
    unassessed > 0 ? `${unassessed} belum dinilai` : '',
  ].filter((part) => part !== '');
  return parts.join(', ');
}

export interface ViewSummary {
  /** "2,46", or "belum dinilai". */
  value: string;
  /** "C-", "C- (sementara)", or "" when not assessed. */
  category: string;
  /** "25 dari 30 indikator", "5 diverifikasi, 25 mandiri" — empty when complete and not terkini. */
  basis: string;
  assessed: boolean;
}

/** One view of a unit as the text every host prints (CLI, Excel, letters). */
export function summarizeView(report: PekpppReport | null): ViewSummary {
  if (!report || report.index === null) return { value: 'belum dinilai', category: '', basis: '', assessed: false };
  const band = report.band;
  const category = band ? `${band.code}${band.provisional ? ' (sementara)' : ''}` : '';
  const basis = report.view === 'current' || report.state !== 'lengkap' ? basisText(report) : '';
  return { value: formatDecimal(report.index, report.scale.decimals), category, basis, assessed: true };
}

/** "nilai terkini 2,46 C- (sementara) · 5 diverifikasi, 25 mandiri" / "nilai terkini: belum dinilai". */
export function viewLine(report: PekpppReport | null, view: PekpppView): string {
  const summary = summarizeView(report);
  if (!summary.assessed) return `${VIEW_LABELS[view]}: belum dinilai`;
  return [`${VIEW_LABELS[view]} ${summary.value} ${summary.category}`.trim(), summary.basis].filter((part) => part !== '').join(' · ');
}
