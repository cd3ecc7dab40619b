import { describe, expect, it } from 'vitest';
import { testApp, testHandlers } from '../helpers';

describe('unit presets for a year', () => {
  it('the usual Ombudsman sample and the fixed PEKPPP lokus are one click', async () => {
    const api = testHandlers(testApp());
    const templates = await api['units:templates'](undefined);
    await api['units:bulk-create']({ names: templates.map((template) => template.name) });
    const instruments = await api['instruments:list'](undefined);
    const period = await api['periods:create']({ year: 2026, instrumentIds: [instruments.find((item) => item.code === 'ombudsman-2025')!.id] });

    const presets = await api['presets:list']({ periodId: period.id });
    const sample = presets.find((preset) => preset.code === 'sampel-ombudsman')!;
    expect(sample.applies).toBe(true); // default kind: kabupaten
    expect(sample.matched.map((unit) => unit.unitName)).toHaveLength(7);
    expect(presets.find((preset) => preset.code === 'sampel-ombudsman-provinsi')!.applies).toBe(false);
    expect(presets.find((preset) => preset.code === 'lokus-pekppp')).toMatchObject({ applies: true, purpose: 'scope' });

    const applied = await api['presets:apply']({ periodId: period.id, code: 'sampel-ombudsman' });
    expect(applied).toMatchObject({ added: 7, sampled: 7, missing: [] });
    expect(applied.period.units.filter((unit) => unit.ombudsmanSample).map((unit) => unit.unitName)).toEqual(
      expect.arrayContaining(['Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'Dinas Kependudukan dan Pencatatan Sipil', 'Dinas Pendidikan', 'Dinas Sosial', 'Dinas Kesehatan']),
    );
    const lokus = await api['presets:apply']({ periodId: period.id, code: 'lokus-pekppp' });
    expect(lokus).toMatchObject({ added: 1, sampled: 0 }); // Dinas Pendidikan was already in scope
    expect(lokus.period.units.map((unit) => unit.unitName)).toContain('Dinas Komunikasi dan Informatika');
    const again = await api['presets:apply']({ periodId: period.id, code: 'sampel-ombudsman' });
    expect(again).toMatchObject({ added: 0, sampled: 0 });
  });
});
