/**
 * `npm run bench [-- --quick] [--check] [--only core,cli,recap,package,import,browser,crash] [--units N]`:
 * builds the reference dataset in a temp data dir and prints one table — operation,
 * median and p95 time, peak memory, and the ratio to a raw baseline measured in the same
 * run. Targets (bench/targets.ts) are checked here, never in tests; `--check` exits
 * non-zero when any is missed. `--only` runs some groups (for comparing a change; the
 * table files are then not written).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, type StartedApp } from '../src/server/app';
import { repoResourcesDir } from '../src/server/paths';
import { FULL, QUICK, generateDataset, waitForQuietDisk, type Dataset } from './dataset';
import { renderTable, type Measurement } from './measure';
import { coreOperations } from './operations/core';
import { cliOperations } from './operations/cli';
import { importRows, packageRows, recapRows } from './operations/excel';
import { crashOperation } from './operations/crash';
import { browserOperations } from './operations/browser';
import { intakeOperations } from './operations/intake';

export interface BenchContext {
  app: StartedApp;
  dataset: Dataset;
  dataDir: string;
  workDir: string;
  quick: boolean;
  log: (line: string) => void;
  reopen: () => StartedApp;
}

const log = (line: string): void => void process.stderr.write(`${line}\n`);

const GROUPS = {
  core: coreOperations,
  cli: cliOperations,
  recap: recapRows,
  package: packageRows,
  import: importRows,
  intake: intakeOperations,
  browser: browserOperations,
  crash: crashOperation,
} satisfies Record<string, (bench: BenchContext) => Promise<Measurement[]>>;

function chosenGroups(): Array<[string, (bench: BenchContext) => Promise<Measurement[]>]> {
  const index = process.argv.indexOf('--only');
  if (index === -1) return Object.entries(GROUPS);
  const names = (process.argv[index + 1] ?? '').split(',').filter(Boolean);
  const unknown = names.filter((name) => !(name in GROUPS));
  if (names.length === 0 || unknown.length > 0) throw new Error(`--only: kelompok tidak dikenal (${unknown.join(', ') || 'kosong'}); pilihan: ${Object.keys(GROUPS).join(', ')}`);
  return names.map((name) => [name, GROUPS[name as keyof typeof GROUPS]]);
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const check = process.argv.includes('--check');
  const partial = process.argv.includes('--only') || process.argv.includes('--units');
  const groups = chosenGroups();
  // `--units N`: the quick dataset's few files with as many units as a real kabupaten.
  const unitsFlag = process.argv.indexOf('--units');
  const size = { ...(quick ? QUICK : FULL), ...(unitsFlag === -1 ? {} : { units: Number(process.argv[unitsFlag + 1]) }) };
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'patuh-bench-'));
  const dataDir = path.join(root, 'data');
  const workDir = path.join(root, 'work');
  fs.mkdirSync(workDir, { recursive: true });
  const open = (): StartedApp => startApp({ dataDir, resourcesDir: repoResourcesDir(), host: 'cli', appVersion: 'bench' });
  log(`Patuh benchmark (${quick ? 'cepat' : 'penuh'}): ${size.units} unit, ${size.years} tahun, ${size.files} berkas — folder ${root}`);
  let app = open();
  const started = Date.now();
  const dataset = await generateDataset(app, size, log);
  log(`Dataset siap dalam ${((Date.now() - started) / 1000).toFixed(1)} s (${(dataset.bytes / 1024 / 1024).toFixed(0)} MB berkas)`);
  // The dataset's hundreds of MB are still being written back by the OS; flushed first, so
  // the first rows measured do not wait on that writeback in their own fsyncs.
  spawnSync('sync');
  await waitForQuietDisk(dataDir, workDir, log);
  const context: BenchContext = {
    get app() {
      return app;
    },
    dataset,
    dataDir,
    workDir,
    quick,
    log,
    reopen() {
      app.close();
      app = open();
      return app;
    },
  };
  const rows: Measurement[] = [];
  // One failing group is reported as a row; the others still run.
  for (const [name, group] of groups) {
    try {
      rows.push(...(await group(context)));
    } catch (error) {
      log(`Kelompok ${name} gagal: ${(error as Error).message}`);
      rows.push({ operation: `${name}: GAGAL — ${(error as Error).message.split('\n')[0]}`, runs: 0, medianMs: 0, p95Ms: 0, peakRssMb: 0, met: false });
    }
  }
  app.close();
  const table = renderTable(rows);
  const machine = `${os.cpus().length} inti ${os.cpus()[0]?.model ?? ''}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
  process.stdout.write(`\n${table}\n\nMesin: ${machine}\nDataset: ${size.units} unit × ${size.years} tahun, ${size.files} berkas (${(dataset.bytes / 1024 / 1024).toFixed(0)} MB)\n`);
  // A partial run is for comparing a change, never the table of record.
  if (!partial) fs.writeFileSync(path.join(repoResourcesDir(), '..', 'bench', quick ? 'last-quick.md' : 'last-full.md'), `${table}\n\nMesin: ${machine}\n`);
  fs.rmSync(root, { recursive: true, force: true });
  log(`Selesai dalam ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  const missed = rows.filter((row) => row.met === false);
  if (missed.length > 0) {
    log(`Target tidak tercapai (${missed.length}):`);
    for (const row of missed) log(`  - ${row.operation}: ${row.target ?? 'gagal'}`);
    if (check) process.exitCode = 1;
  } else if (check) {
    log('Semua target tercapai.');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
