import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOGO_DIR } from '../../../src/server/documents/logo';
import { repoResourcesDir } from '../../../src/server/paths';
import { testApp, testHandlers } from '../helpers';
import { KABAG, seedOffice } from './office';

const fresh = () => {
  const app = testApp();
  return { app, api: testHandlers(app) };
};

describe('kop and signatories in Pengaturan', () => {
  it('start with honest defaults and list what is still missing', async () => {
    const { api } = fresh();
    await api['settings:update']({ localGovernmentName: 'Sleman', localGovernmentKind: 'kabupaten' });
    const settings = await api['documents:settings'](undefined);
    expect(settings).toMatchObject({ governmentTitle: 'PEMERINTAH KABUPATEN SLEMAN', secretariatLine: 'SEKRETARIAT DAERAH', sectionLine: 'BAGIAN ORGANISASI', paper: 'A4', letterPattern: '000.8/{n}/Org/{tahun}', logo: null });
    expect(settings.signatories.map((item) => item.position)).toEqual(['Kepala Bagian Organisasi', 'Sekretaris Daerah']);
    expect(settings.signers.laporan).toBe('sekda');
    expect(settings.missing).toEqual(expect.arrayContaining(['Logo pemerintah daerah', 'NIP Kepala Bagian Organisasi', 'Nama Sekretaris Daerah']));
  });

  it('refuse a bad NIP, pattern or e-mail with a clear message and change nothing', async () => {
    const { api } = fresh();
    await api['documents:update-settings']({ signatories: [KABAG] });
    const before = await api['documents:settings'](undefined);
    await expect(api['documents:update-settings']({ place: 'Sleman', signatories: [{ role: 'kabag', nip: '1970 0512' }] })).rejects.toMatchObject({ code: 'VALIDATION', message: 'NIP harus 18 angka (sekarang 8).', fields: { 'signatories.0.nip': 'NIP harus 18 angka (sekarang 8).' } });
    await expect(api['documents:update-settings']({ letterPattern: '000.8/Org/{tahun}' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(api['documents:update-settings']({ email: 'bukan email' })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await api['documents:settings'](undefined)).toEqual(before);
    const saved = await api['documents:update-settings']({ signatories: [{ role: 'kabag', nip: '19700512 199503 1 002' }] });
    expect(saved.signatories[0]!.nip).toBe('197005121995031002');
    expect(saved.signatories[0]!.name).toBe(KABAG.name);
  });

  it('keep the logo in the data folder, refuse non-images, replace the old file', async () => {
    const { app, api } = fresh();
    await expect(api['documents:set-logo']({ upload: { name: 'logo.png', data: new TextEncoder().encode('MZ not an image') } })).rejects.toMatchObject({ code: 'FILE_REJECTED' });
    const png = fs.readFileSync(path.join(repoResourcesDir(), 'icons', 'icon.png'));
    const first = (await api['documents:set-logo']({ upload: { name: 'logo.png', data: new Uint8Array(png) } }))!;
    expect(first.logo).toMatchObject({ width: 512, height: 512 });
    const dir = path.join(app.dataDir, LOGO_DIR);
    expect(fs.readdirSync(dir)).toEqual([first.logo!.fileName]);
    const second = (await api['documents:set-logo']({ upload: { name: 'logo.png', data: new Uint8Array(png) } }))!;
    expect(fs.readdirSync(dir)).toEqual([second.logo!.fileName]);
    await api['documents:remove-logo'](undefined);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('unit head', () => {
  it('stores NIP, rank, phone (as +62…) and e-mail; a bad value changes nothing, even on create', async () => {
    const { api } = fresh();
    await expect(api['units:create']({ name: 'Dinas Sosial', groupName: 'Perangkat Daerah', shortName: null, headName: 'Ani', headNip: '123' })).rejects.toMatchObject({ code: 'VALIDATION', fields: { headNip: 'NIP harus 18 angka (sekarang 3).' } });
    expect(await api['units:list']({})).toEqual([]);
    const unit = await api['units:create']({ name: 'Dinas Sosial', groupName: 'Perangkat Daerah', shortName: null, headName: 'Ani', headNip: '197203151998032004', headPhone: '0812-3456-7890' });
    expect(unit).toMatchObject({ headName: 'Ani', headNip: '197203151998032004', headPhone: '+6281234567890' });
    await expect(api['units:set-head']({ id: unit.id, headPhone: '(0274) 868405' })).rejects.toMatchObject({ code: 'VALIDATION' });
    const updated = await api['units:set-head']({ id: unit.id, headRank: 'Pembina (IV/a)', headEmail: 'dinsos@contoh.go.id' });
    expect(updated).toMatchObject({ headNip: '197203151998032004', headPhone: '+6281234567890', headRank: 'Pembina (IV/a)', headEmail: 'dinsos@contoh.go.id' });
    expect(await api['units:set-head']({ id: unit.id, headNip: '' })).toMatchObject({ headNip: null });
  });
});

describe('reminders', () => {
  it('list units with open items, furthest behind first, with a wa.me link only for a mobile number', async () => {
    const { api, period, unit, other } = await seedOffice();
    const list = await api['reminders:list']({ periodId: period.id });
    expect(list.map((item) => item.unitName).sort()).toEqual(['Dinas Sosial', 'Kecamatan Barat']);
    expect(list[0]!.percentVerified).toBeLessThanOrEqual(list[1]!.percentVerified);
    const dinsos = list.find((item) => item.unitId === unit.id)!;
    expect(dinsos.whatsappUrl).toMatch(/^https:\/\/wa\.me\/6281234567890\?text=/u);
    expect(dinsos.mailtoUrl).toMatch(/^mailto:dinsos@contohkab\.go\.id\?subject=/u);
    expect(dinsos.message).toContain('Yth. Bapak/Ibu Dra. Ani Lestari, Kepala Dinas Sosial');
    expect(dinsos.message).toContain('perlu perbaikan: Tanda tangan belum ada');
    expect(dinsos.message).toContain('paling lambat 4 Desember 2026 (10 hari lagi)');
    expect(dinsos.message).toContain('organisasi@contohkab.go.id');
    expect(list.find((item) => item.unitId === other.id)!.whatsappUrl).toBeNull();
    expect(await api['reminders:list']({ periodId: period.id, unitId: other.id })).toHaveLength(1);
  });
});
