import { describe, expect, it } from 'vitest';
import { computeGroup, computeSkm, minimumSample, pemdaSummary, readAnswer, suggestFollowUpLevel, suggestMapping, validateSkmScheme } from '../../../src/core/skm';
import { rawScheme, shippedScheme, tallyFromRows, tallyWithSums } from './scheme-fixture';

const scheme = shippedScheme();
const group = (tally: ReturnType<typeof tallyWithSums>, population: number | null = null) => computeGroup(scheme, { key: 's', label: 'Layanan', population, tally });

describe('SKM minimum sample (Krejcie–Morgan, the regulation table)', () => {
  it.each([
    [100, 80],
    [500, 217],
    [1000, 278],
    [10000, 370],
    [75000, 382],
    [1000000, 384],
    [1, 1],
    [10, 10],
  ])('population %i needs %i respondents', (population, sample) => {
    expect(minimumSample(population, scheme.sample)).toBe(sample);
  });
});

describe('SKM IKM and bands, computed by hand', () => {
  // Nine unsur with equal sums S over R respondents: NRR = S/R, IKM = S/R, IKM×25.
  it.each([
    // R, sum per unsur (all nine), IKM×25 exact, printed, band
    { r: 1000, sums: Array(9).fill(3532), converted: 88.3, band: 'B', why: '3,532 × 25 = 88,30 → B' },
    { r: 2500, sums: Array(9).fill(8831), converted: 88.31, band: 'A', why: '3,5324 × 25 = 88,31 → A' },
    { r: 10000, sums: Array(9).fill(35322), converted: 88.31, band: 'A', why: '88,305 rounds half up to 88,31 → A' },
    { r: 10000, sums: [...Array(8).fill(35322), 35321], converted: 88.3, band: 'B', why: '88,30472… → 88,30 → B' },
    { r: 100, sums: Array(9).fill(306), converted: 76.5, band: 'C', why: '3,06 × 25 = 76,50 → C' },
    { r: 1000, sums: Array(9).fill(3064), converted: 76.6, band: 'C', why: '76,60 → C (upper bound of C)' },
    { r: 2500, sums: Array(9).fill(7661), converted: 76.61, band: 'B', why: '76,61 → B (lower bound of B)' },
    { r: 100, sums: Array(9).fill(260), converted: 65, band: 'C', why: '2,60 × 25 = 65,00 → C' },
    { r: 10000, sums: Array(9).fill(25996), converted: 64.99, band: 'D', why: '2,5996 × 25 = 64,99 → D' },
    { r: 4, sums: Array(9).fill(4), converted: 25, band: 'D', why: 'all answers 1 → 25,00 → D' },
    { r: 4, sums: Array(9).fill(16), converted: 100, band: 'A', why: 'all answers 4 → 100,00 → A' },
  ])('$why', ({ r, sums, converted, band }) => {
    const result = group(tallyWithSums(r, sums));
    expect(result.ikmConverted).toBe(converted);
    expect(result.band?.code).toBe(band);
    expect(result.complete).toBe(true);
  });

  it('weights each unsur 1/9 exactly: mixed NRRs give Σ NRR ÷ 9', () => {
    // Sums over 10 respondents → NRR 3,1 3,2 … 3,9: Σ = 31,5, IKM = 3,5, ×25 = 87,50 → B.
    const result = group(tallyWithSums(10, [31, 32, 33, 34, 35, 36, 37, 38, 39]));
    expect(result.unsur.map((item) => item.nrr)).toEqual([3.1, 3.2, 3.3, 3.4, 3.5, 3.6, 3.7, 3.8, 3.9]);
    expect(result.ikm).toBe(3.5);
    expect(result.ikmConverted).toBe(87.5);
    expect(result.band).toEqual({ code: 'B', mutu: 'B', kinerja: 'Baik', tone: 'teal' });
    expect(result.weakest.map((item) => item.code)).toEqual(['U1', 'U2', 'U3']);
    expect(result.unsur[0]!.band?.code).toBe('B'); // 3,1 × 25 = 77,50
    expect(result.unsur[8]!.band?.code).toBe('A'); // 3,9 × 25 = 97,50
    expect(result.derivation.join('\n')).toContain('NRR U1 Persyaratan = 31 ÷ 10 = 3,10');
    expect(result.derivation.join('\n')).toContain('87,5000 → dibulatkan 87,50 → mutu B (Baik)');
  });

  it('explicit printed weights (0,111) are data and change the result', () => {
    const raw = rawScheme();
    raw['weighting'] = { kind: 'explicit', weights: Array(9).fill(0.111), printedDecimals: 3 };
    const checked = validateSkmScheme(raw);
    if (!checked.ok) throw new Error(checked.problems.join(', '));
    const result = computeGroup(checked.scheme, { key: 's', label: 'L', population: null, tally: tallyWithSums(1000, Array(9).fill(3532)) });
    // 9 × 3,532 × 0,111 = 3,528468 → ×25 = 88,2117 → 88,21 → B
    expect(result.ikmConverted).toBe(88.21);
    expect(result.band?.code).toBe('B');
  });

  it('an unsur left blank is excluded from that unsur only', () => {
    // Respondent 2 left U3 blank: U3's NRR is over 2 answers, the others over 3.
    const rows = [
      [4, 4, 4, 4, 4, 4, 4, 4, 4],
      [3, 3, null, 3, 3, 3, 3, 3, 3],
      [2, 2, 2, 2, 2, 2, 2, 2, 2],
    ];
    const result = group(tallyFromRows(rows));
    expect(result.respondents).toBe(3);
    expect(result.unsur[2]).toMatchObject({ answered: 2, sum: 6, nrr: 3 });
    expect(result.unsur[0]).toMatchObject({ answered: 3, sum: 9, nrr: 3 });
    expect(result.ikmConverted).toBe(75);
    expect(result.band?.code).toBe('C');
  });

  it('an unsur nobody answered leaves the IKM undefined, never a low score', () => {
    const rows = [[4, 4, 4, 4, 4, 4, 4, 4, null]];
    const result = group(tallyFromRows(rows));
    expect(result.complete).toBe(false);
    expect(result.ikm).toBeNull();
    expect(result.ikmConverted).toBeNull();
    expect(result.band).toBeNull();
    expect(result.unsur[8]!.nrr).toBeNull();
    expect(result.notes.join(' ')).toContain('U9 belum memiliki jawaban');
  });

  it('one respondent', () => {
    const result = group(tallyFromRows([[4, 3, 3, 4, 3, 3, 4, 2, 3]]), 1);
    // Σ = 29, IKM = 29/9 = 3,2222…, ×25 = 80,5555… → 80,56 → B
    expect(result.ikm).toBe(3.222);
    expect(result.ikmConverted).toBe(80.56);
    expect(result.band?.code).toBe('B');
    expect(result.sampleNeeded).toBe(1);
    expect(result.shortfall).toBe(0);
  });

  it('no respondents: nothing computed, stated as such', () => {
    const result = group({ respondents: 0, counts: Array.from({ length: 9 }, () => [0, 0, 0, 0]) }, 500);
    expect(result.ikmConverted).toBeNull();
    expect(result.notes[0]).toContain('Belum ada responden');
    expect(result.shortfall).toBe(217);
  });

  it('thousands of respondents, with a sample shortfall warning', () => {
    const result = group(tallyWithSums(300, Array(9).fill(1050)), 10000);
    expect(result.ikmConverted).toBe(87.5);
    expect(result.sampleNeeded).toBe(370);
    expect(result.shortfall).toBe(70);
    expect(result.notes.join(' ')).toContain('kurang dari sampel minimum 370 (kurang 70)');
    const big = group(tallyWithSums(250000, Array(9).fill(875000)), 1000000);
    expect(big.ikmConverted).toBe(87.5);
    expect(big.shortfall).toBe(0);
    expect(big.derivation.join('\n')).toContain('875.000 ÷ 250.000');
  });
});

describe('SKM per service and for the unit', () => {
  it('pools all respondents for the unit rather than averaging services', () => {
    // Service A: 1 respondent all 4 (100). Service B: 3 respondents all 2 (50).
    // Mean of services would be 75; pooled NRR = (4 + 6) / 4 = 2,5 → 62,50 → D.
    const report = computeSkm(scheme, 'Dinas X', [
      { key: 'a', label: 'A', population: 10, tally: tallyWithSums(1, Array(9).fill(4)) },
      { key: 'b', label: 'B', population: 20, tally: tallyWithSums(3, Array(9).fill(6)) },
    ]);
    expect(report.services.map((service) => service.ikmConverted)).toEqual([100, 50]);
    expect(report.unit.respondents).toBe(4);
    expect(report.unit.ikmConverted).toBe(62.5);
    expect(report.unit.band?.code).toBe('D');
    expect(report.unit.population).toBe(30);
    expect(report.unit.sampleNeeded).toBe(minimumSample(30, scheme.sample));
  });

  it('unit population unknown when any service lacks one', () => {
    const report = computeSkm(scheme, 'U', [
      { key: 'a', label: 'A', population: 10, tally: tallyWithSums(1, Array(9).fill(4)) },
      { key: 'b', label: 'B', population: null, tally: tallyWithSums(1, Array(9).fill(4)) },
    ]);
    expect(report.unit.sampleNeeded).toBeNull();
  });

  it('pemda summary: mean of unit IKMs, units without a result left out and named', () => {
    const a = computeSkm(scheme, 'A', [{ key: 'a', label: 'A', population: null, tally: tallyWithSums(10, Array(9).fill(35)) }]); // 87,50
    const b = computeSkm(scheme, 'B', [{ key: 'b', label: 'B', population: null, tally: tallyWithSums(10, Array(9).fill(39)) }]); // 97,50
    const c = computeSkm(scheme, 'C', []);
    const summary = pemdaSummary(scheme, [
      { unitId: 1, unitName: 'A', report: a },
      { unitId: 2, unitName: 'B', report: b },
      { unitId: 3, unitName: 'C', report: c },
    ]);
    expect(summary.meanConverted).toBe(92.5);
    expect(summary.band?.code).toBe('A');
    expect(summary.unitsWithResult).toBe(2);
    expect(summary.rows[2]!.ikmConverted).toBeNull();
    expect(summary.notes[0]).toContain('1 unit belum memiliki hasil');
  });
});

describe('SKM answers and columns', () => {
  const u1 = scheme.unsur[0]!;
  const u8 = scheme.unsur[7]!;
  it.each([
    ['4', 4],
    ['1', 1],
    ['3.0', 3],
    ['Sangat sesuai', 4],
    ['  sangat   SESUAI ', 4],
    ['Kurang sesuai', 2],
    ['4 - Sangat sesuai', 4],
    ['d. Sangat sesuai', 4],
    ['a. Tidak sesuai', 1],
    ['Sangat sesuai (4)', 4],
    ['3 (Sesuai)', 3],
  ])('reads %j as %i', (text, value) => {
    expect(readAnswer(scheme, u1, text)).toEqual({ kind: 'value', value });
  });
  it('reads the wording of each unsur', () => {
    expect(readAnswer(scheme, u8, 'Ada tetapi tidak berfungsi')).toEqual({ kind: 'value', value: 2 });
    expect(readAnswer(scheme, scheme.unsur[3]!, 'Gratis')).toEqual({ kind: 'value', value: 4 });
  });
  it.each([
    ['5', 'di luar rentang 1–4'],
    ['0', 'di luar rentang 1–4'],
    ['Lumayan', 'tidak dikenali untuk unsur Persyaratan'],
    ['2 - Sangat sesuai', 'bertentangan'],
    ['Sesuai (4)', 'bertentangan'],
  ])('refuses %j', (text, message) => {
    const reading = readAnswer(scheme, u1, text);
    expect(reading.kind).toBe('invalid');
    expect(reading.kind === 'invalid' && reading.message).toContain(message);
  });
  it('blank is empty', () => expect(readAnswer(scheme, u1, '  ')).toEqual({ kind: 'empty' }));

  it('suggests a mapping from Google Forms question titles', () => {
    const headers = ['Cap waktu', 'Jenis Kelamin', 'Usia', 'Pendidikan Terakhir', 'Pekerjaan', ...scheme.unsur.map((unsur) => `${unsur.number}. ${unsur.question}`), 'Saran'];
    const mapping = suggestMapping(scheme, headers);
    expect(mapping).toMatchObject({ submittedAt: 0, sex: 1, age: 2, education: 3, occupation: 4, respondentId: null });
    scheme.unsur.forEach((unsur, index) => expect(mapping[unsur.code]).toBe(5 + index));
  });
  it('suggests a mapping from short titles U1…U9', () => {
    const mapping = suggestMapping(scheme, ['No Responden', ...scheme.unsur.map((unsur) => `U${unsur.number}`)]);
    expect(mapping['respondentId']).toBe(0);
    expect(mapping['U9']).toBe(9);
  });
});

describe('SKM scheme data', () => {
  it('ships valid', () => {
    expect(scheme.unsur).toHaveLength(9);
    expect(scheme.weighting.kind).toBe('equal');
  });
  it('refuses bands with a hole and a sample table that no longer reproduces', () => {
    const raw = rawScheme();
    const bands = raw['bands'] as Array<Record<string, unknown>>;
    bands[1]!['min'] = 76.7;
    (raw['sample'] as Record<string, unknown>)['margin'] = 0.04;
    const checked = validateSkmScheme(raw);
    expect(checked.ok).toBe(false);
    const problems = checked.ok ? [] : checked.problems.join('\n');
    expect(problems).toContain('harus bersambung');
    expect(problems).toContain('populasi 100 menghasilkan');
  });
});

describe('RTL feeds PEKPPP indicator 8', () => {
  it.each([
    [0, 0, 0],
    [4, 0, 1],
    [10, 2, 2],
    [10, 3, 3],
    [10, 8, 3],
    [10, 9, 4],
    [10, 10, 5],
  ])('%i RTL rows, %i done → level %i', (total, done, level) => {
    expect(suggestFollowUpLevel(scheme, total, done).level).toBe(level);
  });
});
