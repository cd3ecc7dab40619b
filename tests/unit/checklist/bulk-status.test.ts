/** Bulk status changes and *Urungkan* (issue 14), through the same handler table as every host. */
import { describe, expect, it } from 'vitest';
import type { ChecklistRequirement } from '../../../src/shared/types';
import { testApp, testHandlers } from '../helpers';

async function seed() {
  const app = testApp();
  const api = testHandlers(app);
  await api['settings:update']({ operatorName: 'Siti Verifikator' });
  const instruments = await api['instruments:list'](undefined);
  const pekppp = instruments.find((item) => item.code === 'pekppp-2022-a')!;
  const { created } = await api['units:bulk-create']({ names: ['Dinas Sosial', 'Dinas Kesehatan'] });
  const period = await api['periods:create']({ year: 2026, instrumentIds: [pekppp.id], unitIds: created.map((u) => u.id) });
  const unit = created[0]!;
  const checklist = await api['checklist:get']({ periodId: period.id, unitId: unit.id });
  const requirements = checklist.instruments[0]!.aspects.flatMap((a) => a.indicators.flatMap((i) => i.requirements));
  const ref = (requirement: ChecklistRequirement) => ({ instrumentId: requirement.instrumentId, requirementCode: requirement.code });
  const key = (requirement: ChecklistRequirement) => ({ periodId: period.id, unitId: unit.id, ...ref(requirement) });
  const history = (requirement: ChecklistRequirement) => api['checklist:history'](key(requirement));
  const status = async (requirement: ChecklistRequirement) => {
    const fresh = await api['checklist:get']({ periodId: period.id, unitId: unit.id });
    return fresh.instruments[0]!.aspects.flatMap((a) => a.indicators.flatMap((i) => i.requirements)).find((r) => r.code === requirement.code)!;
  };
  const link = (requirement: ChecklistRequirement) => api['evidence:link']({ ...key(requirement), url: `https://drive.google.com/file/d/${requirement.code}` });
  return { app, api, period, unit, requirements, ref, key, history, status, link };
}

describe('checklist:set-status-bulk', () => {
  it('sets one status with one reason for all, one history entry each, naming the bulk change', async () => {
    const { api, period, unit, requirements, ref, history, status } = await seed();
    const chosen = requirements.slice(0, 4);
    const result = await api['checklist:set-status-bulk']({ periodId: period.id, unitId: unit.id, items: chosen.map(ref), status: 'perlu_perbaikan', reason: 'Tanda tangan kepala unit belum ada' });
    expect(result.changed).toHaveLength(4);
    expect(result.refused).toEqual([]);
    expect(result.requirements.map((r) => r.status)).toEqual(['perlu_perbaikan', 'perlu_perbaikan', 'perlu_perbaikan', 'perlu_perbaikan']);
    for (const requirement of chosen) {
      const entries = (await history(requirement)).filter((entry) => entry.action === 'status');
      expect(entries).toHaveLength(1);
      expect(entries[0]!.summary).toMatch(/menjadi "Perlu perbaikan" \(alasan: Tanda tangan kepala unit belum ada\) — ubah massal \(4 persyaratan\)/);
      expect((await status(requirement)).reason).toBe('Tanda tangan kepala unit belum ada');
    }
    // An untouched requirement stays as it was.
    expect((await status(requirements[5]!)).status).toBe('belum_ada');
  });

  it('needs a reason for perlu perbaikan, like the single path, and changes nothing without one', async () => {
    const { api, period, unit, requirements, ref, status } = await seed();
    await expect(api['checklist:set-status-bulk']({ periodId: period.id, unitId: unit.id, items: requirements.slice(0, 2).map(ref), status: 'perlu_perbaikan' })).rejects.toThrow(/Tuliskan alasan/);
    expect((await status(requirements[0]!)).status).toBe('belum_ada');
  });

  it('terverifikasi without evidence: a dry run counts both sides; a real run refuses all unless told to skip', async () => {
    const { api, period, unit, requirements, ref, link, status, history } = await seed();
    const chosen = requirements.slice(0, 5);
    for (const requirement of chosen.slice(0, 3)) await link(requirement);
    const input = { periodId: period.id, unitId: unit.id, items: chosen.map(ref), status: 'terverifikasi' as const };

    const preview = await api['checklist:set-status-bulk']({ ...input, dryRun: true });
    expect(preview.changed.map((c) => c.requirementCode)).toEqual(chosen.slice(0, 3).map((r) => r.code));
    expect(preview.refused.map((r) => r.requirementCode)).toEqual(chosen.slice(3).map((r) => r.code));
    expect(preview.refused[0]!.message).toMatch(/belum punya berkas atau tautan bukti/);
    expect((await status(chosen[0]!)).status).toBe('menunggu_verifikasi');

    // All or nothing: the three with evidence are not verified either.
    await expect(api['checklist:set-status-bulk'](input)).rejects.toMatchObject({ code: 'EVIDENCE_REQUIRED', message: expect.stringMatching(/^2 persyaratan belum dapat diubah menjadi "Terverifikasi".*Tidak ada yang diubah/) });
    expect((await status(chosen[0]!)).status).toBe('menunggu_verifikasi');
    expect((await history(chosen[0]!)).filter((e) => e.action === 'status')).toHaveLength(1);

    const applied = await api['checklist:set-status-bulk']({ ...input, skipRefused: true });
    expect(applied.changed).toHaveLength(3);
    expect(applied.refused).toHaveLength(2);
    expect((await status(chosen[0]!))).toMatchObject({ status: 'terverifikasi', verifiedBy: 'Siti Verifikator' });
    expect((await status(chosen[4]!)).status).toBe('belum_ada');
  });

  it('a single requirement without evidence gets the single path message', async () => {
    const { api, period, unit, requirements, ref } = await seed();
    await expect(api['checklist:set-status-bulk']({ periodId: period.id, unitId: unit.id, items: [ref(requirements[0]!)], status: 'terverifikasi' })).rejects.toMatchObject({
      code: 'EVIDENCE_REQUIRED',
      message: expect.stringMatching(/^Persyaratan ini belum punya berkas atau tautan bukti/),
    });
  });

  it('counts requirements already in the status as unchanged, and refuses unknown requirements and oversized requests', async () => {
    const { api, period, unit, requirements, ref } = await seed();
    const items = requirements.slice(0, 3).map(ref);
    await api['checklist:set-status-bulk']({ periodId: period.id, unitId: unit.id, items: items.slice(0, 1), status: 'menunggu_verifikasi' });
    const result = await api['checklist:set-status-bulk']({ periodId: period.id, unitId: unit.id, items: [...items, items[0]!], status: 'menunggu_verifikasi' });
    expect(result.changed).toHaveLength(2);
    expect(result.unchanged).toBe(1);
    await expect(api['checklist:set-status-bulk']({ periodId: period.id, unitId: unit.id, items: [...items, { instrumentId: items[0]!.instrumentId, requirementCode: 'tidak-ada' }], status: 'belum_ada' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const tooMany = Array.from({ length: 2001 }, (_, index) => ({ instrumentId: items[0]!.instrumentId, requirementCode: `r${index}` }));
    await expect(api['checklist:set-status-bulk']({ periodId: period.id, unitId: unit.id, items: tooMany, status: 'belum_ada' })).rejects.toThrow(/Paling banyak 2\.000 persyaratan/);
  });
});

describe('checklist:undo-status', () => {
  it('undoes a bulk change in one go, restoring status, reason and verifier, recorded as a revert', async () => {
    const { api, period, unit, requirements, ref, link, status, history } = await seed();
    const [a, b, c] = requirements;
    await link(a!);
    await api['checklist:set-status']({ periodId: period.id, unitId: unit.id, ...ref(a!), status: 'terverifikasi' });
    await api['checklist:set-status']({ periodId: period.id, unitId: unit.id, ...ref(b!), status: 'tidak_berlaku', reason: 'Tidak ada layanan malam' });
    const before = await status(a!);
    const bulk = await api['checklist:set-status-bulk']({ periodId: period.id, unitId: unit.id, items: [a!, b!, c!].map(ref), status: 'perlu_perbaikan', reason: 'Periksa ulang' });
    expect(bulk.changed).toHaveLength(3);

    const undone = await api['checklist:undo-status']({ periodId: period.id, unitId: unit.id, changes: bulk.changed.map((change) => ({ instrumentId: change.instrumentId, requirementCode: change.requirementCode, historyId: change.historyId })) });
    expect(undone.reverted).toBe(3);
    expect(await status(a!)).toMatchObject({ status: 'terverifikasi', verifiedBy: before.verifiedBy, verifiedAt: before.verifiedAt, reason: '' });
    expect(await status(b!)).toMatchObject({ status: 'tidak_berlaku', reason: 'Tidak ada layanan malam' });
    expect(await status(c!)).toMatchObject({ status: 'belum_ada', reason: '' });
    const latest = (await history(b!))[0]!;
    expect(latest.summary).toBe('Urungkan: status dikembalikan dari "Perlu perbaikan" ke "Tidak berlaku" (alasan: Tidak ada layanan malam).');
  });

  it('refuses the whole undo when one requirement was changed again since, changing nothing', async () => {
    const { api, period, unit, requirements, ref, status, link } = await seed();
    const [a, b] = requirements;
    const bulk = await api['checklist:set-status-bulk']({ periodId: period.id, unitId: unit.id, items: [a!, b!].map(ref), status: 'perlu_perbaikan', reason: 'Kurang lengkap' });
    // New evidence moves b back to the queue: the undo would overwrite that.
    await link(b!);
    const changes = bulk.changed.map((change) => ({ instrumentId: change.instrumentId, requirementCode: change.requirementCode, historyId: change.historyId }));
    await expect(api['checklist:undo-status']({ periodId: period.id, unitId: unit.id, changes })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/^Tidak dapat diurungkan: 1 persyaratan sudah diubah lagi sesudahnya/),
    });
    expect((await status(a!)).status).toBe('perlu_perbaikan');
    expect((await status(b!)).status).toBe('menunggu_verifikasi');
  });

  it('refuses a second undo of the same change, and an entry of another requirement', async () => {
    const { api, period, unit, requirements, ref } = await seed();
    const [a, b] = requirements;
    const single = await api['checklist:set-status-bulk']({ periodId: period.id, unitId: unit.id, items: [ref(a!)], status: 'menunggu_verifikasi' });
    const change = { ...ref(a!), historyId: single.changed[0]!.historyId };
    await api['checklist:undo-status']({ periodId: period.id, unitId: unit.id, changes: [change] });
    await expect(api['checklist:undo-status']({ periodId: period.id, unitId: unit.id, changes: [change] })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/persyaratan ini sudah diubah lagi/) });
    await expect(api['checklist:undo-status']({ periodId: period.id, unitId: unit.id, changes: [{ ...ref(b!), historyId: change.historyId }] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('will not restore terverifikasi once the evidence is gone', async () => {
    const { api, period, unit, requirements, ref, key } = await seed();
    const a = requirements[0]!;
    const linked = await api['evidence:link']({ ...key(a), url: 'https://drive.google.com/file/d/x' });
    await api['checklist:set-status']({ ...key(a), status: 'terverifikasi' });
    const bulk = await api['checklist:set-status-bulk']({ periodId: period.id, unitId: unit.id, items: [ref(a)], status: 'perlu_perbaikan', reason: 'Salah berkas' });
    // Detaching from perlu perbaikan leaves the status alone, so the undo itself must apply the rule.
    await api['evidence:detach']({ ...key(a), evidenceId: linked.id });
    await expect(api['checklist:undo-status']({ periodId: period.id, unitId: unit.id, changes: [{ ...ref(a), historyId: bulk.changed[0]!.historyId }] })).rejects.toMatchObject({ code: 'EVIDENCE_REQUIRED' });
  });
});
