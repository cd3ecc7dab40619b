import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoResourcesDir } from '../../src/server/paths';
import type { BenchContext } from '../main';
import type { Measurement } from '../measure';
import { judged } from '../targets';

/** The SIGKILL crash test at benchmark scale (the test suite runs it 200 times). */
export async function crashOperation(bench: BenchContext): Promise<Measurement[]> {
  const iterations = bench.quick ? 200 : 1000;
  bench.log(`Uji crash: ${iterations} kali SIGKILL…`);
  const start = Date.now();
  const result = spawnSync(process.execPath, [path.join(repoResourcesDir(), '..', 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'tests/unit/crash/crash.test.ts'], {
    cwd: path.join(repoResourcesDir(), '..'),
    env: { ...process.env, PATUH_CRASH_ITERATIONS: String(iterations) },
    encoding: 'utf8',
  });
  const elapsed = Date.now() - start;
  const passed = result.status === 0;
  const row: Measurement = {
    operation: `Uji crash SIGKILL × ${iterations} (data hilang)`,
    runs: iterations,
    medianMs: elapsed / iterations,
    p95Ms: elapsed / iterations,
    peakRssMb: 0,
    note: passed ? '0 hilang' : 'GAGAL',
  };
  return [judged(row, 'crash')];
}
