/**
 * One recap export in a fresh process, so its peak RSS is the recap's own and not the
 * benchmark's (which holds the dataset, earlier results and Chromium's client).
 * Usage: tsx bench/recap-child.ts DATA_DIR PERIOD_ID OUT_FILE — prints {"ms":…,"peakRssMb":…}.
 */
import { performance } from 'node:perf_hooks';
import { startApp } from '../src/server/app';
import { exportRecap } from '../src/server/excel/exports';
import { silentJob } from '../src/server/jobs/job';
import { repoResourcesDir } from '../src/server/paths';

const [dataDir, periodId, outFile] = process.argv.slice(2);
const app = startApp({ dataDir: dataDir!, resourcesDir: repoResourcesDir(), host: 'cli', appVersion: 'bench' });
const start = performance.now();
await exportRecap(app.ctx, { periodId: Number(periodId), outFile: outFile! }, silentJob());
const ms = performance.now() - start;
app.close();
// maxRSS is in kilobytes: the high-water mark of the whole process.
process.stdout.write(`${JSON.stringify({ ms, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
