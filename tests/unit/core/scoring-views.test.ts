import { describe, expect, it } from 'vitest';
import { scoreLocalGovernment } from '../../../src/core/scoring/pekppp';
import { summarizeView, viewLine } from '../../../src/core/scoring/view-text';
import { numberRanges } from '../../../src/core/scoring/view-text';
import { currentLevels, scorePekpppViews } from '../../../src/core/scoring/views';
import type { PekpppLevels } from '../../../src/core/scoring/types';
import { loadInstrument, pekpppInstrument } from './scoring-fixtures';

const pekppp = loadInstrument('pekppp-2022-a.json');
const indicators = pekppp.aspects.flatMap((aspect) => aspect.indicators).filter((indicator) => indicator.number <= 30);
const codes = indicators.map((indicator) => indicator.code);
const levelsOf = (pick: (number: number) => number | null): PekpppLevels =>
  Object.fromEntries(indicators.map((indicator) => [indicator.code, pick(indicator.number)]));

// K 60 % (k1 50, k2 30, k3 20), S 40 % (s1 75, s2 25).
const small = pekpppInstrument([
  { code: 'k', weight: 60, indicators: [['k1', 50], ['k2', 30], ['k3', 20]] },
  { code: 's', weight: 40, indicators: [['s1', 75], ['s2', 25]] },
]);

describe('nilai terkini (current view)', () => {
  it('30 self levels of 4 and 5 verified levels of 4: 4,00 B, basis 5/25/0, verified view provisional', () => {
    const self = levelsOf(() => 4);
    const verified = levelsOf((number) => (number <= 5 ? 4 : null));
    const views = scorePekpppViews(pekppp, self, verified);
    expect(views.current).not.toBeNull();
    const current = views.current!;
    expect([current.view, current.index, current.band?.code, current.band?.provisional, current.state]).toEqual(['current', 4, 'B', false, 'lengkap']);
    expect(current.basis).toEqual({ verified: 5, selfOnly: 25, unassessed: 0 });
    expect(current.derivation[0]).toBe('Nilai terkini: indikator 1–5 nilai verifikasi, 6–30 nilai mandiri.');
    // Verified: Kebijakan 24 % × (17+14+7+14+10) % × 4 = 0.24 × 2.48 = 0.5952 → 0,60, provisional.
    expect([views.verified.index, views.verified.band?.code, views.verified.band?.provisional, views.verified.state]).toEqual([0.6, 'F', true, 'sementara']);
    expect(views.verified.notes).toContain('Verifikasi masih berjalan: 5 dari 30 indikator sudah diverifikasi; indeks dan kategori sementara (25 indikator dihitung 0).');
    expect(views.self.index).toBe(4);
  });

  it('takes the verified level where there is one, else the own level, per indicator (hand-computed)', () => {
    // k1 verified 2 (own 5), k2 own 4, k3 nothing, s1 verified 3 (no own), s2 own 1.
    const views = scorePekpppViews(small, { k1: 5, k2: 4, s2: 1 }, { k1: 2, s1: 3 });
    const current = views.current!;
    // K: 50%×2 + 30%×4 + 20%×0 = 1 + 1.2 = 2.20; S: 75%×3 + 25%×1 = 2.25 + 0.25 = 2.50
    // index = 0.6 × 2.2 + 0.4 × 2.5 = 1.32 + 1.00 = 2.32 → C- (2.01–2.50), provisional (k3)
    expect(current.aspects.map((aspect) => aspect.index)).toEqual([2.2, 2.5]);
    expect([current.index, current.band?.code, current.band?.provisional]).toEqual([2.32, 'C-', true]);
    expect(current.basis).toEqual({ verified: 2, selfOnly: 2, unassessed: 1 });
    expect(current.aspects[0]!.indicators.map((item) => [item.code, item.level, item.source])).toEqual([
      ['k1', 2, 'verified'],
      ['k2', 4, 'self'],
      ['k3', null, null],
    ]);
    expect(current.derivation[0]).toBe('Nilai terkini: indikator 1, 4 nilai verifikasi, 2, 5 nilai mandiri, 3 belum dinilai.');
    // Self: K 50%×5 + 30%×4 = 3.70, S 25%×1 = 0.25 → 0.6×3.7 + 0.4×0.25 = 2.22 + 0.10 = 2.32 (a coincidence of sums)
    expect(views.self.index).toBe(2.32);
    expect(views.self.basis).toEqual({ verified: 0, selfOnly: 3, unassessed: 2 });
    // Verified: K 50%×2 = 1.0, S 75%×3 = 2.25 → 0.6 + 0.9 = 1.50 → E, provisional
    expect([views.verified.index, views.verified.band?.code, views.verified.band?.provisional]).toEqual([1.5, 'E', true]);
  });

  it('a verified 0 overrides an own level (0 is a level, not a gap)', () => {
    const { levels, sources } = currentLevels(small, { k1: 5 }, { k1: 0 });
    expect([levels['k1'], sources['k1']]).toEqual([0, 'verified']);
  });

  it('a unit with no level at all is belum dinilai in every view: no index, no category', () => {
    const views = scorePekpppViews(pekppp, {}, {});
    expect(views.current).toBeNull();
    for (const report of [views.self, views.verified]) {
      expect([report.index, report.band, report.state]).toEqual([null, null, 'belum_dinilai']);
    }
    expect(summarizeView(null)).toEqual({ value: 'belum dinilai', category: '', basis: '', assessed: false });
    expect(viewLine(views.current, 'current')).toBe('nilai terkini: belum dinilai');
  });

  it('only verified levels: the current view equals the verified view and says so', () => {
    const verified = levelsOf(() => 3);
    const views = scorePekpppViews(pekppp, {}, verified);
    expect(views.current!.index).toBe(views.verified.index);
    expect(views.current!.basis).toEqual({ verified: 30, selfOnly: 0, unassessed: 0 });
    expect(views.current!.derivation[0]).toBe('Nilai terkini: indikator 1–30 nilai verifikasi.');
    expect(viewLine(views.current, 'current')).toBe('nilai terkini 3,00 C · 30 diverifikasi');
    expect(codes).toHaveLength(30);
  });

  it('the text of an incomplete view carries "n dari 30" and sementara', () => {
    const views = scorePekpppViews(pekppp, levelsOf((number) => (number <= 12 ? 5 : null)), {});
    const summary = summarizeView(views.self);
    expect(summary.basis).toBe('12 dari 30 indikator');
    expect(summary.category).toMatch(/ \(sementara\)$/);
    expect(viewLine(views.current, 'current')).toMatch(/^nilai terkini \d,\d\d [A-F]-? \(sementara\) · 12 mandiri, 18 belum dinilai$/);
  });
});

describe('local government mean over views', () => {
  it('leaves units with no level out of the mean, lists them, and marks the category provisional', () => {
    const full = scorePekpppViews(small, { k1: 4, k2: 4, k3: 4, s1: 4, s2: 4 }, {}).current!; // 4.00 B
    const half = scorePekpppViews(small, { k1: 5, k2: 5 }, { k1: 5 }).current!; // K 4.00 → 2.40, S 0 → 2.40 C-
    const none = scorePekpppViews(small, {}, {}).self; // belum dinilai
    const result = scoreLocalGovernment(
      [
        { unitId: 1, unitName: 'Disdukcapil', report: full },
        { unitId: 2, unitName: 'Dinas Sosial', report: half },
        { unitId: 3, unitName: 'Kecamatan Barat', report: none },
      ],
      'current',
    );
    // (4.00 + 2.40) / 2 = 3.20 → B-
    expect([result.index, result.band?.code, result.band?.provisional, result.unitCount]).toEqual([3.2, 'B-', true, 2]);
    expect(result.unassessedUnits).toEqual(['Kecamatan Barat']);
    expect(result.incompleteUnits).toEqual(['Dinas Sosial']);
    expect(result.units.find((unit) => unit.unitName === 'Kecamatan Barat')).toMatchObject({ value: null, band: null, state: 'belum_dinilai' });
    expect(result.distribution.reduce((sum, band) => sum + band.count, 0)).toBe(2);
    expect(result.derivation).toEqual([
      'Indeks pemda (nilai terkini) = rata-rata 2 unit = (4,00 + 2,40) ÷ 2 = 3,20 → kategori B- (Baik dengan catatan) (sementara)',
      '1 unit belum dinilai dan tidak dihitung: Kecamatan Barat.',
    ]);
  });

  it('all units complete: the category is final', () => {
    const full = scorePekpppViews(small, { k1: 4, k2: 4, k3: 4, s1: 4, s2: 4 }, {}).current!;
    const result = scoreLocalGovernment([{ unitId: 1, unitName: 'A', report: full }], 'current');
    expect(result.band?.provisional).toBe(false);
  });
});

describe('numberRanges', () => {
  it.each([
    [[], ''],
    [[3], '3'],
    [[1, 2, 3, 4, 5], '1–5'],
    [[1, 2, 4, 6, 7, 8, 30], '1–2, 4, 6–8, 30'],
    [[5, 1, 2], '1–2, 5'],
  ])('%j → %s', (numbers, text) => {
    expect(numberRanges(numbers)).toBe(text);
  });
});
