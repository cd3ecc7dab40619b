/**
 * Instruments the office updates itself, and the Ombudsman 2025– survey tracker, end to
 * end in Chromium against the preview host: a template exported and edited with exceljs,
 * imported through the dialog (problems listed by sheet, row and column, then a clean
 * import as a new version), the compare view, and a product's survey progress.
 */
import ExcelJS from 'exceljs';
import { call, expect, screenshot, test, type AppFixture } from './fixtures';

const SIZES = [
  { name: '1366', width: 1366, height: 768 },
  { name: '125', width: 1093, height: 614 },
];

async function template(app: AppFixture, edit: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const instruments = await call(app, 'instruments:list', undefined);
  const pekppp = instruments.find((item) => item.code === 'pekppp-2022-a')!;
  const out = `${app.dataDir}/templat-${Math.random().toString(36).slice(2)}.xlsx`;
  await call(app, 'instruments:export', { id: pekppp.id, outFile: out });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  edit(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test('Impor instrumen: problems by sheet, row and column, then a new version and the compare view', async ({ page, app, consoleErrors }) => {
  const broken = await template(app, (workbook) => {
    workbook.getWorksheet('Info')!.getCell('B3').value = '2026.1';
    workbook.getWorksheet('Aspek')!.getCell('C2').value = 30;
    workbook.getWorksheet('Indikator')!.getCell('J4').value = null;
    workbook.getWorksheet('Skala')!.getCell('C2').value = 4.6;
  });
  const good = await template(app, (workbook) => {
    workbook.getWorksheet('Info')!.getCell('B3').value = '2026.1';
    const indicators = workbook.getWorksheet('Indikator')!;
    indicators.getCell('E2').value = 20;
    indicators.getCell('E3').value = 11;
  });

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${app.url}#/instrumen`);
  await page.getByRole('button', { name: 'Impor instrumen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Impor instrumen' });
  await dialog.getByLabel('Pilih berkas instrumen (.xlsx atau .json)').setInputFiles({ name: 'PEKPPP 2026.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: broken });
  const problems = dialog.getByRole('table', { name: 'Daftar masalah' });
  await expect(problems).toBeVisible();
  await expect(problems.getByRole('row', { name: /Aspek.*Bobot \(%\).*106%/u })).toBeVisible();
  await expect(problems.getByRole('row', { name: /Indikator 4 Tingkat 3 \(J4\).*Teks tingkat 3 kosong/u })).toBeVisible();
  await expect(problems.getByRole('row', { name: /Skala 2 Min \(C2\).*celah/u })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Impor sebagai versi baru' })).toBeDisabled();
  await screenshot(page, 'instrumen-impor-masalah-1366');

  await dialog.getByLabel('Pilih berkas instrumen (.xlsx atau .json)').setInputFiles({ name: 'PEKPPP 2026.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: good });
  await expect(dialog.getByText('Dibanding versi 2022.2: 0 ditambahkan, 0 dihapus, 2 diubah.')).toBeVisible();
  await screenshot(page, 'instrumen-impor-siap-1366');
  await dialog.getByRole('button', { name: 'Impor sebagai versi baru' }).click();
  await expect(page.getByText('tersimpan sebagai versi baru')).toBeVisible();
  await expect(dialog).toBeHidden();

  const instruments = await call(app, 'instruments:list', undefined);
  const versions = instruments.filter((item) => item.code === 'pekppp-2022-a').map((item) => item.version);
  expect(versions).toEqual(['2022.2', '2026.1']);

  const [older, newer] = instruments.filter((item) => item.code === 'pekppp-2022-a');
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.goto(`${app.url}#/instrumen/bandingkan?dari=${older!.id}&ke=${newer!.id}`);
    const changed = page.getByRole('region', { name: 'Diubah' });
    await expect(changed.getByRole('row', { name: /i01.*bobot.*17.*20/u })).toBeVisible();
    await expect(changed.getByRole('row', { name: /i02.*bobot.*14.*11/u })).toBeVisible();
    await screenshot(page, `instrumen-bandingkan-${size.name}`);
  }
  expect(consoleErrors).toEqual([]);
});

test('Survei & Temuan: a product with its survey tracker and a finding in the follow-up log', async ({ page, app, consoleErrors }) => {
  const instruments = await call(app, 'instruments:list', undefined);
  const id = (code: string) => instruments.find((item) => item.code === code)!.id;
  const unit = await call(app, 'units:create', { name: 'Dinas Kependudukan dan Pencatatan Sipil', shortName: 'Disdukcapil', groupName: 'Perangkat Daerah', headName: null });
  await call(app, 'periods:create', { year: 2026, instrumentIds: [id('pekppp-2022-a'), id('ombudsman-2025')], unitIds: [unit.id] });

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${app.url}#/ombudsman/${unit.id}`);
  const fresh = page.getByRole('article', { name: 'Produk layanan baru' });
  await expect(fresh.getByLabel('Target responden')).toHaveValue('30');
  await expect(fresh.getByLabel('Kontak pengguna minimal')).toHaveValue('15');
  await fresh.getByLabel('Nama produk layanan').fill('Penerbitan KTP-el');
  await fresh.getByLabel('Responden terkumpul').fill('12');
  await fresh.getByLabel('Kontak pengguna tercatat').fill('15');
  await fresh.getByLabel('Tautan atau teks QR survei untuk pengguna').fill('https://s.id/survei-ktp');
  await fresh.getByRole('button', { name: 'Tambah produk layanan' }).click();

  const ktp = page.getByRole('article', { name: 'Produk layanan Penerbitan KTP-el' });
  await expect(ktp.getByText('12 dari 30')).toBeVisible();
  await expect(ktp.getByText('Kurang 18 responden dari target 30.')).toBeVisible();
  await expect(ktp.getByText('Belum siap')).toBeVisible();

  await page.getByRole('button', { name: 'Catat temuan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Catat temuan Ombudsman' });
  await dialog.getByLabel('Uraian temuan').fill('Maklumat pelayanan belum dipajang di ruang tunggu.');
  await dialog.getByLabel('Status').selectOption('selesai');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog.getByText('bukti tindak lanjut diisi')).toBeVisible();
  await dialog.getByLabel('Status').selectOption('proses');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Masih 1 dari 1 temuan belum selesai' })).toBeVisible();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await screenshot(page, `ombudsman-survei-temuan-${size.name}`);
  }

  await page.goto(`${app.url}#/ombudsman`);
  await expect(page.getByRole('table', { name: 'Ringkasan survei dan temuan per unit' }).getByRole('row', { name: /Disdukcapil|Kependudukan/u })).toContainText('1');

  // The gap list counts the open finding; the assessment's Ombudsman tab shows the readiness.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${app.url}#/kesenjangan/${unit.id}`);
  const open = page.getByRole('region', { name: 'Temuan Ombudsman terbuka' });
  await expect(open.getByRole('heading', { name: 'Temuan Ombudsman terbuka (1)' })).toBeVisible();
  await expect(open.getByText('Maklumat pelayanan belum dipajang di ruang tunggu.')).toBeVisible();
  await screenshot(page, 'kesenjangan-temuan-1366');
  await page.goto(`${app.url}#/kesenjangan/semua`);
  await page.getByRole('group', { name: 'Instrumen' }).getByRole('button', { name: 'Ombudsman' }).click();
  await expect(page.getByRole('region', { name: 'Temuan Ombudsman terbuka per unit' }).getByRole('link', { name: 'Dinas Kependudukan dan Pencatatan Sipil' })).toBeVisible();
  await page.goto(`${app.url}#/penilaian/${unit.id}`);
  await page.getByRole('tab', { name: 'Ombudsman — estimasi kesiapan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Masih 1 dari 1 temuan belum selesai' })).toBeVisible();
  await expect(page.getByLabel('Sudah menindaklanjuti temuan Ombudsman')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('Tahun Penilaian: the Ombudsman sample in one click and a move to a new version with a mapping', async ({ page, app, consoleErrors }) => {
  const templates = await call(app, 'units:templates', undefined);
  await call(app, 'units:bulk-create', { names: templates.map((item) => item.name) });
  const instruments = await call(app, 'instruments:list', undefined);
  const pekppp = instruments.find((item) => item.code === 'pekppp-2022-a')!;
  const period = await call(app, 'periods:create', { year: 2026, instrumentIds: [pekppp.id] });
  const edited = await template(app, (workbook) => {
    workbook.getWorksheet('Info')!.getCell('B3').value = '2026.1';
    workbook.getWorksheet('Bukti dukung')!.getCell('B3').value = '1.sk-sp';
  });
  const upload = { upload: { name: 'pekppp-2026.xlsx', data: new Uint8Array(edited) } };
  const preview = await call(app, 'instruments:import-preview', upload);
  await call(app, 'instruments:import-apply', { ...upload, token: preview!.token });

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${app.url}#/tahun/${period.id}`);
  const tools = page.getByRole('region', { name: 'Alat tahun penilaian' });
  await tools.getByRole('listitem').filter({ hasText: 'Sampel Ombudsman kabupaten/kota' }).getByRole('button', { name: 'Masukkan & tandai sampel' }).click();
  await expect(page.getByText('7 unit ditambahkan ke cakupan, 7 ditandai sampel.')).toBeVisible();
  await expect(page.getByTestId('period-sample-count')).toHaveText('7');

  const units = await call(app, 'periods:get', { id: period.id });
  const unitId = units.units[0]!.unitId;
  const item = { periodId: period.id, unitId, instrumentId: pekppp.id, requirementCode: '1.sk-penetapan-sp' };
  await call(app, 'evidence:link', { ...item, url: 'https://drive.google.com/sk-sp', title: 'SK SP' });
  await call(app, 'checklist:set-status', { ...item, status: 'terverifikasi' });

  await tools.getByRole('button', { name: 'Pindah ke versi ini…' }).click();
  const dialog = page.getByRole('dialog', { name: /Pindah ke PEKPPP/u });
  await expect(dialog.getByText('1 data tanpa padanan')).toBeVisible();
  await dialog.getByLabel('Kode baru 1 untuk 1.sk-penetapan-sp').selectOption('1.sk-sp');
  await expect(dialog.getByText('0 data tanpa padanan')).toBeVisible();
  await screenshot(page, 'tahun-pindah-versi-1366');
  await dialog.getByRole('button', { name: 'Pindahkan' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/memakai PEKPPP .* versi 2026\.1/u)).toBeVisible();
  const checklist = await call(app, 'checklist:get', { periodId: period.id, unitId });
  const moved = checklist.instruments[0]!.aspects[0]!.indicators[0]!.requirements.find((item) => item.code === '1.sk-sp');
  expect(moved?.status).toBe('terverifikasi');
  await page.setViewportSize({ width: 1093, height: 614 });
  await screenshot(page, 'tahun-alat-125');
  expect(consoleErrors).toEqual([]);
});
