/**
 * Daftar Periksa end to end: a unit's checklist driven through the real UI in Chromium
 * against the preview host and real services — upload, link, statuses with reasons,
 * note, filters, reload, drag and drop, library reuse, trash, carry-over, empty states.
 */
import type { Locator, Page } from '@playwright/test';
import type { Checklist, ChecklistRequirement, EvidenceStatus } from '../../src/shared/types';
import { expect, screenshot, test, type AppFixture, call } from './fixtures';


/** A small but real PDF; `tag` makes each one a different file. */
function pdf(tag: string): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${tag}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}


async function closeToasts(page: Page): Promise<void> {
  const buttons = page.getByRole('button', { name: 'Tutup pemberitahuan' });
  while ((await buttons.count()) > 0) await buttons.first().click();
}

interface Seed {
  current: number;
  previous: number;
  unitId: number;
  otherUnitId: number;
  outsideUnitId: number;
  pekppp: number;
  ombudsman: number;
}

async function seedBasic(app: AppFixture): Promise<Seed> {
  await call(app, 'settings:update', { operatorName: 'Rina Kurniasih, S.AP.', localGovernmentName: 'Kabupaten Sleman', localGovernmentKind: 'kabupaten' });
  const names = [
    ['Dinas Kependudukan dan Pencatatan Sipil', 'Disdukcapil', 'Perangkat Daerah'],
    ['Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'DPMPTSP', 'Perangkat Daerah'],
    ['Dinas Kesehatan', 'Dinkes', 'Perangkat Daerah'],
    ['Dinas Sosial', 'Dinsos', 'Perangkat Daerah'],
    ['Kecamatan Depok', 'Kec. Depok', 'Kecamatan'],
    ['UPTD Puskesmas Mlati I', 'PKM Mlati I', 'Puskesmas'],
    ['Kantor Pengelolaan Pasar', 'KPP', 'UPTD'],
  ] as const;
  const units = [];
  for (const [name, shortName, groupName] of names) units.push(await call(app, 'units:create', { name, shortName, groupName, headName: null }));
  const instruments = await call(app, 'instruments:list', undefined);
  const id = (code: string) => instruments.find((item) => item.code === code)!.id;
  const inScope = units.slice(0, 6).map((unit) => unit.id);
  const previous = await call(app, 'periods:create', { year: 2025, instrumentIds: [id('pekppp-2022-a'), id('ombudsman-2025')], deadline: '2025-10-31', unitIds: inScope });
  const current = await call(app, 'periods:create', { year: 2026, instrumentIds: [id('pekppp-2022-a'), id('ombudsman-2025')], deadline: '2026-11-24', unitIds: inScope });
  return {
    current: current.id,
    previous: previous.id,
    unitId: units[0]!.id,
    otherUnitId: units[1]!.id,
    outsideUnitId: units[6]!.id,
    pekppp: id('pekppp-2022-a'),
    ombudsman: id('ombudsman-2025'),
  };
}

function allRequirements(checklist: Checklist): ChecklistRequirement[] {
  return checklist.instruments.flatMap((instrument) => instrument.aspects.flatMap((aspect) => aspect.indicators.flatMap((indicator) => indicator.requirements)));
}

/** Several statuses across both instruments, files and links, for the screenshots. */
async function seedRealistic(app: AppFixture, seed: Seed): Promise<void> {
  const patterns: EvidenceStatus[] = ['terverifikasi', 'terverifikasi', 'menunggu_verifikasi', 'terverifikasi', 'belum_ada', 'perlu_perbaikan', 'terverifikasi', 'menunggu_verifikasi', 'belum_ada', 'terverifikasi', 'tidak_berlaku', 'belum_ada'];
  const units = [seed.unitId, seed.otherUnitId];
  for (const [unitIndex, unitId] of units.entries()) {
    const checklist = await call(app, 'checklist:get', { periodId: seed.current, unitId });
    for (const [index, requirement] of allRequirements(checklist).entries()) {
      // The first indicator of each instrument is left for the UI to fill.
      if (requirement.indicatorCode === 'i01' || requirement.indicatorCode === 'om-kompetensi') continue;
      const status = patterns[(index + unitIndex * 5) % patterns.length]!;
      if (status === 'belum_ada') continue;
      const key = { periodId: seed.current, unitId, instrumentId: requirement.instrumentId, requirementCode: requirement.code };
      if (status !== 'tidak_berlaku') {
        if (index % 3 === 0) {
          await call(app, 'evidence:link', { ...key, url: `https://drive.google.com/drive/folders/bukti-${unitId}-${index}`, title: `Folder dokumentasi ${requirement.code}`, documentDate: '2026-03-12' });
        } else {
          await call(app, 'evidence:upload', {
            ...key,
            files: [{ name: `${requirement.code.replace(/[^a-z0-9]+/g, '_')}.pdf`, lastModified: Date.UTC(2026, 1, 10), data: new Uint8Array(pdf(`${unitId}-${index}`)) }],
            documentDate: index % 11 === 0 ? '2023-05-10' : '2026-02-10',
          });
        }
      }
      const reason = status === 'perlu_perbaikan' ? 'Dokumen belum ditandatangani kepala unit.' : status === 'tidak_berlaku' ? 'Unit tidak menyelenggarakan layanan ini.' : undefined;
      await call(app, 'checklist:set-status', { ...key, status, ...(reason ? { reason } : {}) });
    }
  }
  await call(app, 'checklist:add-requirement', { periodId: seed.current, instrumentId: seed.pekppp, indicatorCode: 'i02', text: 'Foto papan maklumat pelayanan di ruang tunggu', kind: 'foto' });
  await call(app, 'checklist:hide-requirement', { periodId: seed.current, instrumentId: seed.pekppp, requirementCode: '1.pelibatan-masyarakat', reason: 'Digabung dengan notulen forum konsultasi publik.' });
}

async function openChecklist(page: Page, app: AppFixture, unitId: number, query = ''): Promise<void> {
  await page.goto(`${app.url}#/daftar-periksa/${unitId}${query}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Daftar Periksa' })).toBeVisible();
  await expect(page.getByTestId('requirement-count')).not.toBeEmpty();
}

const tree = (page: Page) => page.getByRole('navigation', { name: 'Struktur instrumen' });
const list = (page: Page) => page.getByRole('list', { name: 'Daftar persyaratan' });
const detail = (page: Page) => page.getByRole('complementary', { name: 'Rincian persyaratan' });
const row = (page: Page, text: string | RegExp): Locator => list(page).getByRole('listitem', { name: text });
/** Select a requirement by clicking its text (not a quick action). */
const pick = (target: Locator) => target.locator('.req-row__main').click();

test('a unit checklist: upload, link, statuses, note, filters, reload and drop', async ({ app, page, consoleErrors }) => {
  const seed = await seedBasic(app);
  await page.goto(app.url);
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Daftar Periksa', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Daftar Periksa' })).toBeVisible();
  await page.getByLabel('Unit', { exact: true }).selectOption({ label: 'Dinas Kependudukan dan Pencatatan Sipil — 0,0%' });
  await expect(page).toHaveURL(new RegExp(`#/daftar-periksa/${seed.unitId}$`));
  await expect(page.getByRole('navigation', { name: 'Jejak halaman' })).toContainText('Dinas Kependudukan dan Pencatatan Sipil');
  await expect(page.getByRole('navigation', { name: 'Jejak halaman' })).toContainText('Kebijakan Pelayanan');

  // Indicator 1 of PEKPPP: four requirements.
  await tree(page).getByRole('button', { name: /Tersedia Standar Pelayanan \(SP\)/ }).click();
  await expect(list(page).locator('.req-row')).toHaveCount(4);
  await expect(page.getByTestId('requirement-count')).toHaveText('4 persyaratan');

  // Upload a PDF to "SK penetapan Standar Pelayanan".
  const sk = row(page, /SK penetapan Standar Pelayanan/);
  await pick(sk);
  await expect(detail(page).getByRole('heading', { level: 2 })).toContainText('SK penetapan Standar Pelayanan');
  await detail(page).getByLabel('Unggah berkas').setInputFiles({ name: 'SK Standar Pelayanan.pdf', mimeType: 'application/pdf', buffer: pdf('sk') });
  await expect(detail(page).getByRole('list', { name: 'Berkas' })).toContainText('SK Standar Pelayanan');
  await expect(detail(page).getByRole('list', { name: 'Berkas' })).toContainText('PDF');
  await expect(detail(page).getByRole('group', { name: 'Ubah status persyaratan' }).getByRole('button', { name: 'Menunggu verifikasi' })).toHaveAttribute('aria-pressed', 'true');
  await expect(sk).toContainText('1 bukti');
  await expect(page.getByText('1 berkas dilampirkan')).toBeVisible();

  // A link, first with an address that is not a web address.
  await detail(page).getByRole('button', { name: 'Tambah tautan' }).click();
  const linkDialog = page.getByRole('dialog', { name: 'Tambah tautan' });
  await linkDialog.getByLabel('Alamat tautan (URL)').fill('drive google folder');
  await linkDialog.getByRole('button', { name: 'Tambah tautan' }).click();
  await expect(linkDialog.getByText('Tautan harus alamat web lengkap', { exact: false })).toBeVisible();
  await expect(linkDialog.getByLabel('Alamat tautan (URL)')).toHaveAttribute('aria-invalid', 'true');
  await screenshot(page, 'daftar-periksa-tautan-galat');
  await linkDialog.getByLabel('Alamat tautan (URL)').fill('https://drive.google.com/drive/folders/sp-disdukcapil-2026');
  await linkDialog.getByLabel('Judul').fill('Folder SK dan lampiran Standar Pelayanan');
  await linkDialog.getByRole('textbox', { name: 'Tanggal dokumen' }).fill('12/03/2026');
  await linkDialog.getByRole('button', { name: 'Tambah tautan' }).click();
  await expect(linkDialog).toBeHidden();
  await expect(detail(page).getByRole('list', { name: 'Tautan' })).toContainText('Folder SK dan lampiran Standar Pelayanan');
  await expect(detail(page).getByRole('list', { name: 'Tautan' })).toContainText('Dokumen 12 Mar 2026');
  await expect(sk).toContainText('2 bukti');

  // Verify it (from the detail pane), with a note saved on blur.
  await detail(page).getByRole('group', { name: 'Ubah status persyaratan' }).getByRole('button', { name: 'Verifikasi', exact: true }).click();
  await expect(sk).toContainText('Terverifikasi');
  await expect(detail(page)).toContainText('Diverifikasi oleh Rina Kurniasih, S.AP.');
  await detail(page).getByLabel('Catatan').fill('Asli SK disimpan di lemari arsip Bagian Organisasi.');
  await detail(page).getByRole('heading', { level: 2 }).click();
  await expect(detail(page).getByText('tersimpan')).toBeVisible();
  await expect(detail(page).getByRole('region', { name: 'Riwayat perubahan' })).toContainText('Status diubah dari "Menunggu verifikasi" menjadi "Terverifikasi".');
  await expect(detail(page).getByRole('region', { name: 'Riwayat perubahan' })).toContainText('Catatan diubah');

  // Perlu perbaikan asks for a reason (quick action on the row).
  const list1 = row(page, /Daftar jenis layanan/);
  await list1.getByRole('button', { name: 'Perlu perbaikan' }).click();
  const reason = page.getByRole('dialog', { name: 'Perlu perbaikan' });
  await reason.getByRole('button', { name: 'Tandai perlu perbaikan' }).click();
  await expect(reason.getByText('Alasan wajib diisi.')).toBeVisible();
  await screenshot(page, 'daftar-periksa-alasan');
  await reason.getByLabel('Apa yang perlu diperbaiki?').fill('Daftar belum memuat layanan keliling (jemput bola).');
  await reason.getByRole('button', { name: 'Tandai perlu perbaikan' }).click();
  await expect(reason).toBeHidden();
  await expect(list1).toContainText('Perlu perbaikan');
  await expect(list1).toContainText('Alasan: Daftar belum memuat layanan keliling (jemput bola).');

  // Tidak berlaku with a reason.
  const third = row(page, /pelibatan masyarakat/);
  await third.getByRole('button', { name: 'Tidak berlaku' }).click();
  const notApplicable = page.getByRole('dialog', { name: 'Tidak berlaku' });
  await notApplicable.getByLabel('Mengapa persyaratan ini tidak berlaku untuk unit ini?').fill('Standar Pelayanan disusun oleh Kementerian Dalam Negeri.');
  await notApplicable.getByRole('button', { name: 'Tandai tidak berlaku' }).click();
  await expect(third).toContainText('Tidak berlaku');

  // Only gaps: of four, one is verified and one not applicable.
  await page.getByRole('switch', { name: 'Hanya kekurangan' }).click();
  await expect(list(page).locator('.req-row')).toHaveCount(2);
  await expect(page.getByTestId('requirement-count')).toHaveText('2 dari 4 persyaratan');
  await expect(row(page, /SK penetapan Standar Pelayanan/)).toHaveCount(0);
  await expect(row(page, /Daftar jenis layanan/)).toBeVisible();
  // The whole aspect: 28 requirements, 2 of them not gaps.
  await tree(page).getByRole('button', { name: 'Kebijakan Pelayanan', exact: true }).click();
  await expect(page.getByTestId('requirement-count')).toHaveText('26 dari 28 persyaratan');
  await page.getByRole('switch', { name: 'Hanya kekurangan' }).click();
  await expect(page.getByTestId('requirement-count')).toHaveText('28 persyaratan');
  // Status multi-select and search.
  await page.getByRole('group', { name: 'Saring status' }).getByRole('button', { name: 'Terverifikasi (1)' }).click();
  await page.getByRole('group', { name: 'Saring status' }).getByRole('button', { name: 'Tidak berlaku (1)' }).click();
  await expect(page.getByTestId('requirement-count')).toHaveText('2 dari 28 persyaratan');
  await page.getByRole('button', { name: 'Hapus saringan' }).click();
  await page.getByLabel('Cari persyaratan atau indikator').fill('maklumat');
  await expect(page.getByTestId('requirement-count')).toContainText('dari 28 persyaratan');
  const found = await list(page).locator('.req-row').count();
  expect(found).toBeGreaterThan(0);
  expect(found).toBeLessThan(28);
  await page.getByRole('button', { name: 'Hapus saringan' }).click();

  // Reload: statuses, evidence and note are still there.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Daftar Periksa' })).toBeVisible();
  await tree(page).getByRole('button', { name: /Tersedia Standar Pelayanan \(SP\)/ }).click();
  await expect(row(page, /SK penetapan Standar Pelayanan/)).toContainText('Terverifikasi');
  await expect(row(page, /SK penetapan Standar Pelayanan/)).toContainText('2 bukti');
  await expect(row(page, /Daftar jenis layanan/)).toContainText('Perlu perbaikan');
  await expect(row(page, /pelibatan masyarakat/)).toContainText('Tidak berlaku');
  await pick(row(page, /SK penetapan Standar Pelayanan/));
  await expect(detail(page).getByRole('list', { name: 'Berkas' })).toContainText('SK Standar Pelayanan');
  await expect(detail(page).getByRole('list', { name: 'Tautan' })).toContainText('Folder SK dan lampiran Standar Pelayanan');
  await expect(detail(page).getByLabel('Catatan')).toHaveValue('Asli SK disimpan di lemari arsip Bagian Organisasi.');

  // Drag and drop two files (and one pretending to be a PDF) on the middle pane.
  await pick(row(page, /Daftar jenis layanan/));
  await expect(detail(page).getByRole('heading', { level: 2 })).toContainText('Daftar jenis layanan');
  await page.evaluate(async () => {
    const transfer = new DataTransfer();
    const pdfText = (tag: string) => `%PDF-1.4\n% ${tag}\n1 0 obj << >> endobj\n%%EOF\n`;
    transfer.items.add(new File([pdfText('daftar')], 'Daftar Jenis Layanan 2026.pdf', { type: 'application/pdf', lastModified: Date.UTC(2026, 0, 15) }));
    transfer.items.add(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])], 'Foto loket layanan.png', { type: 'image/png', lastModified: Date.UTC(2026, 1, 2) }));
    transfer.items.add(new File(['bukan pdf'], 'Laporan palsu.pdf', { type: 'application/pdf' }));
    const pane = document.querySelector('[data-testid="requirement-pane"]')!;
    const init = { dataTransfer: transfer, bubbles: true, cancelable: true };
    pane.dispatchEvent(new DragEvent('dragenter', init));
    pane.dispatchEvent(new DragEvent('dragover', init));
    (window as unknown as { pendingDrop: () => void }).pendingDrop = () => pane.dispatchEvent(new DragEvent('drop', init));
  });
  await expect(page.getByText('Lepaskan untuk melampirkan')).toBeVisible();
  await closeToasts(page);
  await screenshot(page, 'daftar-periksa-seret');
  await page.evaluate(() => (window as unknown as { pendingDrop: () => void }).pendingDrop());
  await expect(detail(page).getByRole('list', { name: 'Berkas' })).toContainText('Daftar Jenis Layanan 2026');
  await expect(detail(page).getByRole('list', { name: 'Berkas' })).toContainText('Foto loket layanan');
  await expect(detail(page).getByRole('alert').filter({ hasText: '1 berkas ditolak' })).toContainText('Laporan palsu.pdf');
  await expect(row(page, /Daftar jenis layanan/)).toContainText('Menunggu');
  await expect(row(page, /Daftar jenis layanan/)).toContainText('2 bukti');

  // Hide a default requirement (for every unit this year), then show it again.
  await row(page, /Forum Konsultasi Publik/).getByRole('button', { name: 'Sembunyikan' }).click();
  const hide = page.getByRole('dialog', { name: 'Sembunyikan persyaratan' });
  await expect(hide).toContainText('Disembunyikan untuk semua unit pada tahun 2026');
  await hide.getByLabel('Alasan disembunyikan').fill('FKP dilaksanakan oleh Bagian Organisasi untuk semua unit.');
  await hide.getByRole('button', { name: 'Sembunyikan' }).click();
  await expect(hide).toBeHidden();
  await expect(row(page, /Forum Konsultasi Publik/)).toHaveCount(0);
  await expect(page.getByTestId('requirement-count')).toHaveText('3 persyaratan');
  await list(page).getByRole('button', { name: /1 disembunyikan/ }).click();
  const hidden = page.getByRole('dialog', { name: 'Persyaratan yang disembunyikan' });
  await expect(hidden).toContainText('FKP dilaksanakan oleh Bagian Organisasi untuk semua unit.');
  await hidden.getByRole('button', { name: 'Tampilkan lagi' }).click();
  await expect(hidden.getByText('Tidak ada persyaratan yang disembunyikan')).toBeVisible();
  await hidden.getByRole('button', { name: 'Tutup' }).last().click();
  await expect(row(page, /Forum Konsultasi Publik/)).toBeVisible();
  await expect(page.getByTestId('requirement-count')).toHaveText('4 persyaratan');

  // An office requirement of its own.
  await list(page).getByRole('button', { name: 'Tambah persyaratan pada indikator 1' }).click();
  const add = page.getByRole('dialog', { name: 'Tambah persyaratan' });
  await add.getByRole('button', { name: 'Tambah persyaratan' }).click();
  await expect(add.getByText('Uraian bukti dukung wajib diisi.')).toBeVisible();
  await add.getByLabel('Uraian bukti dukung').fill('Foto papan Standar Pelayanan di ruang tunggu');
  await add.getByLabel('Jenis bukti').selectOption('foto');
  await add.getByRole('button', { name: 'Tambah persyaratan' }).click();
  await expect(add).toBeHidden();
  await expect(row(page, /Foto papan Standar Pelayanan/)).toContainText('tambahan kantor');
  await expect(page.getByTestId('requirement-count')).toHaveText('5 persyaratan');
  await expect(detail(page).getByRole('heading', { level: 2 })).toContainText('Foto papan Standar Pelayanan di ruang tunggu');

  expect(consoleErrors).toEqual([]);
});

test('realistic data: both instruments, library reuse, trash, carry-over, screenshots', async ({ app, page, consoleErrors }) => {
  const seed = await seedBasic(app);
  await seedRealistic(app, seed);
  // The previous year: the unit's SK for indicator 1, to carry over.
  const previousKey = { periodId: seed.previous, unitId: seed.unitId, instrumentId: seed.pekppp, requirementCode: '1.daftar-jenis-layanan' };
  await call(app, 'evidence:link', { ...previousKey, url: 'https://sleman.go.id/disdukcapil/layanan-2025', title: 'Daftar layanan Disdukcapil 2025', documentDate: '2025-02-01' });
  await call(app, 'checklist:set-status', { ...previousKey, status: 'terverifikasi' });

  await page.setViewportSize({ width: 1440, height: 900 });
  await openChecklist(page, app, seed.unitId, '?aspek=kebijakan');
  await expect(page.getByRole('navigation', { name: 'Jejak halaman' })).toContainText('Kebijakan Pelayanan');
  await expect(tree(page).getByRole('button', { name: 'Kebijakan Pelayanan', exact: true })).toHaveAttribute('aria-current', 'true');

  // The hidden requirement is counted and can be shown again.
  await expect(list(page).getByText('1 disembunyikan')).toBeVisible();

  // Upload the SK once and reuse it for Ombudsman's Proses from the unit's library.
  await pick(row(page, /SK penetapan Standar Pelayanan/));
  await detail(page).getByLabel('Unggah berkas').setInputFiles([
    { name: 'SK Kepala Dinas No 100-3-2026 Standar Pelayanan.pdf', mimeType: 'application/pdf', buffer: pdf('sk-disdukcapil') },
    { name: 'Lampiran 14 komponen SP.pdf', mimeType: 'application/pdf', buffer: pdf('lampiran') },
  ]);
  await expect(detail(page).getByRole('list', { name: 'Berkas' }).getByRole('listitem')).toHaveCount(2);
  await detail(page).getByRole('button', { name: 'Ubah judul/tanggal Lampiran 14 komponen SP' }).click();
  const edit = page.getByRole('dialog', { name: 'Ubah judul dan tanggal' });
  await edit.getByRole('textbox', { name: 'Tanggal dokumen' }).fill('02/01/2024');
  await edit.getByRole('button', { name: 'Simpan' }).click();
  await expect(edit).toBeHidden();
  await expect(detail(page).getByRole('listitem', { name: 'Lampiran 14 komponen SP' })).toContainText('kedaluwarsa');
  await expect(detail(page).getByRole('listitem', { name: 'Lampiran 14 komponen SP' })).toContainText('di luar rentang tanggal dokumen');

  await tree(page).getByRole('button', { name: /^Ombudsman/ }).click();
  await expect(page.getByRole('navigation', { name: 'Jejak halaman' })).toContainText('Ombudsman');
  await tree(page).getByRole('button', { name: 'Proses', exact: true }).click();
  const sop = list(page).locator('.req-row').nth(0);
  await pick(sop);
  await detail(page).getByRole('button', { name: 'Dari pustaka unit' }).click();
  const library = page.getByRole('dialog', { name: 'Lampirkan dari pustaka unit' });
  await library.getByLabel('Cari di pustaka').fill('SK Kepala Dinas');
  await library.getByRole('button', { name: 'Lampirkan SK Kepala Dinas No 100-3-2026 Standar Pelayanan' }).click();
  await expect(library.getByText('Terlampir')).toBeVisible();
  await library.getByRole('button', { name: 'Selesai' }).click();
  await expect(detail(page).getByRole('list', { name: 'Berkas' })).toContainText('SK Kepala Dinas No 100-3-2026 Standar Pelayanan');
  await expect(detail(page).getByRole('list', { name: 'Berkas' })).toContainText('dipakai di 2 persyaratan');

  // Trash asks first; the trash view restores it.
  await detail(page).getByRole('button', { name: 'Buang SK Kepala Dinas No 100-3-2026 Standar Pelayanan ke tempat sampah' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Buang bukti ke tempat sampah?' });
  await expect(confirm).toContainText('2 persyaratan');
  await confirm.getByRole('button', { name: 'Buang ke tempat sampah' }).click();
  await expect(detail(page).getByRole('listitem', { name: 'SK Kepala Dinas No 100-3-2026 Standar Pelayanan' })).toBeHidden();
  await page.getByRole('button', { name: 'Tempat sampah', exact: true }).click();
  const trash = page.getByRole('dialog', { name: 'Tempat sampah bukti' });
  await trash.getByRole('button', { name: 'Pulihkan SK Kepala Dinas No 100-3-2026 Standar Pelayanan' }).click();
  await expect(trash.getByText('Tempat sampah kosong')).toBeVisible();
  await trash.getByRole('button', { name: 'Tutup' }).last().click();
  await expect(detail(page).getByRole('list', { name: 'Berkas' })).toContainText('SK Kepala Dinas No 100-3-2026 Standar Pelayanan');

  // A whole instrument is virtualised: far fewer rows in the page than requirements.
  await tree(page).getByRole('button', { name: /^PEKPPP/ }).click();
  await expect(page.getByTestId('requirement-count')).toHaveText('85 persyaratan');
  expect(await list(page).getByRole('listitem').count()).toBeLessThan(45);

  // Carry over indicator 1 from 2025 for this unit only.
  await page.getByRole('button', { name: 'Salin dari tahun sebelumnya' }).click();
  const carry = page.getByRole('dialog', { name: 'Salin dari tahun sebelumnya' });
  await expect(carry.getByLabel('Salin dari tahun')).toHaveValue(String(seed.previous));
  await carry.getByRole('radio', { name: /^Hanya Dinas Kependudukan/ }).check();
  await carry.getByRole('button', { name: 'Salin sekarang' }).click();
  await expect(carry.getByRole('status')).toContainText('Penyalinan dari Tahun Penilaian 2025 selesai');
  await expect(carry.locator('dd').nth(1)).toHaveText('1');
  await screenshot(page, 'daftar-periksa-salin');
  await carry.getByRole('button', { name: 'Selesai' }).click();

  // The screenshot: PEKPPP Kebijakan Pelayanan, the SK selected.
  await closeToasts(page);
  await page.reload();
  await expect(row(page, /SK penetapan Standar Pelayanan/)).toBeVisible();
  await row(page, /Daftar jenis layanan/).getByRole('button', { name: 'Verifikasi', exact: true }).click();
  await expect(row(page, /Daftar jenis layanan/)).toContainText('Terverifikasi');
  await row(page, /Forum Konsultasi Publik/).getByRole('button', { name: 'Perlu perbaikan' }).click();
  await page.getByRole('dialog', { name: 'Perlu perbaikan' }).getByLabel('Apa yang perlu diperbaiki?').fill('Laporan FKP belum memuat daftar hadir peserta.');
  await page.getByRole('dialog', { name: 'Perlu perbaikan' }).getByRole('button', { name: 'Tandai perlu perbaikan' }).click();
  await expect(row(page, /Forum Konsultasi Publik/)).toContainText('Alasan: Laporan FKP belum memuat daftar hadir peserta.');
  // The whole structure in view: the selected aspect folds away, both instruments show.
  await tree(page).getByRole('button', { name: 'Tutup Kebijakan Pelayanan' }).click();
  await expect(tree(page).getByRole('button', { name: 'Pengaduan', exact: true })).toBeVisible();
  await pick(row(page, /SK penetapan Standar Pelayanan/));
  await expect(detail(page).getByRole('list', { name: 'Berkas' }).getByRole('listitem')).toHaveCount(2);
  await expect(detail(page).getByRole('region', { name: 'Riwayat perubahan' })).toContainText('Bukti ditambahkan');
  await screenshot(page, 'daftar-periksa');

  // Gaps only across the Ombudsman instrument, in the smallest supported window.
  await page.setViewportSize({ width: 1280, height: 720 });
  await tree(page).getByRole('button', { name: 'Pengaduan', exact: true }).first().click();
  await page.getByRole('switch', { name: 'Hanya kekurangan' }).click();
  await expect(page.getByTestId('requirement-count')).toContainText('dari');
  await screenshot(page, 'daftar-periksa-1280');
  expect(consoleErrors).toEqual([]);
});

test('empty states: no year, unit outside the year, no units in the year', async ({ app, page, consoleErrors }) => {
  await page.goto(`${app.url}#/daftar-periksa`);
  await expect(page.getByText('Belum ada tahun penilaian aktif')).toBeVisible();

  const instruments = await call(app, 'instruments:list', undefined);
  await call(app, 'periods:create', { year: 2026, instrumentIds: [instruments.find((item) => item.code === 'pekppp-2022-a')!.id], unitIds: [] });
  await page.reload();
  await expect(page.getByText('Belum ada unit', { exact: true })).toBeVisible();

  const unit = await call(app, 'units:create', { name: 'Dinas Sosial', shortName: 'Dinsos', groupName: 'Perangkat Daerah', headName: null });
  await page.reload();
  await expect(page.getByText('Belum ada unit pada Tahun Penilaian 2026')).toBeVisible();

  await page.goto(`${app.url}#/daftar-periksa/${unit.id}`);
  await page.reload();
  await expect(page.getByText('Dinas Sosial tidak termasuk Tahun Penilaian 2026')).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
