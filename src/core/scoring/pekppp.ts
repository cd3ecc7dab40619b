/**
 * PEKPPP (KemenPANRB) unit index: IPP = Σ_aspect w_a × Σ_indicator w_i × level, on 0–5.
 * Weights are percents; products are kept as integer sums divided once at the end so the
 * exact index of integer weights carries no float noise. Unassessed levels count as 0
 * (that is what an evaluator would give for missing evidence) but are listed as such.
 */
import type { Aspect, Indicator, InstrumentDefinition } from '../instrument/schema';
import { aspectMeans, bandOnScale, describeBand, distributionOf, instrumentRef, indicatorCodes, scaleInfo, sum, withDerivation } from './common';
import { formatDecimal, formatPercent, mean, roundHalfUp } from './rounding';
import { VIEW_LABELS, basisOf, sourceLine, stateOf, viewNote } from './view-text';
import type {
  LevelSource,
  PekpppAspectResult,
  PekpppIndicatorResult,
  PekpppLevels,
  PekpppLocalGovernmentReport,
  PekpppReport,
  PekpppView,
  UnitReportEntry,
} from './types';

/** Levels are integers 0..levelCount-1; anything else is reported and treated as unassessed. */
function readLevel(levels: PekpppLevels, indicator: Indicator, maxLevel: number, notes: string[]): number | null {
  const raw = levels[indicator.code];
  if (raw === null || raw === undefined) return null;
  if (!Number.isInteger(raw) || raw < 0 || raw > maxLevel) {
    notes.push(`Tingkat indikator ${indicator.number} "${indicator.name}" tidak valid (${raw}); dianggap belum dinilai.`);
    return null;
  }
  return raw;
}

function scoreIndicator(aspect: Aspect, indicator: Indicator, level: number | null, source: LevelSource | null): PekpppIndicatorResult {
  const scored = aspect.weight > 0 && indicator.weight > 0;
  const exact = scored ? (aspect.weight * indicator.weight * (level ?? 0)) / 10000 : 0;
  return {
    code: indicator.code,
    number: indicator.number,
    name: indicator.name,
    weight: indicator.weight,
    level,
    source: level === null ? null : source,
    levelText: level === null ? null : (indicator.levels?.[level] ?? null),
    statusLabel: level === null ? 'belum dinilai' : `Tingkat ${level}`,
    scored,
    contribution: roundHalfUp(exact, 4),
    contributionExact: exact,
  };
}

function scoreAspect(aspect: Aspect, levels: PekpppLevels, maxLevel: number, notes: string[], sourceOf: (code: string) => LevelSource): PekpppAspectResult {
  const indicators = aspect.indicators.map((indicator) =>
    scoreIndicator(aspect, indicator, readLevel(levels, indicator, maxLevel, notes), sourceOf(indicator.code)),
  );
  const scored = aspect.weight > 0;
  // Σ w_i × level stays an integer for integer weights; divide once.
  const weightedLevels = sum(indicators.map((item) => item.weight * (item.level ?? 0)));
  const indexExact = weightedLevels / 100;
  const contributionExact = scored ? (aspect.weight * weightedLevels) / 10000 : 0;
  const counted = scored ? indicators.filter((item) => item.scored) : indicators;
  return {
    code: aspect.code,
    name: aspect.name,
    weight: aspect.weight,
    scored,
    index: roundHalfUp(indexExact, 2),
    indexExact,
    contribution: roundHalfUp(contributionExact, 2),
    contributionExact,
    assessedCount: counted.filter((item) => item.level !== null).length,
    totalCount: counted.length,
    indicators,
  };
}

function levelTerm(item: PekpppIndicatorResult): string {
  const base = `${formatPercent(item.weight)} × ${item.level ?? 0}`;
  return item.level === null ? `${base} (belum dinilai)` : base;
}

function aspectLine(label: string, aspect: PekpppAspectResult): string {
  const head = `${label} ${aspect.name} (${formatPercent(aspect.weight)})`;
  if (!aspect.scored) {
    const levels = aspect.indicators.map((item) => `indikator ${item.number} ${item.statusLabel.toLowerCase()}`);
    return `${head}: dilaporkan, tidak dihitung dalam indeks (${levels.join('; ')}).`;
  }
  const terms = aspect.indicators.filter((item) => item.scored).map(levelTerm);
  const unscored = aspect.indicators.filter((item) => !item.scored).map((item) => item.number);
  const extra = unscored.length > 0 ? ` (indikator ${unscored.join(', ')} berbobot 0%: dilaporkan, tidak dihitung)` : '';
  return `${head}: ${terms.join(' + ')} = ${formatDecimal(aspect.indexExact, 2)} → kontribusi ${formatDecimal(aspect.contributionExact, 2)}${extra}`;
}

function totalLine(report: Pick<PekpppReport, 'aspects' | 'indexExact' | 'band' | 'scale' | 'state'>): string {
  if (report.state === 'belum_dinilai') return 'Indeks unit: belum dinilai (belum ada indikator yang diberi tingkat).';
  const parts = report.aspects.filter((aspect) => aspect.scored).map((aspect) => formatDecimal(aspect.contributionExact, 4));
  const decimals = report.scale.decimals;
  const provisional = report.band?.provisional ? ' (sementara)' : '';
  return `Indeks unit = ${parts.join(' + ')} = ${formatDecimal(report.indexExact, 4)} ≈ ${formatDecimal(report.indexExact, decimals)} → kategori ${describeBand(report.band)}${provisional}`;
}

function unknownCodeNotes(definition: InstrumentDefinition, levels: PekpppLevels): string[] {
  const known = indicatorCodes(definition);
  return Object.keys(levels)
    .filter((code) => !known.has(code))
    .map((code) => `Tingkat untuk kode indikator "${code}" yang tidak ada di instrumen ini diabaikan.`);
}

export interface ScorePekpppOptions {
  /** Which levels these are (default: the unit's own, *mandiri*). */
  view?: PekpppView;
  /** Source per indicator code for the *terkini* view; otherwise derived from the view. */
  sources?: Readonly<Record<string, LevelSource>>;
}

/** Score one unit on a level-scored (PEKPPP) instrument, for one view of its levels. */
export function scorePekppp(definition: InstrumentDefinition, levels: PekpppLevels, options: ScorePekpppOptions = {}): PekpppReport {
  if (definition.scoring.kind !== 'levels') {
    throw new Error(`Instrumen "${definition.code}" bukan instrumen bertingkat 0–5 (PEKPPP).`);
  }
  const view = options.view ?? 'self';
  const fixed: LevelSource = view === 'verified' ? 'verified' : 'self';
  const sources = options.sources;
  const sourceOf = (code: string): LevelSource => sources?.[code] ?? fixed;
  const maxLevel = definition.scoring.levelCount - 1;
  const notes: string[] = [];
  const aspects = definition.aspects.map((aspect) => scoreAspect(aspect, levels, maxLevel, notes, sourceOf));
  notes.push(...unknownCodeNotes(definition, levels));
  const scale = scaleInfo(definition);
  const indexExact = sum(aspects.map((aspect) => aspect.contributionExact));
  const scoredIndicators = aspects.filter((aspect) => aspect.scored).flatMap((aspect) => aspect.indicators.filter((item) => item.scored));
  const missing = scoredIndicators.filter((item) => item.level === null);
  const total = scoredIndicators.length;
  const completeness = {
    assessed: total - missing.length,
    total,
    percent: total === 0 ? 0 : roundHalfUp(((total - missing.length) / total) * 100, 1),
    complete: missing.length === 0,
    missing: missing.map(({ code, number, name }) => ({ code, number, name })),
  };
  const basis = basisOf(scoredIndicators);
  const state = stateOf(completeness);
  const plainBand = state === 'belum_dinilai' ? null : bandOnScale(indexExact, scale);
  const band = plainBand ? { ...plainBand, provisional: state === 'sementara' } : null;
  const note = viewNote(view, completeness);
  if (note) notes.push(note);
  const base = { aspects, indexExact, band, scale, state };
  const report = {
    kind: 'pekppp' as const,
    view,
    viewLabel: VIEW_LABELS[view],
    state,
    instrument: instrumentRef(definition),
    scale,
    index: state === 'belum_dinilai' ? null : roundHalfUp(indexExact, scale.decimals),
    indexExact,
    band,
    basis,
    completeness,
    aspects,
    notes,
  };
  return withDerivation(report, () => [
    ...(view === 'current' ? [sourceLine(scoredIndicators)] : []),
    ...aspects.map((aspect) => aspectLine(definition.aspectLabel, aspect)),
    totalLine(base),
  ]);
}

/**
 * Only the index of one view (null while nothing is assessed), for lists that show a
 * number and nothing else (the dashboard's mandiri and verifikasi columns for 300 units).
 * The same arithmetic as scorePekppp — integer Σ w_i × level per aspect, weighted by the
 * aspect, divided once, rounded half up to the scale — without building the report;
 * tests hold the two equal.
 */
export function pekpppIndex(definition: InstrumentDefinition, levels: PekpppLevels): number | null {
  if (definition.scoring.kind !== 'levels') throw new Error(`Instrumen "${definition.code}" bukan instrumen bertingkat 0–5 (PEKPPP).`);
  const maxLevel = definition.scoring.levelCount - 1;
  let indexExact = 0;
  let assessed = 0;
  for (const aspect of definition.aspects) {
    let weightedLevels = 0;
    for (const indicator of aspect.indicators) {
      const raw = levels[indicator.code];
      const level = raw === null || raw === undefined || !Number.isInteger(raw) || raw < 0 || raw > maxLevel ? null : raw;
      weightedLevels += indicator.weight * (level ?? 0);
      if (level !== null && aspect.weight > 0 && indicator.weight > 0) assessed += 1;
    }
    if (aspect.weight > 0) indexExact += (aspect.weight * weightedLevels) / 10000;
  }
  return assessed === 0 ? null : roundHalfUp(indexExact, scaleInfo(definition).decimals);
}

/**
 * Local-government index = mean of the units' published (rounded) indexes, so the figure
 * can be re-computed by hand from the recap table. Units with no level at all are left
 * out of the mean and listed; the category is provisional while any unit is unfinished.
 */
export function scoreLocalGovernment(
  entries: ReadonlyArray<UnitReportEntry<PekpppReport>>,
  view: PekpppView = entries[0]?.report.view ?? 'current',
): PekpppLocalGovernmentReport {
  const included = entries.filter((entry) => entry.report.index !== null);
  const unassessedUnits = entries.filter((entry) => entry.report.index === null).map((entry) => entry.unitName);
  const reports = included.map((entry) => entry.report);
  const exact = mean(reports.map((report) => report.index!));
  const scale = entries[0]?.report.scale;
  const decimals = scale?.decimals ?? 2;
  const incompleteUnits = included.filter((entry) => entry.report.state !== 'lengkap').map((entry) => entry.unitName);
  const plainBand = exact === null || !scale ? null : bandOnScale(exact, scale);
  const band = plainBand ? { ...plainBand, provisional: incompleteUnits.length > 0 || unassessedUnits.length > 0 } : null;
  const units = entries.map((entry) => ({
    unitId: entry.unitId,
    unitName: entry.unitName,
    value: entry.report.index,
    band: entry.report.band,
    state: entry.report.state,
  }));
  const aspects = aspectMeans(reports.map((report) => report.aspects.map((aspect) => ({ code: aspect.code, name: aspect.name, weight: aspect.weight, value: aspect.index }))));
  const derivation =
    exact === null
      ? ['Belum ada unit yang dinilai.']
      : [
          `Indeks pemda (${VIEW_LABELS[view]}) = rata-rata ${included.length} unit = (${reports.map((r) => formatDecimal(r.index!, decimals)).join(' + ')}) ÷ ${included.length} = ${formatDecimal(exact, decimals)} → kategori ${describeBand(band)}${band?.provisional ? ' (sementara)' : ''}`,
          ...(unassessedUnits.length > 0 ? [`${unassessedUnits.length} unit belum dinilai dan tidak dihitung: ${unassessedUnits.join(', ')}.`] : []),
        ];
  return {
    kind: 'pekppp-pemda',
    view,
    viewLabel: VIEW_LABELS[view],
    unitCount: included.length,
    index: exact === null ? null : roundHalfUp(exact, decimals),
    indexExact: exact,
    band,
    aspects,
    distribution: scale ? distributionOf(scale, units) : [],
    incompleteUnits,
    unassessedUnits,
    units,
    derivation,
  };
}
