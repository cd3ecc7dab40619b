import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InstrumentInput } from '../../../src/core/instrument/schema';
import { validateInstrument } from '../../../src/core/instrument/validate';
import { countInstrument } from '../../../src/core/instrument/summary';
import { RESOURCES, readJson } from '../helpers';

const dir = path.join(RESOURCES, 'instruments');
const load = (name: string) => readJson<InstrumentInput & Record<string, unknown>>(path.join(dir, name));
const clone = <T>(value: T): T => structuredClone(value);

function problemsOf(raw: unknown): string[] {
  const result = validateInstrument(raw);
  return result.ok ? [] : result.problems;
}

describe('default instrument files', () => {
  const files = fs.readdirSync(dir).filter((name) => name.endsWith('.json'));

  it('ships PEKPPP and the three Ombudsman schemes', () => {
    expect(files.sort()).toEqual(['ombudsman-2013.json', 'ombudsman-2022.json', 'ombudsman-2025.json', 'pekppp-2022-a.json']);
  });

  it.each(files)('%s is valid', (name) => {
    expect(problemsOf(load(name))).toEqual([]);
  });

  it('PEKPPP has six scored aspects 24/25/18/11/10/12, 30 scored indicators and the 0% queue indicator', () => {
    const result = validateInstrument(load('pekppp-2022-a.json'));
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const pekppp = result.instrument;
    const scored = pekppp.aspects.filter((aspect) => aspect.weight > 0);
    expect(scored.map((aspect) => aspect.weight)).toEqual([24, 25, 18, 11, 10, 12]);
    const indicators = pekppp.aspects.flatMap((aspect) => aspect.indicators);
    expect(indicators.map((indicator) => indicator.number)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    expect(scored.flatMap((aspect) => aspect.indicators)).toHaveLength(30);
    const queue = indicators.find((indicator) => indicator.number === 31)!;
    expect(pekppp.aspects.find((aspect) => aspect.indicators.includes(queue))!.weight).toBe(0);
    expect(indicators.every((indicator) => indicator.levels?.length === 6)).toBe(true);
    expect(indicators.every((indicator) => indicator.requirements.length > 0 || indicator.number === 31)).toBe(true);
    expect(indicators.find((indicator) => indicator.number === 1)!.weight).toBe(17);
    expect(indicators.find((indicator) => indicator.number === 14)!.weight).toBe(30);
    expect(pekppp.scoring.bands.map((band) => band.code)).toEqual(['A', 'A-', 'B', 'B-', 'C', 'C-', 'D', 'E', 'F']);
    expect(pekppp.scoring.bands.find((band) => band.code === 'A')).toMatchObject({ min: 4.51, max: 5, label: 'Pelayanan Prima' });
  });

  it('Ombudsman 2022 has the four weighted dimensions, estimated bands and all 14 SP components', () => {
    const result = validateInstrument(load('ombudsman-2022.json'));
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const om = result.instrument;
    expect(om.aspects.map((aspect) => [aspect.code, aspect.weight])).toEqual([
      ['input', 21.85],
      ['proses', 32.37],
      ['output', 24.24],
      ['pengaduan', 21.54],
    ]);
    expect(om.scoring.bands.every((band) => band.estimated)).toBe(true);
    expect(countInstrument(om).hasEstimates).toBe(true);
    const text = JSON.stringify(om).toLowerCase();
    for (const component of ['persyaratan', 'prosedur', 'jangka waktu', 'biaya', 'produk', 'pengaduan', 'dasar hukum', 'sarana', 'kompetensi', 'pengawasan internal', 'jumlah pelaksana', 'jaminan pelayanan', 'keamanan', 'evaluasi kinerja']) {
      expect(text, component).toContain(component);
    }
  });

  it('Ombudsman 2025 scales the dimensions into 70% with Kepercayaan Masyarakat 30% and the suffix', () => {
    const result = validateInstrument(load('ombudsman-2025.json'));
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const scoring = result.instrument.scoring;
    expect(scoring.kind).toBe('requirements');
    if (scoring.kind !== 'requirements') return;
    expect(scoring.trust).toMatchObject({ label: 'Kepercayaan Masyarakat', share: 30 });
    expect(scoring.suffix?.label).toBe('Tanpa Maladministrasi');
  });

  it('the 2013–2021 scheme has the three confirmed zones', () => {
    const result = validateInstrument(load('ombudsman-2013.json'));
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.instrument.scoring.bands.map((band) => [band.zone, band.min, band.max]).sort()).toEqual([
      ['hijau', 81, 100],
      ['kuning', 51, 80.99],
      ['merah', 0, 50.99],
    ]);
  });
});

describe('broken instrument files are rejected with a message naming the problem', () => {
  const base = () => clone(load('pekppp-2022-a.json')) as unknown as {
    aspects: Array<{ name: string; weight: number; code: string; indicators: Array<{ code: string; number: number; weight: number; levels?: string[]; requirements: Array<{ code: string }> }> }>;
    scoring: { bands: Array<{ code: string; min: number; max: number }> };
  };

  it('aspect weights not summing to 100%', () => {
    const raw = base();
    raw.aspects[0]!.weight = 30;
    expect(problemsOf(raw).join('\n')).toMatch(/Jumlah bobot aspek adalah 106%/);
  });

  it('indicator weights in an aspect not summing to 100%', () => {
    const raw = base();
    raw.aspects[1]!.indicators[0]!.weight += 5;
    expect(problemsOf(raw).join('\n')).toMatch(new RegExp(`indikator pada aspek "${raw.aspects[1]!.name}" adalah 105%`));
  });

  it('a level text missing', () => {
    const raw = base();
    raw.aspects[0]!.indicators[2]!.levels!.pop();
    expect(problemsOf(raw).join('\n')).toMatch(/Indikator 3 .* memiliki 5 teks tingkat; harus 6/);
  });

  it('a duplicate indicator code', () => {
    const raw = base();
    raw.aspects[0]!.indicators[1]!.code = raw.aspects[0]!.indicators[0]!.code;
    expect(problemsOf(raw).join('\n')).toMatch(/Kode ganda "i01"/);
  });

  it('a duplicate requirement code', () => {
    const raw = base();
    const code = raw.aspects[0]!.indicators[0]!.requirements[0]!.code;
    raw.aspects[1]!.indicators[0]!.requirements[0]!.code = code;
    expect(problemsOf(raw).join('\n')).toContain(`Kode ganda "${code}"`);
  });

  it('overlapping bands', () => {
    const raw = base();
    raw.scoring.bands.find((band) => band.code === 'A')!.min = 4.4;
    expect(problemsOf(raw).join('\n')).toMatch(/A .* dan A- .* tumpang tindih|A- .* dan A .* tumpang tindih/);
  });

  it('a gap between bands', () => {
    const raw = base();
    raw.scoring.bands.find((band) => band.code === 'A')!.min = 4.6;
    expect(problemsOf(raw).join('\n')).toMatch(/Ada celah antara kategori A- \(s.d. 4,50\) dan A \(mulai 4,60\)/);
  });

  it('a missing field and a wrong type', () => {
    const raw = base() as unknown as Record<string, unknown>;
    delete raw['name'];
    (raw['aspects'] as Array<Record<string, unknown>>)[0]!['weight'] = 'dua puluh';
    const problems = problemsOf(raw).join('\n');
    expect(problems).toMatch(/^name: /m);
    expect(problems).toMatch(/aspects\.0\.weight: /);
  });

  it('something that is not an instrument at all', () => {
    expect(problemsOf([1, 2, 3])).not.toEqual([]);
    expect(problemsOf(null)).not.toEqual([]);
  });
});
