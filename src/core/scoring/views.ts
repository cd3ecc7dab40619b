/**
 * The three views of a unit's PEKPPP levels. *Nilai terkini* takes, per indicator, the
 * office's verified level where there is one, else the unit's own level: while
 * verification runs it is the honest single number (an unverified indicator is not a 0).
 */
import type { InstrumentDefinition } from '../instrument/schema';
import { scorePekppp } from './pekppp';
import type { LevelSource, PekpppLevels, PekpppReport, PekpppView } from './types';

export { VIEW_LABELS } from './view-text';

export interface PekpppViews {
  self: PekpppReport;
  verified: PekpppReport;
  /** Null when the unit has no level at all (*belum dinilai*). */
  current: PekpppReport | null;
}

const isLevel = (value: number | null | undefined): value is number => value !== null && value !== undefined;

/** Per indicator: the verified level where there is one, else the unit's own. */
export function currentLevels(
  definition: InstrumentDefinition,
  self: PekpppLevels,
  verified: PekpppLevels,
): { levels: PekpppLevels; sources: Record<string, LevelSource> } {
  const levels: PekpppLevels = {};
  const sources: Record<string, LevelSource> = {};
  for (const aspect of definition.aspects) {
    for (const indicator of aspect.indicators) {
      const checked = verified[indicator.code];
      const own = self[indicator.code];
      if (isLevel(checked)) {
        levels[indicator.code] = checked;
        sources[indicator.code] = 'verified';
      } else if (isLevel(own)) {
        levels[indicator.code] = own;
        sources[indicator.code] = 'self';
      }
    }
  }
  return { levels, sources };
}

/** Score all three views of one unit from its self and verified levels. */
export function scorePekpppViews(definition: InstrumentDefinition, self: PekpppLevels, verified: PekpppLevels): PekpppViews {
  const current = currentLevels(definition, self, verified);
  const currentReport = scorePekppp(definition, current.levels, { view: 'current', sources: current.sources });
  return {
    self: scorePekppp(definition, self, { view: 'self' }),
    verified: scorePekppp(definition, verified, { view: 'verified' }),
    current: currentReport.state === 'belum_dinilai' ? null : currentReport,
  };
}

/** A view of a unit by name (dashboards, exports and the CLI pick one). */
export function viewOf(views: PekpppViews, view: PekpppView): PekpppReport | null {
  return view === 'current' ? views.current : views[view];
}
