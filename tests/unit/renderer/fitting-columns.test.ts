import { describe, expect, it } from 'vitest';
import { columnsToHide, trackMinimum } from '../../../src/renderer/lib/fitting-columns';

const UNITS = [
  { key: 'name', width: 'minmax(220px, 2.6fr)' },
  { key: 'intake', width: '146px' },
  { key: 'shortName', width: 'minmax(90px, 1fr)', optional: 2 },
  { key: 'group', width: 'minmax(120px, 1.3fr)' },
  { key: 'head', width: 'minmax(140px, 1.6fr)', optional: 1 },
  { key: 'status', width: '120px' },
  { key: 'actions', width: '92px' },
];

describe('tables leave out optional columns only when they do not fit', () => {
  it('reads the minimum of a grid track', () => {
    expect(trackMinimum('120px')).toBe(120);
    expect(trackMinimum('minmax(160px, 2.2fr)')).toBe(160);
    expect(trackMinimum('2fr')).toBe(0);
  });

  it('keeps every column when there is room (1366 px and 125 % with the menu as icons)', () => {
    expect([...columnsToHide(UNITS, 975)]).toEqual([]);
  });

  it('drops the least important optional column first, then the next, never a required one', () => {
    expect([...columnsToHide(UNITS, 850)]).toEqual(['shortName']);
    expect([...columnsToHide(UNITS, 791)]).toEqual(['shortName', 'head']);
    expect([...columnsToHide(UNITS, 300)]).toEqual(['shortName', 'head']);
  });
});
