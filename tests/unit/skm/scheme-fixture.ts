import fs from 'node:fs';
import path from 'node:path';
import { validateSkmScheme, type SkmScheme, type SkmTally } from '../../../src/core/skm';
import { RESOURCES } from '../helpers';

export function shippedScheme(): SkmScheme {
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(RESOURCES, 'skm', 'permenpanrb-14-2017.json'), 'utf8'));
  const checked = validateSkmScheme(raw);
  if (!checked.ok) throw new Error(checked.problems.join('\n'));
  return checked.scheme;
}

export function rawScheme(): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(RESOURCES, 'skm', 'permenpanrb-14-2017.json'), 'utf8')) as Record<string, unknown>;
}

/**
 * A tally where every unsur was answered by `respondents` people with the given sum,
 * made of 3s and 4s (or 1s and 2s below the midpoint) so the sum is exact.
 */
export function tallyWithSums(respondents: number, sums: number[]): SkmTally {
  return {
    respondents,
    counts: sums.map((sum) => {
      if (sum >= 3 * respondents) return [0, 0, 4 * respondents - sum, sum - 3 * respondents];
      if (sum >= 2 * respondents) return [0, 3 * respondents - sum, sum - 2 * respondents, 0];
      return [2 * respondents - sum, sum - respondents, 0, 0];
    }),
  };
}

/** A tally from answer rows (null = unsur left blank). */
export function tallyFromRows(rows: Array<Array<number | null>>): SkmTally {
  const counts = Array.from({ length: 9 }, () => [0, 0, 0, 0]);
  for (const row of rows) row.forEach((value, u) => value !== null && (counts[u]![value - 1]! += 1));
  return { respondents: rows.length, counts };
}
