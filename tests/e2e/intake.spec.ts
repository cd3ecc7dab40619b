/**
 * Kiriman Unit end to end in Chromium through the preview host: kits exported for three
 * units into a collection folder, changed as units would (files dropped into folders,
 * the workbook filled in with exceljs including F-01 levels, one kit re-saved by
 * LibreOffice, one with an Office lock file and a half-synced .tmp), scanned, previewed
 * and applied; the checklist and Penilaian Mandiri then show the unit's files and levels.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, screenshot, test, type AppFixture, call } from './fixtures';

const UNITS = [
  ['Dinas Kependudukan dan Pencatatan Sipil', 'Disdukcapil'],
  ['Dinas Sosial', 'Dinsos'],
  ['Kecamatan Depok', 'Kec. Depok'],
] as const;

async function seed(app: AppFixture) {
  await call(app, 'settings:update', { operatorName: 'Rina Kurniasih, S.AP.', localGovernmentName: 'Kabupaten Sleman', localGovernmentKind: 'kabupaten' });
  const units = [];
  for (const [name, shortName] of UNITS) units.push(await call(app, 'units:create', { name, shortName, groupName: name.startsWith('Kec') ? 'Kecamatan' : 'Perangkat Daerah', headName: null }));
  const instruments = await call(app, 'instruments:list', undefined);
  const id = (code: string) => instruments.find((item) => item.code === code)!.id;
  const period = await call(app, 'periods:create', { year: 2026, instrumentIds: [id('pekppp-2022-a'), id('ombudsman-2025')], deadline: '2026-11-24', unitIds: units.map((unit) => unit.id) });
  return { periodId: period.id, units };
}

const PDF = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]), Buffer.alloc(200, 7)]);

interface Manifest {
  workbook: { file: string };
  folders: Array<{ path: string; requirementCode: string }>;
}
const manifestOf = (kit: string) => JSON.parse(fs.readFileSync(path.join(kit, 'patuh-kit.json'), 'utf8')) as Manifest;

async function fill(file: string, edit: (isian: ExcelJS.Worksheet, f01: ExcelJS.Worksheet) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  edit(workbook.getWorksheet('Isian')!, workbook.getWorksheet('Penilaian Mandiri')!);
  await workbook.xlsx.writeFile(file);
}

function f01Row(sheet: ExcelJS.Worksheet, number: number): number {
  for (let row = 6; row <= sheet.rowCount; row += 1) if (sheet.getCell(row, 1).value === number) return row;
  throw new Error(`indicator ${number} missing`);
}

/** The job dialog's footer "Tutup" appears when the job has ended. */
async function waitJob(page: Page, title: string): Promise<void> {
  await expect(closeButton(page, title)).toBeVisible({ timeout: 60_000 });
}

const closeButton = (page: Page, title: string) => page.getByRole('dialog', { name: title }).getByRole('contentinfo').getByRole('button', { name: 'Tutup' });

test('kits exported, filled by three units, scanned, previewed and applied', async ({ app, page, consoleErrors }) => {
  test.setTimeout(240_000);
  const { units } = await seed(app);
  // The preview trusts no path from the page outside its own download folder (<data>/ekspor).
  const collection = path.join(app.dataDir, 'ekspor', 'kiriman');
  fs.mkdirSync(collection, { recursive: true });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${app.url}#/kiriman`);
  await expect(page.getByRole('heading', { level: 1, name: 'Kiriman Unit' })).toBeVisible();

  // The collection folder and the kits of all three units.
  await page.getByLabel('Lokasi folder').fill(collection);
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Folder kiriman disimpan')).toBeVisible();
  await page.getByRole('button', { name: 'Buat/perbarui kit 3 unit' }).click();
  await waitJob(page, 'Membuat kit isian unit');
  await expect(page.getByRole('dialog', { name: 'Membuat kit isian unit' })).toContainText('3 kit dibuat');
  await closeButton(page, 'Membuat kit isian unit').click();
  const kits = UNITS.map(([name]) => path.join(collection, `Kit 2026 - ${name}`));
  for (const kit of kits) expect(fs.existsSync(path.join(kit, 'PETUNJUK.txt'))).toBe(true);

  // Disdukcapil: two files, a link and status, F-01 level 4 for indicator 1 (no elements there).
  const [capil, dinsos, kecamatan] = kits as [string, string, string];
  const capilManifest = manifestOf(capil);
  fs.writeFileSync(path.join(capil, capilManifest.folders[0]!.path, 'SK Standar Pelayanan 2026.pdf'), PDF('sk'));
  fs.writeFileSync(path.join(capil, capilManifest.folders[1]!.path, 'Foto ruang layanan.jpg'), JPEG);
  await fill(path.join(capil, capilManifest.workbook.file), (isian, f01) => {
    isian.getCell(4, 7).value = 'Menunggu verifikasi';
    isian.getCell(4, 8).value = 'https://drive.google.com/file/d/maklumat';
    f01.getCell(2, 3).value = 'Agus Prasetyo';
    f01.getCell(f01Row(f01, 1), 6).value = 4;
    f01.getCell(f01Row(f01, 1), 7).value = 'Standar pelayanan ditetapkan dengan SK Kepala Dinas.';
  });

  // Dinas Sosial: F-01 filled, then the workbook re-saved by LibreOffice Calc.
  const dinsosManifest = manifestOf(dinsos);
  fs.writeFileSync(path.join(dinsos, dinsosManifest.folders[0]!.path, 'SK Dinsos.pdf'), PDF('dinsos'));
  const dinsosBook = path.join(dinsos, dinsosManifest.workbook.file);
  await fill(dinsosBook, (_isian, f01) => {
    f01.getCell(2, 3).value = 'Sri Lestari';
    f01.getCell(f01Row(f01, 1), 6).value = 3;
  });
  const converted = fs.mkdtempSync(path.join(os.tmpdir(), 'patuh-lo-'));
  execFileSync('soffice', [`-env:UserInstallation=file://${converted}/profil`, '--headless', '--convert-to', 'xlsx', '--outdir', converted, dinsosBook], { timeout: 120_000, stdio: 'ignore' });
  fs.copyFileSync(path.join(converted, path.basename(dinsosBook)), dinsosBook);

  // Kecamatan: a real file, an Office lock file and a half-synced upload, plus one at the kit root.
  const kecManifest = manifestOf(kecamatan);
  const kecFolder = path.join(kecamatan, kecManifest.folders[0]!.path);
  fs.writeFileSync(path.join(kecFolder, 'SK Camat.pdf'), PDF('camat'));
  fs.writeFileSync(path.join(kecFolder, '~$Laporan pengaduan.docx'), 'kunci');
  fs.writeFileSync(path.join(kecFolder, 'Video layanan.mp4.tmp'), Buffer.alloc(1024, 1));
  fs.writeFileSync(path.join(kecamatan, 'Daftar hadir FKP.pdf'), PDF('fkp'));

  // Scan: the inbox per unit.
  await page.getByRole('button', { name: 'Periksa kiriman' }).click();
  await waitJob(page, 'Memeriksa kiriman unit');
  await closeButton(page, 'Memeriksa kiriman unit').click();
  const table = page.getByRole('table', { name: 'Unit dan kirimannya' });
  const rowOf = (name: string) => table.getByRole('row').filter({ hasText: name });
  await expect(rowOf(UNITS[0][0])).toContainText('Siap diterapkan');
  await expect(rowOf('Dinas Sosial')).toContainText('Siap diterapkan');
  await expect(rowOf('Kecamatan Depok')).toContainText('Perlu ditinjau');
  await expect(page.getByRole('link', { name: /Kiriman Unit/ })).toContainText('3');

  // Beranda and the unit list point at the units with something new; back on the screen the inbox is kept.
  await page.goto(`${app.url}#/`);
  await expect(page.getByRole('link', { name: /3 unit mengirim bukti atau isian baru/ })).toBeVisible();
  await screenshot(page, 'kiriman-beranda');
  await page.goto(`${app.url}#/unit`);
  await expect(page.getByRole('link', { name: 'Kiriman baru', exact: true })).toHaveCount(3);
  await screenshot(page, 'kiriman-unit');
  await page.goto(`${app.url}#/kiriman`);
  await expect(rowOf('Kecamatan Depok')).toContainText('Perlu ditinjau');

  await rowOf(UNITS[0][0]).getByRole('button', { name: UNITS[0][0] }).click();
  const detail = page.getByLabel(`Kiriman ${UNITS[0][0]}`);
  await expect(detail).toContainText('dikirim oleh Agus Prasetyo');
  await expect(detail).toContainText('SK Standar Pelayanan 2026.pdf');
  await expect(detail).toContainText('Foto ruang layanan.jpg');
  await expect(detail).toContainText('https://drive.google.com/file/d/maklumat');
  await expect(detail.getByRole('row').filter({ hasText: '1. ' })).toContainText('Tingkat 4');
  await screenshot(page, 'kiriman-pratinjau');
  // The unit's name leads to its Profil Unit.
  await expect(detail.getByRole('heading', { level: 2 }).getByRole('link', { name: UNITS[0][0] })).toHaveAttribute('href', `#/unit/${units[0]!.id}`);

  await rowOf('Kecamatan Depok').getByRole('button', { name: 'Kecamatan Depok' }).click();
  const kecDetail = page.getByLabel('Kiriman Kecamatan Depok');
  await expect(kecDetail).toContainText('2 berkas masih disinkronkan');
  await expect(kecDetail).toContainText('Daftar hadir FKP.pdf');
  await kecDetail.getByLabel('Persyaratan untuk Daftar hadir FKP.pdf').selectOption({ index: 3 });
  await page.setViewportSize({ width: 1093, height: 614 });
  await screenshot(page, 'kiriman-pratinjau-125');
  await page.setViewportSize({ width: 1366, height: 768 });

  // Apply all ready units: Disdukcapil and Dinas Sosial; Kecamatan waits for its choice.
  await page.getByRole('button', { name: 'Terapkan yang siap (2)' }).click();
  await waitJob(page, 'Menerapkan kiriman unit');
  const applied = page.getByRole('dialog', { name: 'Menerapkan kiriman unit' });
  await expect(applied).toContainText(`${UNITS[0][0]}: diterapkan — 2 berkas, 2 perubahan, 1 tingkat F-01`);
  await expect(applied).toContainText('Dinas Sosial: diterapkan — 1 berkas');
  await screenshot(page, 'kiriman-diterapkan');
  await closeButton(page, 'Menerapkan kiriman unit').click();

  // Then the chosen one (with the office's placement of the root file).
  await table.getByRole('checkbox', { name: 'Pilih Kecamatan Depok' }).check();
  await page.getByRole('button', { name: 'Terapkan terpilih (1)' }).click();
  await waitJob(page, 'Menerapkan kiriman unit');
  await expect(page.getByRole('dialog', { name: 'Menerapkan kiriman unit' })).toContainText('Kecamatan Depok: diterapkan — 2 berkas');
  await closeButton(page, 'Menerapkan kiriman unit').click();
  await expect(rowOf(UNITS[0][0])).toContainText('Tidak ada yang baru');
  await expect(rowOf('Kecamatan Depok')).toContainText('Tidak ada yang baru');

  // Refreshing a received kit: the workbook is replaced with the new statuses, the unit's files stay.
  const filledBook = fs.readFileSync(path.join(capil, capilManifest.workbook.file));
  await rowOf(UNITS[0][0]).getByRole('button', { name: UNITS[0][0] }).click();
  await page.getByRole('button', { name: 'Perbarui kit unit ini' }).click();
  await waitJob(page, 'Memperbarui kit unit');
  await closeButton(page, 'Memperbarui kit unit').click();
  expect(fs.readFileSync(path.join(capil, capilManifest.workbook.file)).equals(filledBook)).toBe(false);
  expect(fs.existsSync(path.join(capil, capilManifest.folders[0]!.path, 'SK Standar Pelayanan 2026.pdf'))).toBe(true);
  const refreshed = new ExcelJS.Workbook();
  await refreshed.xlsx.readFile(path.join(capil, capilManifest.workbook.file));
  expect(String(refreshed.getWorksheet('Isian')!.getCell(2, 6).value)).toMatch(/^Menunggu verifikasi/u);

  // The checklist shows the unit's files; Penilaian Mandiri its level as nilai mandiri.
  const capilId = units[0]!.id;
  const checklist = await call(app, 'checklist:get', { periodId: (await call(app, 'periods:list', undefined))[0]!.id, unitId: capilId });
  const first = checklist.instruments[0]!.aspects[0]!.indicators[0]!.requirements[0]!;
  expect(first).toMatchObject({ status: 'menunggu_verifikasi', evidence: [expect.objectContaining({ originalName: 'SK Standar Pelayanan 2026.pdf', createdBy: 'Agus Prasetyo (kiriman unit)' })] });
  await page.goto(`${app.url}#/daftar-periksa/${capilId}`);
  await expect(page.getByText('SK Standar Pelayanan 2026').first()).toBeVisible();
  await screenshot(page, 'kiriman-daftar-periksa');
  await page.goto(`${app.url}#/penilaian/${capilId}`);
  const indicator = page.getByRole('article', { name: /^Indikator 1:/ });
  await expect(indicator.getByText('Mandiri4', { exact: false }).or(indicator.locator('.score-pill--active'))).toContainText('4');
  await indicator.getByRole('button', { name: /^Indikator 1:/ }).click();
  await expect(indicator.getByRole('radio', { name: /^Tingkat 4:/ })).toBeChecked();
  await screenshot(page, 'kiriman-penilaian');
  const assessment = await call(app, 'assessment:get', { periodId: checklist.periodId, unitId: units[1]!.id });
  expect(assessment.aspects[0]!.indicators[0]).toMatchObject({ selfLevel: 3, verifiedLevel: null });
  expect(consoleErrors).toEqual([]);
  fs.rmSync(collection, { recursive: true, force: true });
  fs.rmSync(converted, { recursive: true, force: true });
});
