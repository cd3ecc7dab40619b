/**
 * The foundation screens end to end: units, assessment years, instruments, settings,
 * driven through the real UI in Chromium against the preview host and real services.
 */
import type { Page } from '@playwright/test';
import { expect, isoInDays, screenshot, test, type AppFixture, call } from './fixtures';


function count(app: AppFixture, table: 'units' | 'periods'): number {
  return (app.started.ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}



async function go(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: label, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
}

/** Close every toast so screenshots show the screen, not the last message. */
async function closeToasts(page: Page): Promise<void> {
  const buttons = page.getByRole('button', { name: 'Tutup pemberitahuan' });
  while ((await buttons.count()) > 0) await buttons.first().click();
}

async function seedRealistic(app: AppFixture): Promise<{ current: number; previous: number }> {
  await call(app, 'settings:update', { operatorName: 'Rina Kurniasih, S.AP.', localGovernmentName: 'Kabupaten Sleman', localGovernmentKind: 'kabupaten' });
  const templates = await call(app, 'units:templates', undefined);
  const { created } = await call(app, 'units:bulk-create', { names: templates.map((template) => template.name) });
  const heads: Record<string, string> = {
    Disdukcapil: 'Drs. Bambang Wijayanto, M.Si.',
    DPMPTSP: 'Ir. Sri Handayani, M.T.',
    Dinsos: 'Dra. Endang Pratiwi',
    Dinkes: 'dr. Agus Setiawan, M.Kes.',
    Disdik: 'Dr. Hendra Kusuma, M.Pd.',
  };
  for (const unit of created) {
    const head = unit.shortName ? heads[unit.shortName] : undefined;
    if (head) await call(app, 'units:update', { id: unit.id, name: unit.name, shortName: unit.shortName, groupName: unit.groupName, headName: head });
  }
  for (const name of ['Kecamatan Depok', 'Kecamatan Mlati', 'Kecamatan Gamping', 'Kecamatan Ngaglik']) {
    await call(app, 'units:create', { name, shortName: name.replace('Kecamatan ', 'Kec. '), groupName: 'Kecamatan', headName: null });
  }
  const archived = await call(app, 'units:create', { name: 'Kantor Pengelolaan Pasar', shortName: 'KPP', groupName: 'UPTD', headName: null });
  await call(app, 'units:archive', { id: archived.id });

  const instruments = await call(app, 'instruments:list', undefined);
  const id = (code: string) => instruments.find((item) => item.code === code)!.id;
  const active = (await call(app, 'units:list', {})).map((unit) => unit.id);
  const previous = await call(app, 'periods:create', {
    year: 2025,
    instrumentIds: [id('pekppp-2022-a'), id('ombudsman-2025')],
    deadline: '2025-10-31',
    unitIds: active.slice(0, 24),
  });
  const current = await call(app, 'periods:create', {
    year: 2026,
    instrumentIds: [id('pekppp-2022-a'), id('ombudsman-2025')],
    deadline: isoInDays(9),
    unitIds: active.filter((_, index) => index !== 7 && index !== 11),
  });
  return { current: current.id, previous: previous.id };
}

test('units and a year added through the UI survive a reload', async ({ app, page, consoleErrors }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Mulai menyiapkan penilaian' })).toBeVisible();
  await expect(page.getByText('Pemerintah Daerah belum diatur')).toBeVisible();
  await screenshot(page, 'beranda-awal');

  // One unit by hand, with a new group.
  await go(page, 'Unit');
  await expect(page.getByText('Belum ada unit')).toBeVisible();
  await page.getByRole('button', { name: 'Tambah unit' }).first().click();
  const form = page.getByRole('dialog', { name: 'Tambah unit' });
  await form.getByLabel('Nama unit', { exact: true }).fill('UPTD Puskesmas Sleman');
  await form.getByLabel('Singkatan').fill('PKM Sleman');
  await form.getByLabel('Kelompok', { exact: true }).selectOption('Puskesmas');
  await form.getByLabel('Nama kepala unit').fill('dr. Ratna Dewi Anggraini');
  await screenshot(page, 'unit-form');
  await form.getByRole('button', { name: 'Simpan unit' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByText('UPTD Puskesmas Sleman ditambahkan')).toBeVisible();

  // One unit from the built-in list.
  await page.getByRole('button', { name: 'Tambah dari daftar bawaan' }).first().click();
  const templates = page.getByRole('dialog', { name: 'Tambah dari daftar bawaan' });
  await templates.getByRole('checkbox', { name: /^Dinas Kependudukan dan Pencatatan Sipil/ }).check();
  await screenshot(page, 'unit-daftar-bawaan');
  await templates.getByRole('button', { name: 'Tambahkan 1 unit' }).click();
  await expect(page.getByText('1 unit ditambahkan, 0 dilewati')).toBeVisible();
  const table = page.getByRole('table', { name: 'Daftar unit' });
  await expect(table.getByRole('row')).toHaveCount(3);

  // A year with one PEKPPP and one Ombudsman instrument and both units.
  await go(page, 'Tahun Penilaian');
  await page.getByRole('button', { name: 'Buat tahun penilaian' }).first().click();
  const create = page.getByRole('dialog', { name: 'Buat tahun penilaian' });
  await create.getByLabel('Tahun', { exact: true }).fill('2026');
  // The PEKPPP instrument stays in force for 2026 (open-ended years): preselected like Ombudsman 2025.
  await expect(create.getByRole('checkbox', { name: /^PEKPPP 2022 \(A\)/ })).toBeChecked();
  await expect(create.getByRole('checkbox', { name: /^Ombudsman 2025/ })).toBeChecked();
  await create.getByRole('textbox', { name: 'Tenggat pengumpulan' }).fill('15/12/2026');
  await create.getByRole('checkbox', { name: 'Pilih semua' }).check();
  await expect(create.getByText('2 dipilih')).toBeVisible();
  await screenshot(page, 'tahun-buat');
  await create.getByRole('button', { name: 'Buat tahun penilaian' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tahun Penilaian 2026' })).toBeVisible();

  // Mark the Puskesmas as Ombudsman sample (Disdukcapil is marked by default).
  const sample = page.getByRole('switch', { name: 'Sampel Ombudsman: UPTD Puskesmas Sleman' });
  await expect(sample).toHaveAttribute('aria-checked', 'false');
  await sample.click();
  await expect(sample).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('period-sample-count')).toHaveText('2');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Tahun Penilaian 2026' })).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Sampel Ombudsman: UPTD Puskesmas Sleman' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('switch', { name: 'Sampel Ombudsman: Dinas Kependudukan dan Pencatatan Sipil' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('period-unit-count')).toHaveText('2');
  await expect(page.getByLabel('Tahun penilaian aktif')).toHaveValue('2026');

  await go(page, 'Unit');
  await expect(table.getByRole('row', { name: /UPTD Puskesmas Sleman/ })).toContainText('dr. Ratna Dewi Anggraini');
  await expect(table.getByRole('row', { name: /Dinas Kependudukan dan Pencatatan Sipil/ })).toContainText('Disdukcapil');

  await go(page, 'Tahun Penilaian');
  const card = page.getByRole('article', { name: 'Tahun Penilaian 2026' });
  await expect(card).toContainText('PEKPPP 2022 (A)');
  await expect(card).toContainText('Ombudsman 2025');
  await expect(card).toContainText('15 Des 2026');

  await go(page, 'Beranda');
  await expect(page.getByRole('heading', { name: 'Unit dalam cakupan per kelompok' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('invalid input is refused inline and nothing is saved', async ({ app, page, consoleErrors }) => {
  await page.goto(`${app.url}#/unit`);
  await expect(page.getByRole('heading', { level: 1, name: 'Unit' })).toBeVisible();

  // Empty name.
  await page.getByRole('button', { name: 'Tambah unit' }).first().click();
  const form = page.getByRole('dialog', { name: 'Tambah unit' });
  await expect(form.getByLabel('Kelompok', { exact: true })).toHaveValue('Perangkat Daerah');
  await form.getByLabel('Singkatan').fill('Dinsos');
  await form.getByRole('button', { name: 'Simpan unit' }).click();
  await expect(form.getByText('Nama unit wajib diisi.')).toBeVisible();
  await expect(form.getByLabel('Nama unit', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Singkatan')).toHaveValue('Dinsos');
  expect(count(app, 'units')).toBe(0);

  // Correct it and save; then a duplicate name.
  await form.getByLabel('Nama unit', { exact: true }).fill('Dinas Sosial');
  await form.getByRole('button', { name: 'Simpan unit' }).click();
  await expect(form).toBeHidden();
  expect(count(app, 'units')).toBe(1);

  await page.getByRole('button', { name: 'Tambah unit' }).first().click();
  await form.getByLabel('Nama unit', { exact: true }).fill('Dinas Sosial');
  await form.getByLabel('Kelompok', { exact: true }).selectOption('Perangkat Daerah');
  await form.getByLabel('Nama kepala unit').fill('Dra. Endang Pratiwi');
  await form.getByRole('button', { name: 'Simpan unit' }).click();
  await expect(form.getByText('Nama unit sudah dipakai unit lain.')).toBeVisible();
  await expect(form.getByRole('alert').filter({ hasText: 'Unit "Dinas Sosial" sudah ada' })).toBeVisible();
  await expect(form.getByLabel('Nama kepala unit')).toHaveValue('Dra. Endang Pratiwi');
  await screenshot(page, 'unit-form-galat');

  // A new group without a name.
  await form.getByLabel('Nama unit', { exact: true }).fill('RSUD Sleman');
  await form.getByLabel('Kelompok', { exact: true }).selectOption({ label: '+ Kelompok baru…' });
  await form.getByRole('button', { name: 'Simpan unit' }).click();
  await expect(form.getByText('Kelompok unit wajib diisi.')).toBeVisible();
  await expect(form.getByText('Nama unit sudah dipakai unit lain.')).toBeHidden();
  await form.getByRole('button', { name: 'Batal' }).click();
  await expect(page.getByRole('table', { name: 'Daftar unit' }).getByRole('row')).toHaveCount(2);
  expect(count(app, 'units')).toBe(1);

  // A first year is created; its document window cannot end before it starts.
  await go(page, 'Tahun Penilaian');
  await page.getByRole('button', { name: 'Buat tahun penilaian' }).first().click();
  const create = page.getByRole('dialog', { name: 'Buat tahun penilaian' });
  await create.getByLabel('Tahun', { exact: true }).fill('2026');
  await create.getByRole('button', { name: 'Buat tahun penilaian' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tahun Penilaian 2026' })).toBeVisible();
  const schedule = page.getByRole('form', { name: 'Instrumen dan jadwal' });
  await schedule.getByRole('textbox', { name: 'Dokumen bertanggal mulai' }).fill('01/01/2027');
  await schedule.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(schedule.getByText('Harus sebelum tanggal akhir.')).toBeVisible();
  await schedule.getByRole('textbox', { name: 'Tenggat pengumpulan' }).fill('31/02/2026');
  await schedule.getByRole('textbox', { name: 'Tenggat pengumpulan' }).blur();
  await expect(schedule.getByText('Tanggal tidak dikenali.')).toBeVisible();
  await schedule.getByRole('button', { name: 'Batalkan perubahan' }).click();
  await expect(schedule.getByRole('textbox', { name: 'Dokumen bertanggal mulai' })).toHaveValue('01/01/2025');
  expect((app.started.ctx.db.prepare('SELECT window_start AS w FROM periods').get() as { w: string }).w).toBe('2025-01-01');

  // The same year again.
  await go(page, 'Tahun Penilaian');
  await page.getByRole('button', { name: 'Buat tahun penilaian' }).first().click();
  await create.getByLabel('Tahun', { exact: true }).fill('2026');
  await create.getByRole('radio', { name: /^Pilih unit/ }).check();
  await create.getByRole('button', { name: 'Buat tahun penilaian' }).click();
  await expect(create.getByText('Tahun ini sudah ada.')).toBeVisible();
  await expect(create.getByRole('alert').filter({ hasText: 'Tahun penilaian 2026 sudah ada' })).toBeVisible();
  await screenshot(page, 'tahun-buat-galat');

  // No instrument at all.
  await create.getByLabel('Tahun', { exact: true }).fill('2027');
  await create.getByRole('checkbox', { name: /^Ombudsman 2025/ }).uncheck();
  await create.getByRole('checkbox', { name: /^PEKPPP 2022 \(A\)/ }).uncheck();
  await create.getByRole('button', { name: 'Buat tahun penilaian' }).click();
  await expect(create.getByText('Pilih minimal satu instrumen.').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(create).toBeHidden();
  expect(count(app, 'periods')).toBe(1);
  expect(consoleErrors).toEqual([]);
});

test('every main screen with realistic data', async ({ app, page, consoleErrors }) => {
  const { current } = await seedRealistic(app);
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();
  await expect(page.getByText('Kabupaten Sleman').first()).toBeVisible();
  await expect(page.getByTestId('deadline-days')).toContainText('9');
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await screenshot(page, 'beranda');

  await go(page, 'Unit');
  await expect(page.getByRole('table', { name: 'Daftar unit' })).toContainText('Drs. Bambang Wijayanto, M.Si.');
  await page.getByRole('button', { name: 'Nama', exact: true }).click();
  await expect(page.getByRole('columnheader', { name: 'Nama' })).toHaveAttribute('aria-sort', 'ascending');
  await page.getByLabel('Tampilkan yang diarsipkan').check();
  await expect(page.getByRole('row', { name: /Kantor Pengelolaan Pasar/ })).toContainText('Diarsipkan');
  await screenshot(page, 'unit');

  // Archive asks first; restore brings the unit back.
  await page.getByRole('button', { name: 'Arsipkan Dinas Perhubungan' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Arsipkan unit?' });
  await expect(confirm).toContainText('Dinas Perhubungan');
  await screenshot(page, 'unit-arsip-konfirmasi');
  await confirm.getByRole('button', { name: 'Arsipkan' }).click();
  await expect(page.getByText('Dinas Perhubungan diarsipkan')).toBeVisible();
  await expect(page.getByRole('row', { name: /Dinas Perhubungan/ })).toContainText('Diarsipkan');
  await page.getByRole('button', { name: 'Pulihkan Dinas Perhubungan' }).click();
  await expect(page.getByText('Dinas Perhubungan dipulihkan')).toBeVisible();
  await expect(page.getByRole('row', { name: /Dinas Perhubungan/ })).toContainText('Aktif');
  await page.getByLabel('Kelompok').selectOption({ label: 'Kecamatan (5)' });
  await expect(page.getByRole('table', { name: 'Daftar unit' }).getByRole('row')).toHaveCount(6);

  await go(page, 'Tahun Penilaian');
  await expect(page.getByRole('article')).toHaveCount(2);
  await screenshot(page, 'tahun');
  await page.goto(`${app.url}#/tahun/${current}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Tahun Penilaian 2026' })).toBeVisible();
  await screenshot(page, 'tahun-detail');

  await go(page, 'Instrumen');
  await page.getByRole('link', { name: /PEKPPP 2022 \(A\)/ }).click();
  await page.getByRole('button', { name: /melibatkan unsur masyarakat/ }).click();
  await page.getByRole('button', { name: /Waktu pelayanan yang memudahkan/ }).click();
  await expect(page.getByText('Tingkat 3: ≥ 3 unsur').first()).toBeVisible();
  await expect(page.getByText('4,51–5,00')).toBeVisible();
  await screenshot(page, 'instrumen');
  await page.getByRole('link', { name: /Ombudsman 2025/ }).click();
  await expect(page.getByText('Kepercayaan Masyarakat: 30%')).toBeVisible();
  await expect(page.getByText('“Tanpa Maladministrasi”')).toBeVisible();
  await page.getByRole('button', { name: /^1 Kompetensi pelaksana/ }).click();
  await screenshot(page, 'instrumen-ombudsman');

  await go(page, 'Pengaturan');
  await page.getByLabel('Nama operator').fill('Rina Kurniasih, S.AP., M.Si.');
  await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
  await expect(page.getByText('Pengaturan disimpan')).toBeVisible();
  await expect(page.getByText('Rina Kurniasih, S.AP., M.Si.').first()).toBeVisible();
  await closeToasts(page);
  await screenshot(page, 'pengaturan');

  // The smallest supported window.
  await page.setViewportSize({ width: 1280, height: 720 });
  await go(page, 'Beranda');
  await screenshot(page, 'beranda-1280');
  await page.goto(`${app.url}#/tahun/${current}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Tahun Penilaian 2026' })).toBeVisible();
  await screenshot(page, 'tahun-detail-1280');
  await go(page, 'Unit');
  await page.getByRole('button', { name: 'Tambah dari daftar bawaan' }).first().click();
  await expect(page.getByRole('dialog', { name: 'Tambah dari daftar bawaan' })).toContainText('sudah ada');
  await screenshot(page, 'unit-daftar-bawaan-1280');
  expect(consoleErrors).toEqual([]);
});

test('a list of 320 units stays virtualised and sortable', async ({ app, page, consoleErrors }) => {
  for (let index = 1; index <= 320; index += 1) {
    const number = String(index).padStart(3, '0');
    await call(app, 'units:create', { name: `Satuan Pendidikan ${number}`, shortName: `SP-${number}`, groupName: 'Satuan Pendidikan', headName: null });
  }
  expect(count(app, 'units')).toBe(320);
  await page.goto(`${app.url}#/unit`);
  const table = page.getByRole('table', { name: 'Daftar unit' });
  await expect(table).toContainText('Satuan Pendidikan 001');
  const rendered = await table.getByRole('row').count();
  expect(rendered).toBeLessThan(80);
  await page.getByRole('button', { name: 'Nama', exact: true }).click();
  await page.getByRole('button', { name: 'Nama', exact: true }).click();
  await expect(table.getByRole('row').nth(1)).toContainText('Satuan Pendidikan 320');
  await page.getByLabel('Cari unit').fill('SP-150');
  await expect(table.getByRole('row')).toHaveCount(2);
  expect(consoleErrors).toEqual([]);
});
