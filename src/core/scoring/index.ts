/** Public API of the scoring engine (pure: no I/O, plain-data reports). */
export { bandFor, formatDecimal, formatNumber, formatPercent, round2, roundHalfUp, toBandRef } from './rounding';
export { pekpppIndex, scorePekppp, scoreLocalGovernment } from './pekppp';
export { scoreOmbudsman, scoreOmbudsmanLocalGovernment, TRUST_MISSING_NOTE } from './ombudsman';
export type * from './types';
export { currentLevels, scorePekpppViews, viewOf, VIEW_LABELS, type PekpppViews } from './views';
export { basisText, basisWords, summarizeView, viewLine, type ViewSummary } from './view-text';
