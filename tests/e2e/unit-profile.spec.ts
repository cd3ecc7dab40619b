/**
 * One place per unit: the Profil Unit page reached from the unit list, the Beranda and
 * the quick search (Ctrl+K, "/"), with the three views and the gap list's first steps.
 */
import { expect, screenshot, test, call, type AppFixture } from './fixtures';

async function seed(app: AppFixture) {
  await call(app, 'settings:update', { localGovernmentName: 'Kabupaten Sleman', localGovernmentKind: 'kabupaten', operatorName: 'Rina Kurniasih' });
  const instruments = await call(app, 'instruments:list', undefined);
  const pekppp = instruments.find((item) => item.code === 'pekppp-2022-a')!;
  const ombudsman = instruments.find((item) => item.code === 'ombudsman-2025')!;
  const make = (name: string, group: string, headName: string | null) => call(app, 'units:create', { name, groupName: group, shortName: null, headName });
  const dinsos = await make('Dinas Sosial', 'Perangkat Daerah', 'Dra. Endang Pratiwi');
  const dukcapil = await make('Dinas Kependudukan dan Pencatatan Sipil', 'Perangkat Daerah', 'Drs. Bambang Wijayanto, M.Si.');
  const kecamatan = await make('Kecamatan Mlati', 'Kecamatan', null);
  const period = await call(app, 'periods:create', { year: new Date().getFullYear(), instrumentIds: [pekppp.id, ombudsman.id], deadline: null, unitIds: [dinsos.id, dukcapil.id, kecamatan.id] });
  const codes = Array.from({ length: 30 }, (_, index) => `i${String(index + 1).padStart(2, '0')}`);
  for (const code of codes) await call(app, 'assessment:set', { periodId: period.id, unitId: dinsos.id, indicatorCode: code, level: 4 });
  for (const code of codes.slice(0, 5)) await call(app, 'assessment:set', { periodId: period.id, unitId: dinsos.id, indicatorCode: code, level: 4, verified: true });
  for (const code of codes.slice(0, 12)) await call(app, 'assessment:set', { periodId: period.id, unitId: dukcapil.id, indicatorCode: code, level: 3 });
  return { period, dinsos, dukcapil, kecamatan };
}

test('profil unit: from the unit list, with the three views, gaps, history and paging', async ({ app, page, consoleErrors }) => {
  const { dinsos, dukcapil, kecamatan } = await seed(app);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${app.url}#/unit`);
  await page.getByRole('link', { name: 'Dinas Sosial', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`#/unit/${dinsos.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Dinas Sosial' })).toBeVisible();
  const current = page.getByTestId('profil-nilai-terkini');
  await expect(current).toContainText('4,00');
  await expect(current).toContainText('5 diverifikasi, 25 mandiri');
  const verified = page.getByTestId('profil-nilai-verifikasi');
  await expect(verified).toContainText('sementara');
  await expect(page.getByRole('list', { name: 'Langkah perbaikan teratas' }).getByRole('listitem')).not.toHaveCount(0);
  await expect(page.getByText('Dra. Endang Pratiwi').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Perubahan terakhir' })).toBeVisible();
  await expect(page.getByText(/Nilai verifikasi diubah/).first()).toBeVisible();
  await screenshot(page, 'profil-unit');

  // Alphabetical paging: Dinas Kependudukan… ← Dinas Sosial → Kecamatan Mlati.
  await page.getByRole('link', { name: 'Berikutnya' }).click();
  await expect(page).toHaveURL(new RegExp(`#/unit/${kecamatan.id}$`));
  await expect(page.getByTestId('profil-nilai-terkini')).toContainText('belum dinilai');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page).toHaveURL(new RegExp(`#/unit/${dinsos.id}$`));
  await page.getByRole('link', { name: 'Sebelumnya' }).click();
  await expect(page).toHaveURL(new RegExp(`#/unit/${dukcapil.id}$`));

  // One click to the unit's screens.
  await page.getByRole('navigation', { name: 'Tindakan untuk unit ini' }).getByRole('link', { name: 'Penilaian Mandiri' }).click();
  await expect(page).toHaveURL(new RegExp(`#/penilaian/${dukcapil.id}$`));
  expect(consoleErrors).toEqual([]);
});

test('profil unit is one click from every place a unit appears', async ({ app, page, consoleErrors }) => {
  const { dinsos, dukcapil } = await seed(app);
  await page.setViewportSize({ width: 1366, height: 768 });
  const profileOf = async (id: number, name: string) => {
    await expect(page).toHaveURL(new RegExp(`#/unit/${id}$`));
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  };
  // Beranda: the unit table and the heatmap row.
  await page.goto(`${app.url}#/`);
  await page.locator('section[aria-labelledby="units-title"]').getByRole('link', { name: 'Dinas Sosial', exact: true }).click();
  await profileOf(dinsos.id, 'Dinas Sosial');
  await page.goto(`${app.url}#/`);
  await page.locator('section[aria-labelledby="heatmap-title"]').getByRole('link', { name: 'Dinas Kependudukan dan Pencatatan Sipil', exact: true }).click();
  await profileOf(dukcapil.id, 'Dinas Kependudukan dan Pencatatan Sipil');
  // Every one-unit screen: the Profil link beside the unit switcher.
  for (const screen of ['kesenjangan', 'penilaian', 'ombudsman']) {
    await page.goto(`${app.url}#/${screen}/${dinsos.id}`);
    if (screen === 'kesenjangan') {
      // The header with switcher, Profil and print controls at 125 %.
      await page.setViewportSize({ width: 1093, height: 614 });
      await expect(page.getByRole('link', { name: 'Profil', exact: true })).toBeVisible();
      await screenshot(page, 'kesenjangan-header-125');
      await page.setViewportSize({ width: 1366, height: 768 });
    }
    await page.getByRole('link', { name: 'Profil', exact: true }).click();
    await profileOf(dinsos.id, 'Dinas Sosial');
  }
  // Kesenjangan › Semua unit leads to the unit's gaps, and from there to its profile.
  await page.goto(`${app.url}#/kesenjangan/semua`);
  await page.getByRole('list', { name: 'Unit terjauh dari target' }).getByRole('link', { name: 'Dinas Kependudukan dan Pencatatan Sipil' }).click();
  await expect(page).toHaveURL(new RegExp(`#/kesenjangan/${dukcapil.id}$`));
  await page.getByRole('link', { name: 'Profil', exact: true }).click();
  await profileOf(dukcapil.id, 'Dinas Kependudukan dan Pencatatan Sipil');
  // Ekspor: the unit chosen for a package.
  await page.goto(`${app.url}#/ekspor`);
  await page.getByLabel('Unit', { exact: true }).first().selectOption({ label: 'Dinas Sosial' });
  await page.getByRole('link', { name: 'Profil unit' }).click();
  await profileOf(dinsos.id, 'Dinas Sosial');
  expect(consoleErrors).toEqual([]);
});

test('profil unit at 125 % scaling (1093×614): nothing scrolls sideways', async ({ app, page }) => {
  const { dinsos } = await seed(app);
  await page.setViewportSize({ width: 1093, height: 614 });
  await page.goto(`${app.url}#/unit/${dinsos.id}`);
  await expect(page.getByTestId('profil-nilai-terkini')).toContainText('4,00');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, 'profil-unit-125');
});

test('quick search: Ctrl+K and "/" find a unit; Shift+Enter keeps the current screen', async ({ app, page, consoleErrors }) => {
  const { dinsos, dukcapil } = await seed(app);
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Cari unit' });
  await expect(dialog).toBeVisible();
  await page.keyboard.type('sosial');
  await expect(dialog.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/unit/${dinsos.id}$`));
  await expect(dialog).toBeHidden();

  // On a per-unit screen, Shift+Enter opens that screen for the chosen unit.
  await page.goto(`${app.url}#/penilaian/${dinsos.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Penilaian Mandiri' })).toBeVisible();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  await expect(dialog).toBeVisible();
  await page.keyboard.type('penduduk');
  await expect(dialog.getByRole('option').first()).toContainText('Penilaian Mandiri');
  await screenshot(page, 'cari-unit');
  await page.keyboard.press('Shift+Enter');
  await expect(page).toHaveURL(new RegExp(`#/penilaian/${dukcapil.id}$`));

  // From the Beranda heatmap, a unit's row leads to its profile too.
  await page.goto(app.url);
  await page.getByRole('table', { name: 'Peta nilai unit per aspek' }).getByRole('link', { name: 'Dinas Sosial', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`#/unit/${dinsos.id}$`));
  expect(consoleErrors).toEqual([]);
});

test('bantuan: the glossary explains the terms the screens use', async ({ app, page }) => {
  await seed(app);
  await page.goto(`${app.url}#/bantuan?istilah=nilai-terkini`);
  await expect(page.getByRole('heading', { level: 1, name: 'Bantuan' })).toBeVisible();
  for (const term of ['IPP', 'SIPP', 'SKM', 'FKP', 'SP4N-LAPOR!', 'Lokus', 'F-01, F-02, F-03', 'Zona', 'Opini Ombudsman', 'Nilai mandiri', 'Nilai verifikasi', 'Nilai terkini']) {
    await expect(page.getByRole('term').filter({ hasText: new RegExp(`^${term.replace(/[.*+?^${}()|[\]\\!]/g, '\\$&')}$`) })).toBeVisible();
  }
  await expect(page.locator('.glossary__entry.is-highlighted')).toContainText('Nilai terkini');
  await expect(page.getByRole('table').getByText('Cari unit dari layar mana pun')).toBeVisible();
});

test('penilaian: the last level change is undone from its toast and recorded as a revert', async ({ app, page, consoleErrors }) => {
  const { period, kecamatan } = await seed(app);
  await page.goto(`${app.url}#/penilaian/${kecamatan.id}`);
  const card = page.getByRole('article', { name: /^Indikator 2:/ });
  await card.getByRole('button', { name: /^Indikator 2:/ }).click();
  await card.getByRole('radio', { name: /^Tingkat 3:/ }).check();
  const toast = page.getByRole('status').filter({ hasText: 'Nilai mandiri indikator 2: belum dinilai → Tingkat 3' });
  await expect(toast).toBeVisible();
  await toast.getByRole('button', { name: 'Urungkan' }).click();
  await expect(page.getByText('Dikembalikan ke belum dinilai')).toBeVisible();
  await expect(card.getByRole('radio', { name: /^Tingkat 3:/ })).not.toBeChecked();
  const profile = await call(app, 'units:profile', { periodId: period.id, unitId: kecamatan.id });
  expect(profile.history[0]!.summary).toBe('Urungkan: nilai mandiri dikembalikan dari tingkat 3 ke belum dinilai.');
  expect(consoleErrors).toEqual([]);
});
