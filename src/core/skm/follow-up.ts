/**
 * The follow-up plan (RTL) feeds PEKPPP indicator 8 ("persentase RTL hasil SKM yang
 * selesai"). The level thresholds are the rubric's, shipped in the scheme data; the
 * result is a suggestion the office can adopt in Penilaian Mandiri, never written silently.
 */
import type { SkmScheme } from './scheme';
import { roundHalfUp } from '../scoring/rounding';

export interface FollowUpSuggestion {
  indicatorNumber: number;
  total: number;
  done: number;
  /** 0–100, one decimal; null when there is no plan. */
  percent: number | null;
  level: number;
  label: string;
}

export function suggestFollowUpLevel(scheme: SkmScheme, total: number, done: number): FollowUpSuggestion {
  const { indicatorNumber, noPlanLevel, levels } = scheme.followUp;
  if (total <= 0) return { indicatorNumber, total: 0, done: 0, percent: null, level: noPlanLevel, label: 'Belum ada RTL' };
  const exact = (Math.min(done, total) / total) * 100;
  const found = levels.find((item) => (item.inclusive ? exact <= item.maxPercent + 1e-9 : exact < item.maxPercent - 1e-9)) ?? levels[levels.length - 1]!;
  return { indicatorNumber, total, done: Math.min(done, total), percent: roundHalfUp(exact, 1), level: found.level, label: found.label };
}
