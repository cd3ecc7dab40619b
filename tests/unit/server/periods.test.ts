import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/server/api/dispatch';
import { findInstrument, importInstrumentFile } from '../../../src/server/instruments/instruments-service';
import { RESOURCES, tempDir, testApp, testHandlers } from '../helpers';

async function seed() {
  const app = testApp();
  const api = testHandlers(app);
  const instruments = await api['instruments:list'](undefined);
  const pekppp = instruments.find((item) => item.code === 'pekppp-2022-a')!;
  const ombudsman = instruments.find((item) => item.code === 'ombudsman-2025')!;
  const { created } = await api['units:bulk-create']({ names: ['Dinas Sosial', 'Dinas Perhubungan', 'UPTD Puskesmas Kota'] });
  return { app, api, pekppp, ombudsman, units: created };
}

describe('instruments', () => {
  it('load the four defaults once on first start, not again on the next', async () => {
    const dir = tempDir();
    const first = testApp({ dataDir: dir });
    expect(first.firstRun).toBe(true);
    const list = await testHandlers(first)['instruments:list'](undefined);
    expect(list.map((item) => item.code).sort()).toEqual(['ombudsman-2013', 'ombudsman-2022', 'ombudsman-2025', 'pekppp-2022-a']);
    expect(list.find((item) => item.code === 'pekppp-2022-a')).toMatchObject({ family: 'pekppp', indicatorCount: 31, aspectCount: 7, source: 'bawaan' });
    first.close();
    const second = testApp({ dataDir: dir });
    expect(second.firstRun).toBe(false);
    expect(await testHandlers(second)['instruments:list'](undefined)).toHaveLength(4);
  });

  it('get returns the full definition; lookup by code works', async () => {
    const { app, api, pekppp } = await seed();
    const full = await api['instruments:get']({ id: pekppp.id });
    expect(full.definition.aspects[0]!.indicators[0]!.levels).toHaveLength(6);
    expect(findInstrument(app.ctx, 'pekppp-2022-a').id).toBe(pekppp.id);
    expect(() => findInstrument(app.ctx, 'tidak-ada')).toThrow(/tidak ditemukan/);
  });

  it('import a new version, refuse the same version and a broken file', () => {
    const app = testApp();
    const dir = tempDir();
    const definition = JSON.parse(fs.readFileSync(path.join(RESOURCES, 'instruments', 'pekppp-2022-a.json'), 'utf8'));
    definition.version = '2026.1';
    const good = path.join(dir, 'good.json');
    fs.writeFileSync(good, JSON.stringify(definition));
    expect(importInstrumentFile(app.ctx, good)).toMatchObject({ version: '2026.1', source: 'impor' });
    expect(() => importInstrumentFile(app.ctx, good)).toThrow(/sudah ada/);
    definition.version = '2027.1';
    definition.aspects[0].weight = 50;
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify(definition));
    expect(() => importInstrumentFile(app.ctx, bad)).toThrow(/tidak valid: Jumlah bobot aspek/);
  });
});

describe('periods', () => {
  it('create a year with both instruments, units in scope and default Ombudsman sample', async () => {
    const { api, pekppp, ombudsman, units } = await seed();
    const period = await api['periods:create']({
      year: 2026,
      instrumentIds: [pekppp.id, ombudsman.id],
      deadline: '2026-12-15',
      unitIds: units.map((unit) => unit.id),
    });
    expect(period).toMatchObject({ year: 2026, deadline: '2026-12-15', windowStart: '2025-01-01', windowEnd: '2026-12-31', unitCount: 3 });
    expect(period.instruments.map((item) => item.code).sort()).toEqual(['ombudsman-2025', 'pekppp-2022-a']);
    // Dinas Sosial and Puskesmas are typical Ombudsman sample units, Dishub is not.
    expect(Object.fromEntries(period.units.map((unit) => [unit.unitName, unit.ombudsmanSample]))).toEqual({
      'Dinas Sosial': true,
      'Dinas Perhubungan': false,
      'UPTD Puskesmas Kota': true,
    });
    expect((await api['periods:list'](undefined))[0]).toMatchObject({ year: 2026, unitCount: 3, sampleCount: 2 });
  });

  it('refuse a duplicate year, two instruments of one family, an impossible date, an empty choice', async () => {
    const { app, api, pekppp, ombudsman } = await seed();
    await api['periods:create']({ year: 2026, instrumentIds: [pekppp.id] });
    expect(await dispatch(api, 'periods:create', { year: 2026, instrumentIds: [pekppp.id] })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { year: 'Tahun ini sudah ada.' } },
    });
    const om2022 = findInstrument(app.ctx, 'ombudsman-2022');
    expect(await dispatch(api, 'periods:create', { year: 2025, instrumentIds: [ombudsman.id, om2022.id] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { instrumentIds: 'Hanya satu instrumen per jenis.' } },
    });
    expect(await dispatch(api, 'periods:create', { year: 2025, instrumentIds: [pekppp.id], deadline: '2025-02-30' })).toMatchObject({
      ok: false,
      error: { fields: { deadline: 'Tanggal tidak ada di kalender.' } },
    });
    expect(await dispatch(api, 'periods:create', { year: 2025, instrumentIds: [] })).toMatchObject({
      ok: false,
      error: { fields: { instrumentIds: 'Pilih minimal satu instrumen.' } },
    });
    expect(await dispatch(api, 'periods:create', { year: 1999, instrumentIds: [pekppp.id] })).toMatchObject({ ok: false });
    expect(await api['periods:list'](undefined)).toHaveLength(1);
  });

  it('change scope, sample and settings of a year; copy scope into the next year', async () => {
    const { api, pekppp, ombudsman, units } = await seed();
    const [sosial, dishub, puskesmas] = units;
    const period = await api['periods:create']({ year: 2025, instrumentIds: [pekppp.id], unitIds: [sosial!.id] });
    let detail = await api['periods:set-scope']({ periodId: period.id, add: [dishub!.id, puskesmas!.id], remove: [sosial!.id] });
    expect(detail.units.map((unit) => unit.unitName)).toEqual(['Dinas Perhubungan', 'UPTD Puskesmas Kota']);
    detail = await api['periods:set-sample']({ periodId: period.id, unitIds: [dishub!.id], sample: true });
    expect(detail.sampleCount).toBe(1);
    expect(await dispatch(api, 'periods:set-sample', { periodId: period.id, unitIds: [sosial!.id], sample: true })).toMatchObject({ ok: false });
    detail = await api['periods:update']({ id: period.id, instrumentIds: [pekppp.id, ombudsman.id], deadline: null, windowStart: '2024-07-01', windowEnd: '2025-06-30' });
    expect(detail).toMatchObject({ deadline: null, windowStart: '2024-07-01', windowEnd: '2025-06-30' });
    expect(await dispatch(api, 'periods:update', { id: period.id, instrumentIds: [pekppp.id], windowStart: '2026-01-01', windowEnd: '2025-01-01' })).toMatchObject({
      ok: false,
      error: { fields: { windowStart: 'Harus sebelum tanggal akhir.' } },
    });
    await api['units:archive']({ id: puskesmas!.id });
    const next = await api['periods:create']({ year: 2026, instrumentIds: [pekppp.id], copyScopeFromPeriodId: period.id });
    expect(next.units.map((unit) => [unit.unitName, unit.ombudsmanSample])).toEqual([['Dinas Perhubungan', true]]);
    expect(await dispatch(api, 'periods:set-scope', { periodId: next.id, add: [puskesmas!.id] })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/diarsipkan/) },
    });
  });
});

describe('settings', () => {
  it('save operator and local government, trimmed, and keep unspecified fields', async () => {
    const app = testApp();
    const api = testHandlers(app);
    expect(await api['settings:get'](undefined)).toEqual({ operatorName: '', localGovernmentName: '', localGovernmentKind: 'kabupaten' });
    await api['settings:update']({ operatorName: '  Siti  Aminah ', localGovernmentName: 'Kabupaten Contoh' });
    expect(await api['settings:update']({ localGovernmentKind: 'kota' })).toEqual({
      operatorName: 'Siti Aminah',
      localGovernmentName: 'Kabupaten Contoh',
      localGovernmentKind: 'kota',
    });
    expect(await dispatch(api, 'settings:update', { localGovernmentKind: 'desa' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('refuse a blank local government name on its field, in Indonesian, and keep the stored name', async () => {
    const app = testApp();
    const api = testHandlers(app);
    await api['settings:update']({ localGovernmentName: 'Kabupaten Sleman' });
    for (const blank of ['', '   ', '\t ']) {
      expect(await dispatch(api, 'settings:update', { operatorName: 'Rina', localGovernmentName: blank })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { localGovernmentName: 'Nama pemerintah daerah wajib diisi.' } },
      });
    }
    expect(await api['settings:get'](undefined)).toMatchObject({ operatorName: '', localGovernmentName: 'Kabupaten Sleman' });
  });
});
