import { describe, expect, it } from 'vitest';
import { bandFor, formatDecimal, formatPercent, round2, roundHalfUp } from '../../../src/core/scoring/rounding';
import { loadInstrument, OMBUDSMAN_BANDS, PEKPPP_BANDS } from './scoring-fixtures';

describe('roundHalfUp', () => {
  it.each([
    // value, decimals, expected — the first ones fail with naive Math.round(x * 100) / 100
    [4.505, 2, 4.51],
    [1.005, 2, 1.01],
    [1.255, 2, 1.26],
    [2.675, 2, 2.68],
    [0.1 + 0.2, 2, 0.3],
    [2.7149999999999999, 2, 2.72], // the literal is the double of 2.715
    [4.5049, 2, 4.5],
    [3.1034, 2, 3.1],
    [88.005, 2, 88.01],
    [72.5, 0, 73],
    [0.96666, 1, 1],
    [-1.005, 2, -1.01],
    [0, 2, 0],
    [5, 2, 5],
  ])('roundHalfUp(%s, %s) = %s', (value, decimals, expected) => {
    expect(roundHalfUp(value, decimals)).toBe(expected);
  });

  it('round2 is roundHalfUp to two decimals', () => {
    expect(round2(4.505)).toBe(4.51);
    expect(round2(1.005)).toBe(1.01);
    expect(round2(1.004999)).toBe(1);
  });

  it('formats Indonesian decimals with the same rounding', () => {
    expect(formatDecimal(2.7125, 2)).toBe('2,71');
    expect(formatDecimal(1.005, 2)).toBe('1,01');
    expect(formatDecimal(0.6504, 4)).toBe('0,6504');
    expect(formatDecimal(83, 2)).toBe('83,00');
    expect(formatPercent(21.85)).toBe('21,85%');
    expect(formatPercent(17)).toBe('17%');
  });
});

describe('bandFor on the PEKPPP category table', () => {
  it.each([
    [5, 'A'],
    [4.51, 'A'],
    [4.505, 'A'], // shown as 4,51, so it must be A
    [4.5, 'A-'],
    [4.5049, 'A-'],
    [4.01, 'A-'],
    [4.0, 'B'],
    [3.51, 'B'],
    [3.505, 'B'],
    [3.5, 'B-'],
    [3.01, 'B-'],
    [3, 'C'],
    [2.51, 'C'],
    [2.5, 'C-'],
    [2.01, 'C-'],
    [2, 'D'],
    [1.51, 'D'],
    [1.5, 'E'],
    [1.01, 'E'],
    [1.005, 'E'],
    [1.0, 'F'],
    [1.0049, 'F'],
    [0, 'F'],
  ])('%s → %s', (value, code) => {
    expect(bandFor(value, PEKPPP_BANDS, 2)?.code).toBe(code);
  });

  it('returns null outside the scale', () => {
    expect(bandFor(5.01, PEKPPP_BANDS, 2)).toBeNull();
    expect(bandFor(-0.01, PEKPPP_BANDS, 2)).toBeNull();
  });

  it('uses the bands of the shipped PEKPPP file', () => {
    const bands = loadInstrument('pekppp-2022-a.json').scoring.bands;
    expect(bandFor(4.5, bands, 2)?.code).toBe('A-');
    expect(bandFor(4.51, bands, 2)?.code).toBe('A');
    expect(bandFor(1, bands, 2)?.code).toBe('F');
    expect(bandFor(1.01, bands, 2)?.code).toBe('E');
  });
});

describe('bandFor on the Ombudsman grade table', () => {
  it.each([
    // published score → grade pairs (domain §3), then the inferred boundaries
    [90.02, 'A', 'hijau'],
    [89.45, 'A', 'hijau'],
    [80.85, 'B', 'hijau'],
    [60.35, 'C', 'kuning'],
    [100, 'A', 'hijau'],
    [88.01, 'A', 'hijau'],
    [88.005, 'A', 'hijau'],
    [88.0, 'B', 'hijau'],
    [78.01, 'B', 'hijau'],
    [78.0, 'C', 'kuning'],
    [57.01, 'C', 'kuning'],
    [57.0, 'D', 'merah'],
    [26.0, 'E', 'merah'],
    [0, 'E', 'merah'],
  ])('%s → %s %s', (value, code, zone) => {
    const band = bandFor(value, OMBUDSMAN_BANDS, 2);
    expect([band?.code, band?.zone]).toEqual([code, zone]);
  });

  it('agrees with the shipped 2022 and 2025 files', () => {
    for (const name of ['ombudsman-2022.json', 'ombudsman-2025.json']) {
      const bands = loadInstrument(name).scoring.bands;
      expect([90.02, 89.45, 80.85, 60.35, 88, 88.01, 57, 57.01].map((value) => bandFor(value, bands, 2)?.code)).toEqual([
        'A', 'A', 'B', 'C', 'B', 'A', 'D', 'C',
      ]);
    }
  });

  it('the 2013–2021 zones: 81,00 hijau, 80,99 kuning, 50,99 merah', () => {
    const bands = loadInstrument('ombudsman-2013.json').scoring.bands;
    expect([81, 80.995, 80.99, 51, 50.99, 0].map((value) => bandFor(value, bands, 2)?.zone)).toEqual([
      'hijau', 'hijau', 'kuning', 'kuning', 'merah', 'merah',
    ]);
  });
});
