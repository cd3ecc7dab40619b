/**
 * The UI in real Chromium through the preview host, on the benchmark dataset: rendering a
 * unit's checklist (both instruments), the units table with every unit, and the time from
 * a click to the visible update for a status change and a level change.
 */
import { chromium, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startPreviewHost } from '../../src/preview/host';
import { repoResourcesDir } from '../../src/server/paths';
import type { BenchContext } from '../main';
import { summarize, type Measurement } from '../measure';
import { judged } from '../targets';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function timed(times: number[], action: () => Promise<unknown>): Promise<void> {
  const start = performance.now();
  await action();
  times.push(performance.now() - start);
}

async function checklistTimes(page: Page, base: string, unitId: number, runs: number): Promise<{ load: number[]; instrument: number[] }> {
  const load: number[] = [];
  const instrument: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    await page.goto(`${base}#/unit`);
    await page.getByRole('table').waitFor();
    await timed(load, async () => {
      await page.goto(`${base}#/daftar-periksa/${unitId}`);
      await page.getByRole('listitem').first().waitFor();
    });
    for (const name of ['PEKPPP', 'Ombudsman']) {
      await timed(instrument, async () => {
        await page.locator('.tree__row--instrument .tree__label', { hasText: name }).first().click();
        await page.locator('.tree__row--instrument.tree__row--active .tree__label', { hasText: name }).waitFor();
        await page.getByRole('listitem').first().waitFor();
      });
    }
  }
  return { load, instrument };
}

/**
 * Time from the click to the visible update, measured inside the page (performance.now()
 * before dispatching the click, then every animation frame until the condition holds), so
 * the automation protocol's own round trips are not counted.
 */
// Kept as source text: the bench runs under tsx, whose name-keeping helpers do not exist in the page.
const IN_PAGE = `({ clickSelector, index, doneSelector }) => new Promise((resolve, reject) => {
  const target = document.querySelectorAll(clickSelector)[index];
  if (!target) return reject(new Error('tidak ada ' + clickSelector));
  const row = target.closest('[role="listitem"], .level-option') || document.body;
  const start = performance.now();
  target.click();
  const check = () => {
    if (row.matches(doneSelector) || row.querySelector(doneSelector)) resolve(performance.now() - start);
    else if (performance.now() - start > 5000) reject(new Error('tidak ada pembaruan dalam 5 detik'));
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})`;

async function inPage(page: Page, clickSelector: string, index: number, doneSelector: string): Promise<number> {
  return page.evaluate(`(${IN_PAGE})(${JSON.stringify({ clickSelector, index, doneSelector })})`) as Promise<number>;
}

async function statusTimes(page: Page, base: string, unitId: number, runs: number): Promise<number[]> {
  const times: number[] = [];
  await page.goto(`${base}#/daftar-periksa/${unitId}`);
  await page.getByRole('listitem').first().waitFor();
  // Start from a known state so the first measured click really changes something.
  const withEvidence = '[role="listitem"]:has(.req-row__count:not(.req-row__count--none))';
  await page.locator(`${withEvidence} button[aria-label="Menunggu verifikasi"]`).first().click();
  await page.locator(`${withEvidence} .status-chip--menunggu_verifikasi`).first().waitFor();
  for (let i = 0; i < runs; i += 1) {
    const verify = i % 2 === 0;
    const label = verify ? 'Verifikasi' : 'Menunggu verifikasi';
    const chip = verify ? '.status-chip--terverifikasi' : '.status-chip--menunggu_verifikasi';
    // Only a requirement with evidence can be verified.
    times.push(await inPage(page, `[role="listitem"]:has(.req-row__count:not(.req-row__count--none)) button[aria-label="${label}"]`, 0, chip));
    await page.waitForTimeout(50);
  }
  return times;
}

async function levelTimes(page: Page, base: string, unitId: number, runs: number): Promise<number[]> {
  const times: number[] = [];
  await page.goto(`${base}#/penilaian/${unitId}`);
  // Indicators open collapsed to one line: expand the first, as the office would.
  await page.locator('.indicator-card__toggle').first().click();
  await page.locator('input[type=radio][aria-label^="Tingkat"]').first().waitFor();
  for (let i = 0; i < runs; i += 1) {
    const level = (i % 5) + 1;
    times.push(await inPage(page, `input[type=radio][aria-label^="Tingkat ${level}:"]`, 0, '.level-option--selected'));
    await page.waitForTimeout(100);
  }
  return times;
}

export async function browserOperations(bench: BenchContext): Promise<Measurement[]> {
  const rendererDir = path.join(repoResourcesDir(), '..', 'out', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    bench.log('Lewati pengukuran peramban: antarmuka belum dibangun (jalankan npm run build).');
    return [];
  }
  bench.log('Mengukur di Chromium: daftar periksa, tabel unit, interaksi');
  const server = await startPreviewHost(bench.app, { rendererDir });
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const base = server.url;
    const unitId = bench.dataset.unitIds[1]!;
    const runs = bench.quick ? 3 : 5;
    const { load, instrument } = await checklistTimes(page, base, unitId, runs);
    const units: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      await page.goto(`${base}#/daftar-periksa/${unitId}`);
      await page.getByRole('listitem').first().waitFor();
      await timed(units, async () => {
        await page.goto(`${base}#/unit`);
        await page.getByRole('row').nth(5).waitFor();
      });
    }
    const status = await statusTimes(page, base, unitId, runs * 2);
    const level = await levelTimes(page, base, unitId, runs * 2);
    return [
      judged(summarize('Chromium: buka daftar periksa unit (dua instrumen)', load), 'uiChecklist'),
      judged(summarize('Chromium: tampilkan semua persyaratan satu instrumen', instrument), 'uiInstrument'),
      summarize(`Chromium: tabel ${bench.dataset.unitIds.length} unit`, units),
      judged(summarize('Chromium: ubah status → tampil', status), 'uiStatus'),
      judged(summarize('Chromium: ubah tingkat → tampil', level), 'uiLevel'),
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
