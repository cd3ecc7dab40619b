import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/server/api/dispatch';
import { AppError } from '../../../src/shared/result';
import type { Unit } from '../../../src/shared/types';
import { testApp, testHandlers } from '../helpers';

describe('units', () => {
  it('create, list, search, filter by group, update', async () => {
    const app = testApp();
    const api = testHandlers(app);
    const sosial = await api['units:create']({ name: 'Dinas Sosial', groupName: 'Perangkat Daerah', shortName: 'Dinsos', headName: null });
    await api['units:create']({ name: 'Kecamatan Utara', groupName: 'Kecamatan', shortName: null, headName: 'Budi' });
    expect(sosial).toMatchObject({ id: expect.any(Number), name: 'Dinas Sosial', groupName: 'Perangkat Daerah', archived: false });
    expect((await api['units:list'](undefined)).map((unit) => unit.name)).toEqual(['Dinas Sosial', 'Kecamatan Utara']);
    expect((await api['units:list']({ search: 'DINSOS' })).map((unit) => unit.name)).toEqual(['Dinas Sosial']);
    expect((await api['units:list']({ search: 'budi' })).map((unit) => unit.name)).toEqual(['Kecamatan Utara']);
    const groups = await api['unit-groups:list'](undefined);
    const kecamatan = groups.find((group) => group.name === 'Kecamatan')!;
    expect(kecamatan.unitCount).toBe(1);
    expect((await api['units:list']({ groupId: kecamatan.id })).map((unit) => unit.name)).toEqual(['Kecamatan Utara']);
    const updated = await api['units:update']({ id: sosial.id, name: 'Dinas Sosial P3A', groupName: 'Dinas Baru', shortName: 'Dinsos', headName: 'Ani' });
    expect(updated).toMatchObject({ name: 'Dinas Sosial P3A', groupName: 'Dinas Baru', headName: 'Ani' });
  });

  it('reject a duplicate name (any case) with a field error, saving nothing', async () => {
    const app = testApp();
    const api = testHandlers(app);
    await api['units:create']({ name: 'Dinas Sosial', groupName: 'Perangkat Daerah', shortName: null, headName: null });
    const result = await dispatch(api, 'units:create', { name: '  dinas   sosial ', groupName: 'Perangkat Daerah' });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { name: 'Nama unit sudah dipakai unit lain.' } } });
    expect(await api['units:list'](undefined)).toHaveLength(1);
  });

  it('validate input at the boundary with Indonesian messages', async () => {
    const app = testApp();
    const api = testHandlers(app);
    const empty = await dispatch(api, 'units:create', { name: '   ', groupName: 'Perangkat Daerah' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Nama unit wajib diisi.', fields: { name: 'Nama unit wajib diisi.' } } });
    const long = await dispatch(api, 'units:create', { name: 'x'.repeat(161), groupName: 'Perangkat Daerah' });
    expect(long).toMatchObject({ ok: false, error: { fields: { name: 'Nama unit paling banyak 160 karakter.' } } });
    const control = await dispatch(api, 'units:create', { name: 'Dinas\u0007', groupName: 'X' });
    expect(control).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const wrongType = await dispatch(api, 'units:get', { id: 'satu' });
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'ID harus berupa angka.' } });
    const unknown = await dispatch(api, 'units:drop-table', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await api['units:list'](undefined)).toHaveLength(0);
  });

  it('archive hides a unit and frees its name; restore refuses when the name was reused', async () => {
    const app = testApp();
    const api = testHandlers(app);
    const first = await api['units:create']({ name: 'Dinas Sosial', groupName: 'Perangkat Daerah', shortName: null, headName: null });
    await api['units:archive']({ id: first.id });
    expect(await api['units:list'](undefined)).toHaveLength(0);
    expect((await api['units:list']({ includeArchived: true }))[0]).toMatchObject({ id: first.id, archived: true });
    await api['units:create']({ name: 'Dinas Sosial', groupName: 'Perangkat Daerah', shortName: null, headName: null });
    await expect(api['units:restore']({ id: first.id })).rejects.toBeInstanceOf(AppError);
    const missing = await dispatch(api, 'units:archive', { id: 999 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Unit dengan ID 999 tidak ditemukan.' } });
  });

  it('bulk-add typical units from the built-in list, skipping existing ones', async () => {
    const app = testApp();
    const api = testHandlers(app);
    const templates = await api['units:templates'](undefined);
    const names = templates.map((template) => template.name);
    expect(names).toEqual(expect.arrayContaining(['Dinas Kependudukan dan Pencatatan Sipil', 'Dinas Sosial', 'Dinas Pendidikan', 'Dinas Kesehatan']));
    expect(templates.some((template) => template.group === 'Puskesmas')).toBe(true);
    await api['units:create']({ name: 'Dinas Sosial', groupName: 'Perangkat Daerah', shortName: null, headName: null });
    const report = await api['units:bulk-create']({ names: ['Dinas Sosial', 'Dinas Kesehatan', 'UPTD Puskesmas Kota'] });
    expect(report.skipped).toEqual(['Dinas Sosial']);
    expect(report.created.map((unit: Unit) => [unit.name, unit.groupName])).toEqual([
      ['Dinas Kesehatan', 'Perangkat Daerah'],
      ['UPTD Puskesmas Kota', 'Puskesmas'],
    ]);
    const unknown = await dispatch(api, 'units:bulk-create', { names: ['Dinas Rahasia'] });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await api['units:list'](undefined)).toHaveLength(3);
  });
});
