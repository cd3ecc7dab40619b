/**
 * Penilaian Mandiri, Kesenjangan, the Beranda dashboard and Cadangan end to end, on a
 * realistic year: 12 units, PEKPPP + Ombudsman, varied levels and evidence statuses,
 * and a previous year to compare with.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { dispatch } from '../../src/server/api/dispatch';
import { createHandlers } from '../../src/server/api/handlers';
import { startApp } from '../../src/server/app';
import { repoResourcesDir } from '../../src/server/paths';
import { startPreviewHost } from '../../src/preview/host';
import type { EvidenceStatus } from '../../src/shared/types';
import { expect, isoInDays, screenshot, SCREENSHOT_DIR, test, type AppFixture, call } from './fixtures';



/** Deterministic pseudo-random numbers, so every run seeds the same year. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clampLevel = (value: number) => Math.max(0, Math.min(5, Math.round(value)));

const UNITS: Array<{ name: string; shortName: string; group: string; head: string | null; quality: number | null; verified: boolean }> = [
  { name: 'Dinas Kependudukan dan Pencatatan Sipil', shortName: 'Disdukcapil', group: 'Perangkat Daerah', head: 'Drs. Bambang Wijayanto, M.Si.', quality: 4.6, verified: true },
  { name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', shortName: 'DPMPTSP', group: 'Perangkat Daerah', head: 'Ir. Sri Handayani, M.T.', quality: 4.2, verified: true },
  { name: 'Dinas Sosial', shortName: 'Dinsos', group: 'Perangkat Daerah', head: 'Dra. Endang Pratiwi', quality: 3.6, verified: true },
  { name: 'Dinas Kesehatan', shortName: 'Dinkes', group: 'Perangkat Daerah', head: 'dr. Agus Setiawan, M.Kes.', quality: 3.9, verified: true },
  { name: 'Dinas Pendidikan', shortName: 'Disdik', group: 'Perangkat Daerah', head: 'Dr. Hendra Kusuma, M.Pd.', quality: 3.1, verified: true },
  { name: 'Dinas Perhubungan', shortName: 'Dishub', group: 'Perangkat Daerah', head: null, quality: 2.6, verified: true },
  { name: 'Rumah Sakit Umum Daerah', shortName: 'RSUD', group: 'Perangkat Daerah', head: 'dr. Maria Ulfa, Sp.PD.', quality: 4.0, verified: false },
  { name: 'UPTD Puskesmas Depok I', shortName: 'PKM Depok I', group: 'Puskesmas', head: 'drg. Sulastri', quality: 3.3, verified: false },
  { name: 'UPTD Puskesmas Mlati II', shortName: 'PKM Mlati II', group: 'Puskesmas', head: null, quality: 2.2, verified: false },
  { name: 'Kecamatan Depok', shortName: 'Kec. Depok', group: 'Kecamatan', head: 'Drs. Wahyu Nugroho', quality: 2.9, verified: false },
  { name: 'Kecamatan Gamping', shortName: 'Kec. Gamping', group: 'Kecamatan', head: null, quality: 1.4, verified: false },
  { name: 'Kecamatan Mlati', shortName: 'Kec. Mlati', group: 'Kecamatan', head: 'Budi Santoso, S.Sos.', quality: null, verified: false },
];

const SAMPLE = new Set(['Disdukcapil', 'DPMPTSP', 'Dinsos', 'Dinkes', 'Disdik', 'PKM Depok I']);

interface Seeded {
  current: number;
  previous: number;
  unitIds: Record<string, number>;
}

async function seedYear(app: AppFixture): Promise<Seeded> {
  await call(app, 'settings:update', { operatorName: 'Rina Kurniasih, S.AP.', localGovernmentName: 'Kabupaten Sleman', localGovernmentKind: 'kabupaten' });
  const unitIds: Record<string, number> = {};
  for (const unit of UNITS) {
    const created = await call(app, 'units:create', { name: unit.name, shortName: unit.shortName, groupName: unit.group, headName: unit.head });
    unitIds[unit.shortName] = created.id;
  }
  const instruments = await call(app, 'instruments:list', undefined);
  const id = (code: string) => instruments.find((item) => item.code === code)!.id;
  const all = Object.values(unitIds);
  const previous = await call(app, 'periods:create', { year: 2025, instrumentIds: [id('pekppp-2022-a'), id('ombudsman-2025')], deadline: '2025-10-31', unitIds: all });
  const current = await call(app, 'periods:create', { year: 2026, instrumentIds: [id('pekppp-2022-a'), id('ombudsman-2025')], deadline: isoInDays(9), unitIds: all });
  await call(app, 'periods:set-sample', { periodId: current.id, unitIds: all, sample: false });
  await call(app, 'periods:set-sample', { periodId: current.id, unitIds: [...SAMPLE].map((name) => unitIds[name]!), sample: true });

  const assessment = await call(app, 'assessment:get', { periodId: current.id, unitId: all[0]! });
  const indicators = assessment.aspects.flatMap((aspect) => aspect.indicators);
  const statuses: EvidenceStatus[] = ['terverifikasi', 'menunggu_verifikasi', 'perlu_perbaikan', 'belum_ada'];

  for (const [index, unit] of UNITS.entries()) {
    if (unit.quality === null) continue;
    const unitId = unitIds[unit.shortName]!;
    const next = random(index + 7);
    for (const indicator of indicators) {
      const self = clampLevel(unit.quality + (next() - 0.5) * 2.4);
      await call(app, 'assessment:set', { periodId: current.id, unitId, indicatorCode: indicator.code, level: self });
      if (unit.verified) await call(app, 'assessment:set', { periodId: current.id, unitId, indicatorCode: indicator.code, level: Math.max(0, self - (next() < 0.35 ? 1 : 0)), verified: true });
      if (index % 3 !== 2) await call(app, 'assessment:set', { periodId: previous.id, unitId, indicatorCode: indicator.code, level: clampLevel(unit.quality - 0.6 + (next() - 0.5) * 2) });
    }
    const checklist = await call(app, 'checklist:get', { periodId: current.id, unitId });
    const share = unit.quality / 5;
    for (const instrument of checklist.instruments) {
      for (const requirement of instrument.aspects.flatMap((aspect) => aspect.indicators.flatMap((indicator) => indicator.requirements))) {
        const roll = next();
        const status = roll < share * 0.8 ? statuses[0]! : roll < share ? statuses[1]! : roll < share + 0.12 ? statuses[2]! : statuses[3]!;
        if (status === 'belum_ada') continue;
        // Terverifikasi needs a file or link on the requirement (issue 10).
        if (status === 'terverifikasi') {
          await call(app, 'evidence:link', { periodId: current.id, unitId, instrumentId: instrument.instrumentId, requirementCode: requirement.code, url: `https://drive.google.com/drive/folders/${unitId}-${requirement.code}`, documentDate: '2026-03-02' });
        }
        await call(app, 'checklist:set-status', {
          periodId: current.id,
          unitId,
          instrumentId: instrument.instrumentId,
          requirementCode: requirement.code,
          status,
          ...(status === 'perlu_perbaikan' ? { reason: 'Tanda tangan kepala unit belum ada' } : {}),
        });
      }
    }
    if (SAMPLE.has(unit.shortName)) await call(app, 'ombudsman:set-inputs', { periodId: current.id, unitId, trust: Math.round((60 + unit.quality * 7) * 10) / 10, followedUp: index % 2 === 0 });
  }
  // Dinas Sosial in detail: a note, a verified level below the unit's own, ticked elements, evidence.
  const dinsos = { periodId: current.id, unitId: unitIds['Dinsos']! };
  const pekpppId = id('pekppp-2022-a');
  await call(app, 'assessment:set', { ...dinsos, indicatorCode: 'i01', level: 4, justification: 'SK Kepala Dinas Sosial No. 060/112/2026 tentang Standar Pelayanan, ditetapkan 12 Februari 2026; FKP 3 Maret 2026.' });
  await call(app, 'assessment:set', { ...dinsos, indicatorCode: 'i01', level: 3, verified: true, justification: 'Pelibatan masyarakat belum didukung notulen bertanda tangan.' });
  await call(app, 'assessment:set', { ...dinsos, indicatorCode: 'i02', elements: ['pengguna-layanan', 'ahli-akademisi', 'instansi-terkait'], level: 3 });
  const pdf = (text: string) => new Uint8Array(Buffer.from(`%PDF-1.4\n${text}\n%%EOF\n`));
  await call(app, 'evidence:upload', {
    ...dinsos,
    instrumentId: pekpppId,
    requirementCode: '1.sk-penetapan-sp',
    files: [{ name: 'SK Standar Pelayanan Dinsos 2026.pdf', data: pdf('SK Standar Pelayanan'), lastModified: Date.parse('2026-02-12T09:00:00Z') }],
    documentDate: '2026-02-12',
  });
  await call(app, 'evidence:link', { ...dinsos, instrumentId: pekpppId, requirementCode: '1.laporan-fkp', url: 'https://drive.google.com/drive/folders/fkp-dinsos-2026', title: 'Laporan FKP Maret 2026 (Google Drive)', documentDate: '2026-03-03' });
  return { current: current.id, previous: previous.id, unitIds };
}


/** The window as the user sees it (long forms): top of the page, a taller window. */
async function windowShot(page: Page, name: string, height = 1180): Promise<void> {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.mouse.move(size.width - 4, height - 4);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
  await page.setViewportSize(size);
}

async function closeToasts(page: Page): Promise<void> {
  const buttons = page.getByRole('button', { name: 'Tutup pemberitahuan' });
  while ((await buttons.count()) > 0) await buttons.first().click();
}

const format2 = (value: number) => new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);

test('penilaian mandiri: levels, suggested level, override reason and live summary', async ({ app, page, consoleErrors }) => {
  const seeded = await seedYear(app);
  const unitId = seeded.unitIds['Kec. Mlati']!;
  await page.goto(`${app.url}#/penilaian/${unitId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Penilaian Mandiri' })).toBeVisible();
  const selfIndex = page.getByTestId('indeks-mandiri');
  await expect(selfIndex).toContainText('Belum dinilai');

  // Collapsed by default: 31 indicators in one line each fit in about three screens.
  await expect(page.getByRole('navigation', { name: 'Lompat ke aspek' })).toBeVisible();
  await expect(page.locator('.indicator-card--collapsed')).toHaveCount(31);
  const mainHeight = await page.locator('.assess-main').evaluate((element) => element.scrollHeight);
  expect(mainHeight).toBeLessThanOrEqual(3.2 * page.viewportSize()!.height);
  const open = async (number: number) => {
    const card = page.getByRole('article', { name: new RegExp(`^Indikator ${number}:`) });
    await card.getByRole('button', { name: new RegExp(`^Indikator ${number}:`) }).click();
    await expect(card.getByRole('radio').first()).toBeVisible();
    return card;
  };

  // Two levels set through the UI: the summary follows the saved assessment.
  const first = await open(1);
  await first.getByRole('radio', { name: /^Tingkat 5:/ }).check();
  await expect(first.getByText('Tersimpan')).toBeVisible();
  const sdm = await open(14);
  await sdm.getByRole('radio', { name: /^Tingkat 4:/ }).check();
  await expect(sdm.getByText('Tersimpan')).toBeVisible();
  let saved = await call(app, 'assessment:get', { periodId: seeded.current, unitId });
  expect(saved.selfReport.index).toBe(0.5);
  await expect(selfIndex).toContainText(format2(saved.selfReport.index!));
  await expect(selfIndex).toContainText(saved.selfReport.band!.code);
  await expect(selfIndex).toContainText(saved.selfReport.band!.label);
  // 2 of 30 indicators: the category is provisional and says on what it rests.
  await expect(selfIndex).toContainText('sementara');
  await expect(selfIndex).toContainText('2 dari 30 indikator');
  await expect(page.getByTestId('indeks-terkini')).toContainText('2 mandiri, 28 belum dinilai');

  // Elements suggest a level; the level follows while it was not overridden.
  const parking = await open(15);
  await parking.getByRole('checkbox', { name: 'Petugas parkir' }).check();
  await parking.getByRole('checkbox', { name: 'Karcis parkir' }).check();
  await expect(parking.getByTestId('saran-tingkat')).toHaveText('Saran tingkat: 2');
  await expect(parking.getByRole('radio', { name: /^Tingkat 2:/ })).toBeChecked();
  await expect.poll(async () => (await call(app, 'assessment:get', { periodId: seeded.current, unitId })).aspects[2]!.indicators[0]!.selfLevel).toBe(2);

  // Another level without a reason is refused inline; with a reason it is saved.
  await parking.getByRole('radio', { name: /^Tingkat 4:/ }).check();
  const reason = parking.getByLabel(/^Alasan memilih tingkat 4/);
  await expect(reason).toBeVisible();
  await parking.getByRole('button', { name: 'Simpan tingkat' }).click();
  await expect(parking.getByText('Alasan wajib diisi bila berbeda dari saran.')).toBeVisible();
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  saved = await call(app, 'assessment:get', { periodId: seeded.current, unitId });
  expect(saved.aspects[2]!.indicators[0]!.selfLevel).toBe(2);
  await reason.fill('Kanopi dan CCTV sudah ada, foto bertanggal menyusul.');
  await parking.getByRole('button', { name: 'Simpan tingkat' }).click();
  await expect(parking.getByText('Alasan wajib diisi bila berbeda dari saran.')).toBeHidden();
  await expect(parking.getByText('Tersimpan')).toBeVisible();
  saved = await call(app, 'assessment:get', { periodId: seeded.current, unitId });
  expect(saved.aspects[2]!.indicators[0]).toMatchObject({ selfLevel: 4, suggestedLevel: 2, overrideReason: 'Kanopi dan CCTV sudah ada, foto bertanggal menyusul.' });
  await expect(selfIndex).toContainText(format2(saved.selfReport.index!));

  // The verified column beside it, with the difference visible.
  await page.getByRole('button', { name: 'Verifikasi', exact: true }).click();
  await first.getByRole('radio', { name: /^Tingkat 3:/ }).check();
  await expect(first.getByText('(−2)')).toBeVisible();
  saved = await call(app, 'assessment:get', { periodId: seeded.current, unitId });
  await expect(page.getByTestId('indeks-verifikasi')).toContainText(format2(saved.verifiedReport.index!));
  await page.getByRole('button', { name: 'Mandiri', exact: true }).click();

  // Indicator 31 is reported, not scored; the derivation is one click away.
  await expect(page.getByRole('article', { name: /^Indikator 31:/ })).toContainText('Tidak dinilai');
  // The aspect bar jumps to an aspect; "Buka semua" opens every card.
  await page.getByRole('navigation', { name: 'Lompat ke aspek' }).getByRole('button', { name: /Inovasi/ }).click();
  await page.getByRole('button', { name: 'Buka semua' }).click();
  await expect(page.locator('.indicator-card--collapsed')).toHaveCount(0);
  await page.getByRole('button', { name: 'Tutup semua' }).click();
  await page.getByText('Cara menghitung (mandiri)').click();
  await expect(page.getByText(/^Indeks unit = /)).toBeVisible();
  await closeToasts(page);

  // A well-filled unit for the screenshot.
  await page.goto(`${app.url}#/penilaian/${seeded.unitIds['Dinsos']}`);
  await expect(page.getByTestId('indeks-verifikasi')).not.toContainText('Belum dinilai');
  await windowShot(page, 'penilaian-mandiri');

  // Ombudsman tab: survey input and the estimate, labelled as an estimate.
  await page.getByRole('tab', { name: /Ombudsman/ }).click();
  await expect(page.getByText('estimasi kesiapan (0–100)')).toBeVisible();
  await page.getByLabel(/^Hasil survei Kepercayaan Masyarakat/).fill('120');
  await page.getByRole('button', { name: 'Simpan masukan' }).click();
  await expect(page.getByText('Nilai paling tinggi 100.')).toBeVisible();
  await page.getByLabel(/^Hasil survei Kepercayaan Masyarakat/).fill('88,5');
  await page.getByRole('button', { name: 'Simpan masukan' }).click();
  await expect(page.getByText('Data Ombudsman disimpan')).toBeVisible();
  const scores = await call(app, 'scores:unit', { periodId: seeded.current, unitId: seeded.unitIds['Dinsos']! });
  expect(scores.ombudsman!.inputs.trust).toBe(88.5);
  await expect(page.getByTestId('ombudsman-total')).toContainText(format2(scores.ombudsman!.report.total!));
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await closeToasts(page);
  await screenshot(page, 'penilaian-ombudsman');
  expect(consoleErrors).toEqual([]);
});

test('kesenjangan: ranked actions in the API order, predictions, cross-unit view', async ({ app, page, consoleErrors }) => {
  const seeded = await seedYear(app);
  const unitId = seeded.unitIds['Dishub']!;
  const gaps = await call(app, 'gaps:unit', { periodId: seeded.current, unitId, basis: 'terkini' });
  await page.goto(`${app.url}#/kesenjangan/${unitId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Kesenjangan' })).toBeVisible();

  const list = page.getByRole('list', { name: 'Langkah perbaikan PEKPPP' });
  await expect(list.getByRole('listitem').first()).toBeVisible();
  const titles = await list.locator('.gap-action__title').allTextContents();
  expect(titles.slice(0, 5)).toEqual(gaps.pekppp!.actions.slice(0, 5).map((action) => action.title));
  await expect(list.getByRole('listitem').first()).toContainText(gaps.pekppp!.actions[0]!.gainLabel);
  const three = gaps.pekppp!.predictions.find((prediction) => prediction.steps === 3)!;
  await expect(page.getByText(three.sentence, { exact: false }).first()).toBeVisible();
  if (gaps.pekppp!.toNextBand) await expect(page.getByTestId('langkah-kategori-berikutnya')).toContainText(`${gaps.pekppp!.toNextBand.steps} langkah`);
  await expect(page.getByTestId('tenggat-kesenjangan')).toContainText('9 hari lagi');
  const omList = page.getByRole('list', { name: 'Langkah perbaikan Ombudsman' });
  await expect(omList.getByRole('listitem').first()).toBeVisible();
  const omTitles = await omList.locator('.gap-action__title').allTextContents();
  expect(omTitles.slice(0, 3)).toEqual(gaps.ombudsman!.actions.slice(0, 3).map((action) => action.title));
  await screenshot(page, 'kesenjangan');

  // The print layout: no sidebar, a letterhead and the signature block.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.sidebar')).toBeHidden();
  await expect(page.getByText('Mengetahui, Kepala Unit')).toBeVisible();
  await expect(page.getByText('Rencana Perbaikan Pelayanan Publik')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  // On A4 every step is printed by default; the office may print only the first ones.
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  fs.writeFileSync(path.join(SCREENSHOT_DIR, 'kesenjangan-cetak.pdf'), pdf);
  await expect(list.locator('.gap-action:visible')).toHaveCount(gaps.pekppp!.actions.length);
  await page.emulateMedia({ media: 'screen' });
  await page.getByLabel('Jumlah langkah yang dicetak').selectOption('10');
  await page.emulateMedia({ media: 'print' });
  await expect(list.locator('.gap-action:visible')).toHaveCount(Math.min(10, gaps.pekppp!.actions.length));
  await page.emulateMedia({ media: 'screen' });

  // Across units: furthest from A- first, most-missing requirements with counts.
  await page.getByRole('tab', { name: 'Semua unit' }).click();
  await expect(page).toHaveURL(/#\/kesenjangan\/semua$/);
  const period = await call(app, 'gaps:period', { periodId: seeded.current, target: 'A-' });
  const furthest = page.getByRole('list', { name: 'Unit terjauh dari target' });
  await expect(furthest.getByRole('listitem').first()).toContainText(period.pekppp!.units[0]!.unitName);
  const missing = page.getByRole('list', { name: 'Bukti dukung yang paling sering belum ada' });
  await expect(missing.getByRole('listitem').first()).toContainText(period.pekppp!.missingRequirements[0]!.text);
  await page.getByLabel('Target kategori').selectOption('B');
  const towardsB = await call(app, 'gaps:period', { periodId: seeded.current, target: 'B' });
  const open = towardsB.pekppp!.units.filter((unit) => !unit.reached).length;
  await expect(page.getByText(`${open} dari ${towardsB.pekppp!.units.length} unit yang sudah dinilai belum mencapai B`)).toBeVisible();
  // Kecamatan Mlati has no level yet: its own group "belum mulai", not the top of the ranking.
  expect(towardsB.pekppp!.notStarted.map((unit) => unit.unitName)).toEqual(['Kecamatan Mlati']);
  await expect(furthest).not.toContainText('Kecamatan Mlati');
  await expect(page.getByTestId('belum-mulai')).toContainText('Kecamatan Mlati');
  await screenshot(page, 'kesenjangan-semua-unit');
  expect(consoleErrors).toEqual([]);
});

test('beranda dashboard: cards, heatmap, category chart and the unit table', async ({ app, page, consoleErrors }) => {
  const seeded = await seedYear(app);
  const dashboard = await call(app, 'scores:dashboard', { periodId: seeded.current });
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();
  await expect(page.getByTestId('deadline-days')).toContainText('9');
  await expect(page.getByTestId('ipp-pemda')).toContainText(format2(dashboard.pekppp!.index!));
  await expect(page.getByTestId('ipp-pemda')).toContainText(dashboard.pekppp!.band!.code);
  await expect(page.getByTestId('ombudsman-pemda')).toContainText(format2(dashboard.ombudsman!.total!));
  await expect(page.getByRole('table', { name: 'Peta nilai unit per aspek' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sebaran kategori unit' })).toBeVisible();
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Perubahan dari 2025' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Nilai unit', exact: true });
  await table.getByRole('button', { name: 'Nilai terkini', exact: true }).click();
  await expect(table.getByRole('columnheader', { name: 'Nilai terkini', exact: true })).toHaveAttribute('aria-sort', 'ascending');
  // A half-done year: every figure is nilai terkini, and nothing reads F for work not done.
  await expect(page.getByText(`${dashboard.pekppp!.band!.label} · nilai terkini`)).toBeVisible();
  expect(dashboard.pekppp!.unassessedUnits).toEqual(['Kecamatan Mlati']);
  const mlati = table.getByRole('row').filter({ hasText: 'Kecamatan Mlati' });
  await expect(mlati).toContainText('belum dinilai');
  await expect(mlati.locator('.band-code')).toHaveCount(0);
  const heatRow = page.getByRole('table', { name: 'Peta nilai unit per aspek' }).getByRole('row').filter({ hasText: 'Kecamatan Mlati' });
  await expect(heatRow).toContainText('belum dinilai');
  for (const unit of dashboard.units.filter((entry) => entry.verifiedIndex === null)) {
    expect(unit.category === null || unit.category.code !== 'F' || unit.category.provisional).toBe(true);
  }
  await screenshot(page, 'beranda-dasbor');

  const dinsos = seeded.unitIds['Dinsos']!;
  await page.getByRole('link', { name: /^Dinas Sosial, Sarana dan Prasarana:/ }).click();
  await expect(page).toHaveURL(new RegExp(`#/daftar-periksa/${dinsos}\\?aspek=sarpras$`));
  expect(consoleErrors).toEqual([]);
});

test('cadangan: create, verify, restore with undo, and a full archive as a job', async ({ app, page, consoleErrors }) => {
  await call(app, 'settings:update', { operatorName: 'Rina Kurniasih, S.AP.', localGovernmentName: 'Kabupaten Sleman', localGovernmentKind: 'kabupaten' });
  await call(app, 'units:create', { name: 'Dinas Sosial', shortName: 'Dinsos', groupName: 'Perangkat Daerah', headName: null });
  app.started.backups.beforeImport();
  await page.goto(`${app.url}#/pengaturan/cadangan`);
  await expect(page.getByRole('table', { name: 'Daftar cadangan' })).toContainText('Sebelum impor');
  await expect(page.getByRole('heading', { level: 1, name: 'Cadangan' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Jejak halaman' })).toContainText('Pengaturan');

  await page.getByRole('button', { name: 'Cadangkan sekarang' }).first().click();
  await expect(page.getByText('Cadangan dibuat')).toBeVisible();
  const list = await call(app, 'backup:list', undefined);
  const manual = list.find((backup) => backup.reason === 'manual')!;
  const row = page.getByRole('row', { name: new RegExp(`^Cadangan `) }).filter({ hasText: manual.id });
  await expect(row).toContainText('Manual');
  await expect(row).toContainText('Terverifikasi');
  await row.getByRole('button', { name: /^Periksa/ }).click();
  await expect(row).toContainText('Diperiksa: utuh');
  await closeToasts(page);
  await screenshot(page, 'cadangan');

  // A change after the backup, then restore: the change is gone, and undo brings it back.
  await call(app, 'units:create', { name: 'Dinas Perhubungan', shortName: 'Dishub', groupName: 'Perangkat Daerah', headName: null });
  await row.getByRole('button', { name: /^Pulihkan/ }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Pulihkan cadangan?' });
  await expect(dialog).toContainText('menyimpan keadaan sekarang');
  await expect(dialog.getByRole('button', { name: 'Pulihkan cadangan' })).toBeDisabled();
  await dialog.getByRole('checkbox', { name: 'Saya mengerti bahwa data saat ini akan diganti.' }).check();
  await dialog.getByRole('button', { name: 'Pulihkan cadangan' }).click();
  await expect(page.getByRole('status', { name: 'Hasil pemulihan' })).toContainText('Cadangan dipulihkan');
  const undoId = (await page.getByTestId('undo-backup-id').textContent())!;
  expect(undoId).toMatch(/sebelum-pemulihan/);
  expect((await call(app, 'units:list', {})).map((unit) => unit.name)).toEqual(['Dinas Sosial']);
  await page.getByRole('button', { name: 'Batalkan pemulihan' }).click();
  await page.getByRole('alertdialog', { name: 'Batalkan pemulihan?' }).getByRole('button', { name: 'Batalkan pemulihan' }).click();
  await expect(page.getByRole('status', { name: 'Hasil pemulihan' })).toContainText('Pemulihan dibatalkan');
  expect((await call(app, 'units:list', {})).map((unit) => unit.name).sort()).toEqual(['Dinas Perhubungan', 'Dinas Sosial']);
  await closeToasts(page);

  // A full archive as a job with progress. The preview trusts no path typed in the page:
  // whatever folder is typed, the archive lands in its own download folder (<data>/ekspor).
  const ask = page.getByRole('dialog', { name: 'Buat arsip lengkap', exact: true });
  const progress = page.getByRole('dialog', { name: 'Membuat arsip lengkap', exact: true });
  await page.getByRole('button', { name: 'Buat arsip lengkap…' }).click();
  await ask.getByLabel('Folder tujuan').fill(path.join(os.tmpdir(), 'di-luar-pratinjau'));
  await ask.getByRole('button', { name: 'Buat arsip' }).click();
  await expect(progress).toContainText('Arsip tersimpan di');
  await expect(progress.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  await progress.getByRole('button', { name: 'Tutup', exact: true }).last().click();
  const archivePath = (await page.getByTestId('archive-path').textContent())!;
  expect(path.dirname(archivePath)).toBe(path.join(app.dataDir, 'ekspor'));
  expect(fs.existsSync(archivePath)).toBe(true);
  expect(fs.existsSync(path.join(os.tmpdir(), 'di-luar-pratinjau'))).toBe(false);
  expect(consoleErrors).toEqual([]);
});

test('start-up banner: a damaged database is quarantined and the newest backup restored', async ({ page, consoleErrors }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'patuh-e2e-rusak-'));
  const options = { dataDir, resourcesDir: repoResourcesDir(), host: 'preview' as const, appVersion: 'e2e' };
  try {
    // A healthy start with one unit and a verified backup, then the file is damaged.
    const healthy = startApp(options);
    const handlers = createHandlers(healthy, { host: 'preview' });
    await dispatch(handlers, 'units:create', { name: 'Dinas Sosial', shortName: 'Dinsos', groupName: 'Perangkat Daerah', headName: null });
    const backup = await dispatch(handlers, 'backup:create', undefined);
    expect(backup.ok).toBe(true);
    healthy.close();
    const file = path.join(dataDir, 'patuh.sqlite');
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(Math.max(fs.statSync(file).size - 4096, 4096), 0xa5), 0, undefined, 4096);
    fs.closeSync(fd);

    const damaged = startApp(options);
    expect(damaged.startStatus.status).toBe('quarantined');
    const server = await startPreviewHost(damaged, { rendererDir: path.join(repoResourcesDir(), '..', 'out', 'renderer') });
    try {
      await page.goto(`${server.url}#/unit`);
      const banner = page.getByRole('alert').filter({ hasText: 'Basis data rusak' });
      await expect(banner).toContainText('telah dipindahkan ke karantina');
      await expect(banner).toContainText(damaged.startStatus.quarantineDir!);
      await expect(banner).toContainText('Data tidak dihapus. Pulihkan cadangan terbaru dari');
      await screenshot(page, 'banner-karantina');
      await banner.getByRole('button', { name: 'Pulihkan sekarang' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Cadangan dipulihkan' })).toBeVisible();
      await expect(page.getByRole('table', { name: 'Daftar unit' })).toContainText('Dinas Sosial');
      await expect(page.getByRole('button', { name: 'Pulihkan sekarang' })).toBeHidden();
    } finally {
      await server.close();
      damaged.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  expect(consoleErrors).toEqual([]);
});
