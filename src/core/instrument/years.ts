/**
 * Which years an instrument covers. `to: null` means still in force (until a new pedoman
 * replaces it). Using an instrument outside its years is allowed only when confirmed.
 */

export interface YearRange {
  yearsFrom: number;
  yearsTo: number | null;
}

export function coversYear(range: YearRange, year: number): boolean {
  return range.yearsFrom <= year && year <= (range.yearsTo ?? Number.POSITIVE_INFINITY);
}

/** Compare dotted versions numerically ("2022.10" after "2022.9"). */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const diff = (left[index] ?? 0) - (right[index] ?? 0);
    if (diff !== 0 && !Number.isNaN(diff)) return diff;
  }
  return a.localeCompare(b);
}

/** Per family, the newest instrument (latest start year, then highest version) covering `year`. */
export function newestCovering<T extends YearRange & { id: number; family: string; version: string }>(instruments: readonly T[], year: number): number[] {
  if (!Number.isInteger(year)) return [];
  const best = new Map<string, T>();
  for (const item of instruments) {
    if (!coversYear(item, year)) continue;
    const current = best.get(item.family);
    if (!current || item.yearsFrom > current.yearsFrom || (item.yearsFrom === current.yearsFrom && compareVersions(item.version, current.version) > 0)) {
      best.set(item.family, item);
    }
  }
  return [...best.values()].map((item) => item.id);
}

export function formatYearRange(range: YearRange): string {
  return range.yearsTo === null ? `${range.yearsFrom} dan seterusnya` : range.yearsFrom === range.yearsTo ? String(range.yearsFrom) : `${range.yearsFrom}–${range.yearsTo}`;
}
