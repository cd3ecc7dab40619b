/**
 * One ordinary change through the API before a timed read, as an office makes between
 * two looks at the Beranda: a unit's Ombudsman inputs, a different unit each time. The
 * year's figures are remembered (src/server/scoring/year-figures.ts), so a read right
 * after a read would measure nothing; after a change, the year is read again and the
 * changed unit scored anew.
 */
import { dispatch } from '../../src/server/api/dispatch';
import { createHandlers } from '../../src/server/api/handlers';
import type { BenchContext } from '../main';

export function oneChange(bench: BenchContext): () => Promise<void> {
  let turn = 0;
  return async () => {
    const { latestPeriodId, unitIds } = bench.dataset;
    turn += 1;
    const unitId = unitIds[(turn * 7) % unitIds.length]!;
    const result = await dispatch(createHandlers(bench.app, { host: 'cli' }), 'ombudsman:set-inputs', { periodId: latestPeriodId, unitId, trust: 60 + (turn % 30), followedUp: turn % 2 === 0 });
    if (!result.ok) throw new Error(result.error.message);
  };
}

/** A fresh connection before each run, as right after the app opens: nothing remembered, every unit scored. */
export function freshStart(bench: BenchContext): () => void {
  return () => void bench.reopen();
}
