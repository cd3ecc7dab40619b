/**
 * CLI start to exit: `node out/cli/patuh-cli.mjs units list` on the benchmark's data
 * folder, as an administrator runs it (plain node, no TypeScript loader).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { repoResourcesDir } from '../../src/server/paths';
import type { BenchContext } from '../main';
import { summarize, type Measurement } from '../measure';
import { judged } from '../targets';

export async function cliOperations(bench: BenchContext): Promise<Measurement[]> {
  const bundle = path.join(repoResourcesDir(), '..', 'out', 'cli', 'patuh-cli.mjs');
  if (!fs.existsSync(bundle)) {
    bench.log('Membangun CLI (out/cli/patuh-cli.mjs)…');
    // @ts-expect-error plain ES module script without types
    const { buildCli } = (await import('../../scripts/build-cli.mjs')) as { buildCli: () => Promise<void> };
    await buildCli();
  }
  bench.log('Mengukur: CLI units list dari mulai sampai keluar');
  const run = () => {
    const start = performance.now();
    const result = spawnSync(process.execPath, [bundle, 'units', 'list', '--data-dir', bench.dataDir], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    if (result.status !== 0) throw new Error(`CLI gagal: ${result.stderr.split('\n')[0]}`);
    return performance.now() - start;
  };
  run();
  const times = Array.from({ length: bench.quick ? 5 : 10 }, run);
  return [judged(summarize(`CLI: units list (${bench.dataset.unitIds.length} unit), mulai sampai keluar`, times, 0), 'cliStart')];
}
