import { describe, expect, it } from 'vitest';
import { pekpppIndex, scoreLocalGovernment, scorePekppp } from '../../../src/core/scoring/pekppp';
import type { PekpppLevels } from '../../../src/core/scoring/types';
import { loadInstrument, ombudsmanInstrument, pekpppInstrument } from './scoring-fixtures';

// Three aspects 50/49/1 with one 100 % indicator each: index = (50a + 49b + c) / 100,
// which lands exactly on every category boundary.
const boundary = pekpppInstrument([
  { code: 'p', weight: 50, indicators: [['p1', 100]] },
  { code: 'q', weight: 49, indicators: [['q1', 100]] },
  { code: 'r', weight: 1, indicators: [['r1', 100]] },
]);

// K 60 % (k1 50, k2 30, k3 20), S 40 % (s1 75, s2 25), X 0 % (x1: reported, not scored).
const small = pekpppInstrument([
  { code: 'k', weight: 60, indicators: [['k1', 50], ['k2', 30], ['k3', 20]] },
  { code: 's', weight: 40, indicators: [['s1', 75], ['s2', 25]] },
  { code: 'x', weight: 0, indicators: [['x1', 100]] },
]);

const pekppp = loadInstrument('pekppp-2022-a.json');
const codes = pekppp.aspects.flatMap((aspect) => aspect.indicators.map((indicator) => indicator.code));
const uniform = (level: number): PekpppLevels => Object.fromEntries(codes.map((code) => [code, level]));

describe('scorePekppp category boundaries', () => {
  it.each([
    // a, b, c → 50a + 49b + c
    [5, 4, 5, 4.51, 'A'], // 250 + 196 + 5 = 451
    [4, 5, 5, 4.5, 'A-'], // 200 + 245 + 5 = 450
    [5, 3, 4, 4.01, 'A-'], // 250 + 147 + 4 = 401
    [5, 3, 3, 4.0, 'B'], // 250 + 147 + 3 = 400
    [4, 3, 4, 3.51, 'B'], // 200 + 147 + 4 = 351
    [2, 0, 1, 1.01, 'E'], // 100 + 0 + 1 = 101
    [2, 0, 0, 1.0, 'F'], // 100
    [0, 0, 0, 0, 'F'],
    [5, 5, 5, 5, 'A'], // 500
  ])('p=%s q=%s r=%s → %s %s', (p1, q1, r1, index, code) => {
    const report = scorePekppp(boundary, { p1, q1, r1 });
    expect(report.index).toBe(index);
    expect(report.band?.code).toBe(code);
  });
});

describe('scorePekppp on a hand-made instrument', () => {
  const levels = { k1: 4, k2: 3, k3: null, s1: 2, s2: 5, x1: 5 };
  const report = scorePekppp(small, levels);

  it('computes aspect indexes, contributions and the unit index', () => {
    // K: 50%×4 + 30%×3 + 20%×0 = 2.90 → 0.60 × 2.90 = 1.74
    // S: 75%×2 + 25%×5 = 1.50 + 1.25 = 2.75 → 0.40 × 2.75 = 1.10
    // index = 1.74 + 1.10 = 2.84 → C (2.51–3.00)
    expect(report.aspects.map((a) => [a.code, a.index, a.contribution])).toEqual([
      ['k', 2.9, 1.74],
      ['s', 2.75, 1.1],
      ['x', 5, 0],
    ]);
    expect(report.index).toBe(2.84);
    expect(report.indexExact).toBeCloseTo(2.84, 12);
    // k3 is not assessed: the category is provisional.
    expect(report.band).toEqual({ code: 'C', label: 'Cukup', tone: 'amber', zone: null, estimated: false, provisional: true });
    expect(report.state).toBe('sementara');
  });

  it('gives indicator contributions = aspect w × indicator w × level', () => {
    const k = report.aspects[0]!.indicators;
    // k1: 0.6 × 0.5 × 4 = 1.2; k2: 0.6 × 0.3 × 3 = 0.54; k3 not assessed → 0
    expect(k.map((i) => [i.code, i.contribution, i.statusLabel, i.scored])).toEqual([
      ['k1', 1.2, 'Tingkat 4', true],
      ['k2', 0.54, 'Tingkat 3', true],
      ['k3', 0, 'belum dinilai', true],
    ]);
    expect(k[0]!.levelText).toBe('tingkat 4');
    const x1 = report.aspects[2]!.indicators[0]!;
    expect([x1.scored, x1.level, x1.contribution]).toEqual([false, 5, 0]);
  });

  it('reports completeness over scored indicators only', () => {
    expect(report.completeness).toMatchObject({ assessed: 4, total: 5, percent: 80, complete: false });
    expect(report.completeness.missing.map((m) => m.code)).toEqual(['k3']);
    expect(report.aspects.map((a) => [a.assessedCount, a.totalCount])).toEqual([[2, 3], [2, 2], [1, 1]]);
    expect(report.notes.join(' ')).toContain('4 dari 5 indikator sudah dinilai; 1 indikator belum dinilai');
  });

  it('writes the derivation in Indonesian', () => {
    expect(report.derivation[0]).toBe('Aspek K (60%): 50% × 4 + 30% × 3 + 20% × 0 (belum dinilai) = 2,90 → kontribusi 1,74');
    expect(report.derivation[2]).toContain('dilaporkan, tidak dihitung');
    expect(report.derivation.at(-1)).toBe('Indeks unit = 1,7400 + 1,1000 = 2,8400 ≈ 2,84 → kategori C (Cukup) (sementara)');
  });

  it('treats invalid levels as not assessed and says so', () => {
    const odd = scorePekppp(small, { k1: 7, k2: 2.5, k3: 1, s1: 1, s2: 1, zz: 3 });
    // only k3 (0.6 × 0.2 × 1 = 0.12) and S (0.4 × 1 = 0.40) count → 0.52
    expect(odd.index).toBe(0.52);
    expect(odd.completeness.assessed).toBe(3);
    expect(odd.notes.filter((n) => n.includes('tidak valid'))).toHaveLength(2);
    expect(odd.notes.some((n) => n.includes('"zz"'))).toBe(true);
  });

  it('rejects a requirement-scored instrument', () => {
    const om = ombudsmanInstrument([{ code: 'd', weight: 100, indicators: [['a', 100]] }]);
    expect(() => scorePekppp(om, {})).toThrow(/bukan instrumen bertingkat/);
  });
});

describe('scorePekppp on the shipped PEKPPP 2022 (variant A)', () => {
  it('scores a full unit computed by hand', () => {
    const levels: PekpppLevels = {
      // Kebijakan 24%: 17×3 + 14×2 + 7×4 + 14×3 + 10×5 + 17×2 + 7×1 + 7×0 + 7×(null→0)
      //   = 51 + 28 + 28 + 42 + 50 + 34 + 7 = 240 → 2.40 → × 0.24 = 0.5760
      i01: 3, i02: 2, i03: 4, i04: 3, i05: 5, i06: 2, i07: 1, i08: 0, i09: null,
      // SDM 25%: 10×4 + 20×3 + 20×2 + 20×5 + 30×4 = 40 + 60 + 40 + 100 + 120 = 360 → 3.60 → 0.9000
      i10: 4, i11: 3, i12: 2, i13: 5, i14: 4,
      // Sarpras 18%: 15×5 + 23×4 + 20×3 + 20×2 + 11×1 + 11×0 = 75 + 92 + 60 + 40 + 11 = 278 → 2.78 → 0.5004
      i15: 5, i16: 4, i17: 3, i18: 2, i19: 1, i20: 0,
      // SIPP 11%: 30×5 + 20×5 + 20×4 + 30×3 = 150 + 100 + 80 + 90 = 420 → 4.20 → 0.4620
      i21: 5, i22: 5, i23: 4, i24: 3,
      // Pengaduan 10%: 20×2 + 25×3 + 25×4 + 30×5 = 40 + 75 + 100 + 150 = 365 → 3.65 → 0.3650
      i25: 2, i26: 3, i27: 4, i28: 5,
      // Inovasi 12%: 50×1 + 50×4 = 250 → 2.50 → 0.3000
      i29: 1, i30: 4,
      i31: 5,
    };
    // index = 0.5760 + 0.9000 + 0.5004 + 0.4620 + 0.3650 + 0.3000 = 3.1034 → 3.10 → B-
    const report = scorePekppp(pekppp, levels);
    expect(report.aspects.map((a) => a.index)).toEqual([2.4, 3.6, 2.78, 4.2, 3.65, 2.5, 5]);
    expect(report.aspects.map((a) => a.contributionExact)).toEqual([0.576, 0.9, 0.5004, 0.462, 0.365, 0.3, 0]);
    expect(report.indexExact).toBeCloseTo(3.1034, 12);
    expect(report.index).toBe(3.1);
    expect(report.band?.code).toBe('B-');
    expect(report.completeness).toMatchObject({ assessed: 29, total: 30, percent: 96.7 });
    expect(report.derivation[0]).toBe(
      'Aspek Kebijakan Pelayanan (24%): 17% × 3 + 14% × 2 + 7% × 4 + 14% × 3 + 10% × 5 + 17% × 2 + 7% × 1 + 7% × 0 + 7% × 0 (belum dinilai) = 2,40 → kontribusi 0,58',
    );
    expect(report.derivation.at(-1)).toBe(
      'Indeks unit = 0,5760 + 0,9000 + 0,5004 + 0,4620 + 0,3650 + 0,3000 = 3,1034 ≈ 3,10 → kategori B- (Baik dengan catatan) (sementara)',
    );
  });

  it('all 5 = 5.00 A, all 0 = 0.00 F, nothing entered = belum dinilai (never 0,00 F)', () => {
    expect([scorePekppp(pekppp, uniform(5)).index, scorePekppp(pekppp, uniform(5)).band?.code]).toEqual([5, 'A']);
    expect([scorePekppp(pekppp, uniform(0)).index, scorePekppp(pekppp, uniform(0)).band?.code]).toEqual([0, 'F']);
    const empty = scorePekppp(pekppp, {});
    expect([empty.index, empty.band, empty.state, empty.completeness.assessed, empty.completeness.total]).toEqual([null, null, 'belum_dinilai', 0, 30]);
    expect(empty.derivation.at(-1)).toBe('Indeks unit: belum dinilai (belum ada indikator yang diberi tingkat).');
  });

  it('indicator 31 never changes the index', () => {
    const base = uniform(3);
    const values = [0, 5, null].map((level) => scorePekppp(pekppp, { ...base, i31: level }).indexExact);
    expect(new Set(values).size).toBe(1);
    expect(values[0]).toBeCloseTo(3, 12);
    const queue = scorePekppp(pekppp, { ...base, i31: 4 }).aspects.at(-1)!;
    expect([queue.scored, queue.contribution, queue.indicators[0]!.level]).toEqual([false, 0, 4]);
  });
});

describe('scoreLocalGovernment', () => {
  const a = scorePekppp(small, { k1: 4, k2: 3, k3: null, s1: 2, s2: 5 }); // 2.84 C (k3 missing)
  const b = scorePekppp(small, { k1: 5, k2: 5, k3: 5, s1: 5, s2: 5 }); // 5.00 A
  const c = scorePekppp(small, { k1: 0, k2: 0, k3: 0, s1: 0, s2: 0 }); // 0.00 F
  const result = scoreLocalGovernment([
    { unitId: 1, unitName: 'Disdukcapil', report: a },
    { unitId: 2, unitName: 'DPMPTSP', report: b },
    { unitId: 3, unitName: 'Dinas Sosial', report: c },
  ]);

  it('averages the units and categorises the mean', () => {
    // (2.84 + 5.00 + 0.00) / 3 = 2.6133… → 2.61 → C
    expect(result.index).toBe(2.61);
    expect(result.band?.code).toBe('C');
    // K: (2.90 + 5 + 0) / 3 = 2.6333 → 2.63; S: (2.75 + 5 + 0) / 3 = 2.5833 → 2.58
    expect(result.aspects.map((x) => [x.code, x.mean])).toEqual([['k', 2.63], ['s', 2.58], ['x', 0]]);
    expect(result.derivation[0]).toBe('Indeks pemda (nilai mandiri) = rata-rata 3 unit = (2,84 + 5,00 + 0,00) ÷ 3 = 2,61 → kategori C (Cukup) (sementara)');
    expect(result.band?.provisional).toBe(true);
  });

  it('counts units per category and lists incomplete units', () => {
    const counts = Object.fromEntries(result.distribution.map((band) => [band.code, band.count]));
    expect(counts).toEqual({ A: 1, 'A-': 0, B: 0, 'B-': 0, C: 1, 'C-': 0, D: 0, E: 0, F: 1 });
    expect(result.distribution.find((band) => band.code === 'F')?.unitNames).toEqual(['Dinas Sosial']);
    expect(result.incompleteUnits).toEqual(['Disdukcapil']);
  });

  it('has no index without units', () => {
    const none = scoreLocalGovernment([]);
    expect([none.index, none.band, none.unitCount]).toEqual([null, null, 0]);
  });
});

describe('pekpppIndex: the index alone, equal to the full report', () => {
  // Deterministic pseudo-random levels: nulls, every level, and invalid values.
  let state = 11;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const LEVELS: Array<number | null> = [null, 0, 1, 2, 3, 4, 5, 6, -1, 2.5];
  const randomLevels = (definition: typeof pekppp, nullShare: number): PekpppLevels =>
    Object.fromEntries(
      definition.aspects.flatMap((aspect) => aspect.indicators).map((indicator) => [indicator.code, random() < nullShare ? null : LEVELS[1 + Math.floor(random() * (LEVELS.length - 1))]!]),
    );

  it.each([
    ['PEKPPP 2022', pekppp],
    ['boundaries 50/49/1', boundary],
    ['with a 0 % aspect', small],
  ])('%s: 500 level sets, from empty to complete', (_name, definition) => {
    for (let run = 0; run < 500; run += 1) {
      const levels = randomLevels(definition, run % 5 === 0 ? 1 : (run % 5) / 5);
      expect(pekpppIndex(definition, levels)).toBe(scorePekppp(definition, levels).index);
    }
  });

  it('an empty view has no index, never 0', () => {
    expect(pekpppIndex(pekppp, {})).toBeNull();
    expect(pekpppIndex(small, { x1: 5 })).toBeNull();
  });
});
