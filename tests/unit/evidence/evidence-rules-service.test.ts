import crypto from 'node:crypto';
/** Evidence rules through the real handlers: every path that changes a status obeys src/core/checklist/rules.ts. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/server/api/dispatch';
import { createHandlers } from '../../../src/server/api/handlers';
import { loadDefaultInstruments } from '../../../src/server/instruments/instruments-service';
import type { Checklist, ChecklistRequirement, Unit } from '../../../src/shared/types';
import { RESOURCES, tempDir, testApp, testHandlers } from '../helpers';

async function seed() {
  const app = testApp();
  const api = testHandlers(app);
  const instruments = await api['instruments:list'](undefined);
  const pekppp = instruments.find((item) => item.code === 'pekppp-2022-a')!;
  const ombudsman = instruments.find((item) => item.code === 'ombudsman-2025')!;
  const created: Unit[] = [];
  for (const [name, groupName] of [['Kecamatan Barat', 'Kecamatan'], ['UPTD Puskesmas Barat', 'Puskesmas'], ['Dinas Sosial', 'Perangkat Daerah']] as const) {
    created.push(await api['units:create']({ name, groupName, shortName: null, headName: null }));
  }
  const period = await api['periods:create']({ year: 2026, instrumentIds: [pekppp.id, ombudsman.id], unitIds: created.map((unit) => unit.id) });
  const checklist = await api['checklist:get']({ periodId: period.id, unitId: created[0]!.id });
  const requirements = checklist.instruments[0]!.aspects[0]!.indicators[0]!.requirements;
  const key = (requirement: ChecklistRequirement, unitId = created[0]!.id) => ({ periodId: period.id, unitId, instrumentId: requirement.instrumentId, requirementCode: requirement.code });
  return { app, api, period, units: created, pekppp, ombudsman, requirements, key };
}

function find(checklist: Checklist, code: string): ChecklistRequirement {
  for (const instrument of checklist.instruments)
    for (const aspect of instrument.aspects) for (const indicator of aspect.indicators) for (const requirement of indicator.requirements) if (requirement.code === code) return requirement;
  throw new Error(code);
}

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n${text}\n%%EOF`);

describe('terverifikasi needs a file or link', () => {
  it('refuses with EVIDENCE_REQUIRED and a message pointing to tidak berlaku, changing nothing', async () => {
    const { app, api, requirements, key } = await seed();
    const raw = createHandlers(app, { host: 'preview' });
    const result = await dispatch(raw, 'checklist:set-status', { ...key(requirements[0]!), status: 'terverifikasi' });
    expect(result).toMatchObject({ ok: false, error: { code: 'EVIDENCE_REQUIRED', message: expect.stringMatching(/Tidak berlaku/) } });
    expect(app.ctx.db.prepare("SELECT count(*) FROM checklist_items WHERE status = 'terverifikasi'").pluck().get()).toBe(0);
    expect(app.ctx.db.prepare('SELECT count(*) FROM history').pluck().get()).toBe(0);
    // Tidak berlaku stays possible without evidence.
    await expect(api['checklist:set-status']({ ...key(requirements[0]!), status: 'tidak_berlaku', reason: 'Tidak ada layanan tatap muka' })).resolves.toMatchObject({ status: 'tidak_berlaku' });
  });

  it('trashed evidence does not count', async () => {
    const { api, requirements, key } = await seed();
    const { attached } = await api['evidence:upload']({ ...key(requirements[0]!), files: [{ name: 'SK.pdf', data: pdf('sk') }] });
    await api['evidence:trash']({ evidenceId: attached[0]!.id });
    await expect(api['checklist:set-status']({ ...key(requirements[0]!), status: 'terverifikasi' })).rejects.toThrow(/belum punya berkas atau tautan/);
  });
});

describe('new evidence re-queues a judged requirement', () => {
  it('upload, link and attach-existing move terverifikasi and perlu perbaikan back to menunggu, with history saying why, and return the requirement', async () => {
    const { api, requirements, key } = await seed();
    const [first, second] = requirements as [ChecklistRequirement, ChecklistRequirement];
    const upload = await api['evidence:upload']({ ...key(first), files: [{ name: 'SK SP.pdf', data: pdf('sk sp') }] });
    expect(upload.requirement).toMatchObject({ code: first.code, status: 'menunggu_verifikasi' });
    expect(upload.requirement.evidence.map((item) => item.id)).toEqual([upload.attached[0]!.id]);
    await api['checklist:set-status']({ ...key(first), status: 'terverifikasi' });

    const link = await api['evidence:link']({ ...key(first), url: 'https://drive.google.com/file/d/revisi', documentDate: '2026-04-01' });
    expect(link.requirement).toMatchObject({ status: 'menunggu_verifikasi', verifiedBy: null });
    expect(link.requirement.evidence).toHaveLength(2);
    const history = await api['checklist:history'](key(first));
    expect(history[0]!.summary).toBe('Status diubah dari "Terverifikasi" menjadi "Menunggu verifikasi" — bukti baru ditambahkan pada persyaratan yang sudah terverifikasi; perlu diverifikasi ulang.');

    await api['evidence:link']({ ...key(second), url: 'https://drive.google.com/file/d/ba', documentDate: '2026-04-01' });
    await api['checklist:set-status']({ ...key(second), status: 'perlu_perbaikan', reason: 'Belum ditandatangani' });
    const reused = await api['evidence:attach-existing']({ ...key(second), evidenceId: upload.attached[0]!.id });
    expect(reused.requirement).toMatchObject({ code: second.code, status: 'menunggu_verifikasi', reason: '' });
    expect((await api['checklist:history'](key(second)))[0]!.summary).toMatch(/setelah diminta perbaikan/);
  });

  it('re-linking evidence already on the requirement changes nothing', async () => {
    const { api, requirements, key } = await seed();
    const link = await api['evidence:link']({ ...key(requirements[0]!), url: 'https://drive.google.com/file/d/x' });
    await api['checklist:set-status']({ ...key(requirements[0]!), status: 'terverifikasi' });
    const again = await api['evidence:link']({ ...key(requirements[0]!), url: 'https://drive.google.com/file/d/x' });
    expect(again.id).toBe(link.id);
    expect(again.requirement.status).toBe('terverifikasi');
  });

  it('detaching the last evidence of a verified requirement leaves it belum ada', async () => {
    const { api, requirements, key } = await seed();
    const link = await api['evidence:link']({ ...key(requirements[0]!), url: 'https://drive.google.com/file/d/x' });
    await api['checklist:set-status']({ ...key(requirements[0]!), status: 'terverifikasi' });
    const detached = await api['evidence:detach']({ ...key(requirements[0]!), evidenceId: link.id });
    expect(detached).toMatchObject({ status: 'belum_ada', evidence: [] });
  });
});

describe('tanggal dokumen and kedaluwarsa', () => {
  it('never takes the file modification time; empty means unknown', async () => {
    const { api, requirements, key } = await seed();
    const report = await api['evidence:upload']({ ...key(requirements[0]!), files: [{ name: 'foto.pdf', data: pdf('foto'), lastModified: Date.parse('2026-06-01T10:00:00Z') }] });
    expect(report.attached[0]).toMatchObject({ documentDate: null, expired: false, outsideWindow: false });
    const dated = await api['evidence:upload']({ ...key(requirements[1]!), documentDate: '2026-02-10', files: [{ name: 'sk.pdf', data: pdf('sk') }] });
    expect(dated.attached[0]!.documentDate).toBe('2026-02-10');
  });

  it('flags a document outside the window, and one older than the maximum age set for its kind', async () => {
    const { api, period, units, requirements, key } = await seed();
    const [first, second] = requirements as [ChecklistRequirement, ChecklistRequirement];
    await api['evidence:link']({ ...key(first), url: 'https://contoh.go.id/lama', documentDate: '2024-06-30' });
    await api['evidence:link']({ ...key(second), url: 'https://contoh.go.id/baru', documentDate: '2025-03-01' });
    let checklist = await api['checklist:get']({ periodId: period.id, unitId: units[0]!.id });
    expect(find(checklist, first.code)).toMatchObject({ expired: true, evidence: [expect.objectContaining({ expired: true, expiredReason: expect.stringMatching(/di luar rentang/) })] });
    expect(find(checklist, second.code).expired).toBe(false);

    // No default: until the office sets an age, only the window decides.
    expect(await api['evidence-rules:get'](undefined)).toEqual({ maxAgeMonths: { dokumen: null, foto: null, tautan: null, data: null } });
    const kind = second.kind as 'dokumen' | 'foto' | 'tautan' | 'data';
    await api['evidence-rules:update']({ maxAgeMonths: { [kind]: 12 } });
    checklist = await api['checklist:get']({ periodId: period.id, unitId: units[0]!.id });
    expect(find(checklist, second.code)).toMatchObject({ expired: true, evidence: [expect.objectContaining({ expiredReason: expect.stringMatching(/lebih tua dari batas 12 bulan/) })] });

    const steps = await api['gaps:renewals']({ periodId: period.id, unitId: units[0]!.id });
    expect(steps.map((step) => step.requirementCode)).toEqual([first.code, second.code]);
    expect(steps[0]!.title).toMatch(/^Perbarui bukti: /);

    await api['evidence-rules:update']({ maxAgeMonths: { [kind]: null } });
    expect((await api['evidence-rules:get'](undefined)).maxAgeMonths[kind]).toBeNull();
  });

  it('validates the maximum age in Indonesian', async () => {
    const { api } = await seed();
    await expect(api['evidence-rules:update']({ maxAgeMonths: { foto: 0 } })).rejects.toThrow(/paling sedikit 1 bulan/);
    await expect(api['evidence-rules:update']({ maxAgeMonths: { foto: 2.5 } })).rejects.toThrow(/bilangan bulat/);
    await expect(api['evidence-rules:update']({ maxAgeMonths: { video: 3 } as never })).rejects.toThrow();
  });
});

describe('the same file in several units', () => {
  it('flags each checklist with the other units and lists the file in the cross-unit report', async () => {
    const { api, period, units, requirements, key } = await seed();
    const [kecamatan, puskesmas, dinsos] = units as [(typeof units)[0], (typeof units)[0], (typeof units)[0]];
    await api['evidence:upload']({ ...key(requirements[0]!, kecamatan.id), files: [{ name: 'SK Maklumat.pdf', data: pdf('maklumat') }] });
    await api['evidence:upload']({ ...key(requirements[1]!, puskesmas.id), files: [{ name: 'maklumat (1).pdf', data: pdf('maklumat') }] });
    await api['evidence:upload']({ ...key(requirements[0]!, dinsos.id), files: [{ name: 'lain.pdf', data: pdf('lain') }] });

    const ofKecamatan = await api['checklist:get']({ periodId: period.id, unitId: kecamatan.id });
    expect(find(ofKecamatan, requirements[0]!.code).sharedWith).toEqual(['UPTD Puskesmas Barat']);
    expect(find(ofKecamatan, requirements[0]!.code).evidence[0]!.sharedWith).toEqual(['UPTD Puskesmas Barat']);
    const ofPuskesmas = await api['checklist:get']({ periodId: period.id, unitId: puskesmas.id });
    expect(find(ofPuskesmas, requirements[1]!.code).sharedWith).toEqual(['Kecamatan Barat']);
    expect(find(await api['checklist:get']({ periodId: period.id, unitId: dinsos.id }), requirements[0]!.code).sharedWith).toEqual([]);

    const shared = await api['evidence:shared-files']({ periodId: period.id });
    expect(shared).toHaveLength(1);
    expect(shared[0]).toMatchObject({ title: 'SK Maklumat', units: [expect.objectContaining({ unitName: 'Kecamatan Barat' }), expect.objectContaining({ unitName: 'UPTD Puskesmas Barat' })] });
    expect(shared[0]!.units[1]!.requirements).toEqual([expect.objectContaining({ code: requirements[1]!.code, text: requirements[1]!.text })]);
  });
});

describe('instruments and years', () => {
  it('the shipped PEKPPP instrument covers 2026 onward, with a note saying why', async () => {
    const { api } = await seed();
    const pekppp = (await api['instruments:list'](undefined)).find((item) => item.code === 'pekppp-2022-a')!;
    expect(pekppp).toMatchObject({ yearsFrom: 2022, yearsTo: null, version: '2022.2' });
    expect(pekppp.yearsNote).toMatch(/pedoman/);
  });

  it('an existing database that holds the old 2022–2025 version gets the open-ended one on start, the old one kept as stored', async () => {
    const dataDir = tempDir();
    const first = testApp({ dataDir });
    // Make the database look like one created by the previous release: 2022.1 with years to 2025.
    const oldFile = JSON.parse(fs.readFileSync(path.join(RESOURCES, 'instruments', 'pekppp-2022-a.json'), 'utf8'));
    oldFile.version = '2022.1';
    oldFile.years = { from: 2022, to: 2025 };
    const json = JSON.stringify(oldFile);
    const sha256 = crypto.createHash('sha256').update(json).digest('hex');
    first.ctx.db.prepare("UPDATE instruments SET version = '2022.1', definition = ?, sha256 = ? WHERE code = 'pekppp-2022-a'").run(json, sha256);
    first.close();
    const second = testApp({ dataDir });
    expect(loadDefaultInstruments(second.ctx).added).toBe(0);
    const list = (await testHandlers(second)['instruments:list'](undefined)).filter((item) => item.code === 'pekppp-2022-a');
    expect(list.map((item) => [item.version, item.yearsTo])).toEqual([
      ['2022.1', 2025],
      ['2022.2', null],
    ]);
  });

  it('creating a year with an instrument that does not cover it needs force', async () => {
    const { app, api } = await seed();
    const ombudsman2013 = (await api['instruments:list'](undefined)).find((item) => item.code === 'ombudsman-2013')!;
    const raw = createHandlers(app, { host: 'preview' });
    const refused = await dispatch(raw, 'periods:create', { year: 2027, instrumentIds: [ombudsman2013.id] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INSTRUMENT_OUT_OF_RANGE', message: expect.stringMatching(/tidak berlaku untuk tahun 2027/) } });
    expect((await api['periods:list'](undefined)).map((period) => period.year)).toEqual([2026]);
    const forced = await api['periods:create']({ year: 2027, instrumentIds: [ombudsman2013.id], force: true });
    expect(forced.year).toBe(2027);
    // Saving that year again (e.g. a new deadline) keeps its confirmed instrument without asking again.
    await expect(api['periods:update']({ id: forced.id, instrumentIds: [ombudsman2013.id], deadline: '2027-11-30' })).resolves.toMatchObject({ deadline: '2027-11-30' });
  });

  it('adding an uncovered instrument to an existing year also needs force', async () => {
    const { app, api, period, pekppp } = await seed();
    const ombudsman2022 = (await api['instruments:list'](undefined)).find((item) => item.code === 'ombudsman-2022')!;
    const raw = createHandlers(app, { host: 'preview' });
    const refused = await dispatch(raw, 'periods:update', { id: period.id, instrumentIds: [pekppp.id, ombudsman2022.id] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INSTRUMENT_OUT_OF_RANGE' } });
    expect((await api['periods:get']({ id: period.id })).instruments.map((item) => item.code).sort()).toEqual(['ombudsman-2025', 'pekppp-2022-a']);
    const saved = await api['periods:update']({ id: period.id, instrumentIds: [pekppp.id, ombudsman2022.id], force: true });
    expect(saved.instruments.map((item) => item.code).sort()).toEqual(['ombudsman-2022', 'pekppp-2022-a']);
  });
});
