/**
 * Letter numbers from the office's pattern (tata naskah dinas): classification code,
 * running number, unit code and year, e.g. "000.8/{n}/Org/{tahun}" → "000.8/12/Org/2026".
 */
import { romanMonth } from './dates';

export const DEFAULT_LETTER_PATTERN = '000.8/{n}/Org/{tahun}';

/** Null when the pattern is usable, otherwise the Indonesian reason. */
export function letterPatternProblem(pattern: string): string | null {
  if (!pattern.includes('{n}')) return 'Pola nomor surat harus memuat {n} (nomor urut), misalnya 000.8/{n}/Org/{tahun}.';
  const unknown = [...pattern.matchAll(/\{([^}]*)\}/gu)].map((match) => match[1]).filter((name) => !['n', 'tahun', 'bulan'].includes(name ?? ''));
  if (unknown.length > 0) return `Pola nomor surat memuat penanda yang tidak dikenal: {${unknown.join('}, {')}}. Gunakan {n}, {tahun}, {bulan}.`;
  return null;
}

/** {n} running number, {tahun} year, {bulan} month in Roman numerals (XI). */
export function formatLetterNumber(pattern: string, values: { n: number; year: number; isoDate: string }): string {
  return pattern
    .replaceAll('{n}', String(values.n))
    .replaceAll('{tahun}', String(values.year))
    .replaceAll('{bulan}', romanMonth(values.isoDate));
}

/** The series a pattern numbers: the pattern with its running number taken out. */
export function letterSeries(pattern: string): string {
  return pattern.trim();
}
