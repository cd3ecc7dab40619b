import { describe, expect, it } from 'vitest';
import { testApp, testHandlers } from '../helpers';

async function seed() {
  const app = testApp();
  const api = testHandlers(app);
  const instruments = await api['instruments:list'](undefined);
  const pekppp = instruments.find((item) => item.code === 'pekppp-2022-a')!;
  const ombudsman = instruments.find((item) => item.code === 'ombudsman-2025')!;
  const { created } = await api['units:bulk-create']({ names: ['Dinas Sosial', 'Dinas Perhubungan'] });
  const period = await api['periods:create']({ year: 2026, instrumentIds: [pekppp.id, ombudsman.id], deadline: '2026-12-04', unitIds: created.map((u) => u.id) });
  return { app, api, period, unit: created[0]!, other: created[1]!, pekppp, ombudsman };
}

describe('self-assessment', () => {
  it('stores self and verified levels separately and scores both (hand-computed)', async () => {
    const { api, period, unit } = await seed();
    // Indicator 1 (17% of Kebijakan 24%) at level 5: 0.24 × 0.17 × 5 = 0.204 → 0.20
    let view = await api['assessment:set']({ periodId: period.id, unitId: unit.id, indicatorCode: 'i01', level: 5 });
    expect(view.selfReport.index).toBe(0.2);
    // Nothing verified yet: the verified view is belum dinilai, never 0,00 F; terkini = own level.
    expect([view.verifiedReport.index, view.verifiedReport.band, view.verifiedReport.state]).toEqual([null, null, 'belum_dinilai']);
    expect([view.currentReport?.index, view.currentReport?.basis]).toEqual([0.2, { verified: 0, selfOnly: 1, unassessed: 29 }]);
    // Indicator 14 (30% of SDM 25%) at level 4: 0.25 × 0.30 × 4 = 0.30 → total 0.504 → 0.50
    await expect(api['assessment:set']({ periodId: period.id, unitId: unit.id, indicatorCode: 'i14', level: 4, elements: ['tidak-ada'] })).rejects.toThrow(/Unsur tidak dikenal/);
    view = await api['assessment:set']({ periodId: period.id, unitId: unit.id, indicatorCode: 'i14', level: 4 });
    expect(view.selfReport.index).toBe(0.5);
    view = await api['assessment:set']({ periodId: period.id, unitId: unit.id, indicatorCode: 'i01', level: 3, verified: true });
    const indicator = view.aspects[0]!.indicators[0]!;
    expect(indicator).toMatchObject({ selfLevel: 5, verifiedLevel: 3, unverifiedWarning: true });
    expect(view.verifiedReport.index).toBe(0.12); // 0.24 × 0.17 × 3 = 0.1224
    expect(view.selfReport.band?.code).toBe('F');
  });

  it('suggests a level from ticked elements and requires a reason to override it', async () => {
    const { api, period, unit } = await seed();
    const view = await api['assessment:get']({ periodId: period.id, unitId: unit.id });
    const withElements = view.aspects.flatMap((a) => a.indicators).find((i) => i.elements && !i.elements.items.some((item) => item.base))!;
    const items = withElements.elements!.items.slice(0, 2).map((item) => item.code);
    const suggested = await api['assessment:set']({ periodId: period.id, unitId: unit.id, indicatorCode: withElements.code, elements: items, level: 2 });
    const after = suggested.aspects.flatMap((a) => a.indicators).find((i) => i.code === withElements.code)!;
    expect(after.suggestedLevel).toBe(2);
    await expect(api['assessment:set']({ periodId: period.id, unitId: unit.id, indicatorCode: withElements.code, level: 4 })).rejects.toThrow(/menyarankan tingkat 2/);
    const overridden = await api['assessment:set']({ periodId: period.id, unitId: unit.id, indicatorCode: withElements.code, level: 4, overrideReason: 'Dua unsur lain dibuktikan dengan foto' });
    expect(overridden.aspects.flatMap((a) => a.indicators).find((i) => i.code === withElements.code)).toMatchObject({ selfLevel: 4, overrideReason: 'Dua unsur lain dibuktikan dengan foto' });
    await expect(api['assessment:set']({ periodId: period.id, unitId: unit.id, indicatorCode: withElements.code, level: 6 })).rejects.toThrow(/paling tinggi 5/);
    // The office verifying at the suggested level keeps the unit's own override reason.
    const verified = await api['assessment:set']({ periodId: period.id, unitId: unit.id, indicatorCode: withElements.code, level: 2, verified: true });
    expect(verified.aspects.flatMap((a) => a.indicators).find((i) => i.code === withElements.code)).toMatchObject({
      selfLevel: 4,
      verifiedLevel: 2,
      overrideReason: 'Dua unsur lain dibuktikan dengan foto',
    });
  });
});

describe('scores, gaps and dashboard', () => {
  it('Ombudsman estimate follows verified requirements and the trust survey (70/30)', async () => {
    const { api, period, unit } = await seed();
    let scores = await api['scores:unit']({ periodId: period.id, unitId: unit.id });
    expect(scores.ombudsman!.report.total).toBeNull();
    await api['ombudsman:set-inputs']({ periodId: period.id, unitId: unit.id, trust: 90, followedUp: true });
    scores = await api['scores:unit']({ periodId: period.id, unitId: unit.id });
    // no requirement verified: 0.7 × 0 + 0.3 × 90 = 27.00
    expect(scores.ombudsman!.report.total).toBe(27);
    await expect(api['ombudsman:set-inputs']({ periodId: period.id, unitId: unit.id, trust: 120, followedUp: false })).rejects.toThrow(/paling tinggi 100/);
  });

  it('ranks gaps by gain and predicts the category after the top steps', async () => {
    const { api, period, unit } = await seed();
    const gaps = await api['gaps:unit']({ periodId: period.id, unitId: unit.id });
    const gains = gaps.pekppp!.actions.map((action) => action.gainExact);
    expect(gains).toEqual([...gains].sort((a, b) => b - a));
    // The biggest single step at level 0: indicator 14 (SDM 25% × 30%) = 0.075
    expect(gaps.pekppp!.actions[0]!.indicatorNumber).toBe(14);
    expect(gaps.pekppp!.predictions[0]!.after.value).toBe(0.08);
    expect(gaps.ombudsman!.actions.length).toBeGreaterThan(10);
    expect(gaps.deadline).toBe('2026-12-04');
  });

  it('dashboard: countdown, per-unit index and category, local-government index', async () => {
    const { api, period, unit } = await seed();
    for (const code of ['i01', 'i02', 'i03', 'i04', 'i05', 'i06', 'i07', 'i08', 'i09']) {
      await api['assessment:set']({ periodId: period.id, unitId: unit.id, indicatorCode: code, level: 5 });
    }
    const board = await api['scores:dashboard']({ periodId: period.id });
    expect(board.daysLeft).toBe(10); // fixed clock 2026-11-24 → 2026-12-04
    const row = board.units.find((u) => u.unitId === unit.id)!;
    expect(row.selfIndex).toBe(1.2); // whole Kebijakan aspect at 5: 0.24 × 5
    expect(row.category?.code).toBe('E');
    expect(board.units.find((u) => u.unitId !== unit.id)!.selfIndex).toBeNull();
    expect(board.pekppp!.index).toBe(1.2);
    expect(board.aspects).toHaveLength(6);
    const periodGaps = await api['gaps:period']({ periodId: period.id, target: 'B' });
    expect(periodGaps.pekppp!.units[0]!.distance).not.toBeNull();
  });
});
