import { describe, expect, it } from 'vitest';
import { testApp, testHandlers } from '../helpers';

async function seededYear() {
  const app = testApp();
  const api = testHandlers(app);
  const instruments = await api['instruments:list'](undefined);
  const om = instruments.find((item) => item.code === 'ombudsman-2025')!;
  const pekppp = instruments.find((item) => item.code === 'pekppp-2022-a')!;
  const unit = await api['units:create']({ name: 'Dinas Kependudukan dan Pencatatan Sipil', groupName: 'Perangkat Daerah' });
  const other = await api['units:create']({ name: 'Dinas Sosial', groupName: 'Perangkat Daerah' });
  const period = await api['periods:create']({ year: 2026, instrumentIds: [pekppp.id, om.id], unitIds: [unit.id, other.id] });
  return { app, api, unit, other, period };
}

const product = { name: 'Penerbitan KTP-el', targetRespondents: 30, gathered: 0, surveyLink: '', contactsRequired: 15, contactsCount: 0, contactsEvidence: '' };

describe('service products and their survey tracker', () => {
  it('start from the instrument defaults (30 respondents, 15 contacts) and track progress', async () => {
    const { api, unit, period } = await seededYear();
    const empty = await api['ombudsman:products']({ periodId: period.id, unitId: unit.id });
    expect(empty.defaults).toMatchObject({ respondentsTarget: 30, contactsMin: 15, productsPerUnit: 2 });
    expect(empty.products).toEqual([]);

    const saved = await api['ombudsman:save-product']({ periodId: period.id, unitId: unit.id, ...product, gathered: 12, contactsCount: 15 });
    const ktp = saved.products[0]!;
    expect(ktp).toMatchObject({ name: 'Penerbitan KTP-el', targetRespondents: 30, gathered: 12, contactsRequired: 15 });
    expect(ktp.progress).toMatchObject({ respondentsMet: false, respondentsMissing: 18, contactsMet: true, contactsEvidenced: false, ready: false });

    const done = await api['ombudsman:save-product']({
      periodId: period.id,
      unitId: unit.id,
      productId: ktp.productId,
      ...product,
      targetRespondents: 25,
      gathered: 25,
      contactsCount: 16,
      surveyLink: 'https://s.id/survei-ktp',
      contactsEvidence: 'https://drive.google.com/daftar-kontak',
    });
    expect(done.products).toHaveLength(1);
    expect(done.enteredMeans).toEqual({ trust: null, perception: null });
    const second = await api['ombudsman:save-product']({ periodId: period.id, unitId: unit.id, ...product, name: 'Akta kelahiran', trustResult: 82.5, perceptionResult: 70 });
    const withResult = await api['ombudsman:save-product']({ periodId: period.id, unitId: unit.id, productId: ktp.productId, ...product, trustResult: 77.25 });
    expect(second.products).toHaveLength(2);
    expect(withResult.enteredMeans).toEqual({ trust: 79.88, perception: 70 });
    await expect(api['ombudsman:save-product']({ periodId: period.id, unitId: unit.id, ...product, name: 'X', trustResult: 120 })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(done.products[0]!.progress).toMatchObject({ respondentsMet: true, contactsMet: true, ready: true, notes: [] });
  });

  it('refuses negative counts and a product of another unit', async () => {
    const { api, unit, other, period } = await seededYear();
    await expect(api['ombudsman:save-product']({ periodId: period.id, unitId: unit.id, ...product, gathered: -1 })).rejects.toMatchObject({ code: 'VALIDATION' });
    const saved = await api['ombudsman:save-product']({ periodId: period.id, unitId: unit.id, ...product });
    await expect(api['ombudsman:remove-product']({ periodId: period.id, unitId: other.id, productId: saved.products[0]!.productId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('findings follow-up log', () => {
  it('open findings keep "Tanpa Maladministrasi" out of the opinion; closing all with evidence brings it in', async () => {
    const { api, unit, period } = await seededYear();
    await api['ombudsman:set-inputs']({ periodId: period.id, unitId: unit.id, trust: 80, followedUp: false });
    const base = { periodId: period.id, unitId: unit.id, sourceYear: 2025, deadline: '2026-06-30' as string | null, evidence: '' };
    let log = await api['ombudsman:save-finding']({ ...base, kind: 'temuan', text: 'Maklumat pelayanan belum dipajang di ruang tunggu.', status: 'belum' });
    log = await api['ombudsman:save-finding']({ ...base, kind: 'saran', text: 'Sediakan loket khusus kelompok rentan.', status: 'proses', deadline: null });
    expect(log.summary).toMatchObject({ total: 2, open: 2, inProgress: 1, overdue: 1, allClosed: false });
    expect(log.readiness).toMatchObject({ state: 'terbuka', label: 'Tanpa Maladministrasi', withinReach: true, open: 2 });
    // The gap list counts them, overdue first.
    expect(log.gaps.map((gap) => [gap.kindLabel, gap.overdue])).toEqual([['Temuan (LAHP/LHA)', true], ['Saran / tindakan korektif', false]]);
    let scores = await api['scores:unit']({ periodId: period.id, unitId: unit.id });
    expect(scores.ombudsman!.report.suffix).toBeNull();

    const [first, second] = log.findings;
    await expect(api['ombudsman:save-finding']({ ...base, id: first!.id, kind: first!.kind, text: first!.text, status: 'selesai' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('bukti tindak lanjut'),
    });
    await api['ombudsman:save-finding']({ ...base, id: first!.id, kind: first!.kind, text: first!.text, status: 'selesai', evidence: 'https://drive.google.com/foto-maklumat' });
    log = await api['ombudsman:save-finding']({ ...base, id: second!.id, kind: second!.kind, text: second!.text, status: 'selesai', evidence: 'BA serah terima loket, 12 Mei 2026' });
    expect(log.readiness).toMatchObject({ state: 'tercapai' });
    expect(log.gaps).toEqual([]);
    scores = await api['scores:unit']({ periodId: period.id, unitId: unit.id });
    expect(scores.ombudsman!.report.suffix).toBe('Tanpa Maladministrasi');
    expect(scores.ombudsman!.inputs).toMatchObject({ trust: 80, followedUp: true });

    const overview = await api['ombudsman:overview']({ periodId: period.id });
    expect(overview.units.find((item) => item.unitId === unit.id)).toMatchObject({ openFindings: 0 });
  });

  it('a finding from a later year does not count for this year, and removal is recorded', async () => {
    const { api, unit, period } = await seededYear();
    const log = await api['ombudsman:save-finding']({ periodId: period.id, unitId: unit.id, sourceYear: 2027, kind: 'rekomendasi', text: 'Rekomendasi 2027', deadline: null, status: 'belum', evidence: '' });
    expect(log.findings[0]!.counts).toBe(false);
    expect(log.summary.total).toBe(0);
    expect(log.readiness?.state).toBe('belum-dicatat');
    const removed = await api['ombudsman:remove-finding']({ periodId: period.id, unitId: unit.id, id: log.findings[0]!.id });
    expect(removed.findings).toEqual([]);
  });
});
