/**
 * Ombudsman RI readiness estimate. The assessors' item sheets are not public, so the app
 * estimates each indicator by the share of its (effective) requirements that are
 * verified, weights indicators inside a dimension and dimensions into 0–100, and, from
 * 2025, combines that with the Kepercayaan Masyarakat survey. Every output is labelled
 * "estimasi kesiapan". The requirement list comes from the caller because an office may
 * add or hide requirements per unit and year; the definition's list is only a template.
 */
import { EVIDENCE_STATUSES, EVIDENCE_STATUS_LABELS } from '../checklist/types';
import type { FollowUpSummary } from '../ombudsman/follow-up';
import type { Aspect, Indicator, InstrumentDefinition } from '../instrument/schema';
import { aspectMeans, bandOnScale, describeBand, distributionOf, instrumentRef, indicatorCodes, scaleInfo, sum, withDerivation } from './common';
import { formatDecimal, formatNumber, formatPercent, mean, roundHalfUp } from './rounding';
import type {
  EvidenceStatus,
  OmbudsmanAspectResult,
  OmbudsmanIndicatorResult,
  OmbudsmanLocalGovernmentReport,
  OmbudsmanOptions,
  OmbudsmanReport,
  OmbudsmanRequirementInput,
  OmbudsmanRequirementResult,
  OmbudsmanTrustInfo,
  UnitReportEntry,
} from './types';

export const TRUST_MISSING_NOTE = 'Nilai Kepercayaan Masyarakat belum diisi';

type RequirementsScoring = Extract<InstrumentDefinition['scoring'], { kind: 'requirements' }>;

function requirementsScoring(definition: InstrumentDefinition): RequirementsScoring {
  if (definition.scoring.kind !== 'requirements') {
    throw new Error(`Instrumen "${definition.code}" bukan instrumen berbasis bukti dukung (Ombudsman).`);
  }
  return definition.scoring;
}

function toResult(input: OmbudsmanRequirementInput): OmbudsmanRequirementResult {
  return {
    indicatorCode: input.indicatorCode,
    code: input.code,
    text: input.text,
    status: input.status,
    statusLabel: EVIDENCE_STATUS_LABELS[input.status],
    verified: input.status === 'terverifikasi',
    applicable: input.status !== 'tidak_berlaku',
  };
}

function groupByIndicator(definition: InstrumentDefinition, requirements: readonly OmbudsmanRequirementInput[], notes: string[]) {
  const known = indicatorCodes(definition);
  const grouped = new Map<string, OmbudsmanRequirementResult[]>();
  for (const requirement of requirements) {
    if (!known.has(requirement.indicatorCode)) {
      notes.push(`Bukti dukung "${requirement.code}" merujuk indikator "${requirement.indicatorCode}" yang tidak ada di instrumen ini; diabaikan.`);
      continue;
    }
    const list = grouped.get(requirement.indicatorCode) ?? [];
    list.push(toResult(requirement));
    grouped.set(requirement.indicatorCode, list);
  }
  return grouped;
}

function exclusionReason(indicator: Indicator, requirements: OmbudsmanRequirementResult[], applicable: number): string | null {
  if (indicator.weight <= 0) return 'berbobot 0%';
  if (requirements.length === 0) return 'tidak ada bukti dukung yang ditetapkan';
  if (applicable === 0) return 'semua bukti dukung tidak berlaku';
  return null;
}

function scoreIndicator(indicator: Indicator, requirements: OmbudsmanRequirementResult[]): OmbudsmanIndicatorResult {
  let applicableCount = 0;
  let verifiedCount = 0;
  for (const item of requirements) {
    if (item.applicable) applicableCount += 1;
    if (item.verified) verifiedCount += 1;
  }
  const reason = exclusionReason(indicator, requirements, applicableCount);
  const share = applicableCount > 0 ? verifiedCount / applicableCount : null;
  return {
    code: indicator.code,
    number: indicator.number,
    name: indicator.name,
    weight: indicator.weight,
    included: reason === null,
    exclusionReason: reason,
    effectiveWeight: 0,
    applicableCount,
    verifiedCount,
    share,
    score: share === null ? null : roundHalfUp(share * 100, 2),
    requirements,
  };
}

/** Dimension score before its weight among dimensions is known; contribution is set later. */
function scoreDimension(aspect: Aspect, grouped: Map<string, OmbudsmanRequirementResult[]>): OmbudsmanAspectResult {
  const indicators = aspect.indicators.map((indicator) => scoreIndicator(indicator, grouped.get(indicator.code) ?? []));
  const included = indicators.filter((item) => item.included);
  // Excluded indicators drop out of the divisor: their weight is redistributed pro rata.
  const includedWeight = sum(included.map((item) => item.weight));
  for (const item of included) item.effectiveWeight = roundHalfUp((item.weight / includedWeight) * 100, 2);
  const usable = aspect.weight > 0 && includedWeight > 0;
  const scoreExact = usable ? (sum(included.map((item) => item.weight * (item.share ?? 0))) * 100) / includedWeight : null;
  let reason: string | null = null;
  if (aspect.weight <= 0) reason = 'berbobot 0%';
  else if (!usable) reason = 'tidak ada indikator dengan bukti dukung yang berlaku';
  return {
    code: aspect.code,
    name: aspect.name,
    weight: aspect.weight,
    included: usable,
    exclusionReason: reason,
    score: scoreExact === null ? null : roundHalfUp(scoreExact, 2),
    scoreExact,
    contribution: 0,
    contributionExact: 0,
    applicableCount: sum(indicators.map((item) => item.applicableCount)),
    verifiedCount: sum(indicators.map((item) => item.verifiedCount)),
    indicators,
  };
}

function dimensionLine(label: string, aspect: OmbudsmanAspectResult): string {
  const head = `${label} ${aspect.name} (${formatPercent(aspect.weight)})`;
  if (!aspect.included) return `${head}: dikecualikan (${aspect.exclusionReason}); bobotnya dibagi ke ${label.toLowerCase()} lain.`;
  const included = aspect.indicators.filter((item) => item.included);
  const terms = included.map((item) => `${formatNumber(item.weight)} × ${item.verifiedCount}/${item.applicableCount}`);
  const divisor = sum(included.map((item) => item.weight));
  const line = `${head}: (${terms.join(' + ')}) ÷ ${formatNumber(divisor)} × 100 = ${formatDecimal(aspect.scoreExact ?? 0, 2)} → kontribusi ${formatDecimal(aspect.contributionExact, 2)}`;
  const excluded = aspect.indicators.filter((item) => !item.included);
  if (excluded.length === 0) return line;
  const names = excluded.map((item) => `indikator ${item.number} "${item.name}" (${item.exclusionReason})`);
  const total = formatNumber(sum(aspect.indicators.map((item) => item.weight)));
  return `${line}. Dikecualikan: ${names.join('; ')}; bobotnya dibagi ke indikator lain dalam ${label.toLowerCase()} ini (pembagi ${formatNumber(divisor)}, bukan ${total}).`;
}

/** Weight the usable dimensions; excluded dimensions' weight is redistributed pro rata. */
function combineDimensions(aspects: OmbudsmanAspectResult[]): number {
  const included = aspects.filter((aspect) => aspect.included);
  const weightSum = sum(included.map((aspect) => aspect.weight));
  if (weightSum === 0) return 0;
  for (const aspect of included) {
    aspect.contributionExact = (aspect.weight * (aspect.scoreExact ?? 0)) / weightSum;
    aspect.contribution = roundHalfUp(aspect.contributionExact, 2);
  }
  return sum(included.map((aspect) => aspect.contributionExact));
}

function readTrust(scoring: RequirementsScoring, options: OmbudsmanOptions, notes: string[]): OmbudsmanTrustInfo | null {
  const raw = options.trust;
  if (!scoring.trust) {
    if (raw !== null && raw !== undefined) notes.push('Instrumen ini tidak memakai nilai kepercayaan masyarakat; nilai yang diisi diabaikan.');
    return null;
  }
  const valid = typeof raw === 'number' && Number.isFinite(raw) && raw >= 0 && raw <= 100;
  if (raw !== null && raw !== undefined && !valid) notes.push(`Nilai ${scoring.trust.label} tidak valid (${raw}); harus 0–100.`);
  return { label: scoring.trust.label, share: scoring.trust.share, value: valid ? raw : null };
}

function combineTotal(dimensions: number, trust: OmbudsmanTrustInfo | null): number | null {
  if (!trust) return dimensions;
  if (trust.value === null) return null;
  return ((100 - trust.share) * dimensions + trust.share * trust.value) / 100;
}

function totalLines(report: Omit<OmbudsmanReport, 'derivation'>): string[] {
  const d = report.scale.decimals;
  const parts = report.aspects.filter((aspect) => aspect.included).map((aspect) => formatDecimal(aspect.contributionExact, d));
  const lines = [`Nilai dimensi = ${parts.join(' + ')} = ${formatDecimal(report.dimensionsScoreExact, d)}`];
  const trust = report.trust;
  if (trust && trust.value === null) {
    const partial = ((100 - trust.share) * report.dimensionsScoreExact) / 100;
    lines.push(`${TRUST_MISSING_NOTE}; nilai akhir belum dapat dihitung (bagian dimensi ${formatPercent(100 - trust.share)} × ${formatDecimal(report.dimensionsScoreExact, d)} = ${formatDecimal(partial, d)}).`);
    return lines;
  }
  if (trust && trust.value !== null) {
    lines.push(`Nilai akhir = ${formatPercent(100 - trust.share)} × ${formatDecimal(report.dimensionsScoreExact, d)} + ${formatPercent(trust.share)} × ${formatDecimal(trust.value, d)} (${trust.label}) = ${formatDecimal(report.totalExact ?? 0, d)}`);
  }
  const suffix = report.suffix ? `; ${report.suffix}` : '';
  lines.push(`Estimasi kesiapan ${formatDecimal(report.totalExact ?? 0, d)} → ${describeBand(report.band)}${suffix}`);
  return lines;
}

/** Counts of the requirements that were actually scored (unknown indicators left out). */
function countStatuses(aspects: readonly OmbudsmanAspectResult[]): Record<EvidenceStatus, number> {
  const counts = Object.fromEntries(EVIDENCE_STATUSES.map((status) => [status, 0])) as Record<EvidenceStatus, number>;
  for (const aspect of aspects) for (const indicator of aspect.indicators) for (const requirement of indicator.requirements) counts[requirement.status] += 1;
  return counts;
}

/** Estimate one unit's Ombudsman score from its effective requirement list. */
export function scoreOmbudsman(
  definition: InstrumentDefinition,
  requirements: readonly OmbudsmanRequirementInput[],
  options: OmbudsmanOptions = {},
): OmbudsmanReport {
  const scoring = requirementsScoring(definition);
  const notes: string[] = [];
  const grouped = groupByIndicator(definition, requirements, notes);
  const aspects = definition.aspects.map((aspect) => scoreDimension(aspect, grouped));
  const dimensionsScoreExact = combineDimensions(aspects);
  const trust = readTrust(scoring, options, notes);
  if (trust && trust.value === null) notes.push(`${TRUST_MISSING_NOTE}; nilai akhir belum dihitung.`);
  const scale = scaleInfo(definition);
  const totalExact = combineTotal(dimensionsScoreExact, trust);
  const band = totalExact === null ? null : bandOnScale(totalExact, scale);
  const followedUp = options.followedUp === true;
  const suffix = band && followedUp && scoring.suffix ? scoring.suffix.label : null;
  const report: Omit<OmbudsmanReport, 'derivation'> = {
    kind: 'ombudsman',
    instrument: instrumentRef(definition),
    scale,
    isEstimate: true,
    estimateLabel: 'estimasi kesiapan',
    dimensionsScore: roundHalfUp(dimensionsScoreExact, scale.decimals),
    dimensionsScoreExact,
    trust,
    total: totalExact === null ? null : roundHalfUp(totalExact, scale.decimals),
    totalExact,
    band,
    zone: band?.zone ?? null,
    opinion: band ? [band.label, suffix].filter(Boolean).join(' ') : null,
    suffix,
    followedUp,
    requirementCounts: countStatuses(aspects),
    aspects,
    notes,
  };
  return withDerivation(report, () => [...aspects.map((aspect) => dimensionLine(definition.aspectLabel, aspect)), ...totalLines(report)]);
}

/**
 * Local-government estimate = mean of the sampled units' (rounded) totals. Units without a
 * total (trust not entered yet) are left out of the mean and named in a note.
 */
export function scoreOmbudsmanLocalGovernment(
  entries: ReadonlyArray<UnitReportEntry<OmbudsmanReport>>,
): OmbudsmanLocalGovernmentReport {
  const withTotal = entries.filter((entry) => entry.report.total !== null);
  const totals = withTotal.map((entry) => entry.report.total ?? 0);
  const exact = mean(totals);
  const scale = entries[0]?.report.scale;
  const d = scale?.decimals ?? 2;
  const band = exact === null || !scale ? null : bandOnScale(exact, scale);
  const units = entries.map((entry) => ({ unitId: entry.unitId, unitName: entry.unitName, value: entry.report.total, band: entry.report.band }));
  const missing = entries.filter((entry) => entry.report.total === null).map((entry) => entry.unitName);
  const notes = missing.length === 0 ? [] : [`${missing.length} unit belum memiliki nilai akhir (${TRUST_MISSING_NOTE}): ${missing.join(', ')}; rata-rata hanya dari ${withTotal.length} unit.`];
  const dimensionsMean = mean(entries.map((entry) => entry.report.dimensionsScore));
  const derivation = exact === null
    ? ['Belum ada unit sampel dengan nilai akhir.']
    : [`Estimasi pemda = rata-rata ${withTotal.length} unit sampel = (${totals.map((value) => formatDecimal(value, d)).join(' + ')}) ÷ ${withTotal.length} = ${formatDecimal(exact, d)} → ${describeBand(band)}`];
  return {
    kind: 'ombudsman-pemda',
    isEstimate: true,
    estimateLabel: 'estimasi kesiapan',
    unitCount: entries.length,
    unitsWithTotal: withTotal.length,
    total: exact === null ? null : roundHalfUp(exact, d),
    totalExact: exact,
    band,
    zone: band?.zone ?? null,
    dimensionsMean: dimensionsMean === null ? null : roundHalfUp(dimensionsMean, d),
    aspects: aspectMeans(entries.map((entry) => entry.report.aspects.map((aspect) => ({ code: aspect.code, name: aspect.name, weight: aspect.weight, value: aspect.score })))),
    distribution: scale ? distributionOf(scale, units) : [],
    missingTotalUnits: missing,
    units,
    derivation,
    notes,
  };
}

export interface MaladministrationReadiness {
  /** The instrument's suffix ("Tanpa Maladministrasi"), null when it has none. */
  label: string | null;
  condition: string | null;
  state: 'tidak-berlaku' | 'belum-dicatat' | 'tercapai' | 'terbuka';
  /** Reachable by closing the findings still open (or already reached). */
  withinReach: boolean;
  open: number;
  overdue: number;
  total: number;
  message: string;
}

/**
 * Whether the opinion's "Tanpa Maladministrasi" suffix is within reach for a unit, from
 * its follow-up log: reached when every counted finding is closed with evidence.
 */
export function maladministrationReadiness(definition: InstrumentDefinition, summary: FollowUpSummary): MaladministrationReadiness {
  const suffix = definition.scoring.kind === 'requirements' ? definition.scoring.suffix : undefined;
  const base = { label: suffix?.label ?? null, condition: suffix?.condition ?? null, open: summary.open, overdue: summary.overdue, total: summary.total };
  if (!suffix) return { ...base, state: 'tidak-berlaku', withinReach: false, message: 'Instrumen ini tidak memakai keterangan tambahan atas tindak lanjut temuan.' };
  if (summary.total === 0) {
    return { ...base, state: 'belum-dicatat', withinReach: true, message: `Belum ada temuan Ombudsman yang dicatat. Bila ada temuan, saran, atau rekomendasi sebelumnya, catat di log tindak lanjut; "${suffix.label}" memerlukan semuanya selesai.` };
  }
  if (summary.allClosed) {
    return { ...base, state: 'tercapai', withinReach: true, message: `Semua ${summary.total} temuan selesai ditindaklanjuti: syarat "${suffix.label}" terpenuhi (estimasi).` };
  }
  const late = summary.overdue > 0 ? ` (${summary.overdue} lewat tenggat)` : '';
  return {
    ...base,
    state: 'terbuka',
    withinReach: true,
    message: `Masih ${summary.open} dari ${summary.total} temuan belum selesai${late}. "${suffix.label}" dapat dicapai bila semuanya selesai ditindaklanjuti dengan bukti.`,
  };
}
