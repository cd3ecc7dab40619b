/**
 * `npm run bench [-- --quick]`: builds the reference dataset in a temp data dir and
 * prints one table — operation, median and p95 time, peak memory, and the ratio to a
 * raw baseline measured in the same run. Targets are checked here, never in tests.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, type StartedApp } from '../src/server/app';
import { repoResourcesDir } from '../src/server/paths';
import { FULL, QUICK, generateDataset, type Dataset } from './dataset';
import { renderTable, type Measurement } from './measure';
import { coreOperations } from './operations/core';
import { excelOperations } from './operations/excel';
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

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const size = quick ? QUICK : FULL;
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
  for (const group of [coreOperations, excelOperations, intakeOperations, browserOperations, crashOperation]) {
    try {
      rows.push(...(await group(context)));
    } catch (error) {
      log(`Kelompok ${group.name} gagal: ${(error as Error).message}`);
      rows.push({ operation: `${group.name}: GAGAL — ${(error as Error).message.split('\n')[0]}`, runs: 0, medianMs: 0, p95Ms: 0, peakRssMb: 0, met: false });
    }
  }
  app.close();
  const table = renderTable(rows);
  const machine = `${os.cpus().length} inti ${os.cpus()[0]?.model ?? ''}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
  process.stdout.write(`\n${table}\n\nMesin: ${machine}\nDataset: ${size.units} unit × ${size.years} tahun, ${size.files} berkas (${(dataset.bytes / 1024 / 1024).toFixed(0)} MB)\n`);
  fs.writeFileSync(path.join(repoResourcesDir(), '..', 'bench', quick ? 'last-quick.md' : 'last-full.md'), `${table}\n\nMesin: ${machine}\n`);
  fs.rmSync(root, { recursive: true, force: true });
  const missed = rows.filter((row) => row.met === false);
  if (missed.length > 0) log(`Target tidak tercapai: ${missed.map((row) => row.operation).join('; ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
