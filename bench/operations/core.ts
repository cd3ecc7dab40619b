import { dispatch } from '../../src/server/api/dispatch';
import { createHandlers } from '../../src/server/api/handlers';
import { computeYear } from '../../src/server/scoring/scores-service';
import type { BenchContext } from '../main';
import { measure, withRatio, type Measurement } from '../measure';
import { judged } from '../targets';
import { freshStart, oneChange } from './one-change';

/** Scoring, checklist and start-up: the things a user waits for on every click. */
export async function coreOperations(bench: BenchContext): Promise<Measurement[]> {
  const rows: Measurement[] = [];
  const { latestPeriodId, unitIds } = bench.dataset;
  bench.log('Mengukur: hitung ulang nilai setahun, buka daftar periksa, mulai aplikasi');
  const db = bench.app.ctx.db;
  // The rows scoring reads: levels of every unit and the Ombudsman requirement statuses.
  const ombudsmanId = db
    .prepare("SELECT pi.instrument_id FROM period_instruments pi JOIN instruments i ON i.id = pi.instrument_id WHERE pi.period_id = ? AND i.family = 'ombudsman'")
    .pluck()
    .get(latestPeriodId) as number;
  const raw = await measure('Baku: baca SQL baris nilai setahun', 10, () => {
    db.prepare('SELECT unit_id, instrument_id, requirement_code, status FROM checklist_items WHERE period_id = ? AND instrument_id = ?').all(latestPeriodId, ombudsmanId);
    db.prepare('SELECT unit_id, instrument_id, indicator_code, self_level, verified_level FROM assessments WHERE period_id = ?').all(latestPeriodId);
  });
  const scores = await measure(`Hitung ulang semua nilai setahun (${unitIds.length} unit)`, 10, () => computeYear(bench.app.ctx, latestPeriodId));
  rows.push(raw, judged(withRatio(scores, raw, 'time'), 'scores'));

  const handlers = createHandlers(bench.app, { host: 'cli' });
  const unitId = unitIds[Math.floor(unitIds.length / 2)]!;
  const checklist = await measure('Buka daftar periksa satu unit lewat API', 20, async () => {
    const result = await dispatch(handlers, 'checklist:get', { periodId: latestPeriodId, unitId });
    if (!result.ok) throw new Error(result.error.message);
  });
  rows.push(judged(checklist, 'checklist'));

  const showDashboard = async () => {
    const result = await dispatch(createHandlers(bench.app, { host: 'cli' }), 'scores:dashboard', { periodId: latestPeriodId });
    if (!result.ok) throw new Error(result.error.message);
  };
  const runs = bench.quick ? 5 : 10;
  const afterChange = await measure(`Dasbor tahun (${unitIds.length} unit), setelah satu perubahan`, runs, showDashboard, { before: oneChange(bench) });
  const firstOpen = await measure(`Dasbor tahun (${unitIds.length} unit), pertama setelah aplikasi dibuka`, runs, showDashboard, { before: freshStart(bench) });
  rows.push(judged(afterChange, 'dashboard'), judged(firstOpen, 'dashboard'));

  const startup = await measure('Mulai: buka + migrasi + quick_check', 5, () => bench.reopen(), { warmup: false });
  rows.push(judged(startup, 'startup'));
  return rows;
}
