import { describe, expect, it } from 'vitest';
import { formatPercent as formatWeightCore, formatShare } from '../../../src/core/scoring/rounding';
import { formatPercent, formatWeight } from '../../../src/renderer/lib/format';
import { percentText } from '../../../src/cli/runtime';
import { reminderMessage } from '../../../src/core/documents/reminder';

describe('one precision for measured percentages', () => {
  it('prints every share with one decimal in id-ID, so 12 and 17,6 line up', () => {
    expect(formatShare(12)).toBe('12,0%');
    expect(formatShare(17.56)).toBe('17,6%');
    expect(formatShare(0)).toBe('0,0%');
    expect(formatShare(100)).toBe('100,0%');
    expect(formatShare(30.849)).toBe('30,8%');
  });

  it('the screens, the CLI and the documents all use that one rule', () => {
    for (const value of [0, 12, 17.56, 66.666, 100]) {
      expect(formatPercent(value)).toBe(formatShare(value));
      expect(percentText(value)).toBe(formatShare(value));
    }
    const { message } = reminderMessage({ year: 2026, unitName: 'Dinas Sosial', headName: null, percentVerified: 12, missing: 3, needsFix: 1, waiting: 2, items: [], deadline: null, daysLeft: null, sender: 'Bagian Organisasi', sendTo: 'organisasi@slemankab.go.id' });
    expect(message).toContain('baru 12,0% terverifikasi');
  });

  it('keeps weights exactly as the instrument defines them, in id-ID', () => {
    expect(formatWeight(17)).toBe('17%');
    expect(formatWeight(6.25)).toBe('6,25%');
    expect(formatWeight(6.25)).toBe(formatWeightCore(6.25));
  });
});
