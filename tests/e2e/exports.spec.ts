/**
 * Ekspor & Impor end to end in Chromium against the preview host and the real services:
 * recap and unit package exports with progress and a download, a fillable form exported,
 * edited with exceljs as a unit would, imported back through preview → apply, and a
 * non-workbook refused with nothing changed.
 */
import type { Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, screenshot, test, type AppFixture, call } from './fixtures';


async function seed(app: AppFixture): Promise<{ periodId: number; units: Array<{ id: number; name: string }> }> {
  await call(app, 'settings:update', { operatorName: 'Rina Kurniasih, S.AP.', localGovernmentName: 'Kabupaten Sleman', localGovernmentKind: 'kabupaten' });
  const units = [];
  for (const [name, shortName, groupName] of [
    ['Dinas Kependudukan dan Pencatatan Sipil', 'Disdukcapil', 'Perangkat Daerah'],
    ['Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'DPMPTSP', 'Perangkat Daerah'],
    ['Kecamatan Depok', 'Kec. Depok', 'Kecamatan'],
  ] as const) {
    units.push(await call(app, 'units:create', { name, shortName, groupName, headName: null }));
  }
  const instruments = await call(app, 'instruments:list', undefined);
  const id = (code: string) => instruments.find((item) => item.code === code)!.id;
  const period = await call(app, 'periods:create', {
    year: 2026,
    instrumentIds: [id('pekppp-2022-a'), id('ombudsman-2025')],
    deadline: '2026-11-24',
    unitIds: units.map((unit) => unit.id),
  });
  return { periodId: period.id, units: units.map((unit) => ({ id: unit.id, name: unit.name })) };
}


async function closeToasts(page: Page): Promise<void> {
  const buttons = page.getByRole('button', { name: 'Tutup pemberitahuan' });
  while ((await buttons.count()) > 0) await buttons.first().click();
}

/** Polls of jobs:get answer a little later, so the progress bar is reliably seen. */
async function slowJobPolls(page: Page): Promise<void> {
  await page.route('**/api/jobs:get', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.continue();
  });
}

/** The download behind a card's "Unduh" link: its bytes, fetched with the session token. */
async function download(page: Page, app: AppFixture, link: Locator): Promise<Buffer> {
  const target = await link.getAttribute('href');
  expect(target).toMatch(/^\/unduh\/.+\?token=[0-9a-f]+$/);
  const response = await page.request.get(new URL(target!, app.url).toString());
  expect(response.status()).toBe(200);
  return Buffer.from(await response.body());
}

function card(page: Page, title: string): Locator {
  return page.getByRole('region', { name: title });
}

/** Export one unit's form through the UI and return its bytes. */
async function exportForm(page: Page, app: AppFixture, unitName: string): Promise<Buffer> {
  const forms = card(page, 'Formulir isian untuk unit');
  await forms.getByRole('checkbox', { name: 'Pilih semua' }).uncheck();
  await forms.getByRole('checkbox', { name: new RegExp(`^${unitName}`) }).check();
  await forms.getByRole('button', { name: 'Buat formulir' }).click();
  const link = forms.getByRole('link', { name: /^Unduh .+\.xlsx$/ });
  await expect(link).toBeVisible();
  return download(page, app, link);
}

function countLinks(app: AppFixture): number {
  return app.started.ctx.db.prepare("SELECT count(*) FROM evidence WHERE kind = 'link'").pluck().get() as number;
}

test('exports with progress and downloads, then a returned form imported after its preview', async ({ app, page, consoleErrors }) => {
  const { units } = await seed(app);
  const target = units[0]!;
  await slowJobPolls(page);
  await page.goto(`${app.url}#/ekspor`);
  await expect(page.getByRole('heading', { level: 1, name: 'Ekspor & Impor' })).toBeVisible();
  await expect(page.getByText('Tahun 2026', { exact: true })).toBeVisible();

  // Rekap: progress first, then the download — a real .xlsx (a ZIP: "PK").
  const recap = card(page, 'Rekap pemerintah daerah');
  await recap.getByRole('button', { name: 'Buat rekap' }).click();
  await expect(recap.getByRole('progressbar', { name: 'Kemajuan pembuatan rekap' })).toBeVisible();
  await expect(recap.getByRole('button', { name: 'Batalkan' })).toBeVisible();
  await expect(recap.getByRole('button', { name: 'Buat rekap' })).toBeDisabled();
  const recapLink = recap.getByRole('link', { name: /^Unduh Rekapitulasi 2026/ });
  await expect(recapLink).toBeVisible();
  await expect(recap.getByRole('progressbar')).toBeHidden();
  const recapBytes = await download(page, app, recapLink);
  expect(recapBytes.subarray(0, 2).toString('latin1')).toBe('PK');
  await expect(page.getByText('Rekap pemerintah daerah selesai dibuat')).toBeVisible();

  // Paket pengajuan for one unit: a .zip download.
  const pack = card(page, 'Paket pengajuan per unit');
  await pack.getByLabel('Unit', { exact: true }).selectOption({ label: target.name });
  await pack.getByRole('button', { name: 'Buat paket' }).click();
  await expect(pack.getByRole('progressbar', { name: 'Kemajuan pembuatan paket' })).toBeVisible();
  const packLink = pack.getByRole('link', { name: /^Unduh .+\.zip$/ });
  await expect(packLink).toBeVisible();
  const packBytes = await download(page, app, packLink);
  expect(packBytes.subarray(0, 2).toString('latin1')).toBe('PK');

  // Formulir isian for one unit.
  const forms = card(page, 'Formulir isian untuk unit');
  await expect(forms.getByRole('checkbox', { name: 'Pilih semua' })).toBeChecked();
  await forms.getByRole('checkbox', { name: 'Pilih semua' }).uncheck();
  await expect(forms.getByRole('button', { name: 'Buat formulir' })).toBeDisabled();
  await forms.getByRole('checkbox', { name: new RegExp(`^${target.name}`) }).check();
  await forms.getByRole('button', { name: 'Buat formulir' }).click();
  await expect(forms.getByRole('progressbar', { name: 'Kemajuan pembuatan formulir' })).toBeVisible();
  const formLink = forms.getByRole('link', { name: /^Unduh .+\.xlsx$/ });
  await expect(formLink).toBeVisible();
  const formBytes = await download(page, app, formLink);
  expect(formBytes.subarray(0, 2).toString('latin1')).toBe('PK');
  await closeToasts(page);
  await screenshot(page, 'ekspor');

  // The unit fills in row 2: a link to its evidence and a note.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(formBytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Isian')!;
  const header = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? ''));
  const linkColumn = header.indexOf('Tautan bukti');
  const noteColumn = header.indexOf('Catatan');
  expect(linkColumn).toBeGreaterThan(0);
  expect(noteColumn).toBeGreaterThan(0);
  const requirement = String(sheet.getRow(2).getCell(header.indexOf('Bukti dukung')).value);
  sheet.getRow(2).getCell(linkColumn).value = 'https://drive.google.com/file/d/sk-standar-pelayanan';
  sheet.getRow(2).getCell(noteColumn).value = 'SK ditandatangani kepala dinas, Maret 2026';
  const edited = Buffer.from(await workbook.xlsx.writeBuffer());

  // Import: the preview lists exactly those changes; nothing is written yet.
  const importer = page.getByRole('region', { name: 'Impor formulir yang dikembalikan' });
  await importer.getByLabel('Pilih buku kerja isian (.xlsx)').setInputFiles({
    name: 'Formulir isian Disdukcapil - diisi.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: edited,
  });
  await expect(importer.getByRole('progressbar', { name: 'Kemajuan pemeriksaan buku kerja' })).toBeVisible();
  const changes = importer.getByRole('table', { name: 'Perubahan yang akan diterapkan' });
  await expect(changes).toBeVisible();
  await expect(importer.getByText(`Formulir ${target.name} · Tahun 2026`, { exact: false })).toBeVisible();
  await expect(changes.getByRole('row', { name: /Tautan bukti/ })).toContainText('https://drive.google.com/file/d/sk-standar-pelayanan');
  await expect(changes.getByRole('row', { name: /Catatan/ })).toContainText('SK ditandatangani kepala dinas, Maret 2026');
  await expect(changes).toContainText(requirement.slice(0, 40));
  const changeRows = await changes.locator('tbody tr').count();
  expect(changeRows).toBeGreaterThanOrEqual(2);
  expect(countLinks(app)).toBe(0);
  const applyButton = importer.getByRole('button', { name: `Terapkan ${changeRows} perubahan` });
  await expect(applyButton).toBeEnabled();
  await closeToasts(page);
  await importer.scrollIntoViewIfNeeded();
  await screenshot(page, 'impor-pratinjau');

  await applyButton.click();
  await expect(importer.getByText(`${changeRows} perubahan diterapkan, 0 konflik dilewati`)).toBeVisible();
  await expect(importer.getByTestId('import-backup-id')).toContainText('sebelum-impor');
  await expect(page.getByRole('status').filter({ hasText: `${changeRows} perubahan diterapkan` }).first()).toBeVisible();
  await expect(changes).toBeHidden();
  expect(countLinks(app)).toBe(1);
  const link = app.started.ctx.db.prepare("SELECT url FROM evidence WHERE kind = 'link'").get() as { url: string };
  expect(link.url).toBe('https://drive.google.com/file/d/sk-standar-pelayanan');

  // A text file renamed .xlsx is refused in Indonesian; nothing changes.
  await importer.getByLabel('Pilih buku kerja isian (.xlsx)').setInputFiles({
    name: 'rekap-unit.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from('No;Persyaratan;Status\n1;SK Standar Pelayanan;Ada\n', 'utf8'),
  });
  const rejection = importer.getByRole('alert').filter({ hasText: 'Berkas ditolak' });
  await expect(rejection).toBeVisible();
  await expect(rejection).toContainText('bukan buku kerja Excel');
  await expect(rejection).toContainText('Yang perlu dilakukan');
  await expect(importer.getByRole('button', { name: /^Terapkan/ })).toHaveCount(0);
  expect(countLinks(app)).toBe(1);

  expect(consoleErrors).toEqual([]);
});

test('every unit gets its own package, one after another, each downloadable', async ({ app, page, consoleErrors }) => {
  const { units } = await seed(app);
  await page.goto(`${app.url}#/ekspor`);
  const pack = card(page, 'Paket pengajuan per unit');
  await pack.getByLabel('Unit', { exact: true }).selectOption({ label: 'Semua unit (3)' });
  await pack.getByRole('button', { name: 'Buat 3 paket' }).click();
  await expect(pack.getByText('3 dari 3 paket dibuat')).toBeVisible();
  const list = pack.getByRole('list', { name: 'Paket per unit' });
  for (const unit of units) await expect(list).toContainText(unit.name);
  const links = pack.getByRole('link', { name: /^Unduh .+\.zip$/ });
  await expect(links).toHaveCount(3);
  const bytes = await download(page, app, links.nth(2));
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

  // Cancelling a run stops it: the units not yet started are not made.
  await slowJobPolls(page);
  await pack.getByRole('button', { name: 'Buat 3 paket' }).click();
  await expect(pack.getByRole('progressbar', { name: 'Kemajuan pembuatan paket' })).toBeVisible();
  await expect(pack.getByRole('progressbar')).toHaveAttribute('aria-valuetext', /Dinas Kependudukan dan Pencatatan Sipil \(1 dari 3\)/);
  await pack.getByRole('button', { name: 'Batalkan' }).click();
  await expect(pack.getByText(/dari 3 paket dibuat · sisanya dibatalkan/)).toBeVisible();
  await expect(page.getByText('Pembuatan paket dibatalkan')).toBeVisible();
  await expect(pack.getByRole('button', { name: 'Batalkan' })).toBeHidden();
  expect(await list.getByRole('listitem').count()).toBeLessThan(3);
  await expect(pack.getByRole('button', { name: 'Buat 3 paket' })).toBeEnabled();
  expect(consoleErrors).toEqual([]);
});

test('row errors block the import; conflicts are skipped unless the user chooses to overwrite', async ({ app, page, consoleErrors }) => {
  const { periodId, units } = await seed(app);
  const target = units[1]!;
  await page.goto(`${app.url}#/ekspor`);
  const formBytes = await exportForm(page, app, target.name);

  // After the export the office writes a note on the first requirement in Patuh…
  const checklist = await call(app, 'checklist:get', { periodId, unitId: target.id });
  const first = checklist.instruments[0]!.aspects[0]!.indicators[0]!.requirements[0]!;
  await call(app, 'checklist:set-note', { periodId, unitId: target.id, instrumentId: first.instrumentId, requirementCode: first.code, note: 'Dicek Bagian Organisasi: SK belum ditandatangani.' });

  // …while the unit writes another note there, marks row 3 "Terverifikasi" (not theirs to give) and links row 4.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(formBytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Isian')!;
  const header = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? ''));
  const column = (name: string) => header.indexOf(name);
  sheet.getRow(2).getCell(column('Catatan')).value = 'SK sudah ditandatangani 3 Maret 2026';
  sheet.getRow(3).getCell(column('Status')).value = 'Terverifikasi';
  sheet.getRow(4).getCell(column('Tautan bukti')).value = 'https://drive.google.com/file/d/maklumat-pelayanan';
  const withError = Buffer.from(await workbook.xlsx.writeBuffer());
  sheet.getRow(3).getCell(column('Status')).value = null;
  const fixed = Buffer.from(await workbook.xlsx.writeBuffer());

  const importer = page.getByRole('region', { name: 'Impor formulir yang dikembalikan' });
  const input = importer.getByLabel('Pilih buku kerja isian (.xlsx)');
  await input.setInputFiles({ name: 'isian-dpmptsp.xlsx', mimeType: 'application/octet-stream', buffer: withError });
  const errors = importer.getByRole('table', { name: 'Kesalahan per baris' });
  await expect(errors).toBeVisible();
  await expect(errors.getByRole('columnheader')).toHaveText(['Baris', 'Kolom', 'Sel', 'Masalah', 'Yang perlu dilakukan']);
  await expect(errors.getByRole('row').nth(1)).toContainText('Terverifikasi');
  await expect(errors.getByRole('row').nth(1)).toContainText('G3');
  await expect(importer.getByRole('button', { name: /^Terapkan \d+ perubahan$/ })).toBeDisabled();
  await expect(importer.getByText('Perbaiki kesalahan di buku kerja dulu.')).toBeVisible();

  // The corrected workbook: one conflict (row 2) and the link on row 4.
  await input.setInputFiles({ name: 'isian-dpmptsp-perbaikan.xlsx', mimeType: 'application/octet-stream', buffer: fixed });
  const conflicts = importer.getByRole('table', { name: 'Konflik' });
  await expect(conflicts).toBeVisible();
  await expect(errors).toBeHidden();
  await expect(conflicts).toContainText('Dicek Bagian Organisasi: SK belum ditandatangani.');
  await expect(conflicts).toContainText('SK sudah ditandatangani 3 Maret 2026');
  await expect(importer.getByRole('radio', { name: /Lewati konflik \(disarankan\)/ })).toBeChecked();
  const changeRows = await importer.getByRole('table', { name: 'Perubahan yang akan diterapkan' }).locator('tbody tr').count();
  const conflictRows = await conflicts.locator('tbody tr').count();
  await expect(importer.getByRole('button', { name: `Terapkan ${changeRows} perubahan` })).toBeEnabled();
  await importer.getByRole('radio', { name: /Timpa dengan isi buku kerja/ }).check();
  await expect(importer.getByRole('button', { name: `Terapkan ${changeRows + conflictRows} perubahan` })).toBeEnabled();
  await importer.getByRole('radio', { name: /Lewati konflik/ }).check();
  await closeToasts(page);

  await importer.getByRole('button', { name: `Terapkan ${changeRows} perubahan` }).click();
  await expect(importer.getByText(`${changeRows} perubahan diterapkan, ${conflictRows} konflik dilewati`)).toBeVisible();
  const note = app.started.ctx.db
    .prepare('SELECT note FROM checklist_items WHERE period_id = ? AND unit_id = ? AND instrument_id = ? AND requirement_code = ?')
    .pluck()
    .get(periodId, target.id, first.instrumentId, first.code);
  expect(note).toBe('Dicek Bagian Organisasi: SK belum ditandatangani.');
  expect(countLinks(app)).toBe(1);
  expect(consoleErrors).toEqual([]);
});
