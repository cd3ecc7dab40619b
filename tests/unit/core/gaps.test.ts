import { describe, expect, it } from 'vitest';
import { crossUnitGaps, ombudsmanActions, pekpppActions, predict, stepsToReach } from '../../../src/core/gaps/gaps';
import type { ScoringSubject } from '../../../src/core/gaps/types';
import { scoreOmbudsman } from '../../../src/core/scoring/ombudsman';
import { scorePekppp } from '../../../src/core/scoring/pekppp';
import type { PekpppLevels } from '../../../src/core/scoring/types';
import { allRequirements, loadInstrument, ombudsmanInstrument, pekpppInstrument, reqs } from './scoring-fixtures';

// K 60 % (k1 50, k2 30, k3 20), S 40 % (s1 75, s2 25), X 0 % (x1). Numbers 1..6.
const small = pekpppInstrument([
  { code: 'k', weight: 60, indicators: [['k1', 50], ['k2', 30], ['k3', 20]] },
  { code: 's', weight: 40, indicators: [['s1', 75], ['s2', 25]] },
  { code: 'x', weight: 0, indicators: [['x1', 100]] },
]);
// Base: K = 2.90 → 1.74, S = 2.75 → 1.10, index 2.84 (C)
const levels: PekpppLevels = { k1: 4, k2: 3, k3: null, s1: 2, s2: 5, x1: 1 };

describe('pekpppActions', () => {
  const actions = pekpppActions(small, levels);

  it('ranks one-level raises by gain, ties by lower level then number', () => {
    // gains = aspect w × indicator w / 10000:
    //   s1 40×75 = 0.30 (level 2), k1 60×50 = 0.30 (level 4), k2 60×30 = 0.18, k3 60×20 = 0.12
    //   s2 is at 5 (no action); x1 is not scored (no action)
    expect(actions.map((a) => [a.indicatorCode, a.fromLevel, a.toLevel, a.gain])).toEqual([
      ['s1', 2, 3, 0.3],
      ['k1', 4, 5, 0.3],
      ['k2', 3, 4, 0.18],
      ['k3', null, 1, 0.12],
    ]);
    expect(actions[0]).toMatchObject({ title: 'Naikkan indikator 4 ke tingkat 3', nextLevelText: 'tingkat 3', gainLabel: '+0,3000 poin indeks' });
  });

  it('breaks a tie at equal level by indicator number', () => {
    const tied = pekpppActions(small, { k1: 2, k2: 5, k3: 5, s1: 2, s2: 5 });
    // k1 (no. 1) and s1 (no. 4) both gain 0.30 from level 2
    expect(tied.map((a) => a.indicatorCode)).toEqual(['k1', 's1']);
  });

  it('has nothing to do at all-5', () => {
    expect(pekpppActions(small, { k1: 5, k2: 5, k3: 5, s1: 5, s2: 5 })).toEqual([]);
  });

  it('on the real PEKPPP from nothing entered, ranks all 30 scored indicators by aspect w × indicator w', () => {
    const pek = loadInstrument('pekppp-2022-a.json');
    const real = pekpppActions(pek, {});
    // 14: 25×30 = .0750 | 29, 30: 12×50 = .0600 | 11–13: 25×20 = .0500 | 16: 18×23 = .0414
    // 1, 6: 24×17 = .0408 | 17, 18: 18×20 = .0360 | 2, 4: 24×14 = .0336 | 21, 24: 11×30 = .0330
    // 28: 10×30 = .0300 | 15: 18×15 = .0270 | 10: 25×10, 26, 27: 10×25 = .0250 | 5: 24×10 = .0240
    // 22, 23: 11×20 = .0220 | 25: 10×20 = .0200 | 19, 20: 18×11 = .0198 | 3, 7, 8, 9: 24×7 = .0168
    expect(real.map((a) => a.indicatorNumber)).toEqual([
      14, 29, 30, 11, 12, 13, 16, 1, 6, 17, 18, 2, 4, 21, 24, 28, 15, 10, 26, 27, 5, 22, 23, 25, 19, 20, 3, 7, 8, 9,
    ]); // indicator 31 is never an action
    expect(real.slice(0, 4).map((a) => a.gain)).toEqual([0.075, 0.06, 0.06, 0.05]);
    expect(real.every((a) => a.fromLevel === null && a.toLevel === 1)).toBe(true);
  });
});

describe('predict and stepsToReach (PEKPPP)', () => {
  const subject: ScoringSubject = { kind: 'pekppp', definition: small, levels };
  const actions = pekpppActions(small, levels);

  it.each([
    // cumulative: 2.84 +0.30 = 3.14 (B-), +0.30 = 3.44 (B-), +0.18 = 3.62 (B), +0.12 = 3.74 (B)
    [0, 2.84, 'C'],
    [1, 3.14, 'B-'],
    [2, 3.44, 'B-'],
    [3, 3.62, 'B'],
    [4, 3.74, 'B'],
    [9, 3.74, 'B'],
  ])('top %s → %s %s', (n, value, code) => {
    const prediction = predict(subject, actions, n);
    expect([prediction.after.value, prediction.after.band?.code]).toEqual([value, code]);
    expect(prediction.before).toMatchObject({ value: 2.84 });
  });

  it('equals re-scoring the changed levels by hand', () => {
    const prediction = predict(subject, actions, 3);
    const manual = scorePekppp(small, { ...levels, s1: 3, k1: 5, k2: 4 });
    // K: 50×5 + 30×4 = 370 → 3.70 × 0.6 = 2.22; S: 75×3 + 25×5 = 350 → 3.50 × 0.4 = 1.40 → 3.62
    expect(manual.index).toBe(3.62);
    expect(prediction.after.value).toBe(manual.index);
    expect(prediction.change).toBe(0.78);
    expect(prediction.sentence).toBe('dari C ke B jika 3 langkah ini selesai (2,84 → 3,62)');
    expect(predict(subject, actions, 2).sentence).toBe('dari C ke B- jika 2 langkah ini selesai (2,84 → 3,44)');
  });

  it('does not mutate the input levels', () => {
    predict(subject, actions, 4);
    expect(levels).toEqual({ k1: 4, k2: 3, k3: null, s1: 2, s2: 5, x1: 1 });
  });

  it('finds the smallest number of steps to a target category', () => {
    expect(stepsToReach(subject, actions, 'C')?.steps).toBe(0);
    expect(stepsToReach(subject, actions, 'B-')?.steps).toBe(1);
    expect(stepsToReach(subject, actions, 'B')?.steps).toBe(3);
    expect(stepsToReach(subject, actions, 'A-')).toBeNull(); // 3.74 at best
    expect(() => stepsToReach(subject, actions, 'Z')).toThrow(/Kategori target "Z"/);
  });
});

// D1 40 % (a1 50, a2 30, a3 20), D2 60 % (b1 100).
const plain = ombudsmanInstrument([
  { code: 'd1', weight: 40, indicators: [['a1', 50], ['a2', 30], ['a3', 20]] },
  { code: 'd2', weight: 60, indicators: [['b1', 100]] },
]);
const plainReqs = [
  ...reqs('a1', 'terverifikasi', 'belum_ada'),
  ...reqs('a2', 'terverifikasi', 'terverifikasi', 'terverifikasi'),
  ...reqs('a3', 'tidak_berlaku'),
  ...reqs('b1', 'terverifikasi', 'terverifikasi', 'terverifikasi', 'menunggu_verifikasi'),
];

describe('ombudsmanActions and predictions', () => {
  const actions = ombudsmanActions(plain, plainReqs);
  const subject: ScoringSubject = { kind: 'ombudsman', definition: plain, requirements: plainReqs };

  it('gives one action per applicable unverified requirement with its gain in points', () => {
    // b1.r4: 60 × (100/100) / 4 = 15.00; a1.r2: 40 × (50/80) / 2 = 12.50 (a3 excluded → divisor 80)
    expect(actions.map((a) => [a.requirementCode, a.gain, a.status])).toEqual([
      ['b1.r4', 15, 'menunggu_verifikasi'],
      ['a1.r2', 12.5, 'belum_ada'],
    ]);
    expect(actions[0]!.title).toBe('Selesaikan verifikasi: Bukti b1 4');
    expect(actions[1]!.gainLabel).toBe('+12,50 poin');
  });

  it('predicts by re-scoring: 72.50 → 87.50 → 100.00', () => {
    // before: 0.4 × 68.75 + 0.6 × 75 = 72.50 (C)
    const one = predict(subject, actions, 1);
    expect([one.before.value, one.after.value, one.after.band?.code]).toEqual([72.5, 87.5, 'B']);
    expect(one.sentence).toBe('dari C ke B jika 1 langkah ini selesai (72,50 → 87,50)');
    const manual = scoreOmbudsman(plain, plainReqs.map((r) => (r.code === 'b1.r4' ? { ...r, status: 'terverifikasi' as const } : r)));
    expect(one.after.value).toBe(manual.total);
    expect(predict(subject, actions, 2).after.value).toBe(100);
    expect(stepsToReach(subject, actions, 'A')?.steps).toBe(2);
    expect(stepsToReach(subject, actions, 'B')?.steps).toBe(1);
  });

  it('ranks equal gains: waiting, then repair, then missing', () => {
    const list = reqs('b1', 'belum_ada', 'perlu_perbaikan', 'menunggu_verifikasi', 'terverifikasi', 'tidak_berlaku');
    const ranked = ombudsmanActions(plain, list);
    // D1 has no applicable requirement → excluded, D2 carries all 100 %: 100 / 4 applicable = 25 each
    expect(ranked.map((a) => [a.status, a.gain])).toEqual([
      ['menunggu_verifikasi', 25],
      ['perlu_perbaikan', 25],
      ['belum_ada', 25],
    ]);
  });

  it('scales gains by the dimensions share when a trust survey exists', () => {
    const trusted = ombudsmanInstrument(
      [
        { code: 'd1', weight: 50, indicators: [['c1', 100]] },
        { code: 'd2', weight: 50, indicators: [['e1', 100]] },
      ],
      { trust: 30, suffix: true },
    );
    const list = [
      ...reqs('c1', 'terverifikasi', 'terverifikasi', 'terverifikasi', 'terverifikasi', 'belum_ada'),
      ...reqs('e1', 'terverifikasi', 'terverifikasi', 'terverifikasi', 'terverifikasi', 'perlu_perbaikan'),
    ];
    const ranked = ombudsmanActions(trusted, list, { trust: 90 });
    // each: 50 × 1 / 5 = 10 points of the dimensions part × 70 % = 7.00 points of the total
    expect(ranked.map((a) => [a.requirementCode, a.gain])).toEqual([['e1.r5', 7], ['c1.r5', 7]]);
    const withTrust: ScoringSubject = { kind: 'ombudsman', definition: trusted, requirements: list, options: { trust: 90 } };
    // 83.00 (B) → dimensions 90: 0.7 × 90 + 27 = 90.00 (A)
    expect(predict(withTrust, ranked, 1).sentence).toBe('dari B ke A jika 1 langkah ini selesai (83,00 → 90,00)');
    const noTrust: ScoringSubject = { ...withTrust, options: {} };
    const blind = predict(noTrust, ranked, 1);
    expect([blind.before.value, blind.after.value, blind.change]).toEqual([null, null, null]);
    expect(blind.sentence).toContain('Nilai Kepercayaan Masyarakat belum diisi');
    expect(stepsToReach(noTrust, ranked, 'A')).toBeNull();
  });

  it('refuses actions of the other instrument family', () => {
    expect(() => predict(subject, pekpppActions(small, levels), 1)).toThrow(/tidak dapat diterapkan/);
  });

  it('all gains of the shipped 2022 instrument add up to the whole scale', () => {
    const om = loadInstrument('ombudsman-2022.json');
    const list = allRequirements(om, 'belum_ada');
    const all = ombudsmanActions(om, list);
    expect(all).toHaveLength(list.length);
    expect(all.reduce((total, a) => total + a.gainExact, 0)).toBeCloseTo(100, 9);
    for (let i = 1; i < all.length; i += 1) expect(all[i - 1]!.gainExact).toBeGreaterThanOrEqual(all[i]!.gainExact - 1e-9);
    expect(predict({ kind: 'ombudsman', definition: om, requirements: list }, all, all.length).after.value).toBe(100);
  });
});

describe('crossUnitGaps', () => {
  it('orders PEKPPP units by distance to the target category; units not started form their own group', () => {
    const entries = [
      { unitId: 1, unitName: 'Disdukcapil', report: scorePekppp(small, levels) }, // 2.84
      { unitId: 2, unitName: 'DPMPTSP', report: scorePekppp(small, { k1: 5, k2: 5, k3: 5, s1: 5, s2: 5 }) }, // 5.00
      { unitId: 3, unitName: 'Dinas Sosial', report: scorePekppp(small, {}) }, // no level at all
      { unitId: 4, unitName: 'Bappeda', report: scorePekppp(small, { k1: 0, k2: 0, k3: 0, s1: 0, s2: 0 }) }, // 0.00, all assessed
    ];
    const result = crossUnitGaps(entries, 'B'); // B starts at 3.51
    // 3.51 − 0 = 3.51 (a real 0); 3.51 − 2.84 = 0.67; reached → 0
    expect(result.units.map((u) => [u.unitName, u.distance, u.reached, u.state])).toEqual([
      ['Bappeda', 3.51, false, 'lengkap'],
      ['Disdukcapil', 0.67, false, 'sementara'],
      ['DPMPTSP', 0, true, 'lengkap'],
    ]);
    expect(result.notStarted.map((u) => [u.unitName, u.value, u.band])).toEqual([['Dinas Sosial', null, null]]);
    expect(result.target?.min).toBe(3.51);
    expect(() => crossUnitGaps(entries, 'Z')).toThrow();
  });

  it('counts requirements missing across Ombudsman units', () => {
    const unit = (a1: 'belum_ada' | 'perlu_perbaikan' | 'terverifikasi', b4: 'belum_ada' | 'terverifikasi') =>
      scoreOmbudsman(plain, [
        ...reqs('a1', 'terverifikasi', a1),
        ...reqs('a3', 'tidak_berlaku'),
        ...reqs('b1', 'terverifikasi', 'terverifikasi', 'terverifikasi', b4),
      ]);
    const result = crossUnitGaps(
      [
        { unitId: 'u1', unitName: 'Unit 1', report: unit('belum_ada', 'belum_ada') },
        { unitId: 'u2', unitName: 'Unit 2', report: unit('perlu_perbaikan', 'terverifikasi') },
        { unitId: 'u3', unitName: 'Unit 3', report: unit('terverifikasi', 'terverifikasi') },
      ],
      'A',
    );
    expect(result.missingRequirements.map((m) => [m.code, m.count, m.unitNames])).toEqual([
      ['a1.r2', 2, ['Unit 1', 'Unit 2']],
      ['b1.r4', 1, ['Unit 1']],
    ]);
    expect(result.missingRequirements[0]!.statusCounts).toEqual({ belum_ada: 1, perlu_perbaikan: 1 });
    // D1 rests on a1 alone (a2 has no requirements, a3 not applicable); A starts at 88.01.
    // Unit 1: 0.4 × (1/2 × 100) + 0.6 × (3/4 × 100) = 20 + 45 = 65 → 88.01 − 65 = 23.01
    // Unit 2: 0.4 × 50 + 0.6 × 100 = 80 → 8.01; Unit 3: 100 → reached
    expect(result.units.map((u) => [u.unitName, u.distance])).toEqual([
      ['Unit 1', 23.01],
      ['Unit 2', 8.01],
      ['Unit 3', 0],
    ]);
  });

  it('puts units without a total last', () => {
    const trusted = ombudsmanInstrument([{ code: 'd1', weight: 100, indicators: [['c1', 100]] }], { trust: 30 });
    const list = reqs('c1', 'terverifikasi', 'belum_ada');
    const result = crossUnitGaps(
      [
        { unitId: 1, unitName: 'Tanpa survei', report: scoreOmbudsman(trusted, list) },
        { unitId: 2, unitName: 'Dengan survei', report: scoreOmbudsman(trusted, list, { trust: 80 }) },
      ],
      'A',
    );
    // 0.7 × 50 + 0.3 × 80 = 35 + 24 = 59 → 88.01 − 59 = 29.01
    expect(result.units.map((u) => [u.unitName, u.distance])).toEqual([['Dengan survei', 29.01], ['Tanpa survei', null]]);
    expect(crossUnitGaps([], 'A')).toEqual({ target: null, units: [], notStarted: [], missingRequirements: [] });
  });
});
