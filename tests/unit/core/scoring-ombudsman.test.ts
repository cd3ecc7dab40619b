import { describe, expect, it } from 'vitest';
import { scoreOmbudsman, scoreOmbudsmanLocalGovernment } from '../../../src/core/scoring/ombudsman';
import type { EvidenceStatus } from '../../../src/core/scoring/types';
import { allRequirements, loadInstrument, ombudsmanInstrument, pekpppInstrument, reqs } from './scoring-fixtures';

// D1 40 % (a1 50, a2 30, a3 20), D2 60 % (b1 100); no trust survey, no suffix.
const plain = ombudsmanInstrument([
  { code: 'd1', weight: 40, indicators: [['a1', 50], ['a2', 30], ['a3', 20]] },
  { code: 'd2', weight: 60, indicators: [['b1', 100]] },
]);

// 2025-style: D1 50 % (c1), D2 50 % (d1), trust 30 %, suffix "Tanpa Maladministrasi".
const trusted = ombudsmanInstrument(
  [
    { code: 'd1', weight: 50, indicators: [['c1', 100]] },
    { code: 'd2', weight: 50, indicators: [['e1', 100]] },
  ],
  { trust: 30, suffix: true },
);

/** c1 and e1 each with 5 requirements, `verified` of them verified. */
function trustedReqs(verifiedC: number, verifiedE: number) {
  const statuses = (n: number) => Array.from({ length: 5 }, (_, i): EvidenceStatus => (i < n ? 'terverifikasi' : 'belum_ada'));
  return [...reqs('c1', ...statuses(verifiedC)), ...reqs('e1', ...statuses(verifiedE))];
}

describe('scoreOmbudsman: shares, exclusion and redistribution', () => {
  const requirements = [
    ...reqs('a1', 'terverifikasi', 'belum_ada'), // 1/2
    ...reqs('a2', 'terverifikasi', 'terverifikasi', 'terverifikasi'), // 3/3
    ...reqs('a3', 'tidak_berlaku'), // excluded: weight 20 redistributed inside D1
    ...reqs('b1', 'terverifikasi', 'terverifikasi', 'terverifikasi', 'menunggu_verifikasi'), // 3/4
  ];
  const report = scoreOmbudsman(plain, requirements);

  it('redistributes the weight of an all-not-applicable indicator inside its dimension', () => {
    // D1 = (50 × 1/2 + 30 × 3/3) / (50 + 30) × 100 = 55 / 80 × 100 = 68.75
    // D2 = 100 × 3/4 = 75
    // total = 0.40 × 68.75 + 0.60 × 75 = 27.50 + 45.00 = 72.50 → C kuning
    expect(report.aspects.map((a) => [a.code, a.score, a.contribution])).toEqual([
      ['d1', 68.75, 27.5],
      ['d2', 75, 45],
    ]);
    expect([report.dimensionsScore, report.total, report.band?.code, report.zone]).toEqual([72.5, 72.5, 'C', 'kuning']);
    const d1 = report.aspects[0]!.indicators;
    expect(d1.map((i) => [i.code, i.included, i.effectiveWeight, i.score])).toEqual([
      ['a1', true, 62.5, 50],
      ['a2', true, 37.5, 100],
      ['a3', false, 0, null],
    ]);
    expect(d1[2]!.exclusionReason).toBe('semua bukti dukung tidak berlaku');
  });

  it('counts a requirement that is merely waiting as not verified', () => {
    expect(report.aspects[1]!.indicators[0]).toMatchObject({ applicableCount: 4, verifiedCount: 3, share: 0.75 });
    expect(report.requirementCounts).toEqual({
      belum_ada: 1, menunggu_verifikasi: 1, terverifikasi: 7, perlu_perbaikan: 0, tidak_berlaku: 1, // 1 + 3 + 3 verified
    });
  });

  it('would score lower if the same requirement were only missing (exclusion matters)', () => {
    const missing = scoreOmbudsman(plain, requirements.map((r) => (r.indicatorCode === 'a3' ? { ...r, status: 'belum_ada' as const } : r)));
    // D1 = (25 + 30 + 20 × 0) / 100 × 100 = 55 → total = 22 + 45 = 67.00
    expect(missing.total).toBe(67);
  });

  it('says so in the derivation', () => {
    expect(report.derivation[0]).toBe(
      'Dimensi D1 (40%): (50 × 1/2 + 30 × 3/3) ÷ 80 × 100 = 68,75 → kontribusi 27,50. Dikecualikan: indikator 3 "Indikator a3" (semua bukti dukung tidak berlaku); bobotnya dibagi ke indikator lain dalam dimensi ini (pembagi 80, bukan 100).',
    );
    expect(report.derivation).toContain('Nilai dimensi = 27,50 + 45,00 = 72,50');
    expect(report.derivation.at(-1)).toBe('Estimasi kesiapan 72,50 → C (Kualitas Sedang, zona kuning) (batas kategori estimasi)');
  });

  it('excludes a whole dimension without applicable requirements and reweights the others', () => {
    const onlyD2 = scoreOmbudsman(plain, [...reqs('a1', 'tidak_berlaku'), ...reqs('b1', 'terverifikasi', 'belum_ada', 'belum_ada', 'belum_ada')]);
    // D1 excluded (a2, a3 have no requirements at all) → total = D2 = 100 × 1/4 = 25 → E
    expect(onlyD2.aspects[0]).toMatchObject({ included: false, score: null });
    expect([onlyD2.total, onlyD2.band?.code]).toEqual([25, 'E']);
    expect(onlyD2.aspects[0]!.indicators[1]!.exclusionReason).toBe('tidak ada bukti dukung yang ditetapkan');
    expect(onlyD2.derivation[0]).toContain('dikecualikan');
  });

  it('ignores requirements of unknown indicators with a note', () => {
    const extra = scoreOmbudsman(plain, [...requirements, ...reqs('zz', 'terverifikasi')]);
    expect(extra.total).toBe(72.5);
    expect(extra.requirementCounts.terverifikasi).toBe(7); // the unknown one is not counted
    expect(extra.notes.some((n) => n.includes('"zz"'))).toBe(true);
  });

  it('is always labelled as an estimate and rejects PEKPPP instruments', () => {
    expect([report.isEstimate, report.estimateLabel, report.band?.estimated]).toEqual([true, 'estimasi kesiapan', true]);
    const pek = pekpppInstrument([{ code: 'k', weight: 100, indicators: [['k1', 100]] }]);
    expect(() => scoreOmbudsman(pek, [])).toThrow(/bukan instrumen berbasis bukti dukung/);
  });
});

describe('scoreOmbudsman: 2025 trust combination and suffix', () => {
  it('combines 70 % dimensions with 30 % trust', () => {
    // dimensions: c1 4/5 = 80, e1 4/5 = 80 → 80; total = 0.7 × 80 + 0.3 × 90 = 56 + 27 = 83.00 → B
    const report = scoreOmbudsman(trusted, trustedReqs(4, 4), { trust: 90 });
    expect([report.dimensionsScore, report.total, report.band?.code, report.zone, report.opinion]).toEqual([
      80, 83, 'B', 'hijau', 'Kualitas Tinggi',
    ]);
    expect(report.trust).toEqual({ label: 'Kepercayaan Masyarakat', share: 30, value: 90 });
    expect(report.derivation).toContain('Nilai akhir = 70% × 80,00 + 30% × 90,00 (Kepercayaan Masyarakat) = 83,00');
  });

  it.each([
    // 0.7 × 100 + 0.3 × 60 = 88.00 → B; 0.3 × 60.04 = 18.012 → 88.012 → 88.01 → A
    [60, 88, 'B'],
    [60.04, 88.01, 'A'],
    // 0.7 × 100 + 0.3 × 0 = 70 → C
    [0, 70, 'C'],
  ])('dimensions 100, trust %s → %s %s', (trust, total, code) => {
    const report = scoreOmbudsman(trusted, trustedReqs(5, 5), { trust });
    expect([report.total, report.band?.code]).toEqual([total, code]);
  });

  it('leaves the total empty when trust is missing but still gives the dimensions part', () => {
    for (const options of [{}, { trust: null }]) {
      const report = scoreOmbudsman(trusted, trustedReqs(4, 4), options);
      expect([report.total, report.band, report.opinion, report.dimensionsScore]).toEqual([null, null, null, 80]);
      expect(report.notes.join(' ')).toContain('Nilai Kepercayaan Masyarakat belum diisi');
      expect(report.derivation.at(-1)).toContain('bagian dimensi 70% × 80,00 = 56,00');
    }
  });

  it('rejects a trust value outside 0–100', () => {
    const report = scoreOmbudsman(trusted, trustedReqs(4, 4), { trust: 120 });
    expect(report.total).toBeNull();
    expect(report.notes.some((n) => n.includes('tidak valid'))).toBe(true);
  });

  it('appends "Tanpa Maladministrasi" only when findings were followed up', () => {
    const followed = scoreOmbudsman(trusted, trustedReqs(4, 4), { trust: 90, followedUp: true });
    expect([followed.suffix, followed.opinion]).toEqual(['Tanpa Maladministrasi', 'Kualitas Tinggi Tanpa Maladministrasi']);
    const notFollowed = scoreOmbudsman(trusted, trustedReqs(4, 4), { trust: 90, followedUp: false });
    expect([notFollowed.suffix, notFollowed.opinion]).toEqual([null, 'Kualitas Tinggi']);
    // an instrument without a suffix never gets one
    const plainFollowed = scoreOmbudsman(plain, reqs('b1', 'terverifikasi'), { followedUp: true });
    expect(plainFollowed.suffix).toBeNull();
  });
});

describe('scoreOmbudsman on the shipped instruments', () => {
  const om2022 = loadInstrument('ombudsman-2022.json');
  const om2025 = loadInstrument('ombudsman-2025.json');

  it('2022: everything verified = 100 A, nothing = 0 E', () => {
    const full = scoreOmbudsman(om2022, allRequirements(om2022, 'terverifikasi'));
    expect([full.total, full.band?.code, full.band?.estimated]).toEqual([100, 'A', true]);
    const none = scoreOmbudsman(om2022, allRequirements(om2022, 'belum_ada'));
    expect([none.total, none.band?.code, none.zone]).toEqual([0, 'E', 'merah']);
  });

  it('2022: only the Proses dimension verified → its weight 32.37', () => {
    const list = allRequirements(om2022, 'belum_ada').map((r) =>
      om2022.aspects.find((a) => a.code === 'proses')!.indicators.some((i) => i.code === r.indicatorCode)
        ? { ...r, status: 'terverifikasi' as const }
        : r,
    );
    const report = scoreOmbudsman(om2022, list);
    expect([report.total, report.band?.code]).toEqual([32.37, 'D']);
  });

  it('2025: all verified and trust 50 → 0.7 × 100 + 0.3 × 50 = 85.00 B; suffix when followed up', () => {
    const report = scoreOmbudsman(om2025, allRequirements(om2025, 'terverifikasi'), { trust: 50, followedUp: true });
    expect([report.total, report.band?.code, report.opinion]).toEqual([85, 'B', 'Kualitas Tinggi Tanpa Maladministrasi']);
  });
});

describe('scoreOmbudsmanLocalGovernment', () => {
  const entries = [
    { unitId: 1, unitName: 'DPMPTSP', report: scoreOmbudsman(trusted, trustedReqs(5, 5), { trust: 60 }) }, // 88.00 B
    { unitId: 2, unitName: 'Disdukcapil', report: scoreOmbudsman(trusted, trustedReqs(4, 4), { trust: 90 }) }, // 83.00 B
    { unitId: 3, unitName: 'Puskesmas Kota', report: scoreOmbudsman(trusted, trustedReqs(4, 4)) }, // trust missing
  ];
  const result = scoreOmbudsmanLocalGovernment(entries);

  it('averages the units that have a total and names the others', () => {
    // (88.00 + 83.00) / 2 = 85.50 → B hijau
    expect([result.total, result.band?.code, result.zone, result.unitsWithTotal, result.unitCount]).toEqual([85.5, 'B', 'hijau', 2, 3]);
    expect(result.missingTotalUnits).toEqual(['Puskesmas Kota']);
    expect(result.notes[0]).toContain('Nilai Kepercayaan Masyarakat belum diisi');
    // dimensions: (100 + 80 + 80) / 3 = 86.666… → 86.67
    expect(result.dimensionsMean).toBe(86.67);
    expect(result.derivation[0]).toBe('Estimasi pemda = rata-rata 2 unit sampel = (88,00 + 83,00) ÷ 2 = 85,50 → B (Kualitas Tinggi, zona hijau) (batas kategori estimasi)');
    expect(result.distribution.find((band) => band.code === 'B')?.count).toBe(2);
  });

  it('has no total when no unit has one', () => {
    const none = scoreOmbudsmanLocalGovernment(entries.slice(2));
    expect([none.total, none.band]).toEqual([null, null]);
  });
});
