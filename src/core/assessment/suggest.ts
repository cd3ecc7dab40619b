/**
 * Rubrics that count elements (unsur) suggest a level from the ticked elements; the
 * office can still choose another level, with a reason.
 */
import type { Elements } from '../instrument/schema';

export function suggestLevel(elements: Elements | undefined, ticked: readonly string[]): number | null {
  if (!elements) return null;
  const known = new Set(elements.items.map((item) => item.code));
  const chosen = new Set(ticked.filter((code) => known.has(code)));
  const base = elements.items.find((item) => item.base);
  if (base && !chosen.has(base.code)) return 0;
  let level = 0;
  elements.thresholds.forEach((minimum, index) => {
    if (chosen.size >= minimum) level = index + 1;
  });
  return level;
}

/** Human-readable rule for a threshold, e.g. "Tingkat 3: ≥ 3 unsur". */
export function thresholdText(elements: Elements): string[] {
  return elements.thresholds.map((minimum, index) => `Tingkat ${index + 1}: ≥ ${minimum} unsur`);
}
