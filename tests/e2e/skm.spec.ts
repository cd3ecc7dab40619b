/**
 * SKM end to end in the browser preview: add a survey, import a Google Forms CSV through
 * the mapping preview (accepting a row with a blank unsur), see the result and the chart,
 * fill the RTL, attach the report as evidence, and read the pemda table.
 */
import type { Page } from '@playwright/test';
import { FOUR_ROWS, formCsv } from '../unit/skm/forms-csv';
import { call, expect, screenshot, SCREENSHOT_DIR, test, type AppFixture } from './fixtures';

async function seed(app: AppFixture) {
  await call(app, 'settings:update', { operatorName: 'Siti Rahmawati', localGovernmentName: 'Kabupaten Sleman', localGovernmentKind: 'kabupaten' });
  const instruments = await call(app, 'instruments:list', undefined);
  const ids = instruments.filter((item) => item.code === 'pekppp-2022-a' || item.code === 'ombudsman-2025').map((item) => item.id);
  const unit = await call(app, 'units:create', { name: 'Dinas Kependudukan dan Pencatatan Sipil', groupName: 'Perangkat Daerah', shortName: 'Disdukcapil', headName: 'Drs. Bambang Wijayanto, M.Si.' });
  const other = await call(app, 'units:create', { name: 'UPTD Puskesmas Depok I', groupName: 'Puskesmas', shortName: 'PKM Depok I', headName: null });
  const period = await call(app, 'periods:create', { year: 2026, instrumentIds: ids, deadline: '2026-12-04', unitIds: [unit.id, other.id] });
  const paper = await call(app, 'skm:survey-save', { unitId: other.id, serviceName: 'Pelayanan Rawat Jalan', year: 2026, semester: 0, population: 2400 });
  await call(app, 'skm:counts-set', { surveyId: paper.id, respondents: 331, counts: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`U${i + 1}`, [3, 28 + i * 3, 180 - i * 4, 120 + i]])) });
  const ktp = await call(app, 'skm:survey-save', { unitId: unit.id, serviceName: 'Akta Kelahiran', year: 2026, semester: 0, population: 1000 });
  await call(app, 'skm:counts-set', { surveyId: ktp.id, respondents: 280, counts: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`U${i + 1}`, [2, 20 + i, 160, 98 - i]])) });
  return { unitId: unit.id, periodId: period.id };
}

async function importCsv(page: Page) {
  await page.getByRole('button', { name: 'Tambah survei' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tambah survei' });
  await dialog.getByLabel('Jenis layanan').fill('Kartu Tanda Penduduk Elektronik');
  await dialog.getByLabel('Populasi pengguna layanan').fill('100');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: /Kartu Tanda Penduduk Elektronik/u });
  await row.getByRole('button', { name: 'Impor jawaban' }).click();
  const importDialog = page.getByRole('dialog', { name: /Impor jawaban/u });
  await importDialog.getByLabel('Pilih berkas jawaban survei').setInputFiles({ name: 'SKM Disdukcapil (Respons).csv', mimeType: 'text/csv', buffer: Buffer.from(formCsv(FOUR_ROWS)) });
  await expect(importDialog.getByText('4 baris jawaban · kolom dipetakan menurut saran dari judul kolom')).toBeVisible();
  await expect(importDialog.getByText(/1 baris memiliki unsur kosong: baris 5 \(U9\)/u)).toBeVisible();
  await expect(importDialog.getByRole('combobox', { name: /U1 Persyaratan/u })).toHaveValue('6');
  return importDialog;
}

test('SKM: import a Google Forms CSV with preview and mapping, results, RTL, evidence, pemda table', async ({ page, app, consoleErrors }) => {
  const { unitId } = await seed(app);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${app.url}#/skm/${unitId}`);
  await expect(page.getByRole('heading', { name: 'Survei Kepuasan Masyarakat' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Survei Kepuasan' })).toHaveAttribute('aria-current', 'page');

  const importDialog = await importCsv(page);
  await screenshot(page, 'skm-import-1366');
  await importDialog.getByLabel('Terima baris-baris ini').check();
  await importDialog.getByRole('button', { name: 'Simpan 4 responden' }).click();
  await expect(importDialog).toBeHidden();
  await expect(page.getByText('4 responden diimpor')).toBeVisible();

  // Akta Kelahiran (280) pooled with the four CSV respondents: the unit result is on screen
  // exactly as the server computed it.
  const results = page.getByRole('region', { name: 'Hasil SKM unit (semua responden)' });
  await expect(results.getByLabel('IKM unit')).toBeVisible();
  await expect(results.getByRole('img', { name: /Grafik NRR per unsur/u })).toBeVisible();
  await expect(results.getByRole('row', { name: /Kartu Tanda Penduduk Elektronik/u })).toContainText('84,26');
  await expect(results.getByRole('row', { name: /Kartu Tanda Penduduk Elektronik/u })).toContainText('B · Baik');
  await expect(results.getByRole('row', { name: /Kartu Tanda Penduduk Elektronik/u })).toContainText('80 (kurang 76)');

  await page.getByRole('button', { name: 'Tambah kegiatan' }).click();
  const rtl = page.getByRole('dialog', { name: 'Tambah kegiatan RTL' });
  await rtl.getByLabel('Kegiatan').fill('Menambah petugas loket pada jam sibuk');
  await rtl.getByLabel('Waktu').fill('Triwulan II 2026');
  await rtl.getByLabel('Penanggung jawab').fill('Sekretaris Dinas');
  await rtl.getByLabel('Sudah selesai dilaksanakan').check();
  await rtl.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText(/1 dari 1 kegiatan selesai \(100,0%\) · saran tingkat indikator 8 PEKPPP: 5/u)).toBeVisible();

  await page.getByRole('button', { name: /Lampirkan sebagai bukti 2026/u }).click();
  await page.getByRole('alertdialog', { name: 'Lampirkan laporan SKM sebagai bukti?' }).getByRole('button', { name: 'Lampirkan' }).click();
  await expect(page.getByText('Laporan dilampirkan ke 6 persyaratan')).toBeVisible();
  await screenshot(page, 'skm-unit-1366');

  await page.getByRole('button', { name: 'Buat laporan (.docx + .xlsx)' }).click();
  await expect(page.getByRole('link', { name: /Unduh Laporan SKM .*\.docx/u })).toBeVisible();

  await page.setViewportSize({ width: 1093, height: 614 });
  await screenshot(page, 'skm-unit-1093');

  await page.getByRole('tab', { name: 'Semua unit' }).click();
  const table = page.getByRole('region', { name: /IKM per unit/u });
  await expect(table.getByRole('row', { name: /UPTD Puskesmas Depok I/u })).toBeVisible();
  await expect(table.getByRole('row', { name: /Dinas Kependudukan/u })).toContainText('Baik');
  await screenshot(page, 'skm-pemda-1093');
  await page.setViewportSize({ width: 1366, height: 768 });
  await screenshot(page, 'skm-pemda-1366');
  expect(consoleErrors).toEqual([]);
});

test('SKM: a file with bad answers is refused row by row and changes nothing', async ({ page, app }) => {
  const { unitId } = await seed(app);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${app.url}#/skm/${unitId}`);
  const surveys = page.getByRole('region', { name: 'Survei per jenis layanan' });
  await surveys.getByRole('row', { name: /Akta Kelahiran/u }).getByRole('button', { name: 'Impor jawaban' }).click();
  const dialog = page.getByRole('dialog', { name: /Impor jawaban/u });
  const bad = formCsv([FOUR_ROWS[0]!, { ...FOUR_ROWS[1]!, answers: ['3', '7', '3', '3', '3', '3', '3', '3', '3'] }]);
  await dialog.getByLabel('Pilih berkas jawaban survei').setInputFiles({ name: 'salah.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await expect(dialog.getByText('Baris 3, kolom H (2. Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?): Jawaban 7 di luar rentang 1–4.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: /^Simpan/u })).toBeDisabled();
  await screenshot(page, 'skm-import-errors-1366');
  await page.setViewportSize({ width: 1093, height: 614 });
  await expect(dialog.getByRole('button', { name: 'Batal' })).toBeInViewport();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/skm-import-errors-1093.png` });
  await dialog.getByRole('button', { name: 'Batal' }).click();
  await expect(surveys.getByRole('row', { name: /Akta Kelahiran/u })).toContainText('280');
});

test('SKM: paper counts are shown for editing and checked against the questionnaires received', async ({ page, app }) => {
  const { unitId } = await seed(app);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${app.url}#/skm/${unitId}`);
  const surveys = page.getByRole('region', { name: 'Survei per jenis layanan' });
  await surveys.getByRole('row', { name: /Akta Kelahiran/u }).getByRole('button', { name: 'Isi jumlah' }).click();
  const dialog = page.getByRole('dialog', { name: 'Isi jumlah jawaban — Akta Kelahiran' });
  await expect(dialog.getByLabel('Jumlah kuesioner yang diterima')).toHaveValue('280');
  await expect(dialog.getByLabel('U1 jawaban Sangat sesuai (nilai 4)')).toHaveValue('98');
  await dialog.getByLabel('Jumlah kuesioner yang diterima').fill('100');
  await dialog.getByRole('button', { name: 'Simpan jumlah' }).click();
  await expect(dialog.getByText('U1: 280 jawaban, lebih banyak dari 100 kuesioner.')).toBeVisible();
  await screenshot(page, 'skm-counts-1366');
  await dialog.getByLabel('Jumlah kuesioner yang diterima').fill('280');
  await dialog.getByRole('button', { name: 'Isi profil responden (opsional)' }).click();
  await dialog.getByLabel('Jenis kelamin: Laki-laki').fill('130');
  await dialog.getByLabel('Jenis kelamin: Perempuan').fill('150');
  await dialog.getByRole('button', { name: 'Simpan jumlah' }).click();
  await expect(dialog).toBeHidden();
  await expect(surveys.getByRole('row', { name: /Akta Kelahiran/u })).toContainText('280');
  const report = await call(app, 'skm:unit', { unitId, year: 2026, semester: 0 });
  expect(report.profile.groups.find((group) => group.title === 'Jenis kelamin')!.counts).toEqual([{ label: 'Laki-laki', count: 130 }, { label: 'Perempuan', count: 150 }]);
});
