/**
 * The SKM calculator (PermenPANRB 14/2017). NRR per unsur = sum of answers ÷ respondents
 * who answered it; IKM = Σ NRR × weight (0–4); IKM × 25 rounded half up to two decimals
 * and only then banded. Every number comes with the lines that show how it was reached.
 */
import { bandFor, formatDecimal, mean, roundHalfUp } from '../scoring/rounding';
import { minimumSample } from './sample';
import { unsurWeights, type SkmBandDef, type SkmScheme } from './scheme';
import type { SkmBandRef, SkmGroupInput, SkmGroupResult, SkmPemdaRow, SkmPemdaSummary, SkmReport, SkmTally, SkmUnsurResult } from './types';

const toRef = (band: SkmBandDef | null): SkmBandRef | null =>
  band ? { code: band.code, mutu: band.mutu, kinerja: band.kinerja, tone: band.tone } : null;

/** Whole numbers as printed in Indonesia: 1.234. */
export function formatCount(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/gu, '.');
}

/** The band of a converted value, after rounding it at the scheme's precision. */
export function skmBand(scheme: SkmScheme, convertedExact: number): SkmBandRef | null {
  return toRef(bandFor(convertedExact, scheme.bands, scheme.decimals.converted));
}

export function emptyTally(scheme: SkmScheme): SkmTally {
  const steps = scheme.answerScale.max - scheme.answerScale.min + 1;
  return { respondents: 0, counts: scheme.unsur.map(() => Array.from({ length: steps }, () => 0)) };
}

export function addTallies(scheme: SkmScheme, tallies: readonly SkmTally[]): SkmTally {
  const total = emptyTally(scheme);
  for (const tally of tallies) {
    total.respondents += tally.respondents;
    tally.counts.forEach((row, u) => row.forEach((count, a) => (total.counts[u]![a]! += count)));
  }
  return total;
}

function unsurResult(scheme: SkmScheme, index: number, counts: readonly number[], weight: number): SkmUnsurResult {
  const def = scheme.unsur[index]!;
  const answered = counts.reduce((total, count) => total + count, 0);
  const sum = counts.reduce((total, count, a) => total + count * (scheme.answerScale.min + a), 0);
  const nrrExact = answered > 0 ? sum / answered : null;
  const convertedExact = nrrExact === null ? null : nrrExact * scheme.conversionFactor;
  return {
    code: def.code,
    number: def.number,
    name: def.name,
    answered,
    sum,
    distribution: [...counts],
    nrr: nrrExact === null ? null : roundHalfUp(nrrExact, scheme.decimals.nrr),
    nrrExact,
    weight,
    weightedExact: nrrExact === null ? null : nrrExact * weight,
    converted: convertedExact === null ? null : roundHalfUp(convertedExact, scheme.decimals.converted),
    band: convertedExact === null ? null : skmBand(scheme, convertedExact),
  };
}

function sampleLines(scheme: SkmScheme, group: SkmGroupInput, sampleNeeded: number | null): { lines: string[]; notes: string[]; shortfall: number | null } {
  if (group.population === null || sampleNeeded === null) {
    return { lines: [], notes: ['Populasi pengguna layanan belum diisi, sehingga jumlah sampel minimum belum dapat dihitung.'], shortfall: null };
  }
  const { chiSquare, proportion, margin } = scheme.sample;
  const line = `Sampel minimum (${scheme.sample.method}, X² = ${formatDecimal(chiSquare, 3)}, P = ${formatDecimal(proportion, 1)}, d = ${formatDecimal(margin, 2)}) untuk populasi ${formatCount(group.population)}: ${formatCount(sampleNeeded)} responden.`;
  const shortfall = Math.max(0, sampleNeeded - group.tally.respondents);
  const notes = shortfall > 0 ? [`Jumlah responden ${formatCount(group.tally.respondents)} kurang dari sampel minimum ${formatCount(sampleNeeded)} (kurang ${formatCount(shortfall)}). Tambah responden sebelum hasil dipakai sebagai laporan SKM.`] : [];
  return { lines: [line], notes, shortfall };
}

function weakestOf(scheme: SkmScheme, unsur: readonly SkmUnsurResult[]): SkmGroupResult['weakest'] {
  return unsur
    .filter((item) => item.nrrExact !== null)
    .sort((a, b) => a.nrrExact! - b.nrrExact! || a.number - b.number)
    .slice(0, scheme.weakestCount)
    .map((item) => ({ code: item.code, name: item.name, nrr: item.nrr! }));
}

function weightText(scheme: SkmScheme): string {
  return scheme.weighting.kind === 'equal'
    ? `1/${scheme.unsur.length} (dicetak ${formatDecimal(1 / scheme.unsur.length, scheme.weighting.printedDecimals)})`
    : 'sesuai tabel bobot';
}

export function computeGroup(scheme: SkmScheme, group: SkmGroupInput): SkmGroupResult {
  const weights = unsurWeights(scheme);
  const unsur = scheme.unsur.map((_, index) => unsurResult(scheme, index, group.tally.counts[index] ?? [], weights[index]!));
  const notes: string[] = [];
  const derivation = unsur.map((item) =>
    item.nrrExact === null
      ? `NRR U${item.number} ${item.name}: belum ada jawaban.`
      : `NRR U${item.number} ${item.name} = ${formatCount(item.sum)} ÷ ${formatCount(item.answered)} = ${formatDecimal(item.nrrExact, scheme.decimals.nrr)}`,
  );
  const missing = unsur.filter((item) => item.nrrExact === null);
  const complete = group.tally.respondents > 0 && missing.length === 0;
  if (group.tally.respondents === 0) notes.push('Belum ada responden; IKM belum dapat dihitung.');
  else if (missing.length > 0) notes.push(`IKM belum dapat dihitung: unsur ${missing.map((item) => `U${item.number}`).join(', ')} belum memiliki jawaban.`);
  const over = unsur.filter((item) => item.answered > group.tally.respondents);
  if (over.length > 0) notes.push(`Jumlah jawaban unsur ${over.map((item) => `U${item.number}`).join(', ')} melebihi jumlah responden; periksa isian jumlah jawaban.`);
  const ikmExact = complete ? unsur.reduce((total, item) => total + item.weightedExact!, 0) : null;
  const convertedExact = ikmExact === null ? null : ikmExact * scheme.conversionFactor;
  const ikmConverted = convertedExact === null ? null : roundHalfUp(convertedExact, scheme.decimals.converted);
  const band = convertedExact === null ? null : skmBand(scheme, convertedExact);
  if (ikmExact !== null && convertedExact !== null && ikmConverted !== null) {
    derivation.push(`IKM = Σ (NRR × bobot ${weightText(scheme)}) = ${formatDecimal(ikmExact, scheme.decimals.ikm)}`);
    derivation.push(
      `IKM unit = IKM × ${scheme.conversionFactor} = ${formatDecimal(convertedExact, 4)} → dibulatkan ${formatDecimal(ikmConverted, scheme.decimals.converted)} → mutu ${band?.mutu ?? '-'} (${band?.kinerja ?? 'di luar rentang'})`,
    );
  }
  const sampleNeeded = group.population === null ? null : minimumSample(group.population, scheme.sample);
  const sample = sampleLines(scheme, group, sampleNeeded);
  return {
    key: group.key,
    label: group.label,
    respondents: group.tally.respondents,
    population: group.population,
    sampleNeeded,
    shortfall: sample.shortfall,
    unsur,
    complete,
    ikm: ikmExact === null ? null : roundHalfUp(ikmExact, scheme.decimals.ikm),
    ikmExact,
    ikmConverted,
    band,
    weakest: weakestOf(scheme, unsur),
    derivation: [`Responden: ${formatCount(group.tally.respondents)}.`, ...derivation, ...sample.lines],
    notes: [...notes, ...sample.notes],
  };
}

/**
 * Per service and for the unit. The unit result pools every respondent (sum of answers
 * over all services ÷ all who answered), as the regulation computes one IKM per unit;
 * its population is the sum of the services' populations when all are known.
 */
export function computeSkm(scheme: SkmScheme, unitLabel: string, services: readonly SkmGroupInput[]): SkmReport {
  const results = services.map((service) => computeGroup(scheme, service));
  const populations = services.map((service) => service.population);
  const population = populations.length > 0 && populations.every((value) => value !== null) ? populations.reduce((a, b) => a! + b!, 0) : null;
  const unit = computeGroup(scheme, { key: 'unit', label: unitLabel, population, tally: addTallies(scheme, services.map((service) => service.tally)) });
  return { scheme: { code: scheme.code, version: scheme.version, name: scheme.name, shortName: scheme.shortName }, services: results, unit };
}

/** The pemda table: each unit's pooled IKM; the pemda figure is their mean (stated as such). */
export function pemdaSummary(scheme: SkmScheme, units: ReadonlyArray<{ unitId: number; unitName: string; report: SkmReport }>): SkmPemdaSummary {
  const rows: SkmPemdaRow[] = units.map(({ unitId, unitName, report }) => ({
    unitId,
    unitName,
    respondents: report.unit.respondents,
    services: report.services.length,
    ikmConverted: report.unit.ikmConverted,
    band: report.unit.band,
    sampleShortfall: report.unit.shortfall,
  }));
  const scored = units.map((unit) => unit.report.unit.ikmExact).filter((value): value is number => value !== null);
  const meanExact = mean(scored.map((value) => value * scheme.conversionFactor));
  const notes: string[] = [];
  const without = rows.filter((row) => row.ikmConverted === null).length;
  if (without > 0) notes.push(`${without} unit belum memiliki hasil SKM lengkap dan tidak ikut dirata-rata.`);
  return {
    rows,
    meanConverted: meanExact === null ? null : roundHalfUp(meanExact, scheme.decimals.converted),
    band: meanExact === null ? null : skmBand(scheme, meanExact),
    unitsWithResult: scored.length,
    notes,
  };
}
