/**
 * Issue 14 end to end: bulk status with *Urungkan* from the toast, the Daftar Periksa
 * keyboard (j/k, v, p, n, Space), the last unit remembered across per-unit screens, and the
 * layout with the checkbox column at 1366×768 and at 125 % (1093×614).
 */
import type { Locator, Page } from '@playwright/test';
import type { Checklist, ChecklistRequirement } from '../../src/shared/types';
import { call, expect, screenshot, test, type AppFixture } from './fixtures';

interface Seed {
  periodId: number;
  unitId: number;
  otherUnitId: number;
  indicator1: ChecklistRequirement[];
}

function allRequirements(checklist: Checklist): ChecklistRequirement[] {
  return checklist.instruments.flatMap((instrument) => instrument.aspects.flatMap((aspect) => aspect.indicators.flatMap((indicator) => indicator.requirements)));
}

function pdf(tag: string): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${tag}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

/** Two units in 2026; the first two requirements of indicator 1 have a file each (terverifikasi needs evidence). */
async function seed(app: AppFixture): Promise<Seed> {
  await call(app, 'settings:update', { operatorName: 'Rina Kurniasih, S.AP.' });
  const instruments = await call(app, 'instruments:list', undefined);
  const id = (code: string) => instruments.find((item) => item.code === code)!.id;
  const { created } = await call(app, 'units:bulk-create', { names: ['Dinas Kependudukan dan Pencatatan Sipil', 'Dinas Sosial', 'Dinas Kesehatan'] });
  const period = await call(app, 'periods:create', { year: 2026, instrumentIds: [id('pekppp-2022-a'), id('ombudsman-2025')], deadline: '2026-12-15', unitIds: created.map((unit) => unit.id) });
  const unitId = created[0]!.id;
  const checklist = await call(app, 'checklist:get', { periodId: period.id, unitId });
  const indicator1 = allRequirements(checklist).filter((requirement) => requirement.indicatorCode === 'i01');
  for (const [index, requirement] of indicator1.slice(0, 2).entries()) {
    await call(app, 'evidence:upload', {
      periodId: period.id,
      unitId,
      instrumentId: requirement.instrumentId,
      requirementCode: requirement.code,
      files: [{ name: `Bukti ${index + 1} ${requirement.code}.pdf`, data: new Uint8Array(pdf(requirement.code)) }],
      documentDate: '2026-02-10',
    });
  }
  return { periodId: period.id, unitId, otherUnitId: created[1]!.id, indicator1 };
}

const tree = (page: Page) => page.getByRole('navigation', { name: 'Struktur instrumen' });
const list = (page: Page) => page.getByRole('list', { name: 'Daftar persyaratan' });
const detail = (page: Page) => page.getByRole('complementary', { name: 'Rincian persyaratan' });
const bar = (page: Page) => page.getByRole('toolbar', { name: 'Ubah banyak persyaratan sekaligus' });
const row = (page: Page, requirement: ChecklistRequirement): Locator => list(page).getByRole('listitem', { name: requirement.text, exact: true });
const statusOf = (target: Locator, label: string) => target.getByRole('group', { name: 'Ubah status' }).getByRole('button', { name: label, exact: true });
const toast = (page: Page, title: string | RegExp) => page.locator('.toast').filter({ hasText: title });

async function openIndicator1(page: Page, app: AppFixture, unitId: number): Promise<void> {
  await page.goto(`${app.url}#/daftar-periksa/${unitId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Daftar Periksa' })).toBeVisible();
  await tree(page).getByRole('button', { name: /Tersedia Standar Pelayanan \(SP\)/ }).click();
  await expect(list(page).locator('.req-row')).toHaveCount(4);
}

/** No horizontal scrolling, chips clear of the action icons, the selected requirement's files visible without scrolling the panel. */
async function checkLayout(page: Page): Promise<void> {
  // A resize below 1200 px folds the menu to icons with a transition: measure the settled layout.
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
  const overflow = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    list: [...document.querySelectorAll('.req-list')].map((el) => el.scrollWidth - el.clientWidth),
  }));
  expect(overflow.page).toBeLessThanOrEqual(0);
  for (const value of overflow.list) expect(value).toBeLessThanOrEqual(0);
  const overlaps = await page.evaluate(() =>
    [...document.querySelectorAll('.req-row')].filter((rowEl) => {
      const actions = rowEl.querySelector('.req-row__actions')!.getBoundingClientRect();
      return [...rowEl.querySelectorAll('.req-row__top > *')].some((chip) => {
        const box = chip.getBoundingClientRect();
        return box.right > actions.left && box.left < actions.right && box.bottom > actions.top && box.top < actions.bottom;
      });
    }).length,
  );
  expect(overlaps).toBe(0);
  const files = detail(page).getByRole('list', { name: 'Berkas' });
  await expect(files).toBeVisible();
  // Within the pane as it opens (not scrolled); below 760 px of height the page itself scrolls by design.
  expect(await detail(page).evaluate((el) => el.scrollTop)).toBe(0);
  const panel = (await detail(page).boundingBox())!;
  const fileBox = (await files.locator('li').first().boundingBox())!;
  expect(fileBox.y + fileBox.height).toBeLessThanOrEqual(panel.y + panel.height);
}

test('bulk status: Shift+click range, preview of rows without evidence, undo from the toast recorded in history', async ({ app, page, consoleErrors }) => {
  const { unitId, indicator1 } = await seed(app);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openIndicator1(page, app, unitId);
  const [first, second, third, fourth] = indicator1 as [ChecklistRequirement, ChecklistRequirement, ChecklistRequirement, ChecklistRequirement];

  // Tick the first, Shift+click the fourth: a range of four.
  await row(page, first).getByRole('checkbox').click();
  await expect(bar(page)).toContainText('1 dipilih');
  await row(page, fourth).getByRole('checkbox').click({ modifiers: ['Shift'] });
  await expect(bar(page)).toContainText('4 dipilih');
  await row(page, first).locator('.req-row__main').click();
  await checkLayout(page);
  await screenshot(page, 'daftar-periksa-massal-1366');
  await page.setViewportSize({ width: 1093, height: 614 });
  await checkLayout(page);
  await screenshot(page, 'daftar-periksa-massal-1093');
  await page.setViewportSize({ width: 1366, height: 768 });

  // Terverifikasi needs evidence: the office is told 2 can change, 2 have none, and applies to the 2.
  await bar(page).getByRole('button', { name: 'Verifikasi', exact: true }).click();
  const confirmDialog = page.getByRole('alertdialog', { name: 'Ubah 2 dari 4 persyaratan?' });
  await expect(confirmDialog).toContainText('2 dapat diubah');
  await expect(confirmDialog).toContainText('2 belum punya bukti');
  await expect(confirmDialog).toContainText(third.text);
  await screenshot(page, 'daftar-periksa-massal-konfirmasi-1366');
  await confirmDialog.getByRole('button', { name: 'Ubah 2 persyaratan' }).click();
  await expect(toast(page, '2 persyaratan diubah: Terverifikasi')).toBeVisible();
  await screenshot(page, 'daftar-periksa-massal-urungkan-1366');
  await expect(statusOf(row(page, first), 'Verifikasi')).toHaveAttribute('aria-pressed', 'true');
  await expect(statusOf(row(page, second), 'Verifikasi')).toHaveAttribute('aria-pressed', 'true');
  await expect(statusOf(row(page, third), 'Verifikasi')).toHaveAttribute('aria-pressed', 'false');
  await expect(bar(page)).toContainText('Pilih semua yang tampil (4)');

  // Urungkan from the toast: both back to waiting, and the history says so.
  await toast(page, '2 persyaratan diubah: Terverifikasi').getByRole('button', { name: 'Urungkan' }).click();
  await expect(toast(page, '2 perubahan status diurungkan')).toBeVisible();
  await expect(statusOf(row(page, first), 'Menunggu verifikasi')).toHaveAttribute('aria-pressed', 'true');
  await expect(statusOf(row(page, second), 'Menunggu verifikasi')).toHaveAttribute('aria-pressed', 'true');
  await row(page, second).locator('.req-row__main').click();
  await expect(detail(page)).toContainText('Urungkan: status dikembalikan dari "Terverifikasi" ke "Menunggu verifikasi"');

  // Select all shown, one reason for all: one history line each.
  await bar(page).getByRole('checkbox').check();
  await expect(bar(page)).toContainText('4 dipilih');
  await bar(page).getByRole('button', { name: 'Perlu perbaikan…' }).click();
  const reason = page.getByRole('dialog', { name: 'Perlu perbaikan — 4 persyaratan' });
  await reason.getByLabel('Apa yang perlu diperbaiki?').fill('Belum ditandatangani kepala unit.');
  await reason.getByRole('button', { name: 'Tandai perlu perbaikan (4)' }).click();
  await expect(toast(page, '4 persyaratan diubah: Perlu perbaikan')).toBeVisible();
  for (const requirement of indicator1) await expect(statusOf(row(page, requirement), 'Perlu perbaikan')).toHaveAttribute('aria-pressed', 'true');
  await row(page, fourth).locator('.req-row__main').click();
  await expect(detail(page)).toContainText('ubah massal (4 persyaratan)');
  const history = await call(app, 'checklist:history', { periodId: (await call(app, 'periods:list', undefined))[0]!.id, unitId, instrumentId: fourth.instrumentId, requirementCode: fourth.code });
  expect(history.filter((entry) => entry.action === 'status')).toHaveLength(1);
  expect(consoleErrors).toEqual([]);
});

test('keyboard: j/k move, v verifies (needs evidence), p asks for a reason, n opens the note, Space ticks', async ({ app, page, consoleErrors }) => {
  const { unitId, indicator1 } = await seed(app);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openIndicator1(page, app, unitId);
  const [first, second, third] = indicator1 as [ChecklistRequirement, ChecklistRequirement, ChecklistRequirement];
  const current = (requirement: ChecklistRequirement) => expect(row(page, requirement).locator('.req-row__main')).toHaveAttribute('aria-pressed', 'true');

  await current(first);
  await page.keyboard.press('j');
  await current(second);
  await page.keyboard.press('j');
  await current(third);
  await page.keyboard.press('k');
  await current(second);
  await page.keyboard.press('ArrowUp');
  await current(first);

  // v with evidence verifies, with *Urungkan* on the toast.
  await page.keyboard.press('v');
  await expect(statusOf(row(page, first), 'Verifikasi')).toHaveAttribute('aria-pressed', 'true');
  await expect(toast(page, 'Status diubah: Terverifikasi').getByRole('button', { name: 'Urungkan' })).toBeVisible();
  await toast(page, 'Status diubah: Terverifikasi').getByRole('button', { name: 'Urungkan' }).click();
  await expect(statusOf(row(page, first), 'Menunggu verifikasi')).toHaveAttribute('aria-pressed', 'true');

  // v without evidence: refused by the same rule, said clearly.
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await current(third);
  await page.keyboard.press('v');
  await expect(toast(page, 'Status tidak tersimpan')).toContainText('belum punya berkas atau tautan bukti');
  await expect(statusOf(row(page, third), 'Verifikasi')).toHaveAttribute('aria-pressed', 'false');

  // p opens the reason dialog; keys typed there do not move the list.
  await page.keyboard.press('p');
  const dialog = page.getByRole('dialog', { name: 'Perlu perbaikan' });
  await expect(dialog).toBeVisible();
  await page.keyboard.type('Lampiran kurang jelas');
  await dialog.getByRole('button', { name: 'Tandai perlu perbaikan' }).click();
  await expect(statusOf(row(page, third), 'Perlu perbaikan')).toHaveAttribute('aria-pressed', 'true');
  await current(third);

  // n opens the note; typing j/k/v there is just text.
  await page.keyboard.press('n');
  const note = detail(page).getByLabel('Catatan');
  await expect(note).toBeFocused();
  await page.keyboard.type('jvk dulu');
  await expect(note).toHaveValue('jvk dulu');
  await current(third);
  await note.blur();
  await expect(detail(page)).toContainText('tersimpan');

  // Space ticks the current requirement for a bulk change; Esc clears.
  await page.keyboard.press(' ');
  await expect(bar(page)).toContainText('1 dipilih');
  await page.keyboard.press('Escape');
  await expect(bar(page)).toContainText('Pilih semua yang tampil (4)');

  // In a long (virtualised) list the moved-to row is scrolled into view.
  await tree(page).locator('.tree__row--instrument .tree__label').first().click();
  for (let step = 0; step < 14; step += 1) await page.keyboard.press('j');
  const focused = list(page).locator('.req-row__main[aria-pressed="true"]');
  await expect(focused).toBeInViewport();
  await expect(focused).toBeFocused();

  // The shortcuts are listed in Bantuan.
  await page.goto(`${app.url}#/bantuan`);
  const shortcuts = page.getByRole('table', { name: 'Pintasan Daftar Periksa' });
  await expect(shortcuts.getByRole('row', { name: /j.*Persyaratan berikutnya/u })).toBeVisible();
  await expect(shortcuts).toContainText('Verifikasi persyaratan yang dipilih');
  await expect(page.getByRole('table', { name: 'Di semua layar' })).toContainText('Cari unit dari layar mana pun');
  await page.getByRole('heading', { name: 'Pintasan papan ketik' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'tests/e2e/screenshots/bantuan-pintasan-1366.png' });
  expect(consoleErrors).toEqual([]);
});

test('per-unit screens reopen the last unit of the year; an explicit address still wins', async ({ app, page, consoleErrors }) => {
  const { unitId, otherUnitId } = await seed(app);
  await page.setViewportSize({ width: 1366, height: 768 });
  const crumbs = page.getByRole('navigation', { name: 'Jejak halaman' });

  await page.goto(`${app.url}#/daftar-periksa/${otherUnitId}`);
  await expect(crumbs).toContainText('Dinas Sosial');
  await page.goto(`${app.url}#/penilaian`);
  await expect(crumbs).toContainText('Dinas Sosial');
  await page.goto(`${app.url}#/kesenjangan`);
  await expect(crumbs).toContainText('Dinas Sosial');

  // An explicit address wins and becomes the last unit.
  await page.goto(`${app.url}#/penilaian/${unitId}`);
  await expect(crumbs).toContainText('Dinas Kependudukan dan Pencatatan Sipil');
  await page.goto(`${app.url}#/daftar-periksa`);
  await expect(crumbs).toContainText('Dinas Kependudukan dan Pencatatan Sipil');
  await page.goto(`${app.url}#/kesenjangan`);
  await expect(crumbs).toContainText('Dinas Kependudukan dan Pencatatan Sipil');

  // Per year: last year's own last unit there, this year's here.
  const instruments = await call(app, 'instruments:list', undefined);
  await call(app, 'periods:create', { year: 2025, instrumentIds: [instruments.find((item) => item.code === 'pekppp-2022-a')!.id], unitIds: [unitId, otherUnitId] });
  // (Switched on Beranda: on a per-unit address the unit shown would count for the other year too.)
  const switchYear = async (year: string) => {
    await page.goto(`${app.url}#/`);
    await page.getByLabel('Tahun penilaian aktif').selectOption(year);
  };
  await page.reload();
  await switchYear('2025');
  await page.goto(`${app.url}#/daftar-periksa/${otherUnitId}`);
  await expect(crumbs).toContainText('Dinas Sosial');
  await switchYear('2026');
  await page.goto(`${app.url}#/daftar-periksa`);
  await expect(crumbs).toContainText('Dinas Kependudukan dan Pencatatan Sipil');
  await switchYear('2025');
  await page.goto(`${app.url}#/penilaian`);
  await expect(crumbs).toContainText('Dinas Sosial');
  await switchYear('2026');
  await page.goto(`${app.url}#/kesenjangan`);
  await expect(crumbs).toContainText('Dinas Kependudukan dan Pencatatan Sipil');

  // The cross-unit view has its own address.
  await page.getByRole('tab', { name: 'Semua unit' }).click();
  await expect(page).toHaveURL(/#\/kesenjangan\/semua$/);
  await expect(crumbs).not.toContainText('Dinas Kependudukan');
  expect(consoleErrors).toEqual([]);
});
