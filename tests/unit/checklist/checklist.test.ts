import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/server/api/dispatch';
import { createHandlers } from '../../../src/server/api/handlers';
import type { ChecklistRequirement, Checklist } from '../../../src/shared/types';
import { tempDir, testApp, testHandlers } from '../helpers';

async function seedYear() {
  const app = testApp();
  const api = testHandlers(app);
  await api['settings:update']({ operatorName: 'Siti Verifikator' });
  const instruments = await api['instruments:list'](undefined);
  const pekppp = instruments.find((item) => item.code === 'pekppp-2022-a')!;
  const ombudsman = instruments.find((item) => item.code === 'ombudsman-2025')!;
  const { created } = await api['units:bulk-create']({ names: ['Dinas Sosial', 'Dinas Kesehatan'] });
  const period = await api['periods:create']({ year: 2026, instrumentIds: [pekppp.id, ombudsman.id], unitIds: created.map((u) => u.id) });
  const unit = created[0]!;
  const checklist = await api['checklist:get']({ periodId: period.id, unitId: unit.id });
  const first = (instrumentId: number) =>
    checklist.instruments.find((i) => i.instrumentId === instrumentId)!.aspects[0]!.indicators[0]!.requirements[0]!;
  return { app, api, period, unit, other: created[1]!, pekppp, ombudsman, checklist, first };
}

const keyOf = (periodId: number, unitId: number, requirement: ChecklistRequirement) => ({
  periodId,
  unitId,
  instrumentId: requirement.instrumentId,
  requirementCode: requirement.code,
});

function findRequirement(checklist: Checklist, code: string): ChecklistRequirement {
  for (const instrument of checklist.instruments)
    for (const aspect of instrument.aspects)
      for (const indicator of aspect.indicators)
        for (const requirement of indicator.requirements) if (requirement.code === code) return requirement;
  throw new Error(`missing ${code}`);
}

describe('checklist', () => {
  it('lists every requirement of both instruments as "belum ada" with zero progress', async () => {
    const { checklist } = await seedYear();
    expect(checklist.instruments.map((i) => i.code)).toEqual(['pekppp-2022-a', 'ombudsman-2025']);
    const all = checklist.instruments.flatMap((i) => i.aspects.flatMap((a) => a.indicators.flatMap((x) => x.requirements)));
    expect(all.length).toBeGreaterThan(80);
    expect(all.every((r) => r.status === 'belum_ada')).toBe(true);
    expect(checklist.progress).toMatchObject({ applicable: all.length, supplied: 0, verified: 0, percentVerified: 0 });
  });

  it('sets statuses with reasons, records verifier and time, and computes progress per level', async () => {
    const { api, period, unit, pekppp, first } = await seedYear();
    const requirement = first(pekppp.id);
    const key = keyOf(period.id, unit.id, requirement);
    // Terverifikasi needs evidence (see tests/unit/checklist/evidence-rules.test.ts).
    await api['evidence:link']({ ...key, url: 'https://drive.google.com/file/d/sk-sp', documentDate: '2026-02-01' });
    const verified = await api['checklist:set-status']({ ...key, status: 'terverifikasi' });
    expect(verified).toMatchObject({ status: 'terverifikasi', verifiedBy: 'Siti Verifikator', verifiedAt: '2026-11-24T08:00:00.000Z' });
    await expect(api['checklist:set-status']({ ...key, status: 'perlu_perbaikan' })).rejects.toThrow(/Tuliskan alasan/);
    await expect(api['checklist:set-status']({ ...key, status: 'tidak_berlaku', reason: '  ' })).rejects.toThrow(/alasan/i);
    const checklist = await api['checklist:get']({ periodId: period.id, unitId: unit.id });
    const indicator = checklist.instruments[0]!.aspects[0]!.indicators[0]!;
    expect(indicator.progress.verified).toBe(1);
    expect(indicator.progress.percentVerified).toBe(Math.round((1 / indicator.requirements.length) * 1000) / 10);
    const second = indicator.requirements[1]!;
    const na = await api['checklist:set-status']({ ...keyOf(period.id, unit.id, second), status: 'tidak_berlaku', reason: 'Layanan tidak ada' });
    expect(na).toMatchObject({ status: 'tidak_berlaku', reason: 'Layanan tidak ada', verifiedBy: null });
    const after = (await api['checklist:get']({ periodId: period.id, unitId: unit.id })).instruments[0]!.aspects[0]!.indicators[0]!;
    expect(after.progress.applicable).toBe(indicator.requirements.length - 1);
    expect(after.progress.notApplicable).toBe(1);
    const progress = await api['checklist:progress']({ periodId: period.id });
    expect(progress.find((p) => p.unitId === unit.id)!.progress.verified).toBe(1);
  });

  it('refuses a unit outside the year, an unknown requirement and an unknown status, changing nothing', async () => {
    const { app, api, period, unit, pekppp, first } = await seedYear();
    const outsider = await api['units:create']({ name: 'Kecamatan Barat', groupName: 'Kecamatan', shortName: null, headName: null });
    const key = keyOf(period.id, outsider.id, first(pekppp.id));
    await expect(api['checklist:set-status']({ ...key, status: 'terverifikasi' })).rejects.toThrow(/tidak termasuk tahun penilaian 2026/);
    await expect(api['checklist:set-status']({ ...keyOf(period.id, unit.id, first(pekppp.id)), requirementCode: 'tidak-ada', status: 'terverifikasi' })).rejects.toThrow(/tidak ada/);
    const raw = createHandlers(app, { host: 'cli' });
    expect(await dispatch(raw, 'checklist:set-status', { ...keyOf(period.id, unit.id, first(pekppp.id)), status: 'selesai' })).toMatchObject({ ok: false, error: { message: 'Status tidak dikenal.' } });
    expect(app.ctx.db.prepare('SELECT count(*) FROM checklist_items').pluck().get()).toBe(0);
    expect(app.ctx.db.prepare('SELECT count(*) FROM history').pluck().get()).toBe(0);
  });

  it('lets the office add its own requirement and hide a default one for a year', async () => {
    const { api, period, unit, pekppp, checklist } = await seedYear();
    const indicator = checklist.instruments[0]!.aspects[0]!.indicators[0]!;
    const custom = await api['checklist:add-requirement']({ periodId: period.id, instrumentId: pekppp.id, indicatorCode: indicator.code, text: 'Foto papan SP di loket', kind: 'foto' });
    expect(custom).toMatchObject({ custom: true, text: 'Foto papan SP di loket', status: 'belum_ada' });
    const hiddenCode = indicator.requirements[0]!.code;
    await api['checklist:hide-requirement']({ periodId: period.id, instrumentId: pekppp.id, requirementCode: hiddenCode, reason: 'Tidak relevan untuk pemda kami' });
    const after = (await api['checklist:get']({ periodId: period.id, unitId: unit.id })).instruments[0]!.aspects[0]!.indicators[0]!;
    expect(after.requirements.map((r) => r.code)).toContain(custom.code);
    expect(after.requirements.map((r) => r.code)).not.toContain(hiddenCode);
    expect(after.hiddenCount).toBe(1);
    expect(await api['checklist:hidden-requirements']({ periodId: period.id })).toEqual([
      expect.objectContaining({ code: hiddenCode, reason: 'Tidak relevan untuk pemda kami' }),
    ]);
    await api['checklist:unhide-requirement']({ periodId: period.id, instrumentId: pekppp.id, requirementCode: hiddenCode });
    const restored = (await api['checklist:get']({ periodId: period.id, unitId: unit.id })).instruments[0]!.aspects[0]!.indicators[0]!;
    expect(restored.requirements.map((r) => r.code)).toContain(hiddenCode);
  });
});

describe('evidence', () => {
  it('attaches several files at once, dedupes identical content by hash, and waits for verification', async () => {
    const { app, api, period, unit, pekppp, first } = await seedYear();
    const key = keyOf(period.id, unit.id, first(pekppp.id));
    const pdf = Buffer.from('%PDF-1.4\nSK Standar Pelayanan\n%%EOF');
    const report = await api['evidence:upload']({
      ...key,
      files: [
        { name: 'SK SP 2026.pdf', data: pdf, lastModified: Date.parse('2026-03-02T10:00:00Z') },
        { name: 'foto-loket.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]) },
        { name: 'virus.exe', data: Buffer.from('MZ...') },
      ],
    });
    expect(report.attached).toHaveLength(2);
    expect(report.rejected).toEqual([{ name: 'virus.exe', message: expect.stringMatching(/\.exe|jenis berkas|tidak diizinkan/i) }]);
    // The file's modification time is not a document date: unknown until a person enters it.
    expect(report.attached[0]).toMatchObject({ kind: 'file', originalName: 'SK SP 2026.pdf', documentDate: null, size: pdf.length });
    const again = await api['evidence:upload']({ ...key, files: [{ name: 'salinan.pdf', data: pdf }] });
    expect(again.reused).toBe(1);
    expect(again.attached[0]!.id).toBe(report.attached[0]!.id);
    expect(app.ctx.db.prepare('SELECT count(*) FROM blobs').pluck().get()).toBe(2);
    const stored = app.ctx.db.prepare('SELECT stored_path FROM blobs').pluck().all() as string[];
    for (const file of stored) expect(fs.existsSync(path.join(app.dataDir, file))).toBe(true);
    const requirement = findRequirement(await api['checklist:get']({ periodId: period.id, unitId: unit.id }), key.requirementCode);
    expect(requirement.status).toBe('menunggu_verifikasi');
    expect(requirement.evidence).toHaveLength(2);
  });

  it('uses one library item for requirements of both instruments; links are evidence too', async () => {
    const { app, api, period, unit, pekppp, ombudsman, first } = await seedYear();
    const pekpppKey = keyOf(period.id, unit.id, first(pekppp.id));
    const omKey = keyOf(period.id, unit.id, first(ombudsman.id));
    const { attached } = await api['evidence:upload']({ ...pekpppKey, files: [{ name: 'SK SP.pdf', data: Buffer.from('%PDF-1.4 sk') }] });
    const reused = await api['evidence:attach-existing']({ ...omKey, evidenceId: attached[0]!.id });
    expect(reused.usageCount).toBe(2);
    const link = await api['evidence:link']({ ...omKey, url: 'https://drive.google.com/file/d/abc', title: 'Folder foto' });
    expect(link).toMatchObject({ kind: 'link', url: 'https://drive.google.com/file/d/abc', title: 'Folder foto' });
    await expect(api['evidence:link']({ ...omKey, url: 'javascript:alert(1)' })).rejects.toThrow(/http:\/\/ atau https:\/\//);
    await expect(api['evidence:link']({ ...omKey, url: 'file:///C:/rahasia.pdf' })).rejects.toThrow(/https/);
    const library = await api['evidence:library']({ unitId: unit.id });
    expect(library.map((item) => item.kind).sort()).toEqual(['file', 'link']);
    const otherUnit = await api['units:list'](undefined);
    const foreign = otherUnit.find((u) => u.id !== unit.id)!;
    await expect(api['evidence:attach-existing']({ ...omKey, unitId: foreign.id, evidenceId: attached[0]!.id })).rejects.toThrow(/unit lain/);
    expect(app.ctx.db.prepare('SELECT count(*) FROM evidence').pluck().get()).toBe(2);
  });

  it('detaches, trashes (recoverably) and restores evidence, with history for every change', async () => {
    const { api, period, unit, pekppp, first } = await seedYear();
    const key = keyOf(period.id, unit.id, first(pekppp.id));
    const { attached } = await api['evidence:upload']({ ...key, files: [{ name: 'notulen.pdf', data: Buffer.from('%PDF-1.4 notulen') }] });
    const evidenceId = attached[0]!.id;
    await api['evidence:trash']({ evidenceId });
    const trashed = findRequirement(await api['checklist:get']({ periodId: period.id, unitId: unit.id }), key.requirementCode);
    expect(trashed.evidence).toHaveLength(0);
    // Nothing left to wait on: the same rule as detaching the last evidence.
    expect(trashed.status).toBe('belum_ada');
    expect(await api['evidence:library']({ unitId: unit.id, onlyDeleted: true })).toHaveLength(1);
    await api['evidence:restore']({ evidenceId });
    const restored = findRequirement(await api['checklist:get']({ periodId: period.id, unitId: unit.id }), key.requirementCode);
    expect(restored.evidence).toHaveLength(1);
    expect(restored.status).toBe('menunggu_verifikasi');
    const detached = await api['evidence:detach']({ ...key, evidenceId });
    expect(detached.evidence).toHaveLength(0);
    expect(detached.status).toBe('belum_ada');
    await api['checklist:set-note']({ ...key, note: 'Minta versi bertanda tangan' });
    const history = await api['checklist:history'](key);
    expect(history.map((entry) => entry.action)).toEqual(['note', 'status', 'evidence-removed', 'status', 'status', 'status', 'evidence-added']);
    expect(history.every((entry) => entry.operator === 'Siti Verifikator')).toBe(true);
    expect(history[1]!.summary).toBe('Status diubah dari "Menunggu verifikasi" menjadi "Belum ada" — bukti terakhir dilepas.');
  });

  it('flags a document dated outside the year window', async () => {
    const { api, period, unit, pekppp, first } = await seedYear();
    const key = keyOf(period.id, unit.id, first(pekppp.id));
    const { attached } = await api['evidence:upload']({ ...key, documentDate: '2019-05-01', files: [{ name: 'lama.pdf', data: Buffer.from('%PDF-1.4 lama') }] });
    expect(attached[0]!.outsideWindow).toBe(true);
    const inside = await api['evidence:link']({ ...key, url: 'https://contoh.go.id/sp', documentDate: '2026-01-10' });
    expect(inside.outsideWindow).toBe(false);
  });

  it('history can never be rewritten', async () => {
    const { app, api, period, unit, pekppp, first } = await seedYear();
    await api['evidence:link']({ ...keyOf(period.id, unit.id, first(pekppp.id)), url: 'https://drive.google.com/file/d/sk' });
    await api['checklist:set-status']({ ...keyOf(period.id, unit.id, first(pekppp.id)), status: 'terverifikasi' });
    expect(() => app.ctx.db.prepare("UPDATE history SET operator = 'x'").run()).toThrow(/tidak boleh diubah/);
    expect(() => app.ctx.db.prepare('DELETE FROM history').run()).toThrow(/tidak boleh dihapus/);
  });
});

describe('carry-over to a new year', () => {
  it('copies requirements and evidence links and resets statuses to "menunggu verifikasi"', async () => {
    const { api, period, unit, other, pekppp, ombudsman, first, checklist } = await seedYear();
    const key = keyOf(period.id, unit.id, first(pekppp.id));
    await api['evidence:upload']({ ...key, files: [{ name: 'SK.pdf', data: Buffer.from('%PDF-1.4 sk') }] });
    await api['checklist:set-status']({ ...key, status: 'terverifikasi' });
    const second = checklist.instruments[0]!.aspects[0]!.indicators[0]!.requirements[1]!;
    await api['checklist:set-status']({ ...keyOf(period.id, unit.id, second), status: 'tidak_berlaku', reason: 'tidak ada layanan' });
    const indicator = checklist.instruments[0]!.aspects[0]!.indicators[0]!;
    await api['checklist:add-requirement']({ periodId: period.id, instrumentId: pekppp.id, indicatorCode: indicator.code, text: 'Persyaratan kantor' });
    const next = await api['periods:create']({ year: 2027, instrumentIds: [pekppp.id, ombudsman.id], copyScopeFromPeriodId: period.id });
    const report = await api['checklist:carry-over']({ fromPeriodId: period.id, toPeriodId: next.id, unitIds: [unit.id] });
    expect(report).toEqual({ units: 1, items: 2, links: 1, customRequirements: 1 });
    const carried = await api['checklist:get']({ periodId: next.id, unitId: unit.id });
    const moved = findRequirement(carried, key.requirementCode);
    expect(moved.status).toBe('menunggu_verifikasi');
    expect(moved.evidence).toHaveLength(1);
    expect(findRequirement(carried, second.code).status).toBe('menunggu_verifikasi');
    expect(carried.instruments[0]!.aspects[0]!.indicators[0]!.requirements.some((r) => r.custom)).toBe(true);
    const untouched = await api['checklist:get']({ periodId: next.id, unitId: other.id });
    expect(untouched.progress.supplied).toBe(0);
    const history = await api['checklist:history']({ ...key, periodId: next.id });
    expect(history[0]!.summary).toMatch(/Dibawa dari tahun 2026/);
  });
});

describe('CLI paths for evidence', () => {
  it('attach from a file path keeps the original name as metadata', async () => {
    const { api, period, unit, pekppp, first, app } = await seedYear();
    const dir = tempDir();
    const file = path.join(dir, 'Berita Acara FKP.pdf');
    fs.writeFileSync(file, '%PDF-1.4 berita acara');
    const { attachFromPaths } = await import('../../../src/server/evidence/evidence-service');
    const report = await attachFromPaths(app.ctx, keyOf(period.id, unit.id, first(pekppp.id)), [file, path.join(dir, 'tidak-ada.pdf')]);
    expect(report.attached[0]).toMatchObject({ originalName: 'Berita Acara FKP.pdf', title: 'Berita Acara FKP' });
    expect(report.rejected).toHaveLength(1);
    void api;
  });
});
