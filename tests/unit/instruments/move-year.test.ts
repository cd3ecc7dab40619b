import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InstrumentDefinition } from '../../../src/core/instrument/schema';
import type { ChecklistRequirement } from '../../../src/shared/types';
import { tempDir, testApp, testHandlers, type TestApi } from '../helpers';

const requirementsOf = (checklist: Awaited<ReturnType<TestApi['checklist:get']>>): ChecklistRequirement[] =>
  checklist.instruments.flatMap((instrument) => instrument.aspects.flatMap((aspect) => aspect.indicators.flatMap((indicator) => indicator.requirements)));

/** A seeded 2026 on PEKPPP 2022.1: statuses, an evidence link and levels for two units. */
async function seeded() {
  const app = testApp();
  const api = testHandlers(app);
  const instruments = await api['instruments:list'](undefined);
  const pekppp = instruments.find((item) => item.code === 'pekppp-2022-a')!;
  const a = await api['units:create']({ name: 'Dinas Sosial', groupName: 'Perangkat Daerah' });
  const b = await api['units:create']({ name: 'Dinas Kesehatan', groupName: 'Perangkat Daerah' });
  const period = await api['periods:create']({ year: 2026, instrumentIds: [pekppp.id], unitIds: [a.id, b.id] });
  const key = (unitId: number, requirementCode: string) => ({ periodId: period.id, unitId, instrumentId: pekppp.id, requirementCode });
  await api['evidence:link']({ ...key(a.id, '1.sk-penetapan-sp'), url: 'https://drive.google.com/sk-sp', title: 'SK SP' });
  await api['checklist:set-status']({ ...key(a.id, '1.sk-penetapan-sp'), status: 'terverifikasi' });
  await api['checklist:set-status']({ ...key(a.id, '1.laporan-fkp'), status: 'menunggu_verifikasi' });
  await api['checklist:set-status']({ ...key(b.id, '1.daftar-jenis-layanan'), status: 'perlu_perbaikan', reason: 'Belum lengkap' });
  await api['assessment:set']({ periodId: period.id, unitId: a.id, indicatorCode: 'i01', level: 4 });
  await api['assessment:set']({ periodId: period.id, unitId: a.id, indicatorCode: 'i02', level: 3 });
  await api['assessment:set']({ periodId: period.id, unitId: b.id, indicatorCode: 'i02', level: 2, verified: true });
  const full = await api['instruments:get']({ id: pekppp.id });
  return { app, api, a, b, period, pekppp: full };
}

/** Next year's edition: a renamed requirement, a split requirement and a renamed indicator. */
async function importEdited(api: TestApi, definition: InstrumentDefinition): Promise<number> {
  const next = structuredClone(definition);
  next.version = '2026.1';
  const i01 = next.aspects[0]!.indicators[0]!;
  i01.requirements = i01.requirements.flatMap((requirement) => {
    if (requirement.code === '1.sk-penetapan-sp') return [{ ...requirement, code: '1.sk-sp' }];
    if (requirement.code === '1.laporan-fkp') return [{ ...requirement, code: '1.fkp-undangan' }, { ...requirement, code: '1.fkp-laporan', text: 'Laporan FKP' }];
    return [requirement];
  });
  next.aspects[0]!.indicators[1]!.code = 'i02-pelibatan';
  const file = path.join(tempDir(), 'pekppp-2026.json');
  fs.writeFileSync(file, JSON.stringify(next));
  const preview = await api['instruments:import-preview']({ file });
  expect(preview?.problems).toEqual([]);
  return (await api['instruments:import-apply']({ file, token: preview!.token })).id;
}

describe('move a year to a new instrument version', () => {
  it('preview shows what moves and what is left; apply keeps every mapped item after a verified backup', async () => {
    const { app, api, a, b, period, pekppp } = await seeded();
    const toId = await importEdited(api, pekppp.definition);
    const base = { periodId: period.id, fromInstrumentId: pekppp.id, toInstrumentId: toId };

    const untouched = await api['instruments:move-preview'](base);
    expect(untouched.unmapped.map((row) => row.code).sort()).toEqual(['1.laporan-fkp', '1.sk-penetapan-sp', 'i02']);
    expect(untouched.fresh.map((row) => row.code)).toEqual(expect.arrayContaining(['i02-pelibatan', '1.sk-sp', '1.fkp-undangan', '1.fkp-laporan']));

    const mapping = {
      indicators: { i02: ['i02-pelibatan'] },
      requirements: { '1.sk-penetapan-sp': ['1.sk-sp'], '1.laporan-fkp': ['1.fkp-undangan', '1.fkp-laporan'] },
    };
    const merged = await api['instruments:move-preview']({ ...base, mapping: { requirements: { '1.laporan-fkp': ['1.sk-sp'], '1.sk-penetapan-sp': ['1.sk-sp'] } } });
    expect(merged.problems.join(' ')).toContain('pilih satu');
    await expect(api['instruments:move-apply']({ ...base, mapping: merged.mapping, token: merged.token })).rejects.toMatchObject({ code: 'VALIDATION' });

    const preview = await api['instruments:move-preview']({ ...base, mapping });
    expect(preview.problems).toEqual([]);
    expect(preview.unmapped).toEqual([]);
    const backupsBefore = app.backups.list().length;
    const result = await api['instruments:move-apply']({ ...base, mapping, token: preview.token });
    expect(result).toMatchObject({ toInstrumentId: toId, levelsMoved: 3, itemsCopied: 1 });
    expect(app.backups.list()).toHaveLength(backupsBefore + 1);
    expect(app.backups.list()[0]).toMatchObject({ id: result.backupId, verified: true });

    const detail = await api['periods:get']({ id: period.id });
    expect(detail.instruments.map((item) => item.id)).toEqual([toId]);
    const checklistA = requirementsOf(await api['checklist:get']({ periodId: period.id, unitId: a.id }));
    const byCode = new Map(checklistA.map((item) => [item.code, item]));
    expect(byCode.get('1.sk-sp')).toMatchObject({ status: 'terverifikasi', instrumentId: toId });
    expect(byCode.get('1.sk-sp')!.evidence.map((item) => item.url)).toEqual(['https://drive.google.com/sk-sp']);
    expect(byCode.get('1.fkp-undangan')!.status).toBe('menunggu_verifikasi');
    expect(byCode.get('1.fkp-laporan')!.status).toBe('menunggu_verifikasi');
    const checklistB = requirementsOf(await api['checklist:get']({ periodId: period.id, unitId: b.id }));
    expect(checklistB.find((item) => item.code === '1.daftar-jenis-layanan')).toMatchObject({ status: 'perlu_perbaikan', reason: 'Belum lengkap' });

    const assessmentA = await api['assessment:get']({ periodId: period.id, unitId: a.id });
    const levelsA = new Map(assessmentA.aspects.flatMap((aspect) => aspect.indicators).map((indicator) => [indicator.code, indicator.selfLevel]));
    expect(levelsA.get('i01')).toBe(4);
    expect(levelsA.get('i02-pelibatan')).toBe(3);
    const assessmentB = await api['assessment:get']({ periodId: period.id, unitId: b.id });
    expect(assessmentB.aspects.flatMap((aspect) => aspect.indicators).find((indicator) => indicator.code === 'i02-pelibatan')!.verifiedLevel).toBe(2);
  });

  it('refuses a stale preview', async () => {
    const { api, a, period, pekppp } = await seeded();
    const toId = await importEdited(api, pekppp.definition);
    const base = { periodId: period.id, fromInstrumentId: pekppp.id, toInstrumentId: toId };
    const preview = await api['instruments:move-preview'](base);
    await api['checklist:set-status']({ periodId: period.id, unitId: a.id, instrumentId: pekppp.id, requirementCode: '2.ba-kesepakatan', status: 'menunggu_verifikasi' }).catch(() => undefined);
    await api['assessment:set']({ periodId: period.id, unitId: a.id, indicatorCode: 'i05', level: 1 });
    await expect(api['instruments:move-apply']({ ...base, token: preview.token })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
