/** Layout rules for tables grouped by unit group: letters, numbering per group, averages. */
import { mean, roundHalfUp } from '../scoring/rounding';

export interface Grouped<T> {
  /** "A", "B", … in the order groups first appear. */
  letter: string;
  name: string;
  items: T[];
}

/** "A".."Z", then "AA".. — enough for any number of groups. */
export function groupLetter(index: number): string {
  let result = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) result = String.fromCharCode(65 + ((n - 1) % 26)) + result;
  return result;
}

/** Items split by group, groups and items keeping their incoming order. */
export function groupInOrder<T>(items: readonly T[], groupOf: (item: T) => string): Grouped<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(groupOf(item), [...(groups.get(groupOf(item)) ?? []), item]);
  return [...groups.entries()].map(([name, members], index) => ({ letter: groupLetter(index), name, items: members }));
}

/**
 * Mean of the values that exist, rounded half up like every printed index; null when
 * none exists — an average of nothing is shown as "–", never as 0.
 */
export function meanOfPresent(values: ReadonlyArray<number | null | undefined>, decimals = 2): number | null {
  const present = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
  const value = mean(present);
  return value === null ? null : roundHalfUp(value, decimals);
}
