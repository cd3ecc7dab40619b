import { describe, expect, it } from 'vitest';
import { testApp, testHandlers } from '../helpers';

async function seed() {
  const app = testApp();
  const api = testHandlers(app);
  const instruments = await api['instruments:list'](undefined);
  const pekppp = instruments.find((item) => item.code === 'pekppp-2022-a')!;
  const make = (name: string) => api['units:create']({ name, groupName: 'Perangkat Daerah', shortName: null, headName: 'Kepala' });
  const b = await make('Dinas Sosial');
  const a = await make('Bappeda');
  const c = await make('Kecamatan Barat');
  const period = await api['periods:create']({ year: 2026, instrumentIds: [pekppp.id], deadline: null, unitIds: [a.id, b.id, c.id] });
  return { api, period, a, b, c };
}

describe('unit profile', () => {
  it('composes views, progress, top gaps, named history and neighbours by name', async () => {
    const { api, period, a, b, c } = await seed();
    await api['assessment:set']({ periodId: period.id, unitId: b.id, indicatorCode: 'i06', level: 2 });
    const profile = await api['units:profile']({ periodId: period.id, unitId: b.id });
    expect(profile.unit.name).toBe('Dinas Sosial');
    expect(profile.scores.pekppp!.current!.basis).toEqual({ verified: 0, selfOnly: 1, unassessed: 29 });
    expect(profile.topGaps.pekppp.length).toBeGreaterThan(0);
    expect(profile.topGaps.pekppp.length).toBeLessThanOrEqual(5);
    expect(profile.neighbours).toEqual({ previous: { id: a.id, name: 'Bappeda' }, next: { id: c.id, name: 'Kecamatan Barat' }, position: 2, count: 3 });
    expect(profile.history[0]).toMatchObject({ summary: 'Nilai mandiri diubah dari belum dinilai menjadi tingkat 2.' });
    expect(profile.history[0]!.target).toMatch(/^PEKPPP .* · Indikator 6 Survei Kepuasan Masyarakat/);
    const none = await api['units:profile']({ periodId: period.id, unitId: c.id });
    expect(none.scores.pekppp!.current).toBeNull();
    expect(none.neighbours.next).toBeNull();
  });

  it('an undone level change is recorded as a revert', async () => {
    const { api, period, b } = await seed();
    const key = { periodId: period.id, unitId: b.id, indicatorCode: 'i01' };
    await api['assessment:set']({ ...key, level: 3 });
    await api['assessment:set']({ ...key, level: 5 });
    const reverted = await api['assessment:set']({ ...key, level: 3, revert: true });
    expect(reverted.aspects[0]!.indicators[0]!.selfLevel).toBe(3);
    const { history } = await api['units:profile']({ periodId: period.id, unitId: b.id });
    expect(history.map((entry) => entry.summary).slice(0, 2)).toEqual([
      'Urungkan: nilai mandiri dikembalikan dari tingkat 5 ke tingkat 3.',
      'Nilai mandiri diubah dari tingkat 3 menjadi tingkat 5.',
    ]);
  });

  it('refuses a unit outside the year with an Indonesian message', async () => {
    const { api, period } = await seed();
    const outside = await api['units:create']({ name: 'Dinas Perhubungan', groupName: 'Perangkat Daerah', shortName: null, headName: null });
    await expect(api['units:profile']({ periodId: period.id, unitId: outside.id })).rejects.toThrow(/tidak termasuk tahun penilaian 2026/);
  });
});
