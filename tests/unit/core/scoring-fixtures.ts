/** Hand-made instruments and loaders shared by the scoring and gap tests. */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { InstrumentDefinition, InstrumentInput } from '../../../src/core/instrument/schema';
import { validateInstrument } from '../../../src/core/instrument/validate';
import type { EvidenceStatus, OmbudsmanRequirementInput } from '../../../src/core/scoring/types';

const INSTRUMENTS = fileURLToPath(new URL('../../../resources/instruments/', import.meta.url));

function valid(raw: unknown): InstrumentDefinition {
  const result = validateInstrument(raw);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.instrument;
}

export function loadInstrument(name: string): InstrumentDefinition {
  return valid(JSON.parse(fs.readFileSync(`${INSTRUMENTS}${name}`, 'utf8')));
}

export const PEKPPP_BANDS = [
  { code: 'A', label: 'Pelayanan Prima', min: 4.51, max: 5, tone: 'green' },
  { code: 'A-', label: 'Sangat Baik', min: 4.01, max: 4.5, tone: 'green' },
  { code: 'B', label: 'Baik', min: 3.51, max: 4, tone: 'teal' },
  { code: 'B-', label: 'Baik dengan catatan', min: 3.01, max: 3.5, tone: 'teal' },
  { code: 'C', label: 'Cukup', min: 2.51, max: 3, tone: 'amber' },
  { code: 'C-', label: 'Cukup dengan catatan', min: 2.01, max: 2.5, tone: 'amber' },
  { code: 'D', label: 'Buruk', min: 1.51, max: 2, tone: 'red' },
  { code: 'E', label: 'Sangat Buruk', min: 1.01, max: 1.5, tone: 'red' },
  { code: 'F', label: 'Gagal', min: 0, max: 1, tone: 'red' },
] as const;

export const OMBUDSMAN_BANDS = [
  { code: 'A', label: 'Kualitas Tertinggi', min: 88.01, max: 100, zone: 'hijau', tone: 'green', estimated: true },
  { code: 'B', label: 'Kualitas Tinggi', min: 78.01, max: 88, zone: 'hijau', tone: 'green', estimated: true },
  { code: 'C', label: 'Kualitas Sedang', min: 57.01, max: 78, zone: 'kuning', tone: 'amber', estimated: true },
  { code: 'D', label: 'Kualitas Rendah', min: 26.01, max: 57, zone: 'merah', tone: 'red', estimated: true },
  { code: 'E', label: 'Kualitas Terendah', min: 0, max: 26, zone: 'merah', tone: 'red', estimated: true },
] as const;

const LEVEL_TEXTS = ['tingkat 0', 'tingkat 1', 'tingkat 2', 'tingkat 3', 'tingkat 4', 'tingkat 5'];

type Spec = Array<{ code: string; weight: number; indicators: Array<[code: string, weight: number]> }>;

function aspectsOf(spec: Spec, withLevels: boolean) {
  let number = 0;
  return spec.map((aspect) => ({
    code: aspect.code,
    name: aspect.code.toUpperCase(),
    weight: aspect.weight,
    indicators: aspect.indicators.map(([code, weight]) => {
      number += 1;
      return { code, number, name: `Indikator ${code}`, weight, ...(withLevels ? { levels: LEVEL_TEXTS } : {}) };
    }),
  }));
}

/** A level-scored instrument with the real PEKPPP category table. */
export function pekpppInstrument(spec: Spec): InstrumentDefinition {
  const raw: InstrumentInput = {
    schemaVersion: 1,
    code: 'uji-pekppp',
    version: '1',
    family: 'pekppp',
    name: 'Uji PEKPPP',
    shortName: 'Uji',
    years: { from: 2022, to: null },
    aspectLabel: 'Aspek',
    scoring: { kind: 'levels', scale: { min: 0, max: 5, decimals: 2 }, levelCount: 6, bands: [...PEKPPP_BANDS] },
    aspects: aspectsOf(spec, true),
  };
  return valid(raw);
}

/** A requirement-scored instrument with the inferred Ombudsman grade table. */
export function ombudsmanInstrument(spec: Spec, extra: { trust?: number; suffix?: boolean } = {}): InstrumentDefinition {
  const raw: InstrumentInput = {
    schemaVersion: 1,
    code: 'uji-ombudsman',
    version: '1',
    family: 'ombudsman',
    name: 'Uji Ombudsman',
    shortName: 'Uji',
    years: { from: 2022, to: null },
    aspectLabel: 'Dimensi',
    scoring: {
      kind: 'requirements',
      scale: { min: 0, max: 100, decimals: 2 },
      bands: [...OMBUDSMAN_BANDS],
      ...(extra.trust ? { trust: { label: 'Kepercayaan Masyarakat', share: extra.trust } } : {}),
      ...(extra.suffix ? { suffix: { label: 'Tanpa Maladministrasi', condition: 'temuan ditindaklanjuti' } } : {}),
    },
    aspects: aspectsOf(spec, false),
  };
  return valid(raw);
}

/** Requirements for one indicator, one per status given: code `${indicator}.r1`, … */
export function reqs(indicatorCode: string, ...statuses: EvidenceStatus[]): OmbudsmanRequirementInput[] {
  return statuses.map((status, index) => ({
    indicatorCode,
    code: `${indicatorCode}.r${index + 1}`,
    text: `Bukti ${indicatorCode} ${index + 1}`,
    status,
  }));
}

/** Every requirement of a definition with one status (the template list as effective list). */
export function allRequirements(definition: InstrumentDefinition, status: EvidenceStatus): OmbudsmanRequirementInput[] {
  return definition.aspects.flatMap((aspect) =>
    aspect.indicators.flatMap((indicator) =>
      indicator.requirements.map((requirement) => ({ indicatorCode: indicator.code, code: requirement.code, text: requirement.text, status })),
    ),
  );
}
