/**
 * Evidence rules end to end (issue 10): terverifikasi refused without evidence, a new
 * file sends a verified requirement back to menunggu verifikasi, kedaluwarsa and
 * shared-file flags, the Aturan bukti settings, the shared-files report, and the
 * warning before a year is created with an instrument that does not cover it.
 */
import type { Page } from '@playwright/test';
import { expect, screenshot, test, type AppFixture, call } from './fixtures';

function pdf(tag: string): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${tag}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

async function seed(app: AppFixture) {
  await call(app, 'settings:update', { operatorName: 'Rina Kurniasih, S.AP.', localGovernmentName: 'Kabupaten Sleman', localGovernmentKind: 'kabupaten' });
  const kecamatan = await call(app, 'units:create', { name: 'Kecamatan Depok', shortName: 'Kec. Depok', groupName: 'Kecamatan', headName: null });
  const puskesmas = await call(app, 'units:create', { name: 'UPTD Puskesmas Mlati I', shortName: 'PKM Mlati I', groupName: 'Puskesmas', headName: null });
  const instruments = await call(app, 'instruments:list', undefined);
  const id = (code: string) => instruments.find((item) => item.code === code)!.id;
  const period = await call(app, 'periods:create', { year: 2026, instrumentIds: [id('pekppp-2022-a'), id('ombudsman-2025')], deadline: '2026-12-15', unitIds: [kecamatan.id, puskesmas.id] });
  const key = (unitId: number, requirementCode: string) => ({ periodId: period.id, unitId, instrumentId: id('pekppp-2022-a'), requirementCode });
  // The SK is verified on a link; the same maklumat PDF is sent by both units, dated 2023 (outside 2025–2026).
  await call(app, 'evidence:link', { ...key(kecamatan.id, '1.sk-penetapan-sp'), url: 'https://drive.google.com/file/d/sk-sp-depok', title: 'SK Camat tentang Standar Pelayanan', documentDate: '2026-02-12' });
  await call(app, 'checklist:set-status', { ...key(kecamatan.id, '1.sk-penetapan-sp'), status: 'terverifikasi' });
  const shared = new Uint8Array(pdf('maklumat-bersama'));
  await call(app, 'evidence:upload', { ...key(kecamatan.id, '1.laporan-fkp'), documentDate: '2023-05-10', files: [{ name: 'Laporan FKP.pdf', data: shared }] });
  await call(app, 'evidence:upload', { ...key(puskesmas.id, '5.dokumen-maklumat'), documentDate: '2023-05-10', files: [{ name: 'Maklumat Pelayanan.pdf', data: shared }] });
  return { period, kecamatan, puskesmas };
}

async function closeToasts(page: Page): Promise<void> {
  const buttons = page.getByRole('button', { name: 'Tutup pemberitahuan' });
  while ((await buttons.count()) > 0) await buttons.first().click();
}

const list = (page: Page) => page.getByRole('list', { name: 'Daftar persyaratan' });
const detail = (page: Page) => page.getByRole('complementary', { name: 'Rincian persyaratan' });
const row = (page: Page, text: RegExp) => list(page).getByRole('listitem', { name: text });

async function openIndicatorOne(page: Page, app: AppFixture, unitId: number): Promise<void> {
  await page.goto(`${app.url}#/daftar-periksa/${unitId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Daftar Periksa' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Struktur instrumen' }).getByRole('button', { name: /Tersedia Standar Pelayanan \(SP\)/ }).click();
  await expect(row(page, /SK penetapan Standar Pelayanan/)).toBeVisible();
}

test('terverifikasi needs evidence; a new file re-queues; kedaluwarsa and shared files are flagged', async ({ app, page, consoleErrors }) => {
  const { kecamatan } = await seed(app);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openIndicatorOne(page, app, kecamatan.id);

  // No file or link: the office cannot verify, and is told about "Tidak berlaku".
  const empty = row(page, /Daftar jenis layanan/);
  await empty.getByRole('button', { name: 'Verifikasi', exact: true }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'belum punya berkas atau tautan bukti' });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText('Tidak berlaku');
  await expect(empty).toContainText('Belum ada');
  await screenshot(page, 'aturan-bukti-tolak-verifikasi');

  // Kedaluwarsa and the same file in another unit, on the row and on the file.
  const fkp = row(page, /Forum Konsultasi Publik/);
  await expect(fkp).toContainText('kedaluwarsa');
  await expect(fkp).toContainText('berkas sama di 1 unit lain');
  await fkp.locator('.req-row__main').click();
  const file = detail(page).getByRole('listitem', { name: 'Laporan FKP' });
  await expect(file).toContainText('kedaluwarsa');
  await expect(file).toContainText('bertanggal 10 Mei 2023, di luar rentang tanggal dokumen tahun ini');
  await expect(file).toContainText('juga dipakai: UPTD Puskesmas Mlati I');
  await closeToasts(page);
  await screenshot(page, 'aturan-bukti-kedaluwarsa');

  // A verified requirement gets a new file: back to menunggu verifikasi, and the history says why.
  const sk = row(page, /SK penetapan Standar Pelayanan/);
  await expect(sk).toContainText('Terverifikasi');
  await sk.locator('.req-row__main').click();
  await detail(page).getByLabel('Unggah berkas').setInputFiles([{ name: 'SK Camat revisi.pdf', mimeType: 'application/pdf', buffer: pdf('sk-revisi') }]);
  await expect(detail(page).getByRole('list', { name: 'Berkas' })).toContainText('SK Camat revisi');
  await expect(sk).toContainText('Menunggu');
  await expect(page.getByRole('status').filter({ hasText: 'Status kembali ke Menunggu verifikasi' })).toBeVisible();
  await expect(detail(page).getByRole('region', { name: 'Riwayat perubahan' })).toContainText(
    'Status diubah dari "Terverifikasi" menjadi "Menunggu verifikasi" — bukti baru ditambahkan pada persyaratan yang sudah terverifikasi; perlu diverifikasi ulang.',
  );
  // The uploaded file has no document date: said to be unknown, not taken from the file.
  await expect(detail(page).getByRole('listitem', { name: 'SK Camat revisi' })).toContainText('Tanggal dokumen belum diisi (tidak diketahui)');
  await closeToasts(page);
  await detail(page).getByRole('region', { name: 'Riwayat perubahan' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'aturan-bukti-kembali-menunggu');

  // At 125 % scaling the flags still fit.
  await page.setViewportSize({ width: 1093, height: 614 });
  await fkp.locator('.req-row__main').click();
  await screenshot(page, 'aturan-bukti-kedaluwarsa-125');
  expect(consoleErrors).toEqual([]);
});

test('Aturan bukti in Pengaturan, shared files on the year, and the year warning dialog', async ({ app, page, consoleErrors }) => {
  const { period } = await seed(app);
  await page.setViewportSize({ width: 1366, height: 768 });

  // Maximum age per kind: no default, validated in Indonesian, saved.
  await page.goto(`${app.url}#/pengaturan`);
  const rules = page.getByRole('form', { name: 'Aturan bukti' });
  await expect(rules.getByLabel('Foto — batas usia (bulan)')).toHaveValue('');
  await rules.getByLabel('Foto — batas usia (bulan)').fill('0');
  await rules.getByRole('button', { name: 'Simpan aturan bukti' }).click();
  await expect(rules.getByText('Batas usia paling sedikit 1 bulan.').first()).toBeVisible();
  await rules.getByLabel('Foto — batas usia (bulan)').fill('12');
  await rules.getByRole('button', { name: 'Simpan aturan bukti' }).click();
  await expect(page.getByText('Aturan bukti disimpan')).toBeVisible();
  await screenshot(page, 'aturan-bukti-pengaturan');
  await page.setViewportSize({ width: 1093, height: 614 });
  await closeToasts(page);
  await screenshot(page, 'aturan-bukti-pengaturan-125');
  await page.setViewportSize({ width: 1366, height: 768 });
  expect((await call(app, 'evidence-rules:get', undefined)).maxAgeMonths).toEqual({ dokumen: null, foto: 12, tautan: null, data: null });

  // The cross-unit report on the year's page.
  await page.goto(`${app.url}#/tahun/${period.id}`);
  const shared = page.getByRole('region', { name: 'Berkas yang sama di beberapa unit' });
  await expect(shared).toContainText('Laporan FKP');
  await expect(shared).toContainText('Kecamatan Depok');
  await expect(shared).toContainText('UPTD Puskesmas Mlati I');
  await closeToasts(page);
  await screenshot(page, 'aturan-bukti-berkas-sama');

  // A year with an instrument that does not cover it: a warning, then "Tetap buat".
  await page.goto(`${app.url}#/tahun`);
  await page.getByRole('button', { name: 'Buat tahun penilaian' }).first().click();
  const create = page.getByRole('dialog', { name: 'Buat tahun penilaian' });
  await create.getByLabel('Tahun', { exact: true }).fill('2027');
  await expect(create.getByRole('checkbox', { name: /^PEKPPP 2022 \(A\)/ })).toBeChecked();
  await expect(create.getByRole('checkbox', { name: /^Ombudsman 2025/ })).toBeChecked();
  await create.getByRole('checkbox', { name: /^Ombudsman 2013–2021/ }).check();
  await expect(create.getByRole('checkbox', { name: /^Ombudsman 2025/ })).not.toBeChecked();
  await create.getByRole('button', { name: 'Buat tahun penilaian' }).click();
  const warning = page.getByRole('alertdialog', { name: 'Instrumen tidak berlaku untuk tahun ini' });
  await expect(warning).toContainText('"Ombudsman 2013–2021" (berlaku 2013–2021) tidak berlaku untuk tahun 2027');
  await screenshot(page, 'aturan-bukti-tahun-peringatan');
  await page.setViewportSize({ width: 1093, height: 614 });
  await screenshot(page, 'aturan-bukti-tahun-peringatan-125');
  await page.setViewportSize({ width: 1366, height: 768 });
  await warning.getByRole('button', { name: 'Kembali' }).click();
  await expect(warning).toBeHidden();
  await expect(create).toBeVisible();
  expect((await call(app, 'periods:list', undefined)).map((item) => item.year)).toEqual([2026]);
  await create.getByRole('button', { name: 'Buat tahun penilaian' }).click();
  await page.getByRole('alertdialog', { name: 'Instrumen tidak berlaku untuk tahun ini' }).getByRole('button', { name: 'Tetap buat' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tahun Penilaian 2027' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
