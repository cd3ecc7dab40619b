/**
 * Documents end to end: Pengaturan › Kop surat & penandatangan (NIP validated by the
 * server, saved), the unit head's NIP and phone in the unit form, the Pengingat view
 * with a wa.me link and copy, and the Surat dan dokumen card writing a Nota Dinas.
 * Screenshots at 1366×768 and at 125 % (1093×614).
 */
import { expect, screenshot, test, type AppFixture, call } from './fixtures';

async function seed(app: AppFixture) {
  await call(app, 'settings:update', { operatorName: 'Rina', localGovernmentName: 'Kabupaten Sleman', localGovernmentKind: 'kabupaten' });
  const unit = await call(app, 'units:create', { name: 'Dinas Sosial', shortName: 'Dinsos', groupName: 'Perangkat Daerah', headName: 'Dra. Ani Lestari', headPhone: '0812-3456-7890' });
  await call(app, 'units:create', { name: 'Kecamatan Depok', shortName: null, groupName: 'Kecamatan', headName: null });
  const instruments = await call(app, 'instruments:list', undefined);
  const units = await call(app, 'units:list', {});
  await call(app, 'periods:create', { year: 2026, instrumentIds: [instruments.find((item) => item.code === 'pekppp-2022-a')!.id], deadline: '2026-12-15', unitIds: units.map((item) => item.id) });
  return unit;
}

for (const [label, viewport] of [
  ['1366', { width: 1366, height: 768 }],
  ['125', { width: 1093, height: 614 }],
] as const) {
  test(`Pengaturan kop & penandatangan, Pengingat (${label})`, async ({ page, app, consoleErrors }) => {
    await seed(app);
    await page.setViewportSize(viewport);
    await page.goto(`${app.url}#/pengaturan`);
    const form = page.getByRole('form', { name: 'Kop surat & penandatangan' });
    await expect(form).toBeVisible();
    await form.getByLabel('Alamat kantor').fill('Jl. Parasamya No. 1, Beran, Tridadi, Sleman 55511');
    await form.getByLabel('Tempat pada tanggal surat').fill('Sleman');
    const kabag = form.getByRole('group', { name: 'Kepala Bagian Organisasi' });
    await kabag.getByLabel('Nama lengkap dengan gelar').fill('Drs. Bambang Sutrisno, M.Si.');
    await kabag.getByLabel('NIP').fill('1970');
    await form.getByRole('button', { name: 'Simpan kop & penandatangan' }).click();
    await expect(kabag.getByText('NIP harus 18 angka (sekarang 4).')).toBeVisible();
    await kabag.getByLabel('NIP').fill('19700512 199503 1 002');
    await form.getByRole('button', { name: 'Simpan kop & penandatangan' }).click();
    await expect(page.getByText('Kop dan penandatangan disimpan')).toBeVisible();
    const saved = await call(app, 'documents:settings', undefined);
    expect(saved.signatories[0]).toMatchObject({ name: 'Drs. Bambang Sutrisno, M.Si.', nip: '197005121995031002' });
    expect(saved.place).toBe('Sleman');
    await screenshot(page, `documents-settings-${label}`);

    await page.goto(`${app.url}#/pengingat`);
    const card = page.getByRole('article', { name: 'Pengingat untuk Dinas Sosial' });
    await expect(card).toBeVisible();
    const wa = card.getByRole('link', { name: 'Buka WhatsApp' });
    await expect(wa).toHaveAttribute('href', /^https:\/\/wa\.me\/6281234567890\?text=Yth\./u);
    await expect(page.getByRole('article', { name: 'Pengingat untuk Kecamatan Depok' }).getByText(/Isi nomor HP atau e-mail/u)).toBeVisible();
    await screenshot(page, `documents-reminders-${label}`);
    expect(consoleErrors).toEqual([]);
  });
}

test('unit form saves the head NIP and phone; Nota Dinas from the Ekspor page', async ({ page, app }) => {
  const unit = await seed(app);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${app.url}#/unit`);
  await page.getByRole('button', { name: /Ubah Dinas Sosial/u }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('NIP kepala unit').fill('1972 0315 1998 0320 04');
  await dialog.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(dialog).toBeHidden();
  expect((await call(app, 'units:get', { id: unit.id })).headNip).toBe('197203151998032004');

  await page.goto(`${app.url}#/ekspor`);
  const letters = page.getByRole('region', { name: 'Surat dan dokumen' });
  await letters.getByRole('button', { name: 'Nota Dinas' }).click();
  await expect(letters.getByRole('link', { name: /Unduh/u })).toBeVisible({ timeout: 30_000 });
  await screenshot(page, 'documents-exports-1366');
});
