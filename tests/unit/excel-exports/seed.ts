/**
 * A small, realistic year for the export tests: two units in two groups, self and
 * verified levels, files (two uploads with the same name in one indicator, one file
 * reused by an Ombudsman requirement), a web link, every status, and notes that look
 * like formulas.
 */
import type { Checklist, ChecklistRequirement } from '../../../src/shared/types';
import { testApp, testHandlers } from '../helpers';

export const FORMULA_NOTE = '=SUM(A1) dokumen belum ditandatangani';
export const AT_NOTE = '@cmd /c calc';
export const FULLWIDTH_NOTE = '＝1+1 penjelasan unit';
export const LINK_URL = 'https://drive.google.com/drive/folders/abc123';

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n${text}\n%%EOF\n`);

export function requirementAt(checklist: Checklist, family: 'pekppp' | 'ombudsman', indicatorCode: string, index = 0): ChecklistRequirement {
  const instrument = checklist.instruments.find((item) => item.family === family)!;
  const indicator = instrument.aspects.flatMap((aspect) => aspect.indicators).find((item) => item.code === indicatorCode)!;
  return indicator.requirements[index]!;
}

export async function seedYear() {
  const app = testApp();
  const api = testHandlers(app);
  await api['settings:update']({ operatorName: 'Siti Verifikator', localGovernmentName: 'Kabupaten Contoh' });
  const instruments = await api['instruments:list'](undefined);
  const pekppp = instruments.find((item) => item.code === 'pekppp-2022-a')!;
  const ombudsman = instruments.find((item) => item.code === 'ombudsman-2025')!;
  const unit = await api['units:create']({ name: 'Dinas Sosial', groupName: 'Perangkat Daerah', shortName: 'Dinsos', headName: 'Dra. Ani Lestari' });
  const other = await api['units:create']({ name: 'Kecamatan Barat', groupName: 'Kecamatan', shortName: null, headName: null });
  const period = await api['periods:create']({ year: 2026, instrumentIds: [pekppp.id, ombudsman.id], deadline: '2026-12-04', unitIds: [unit.id, other.id] });
  const base = { periodId: period.id, unitId: unit.id };

  const levels: Array<[string, number, number | null]> = [['i01', 4, 3], ['i02', 3, 3], ['i06', 5, 4], ['i10', 2, 2], ['i14', 4, null], ['i16', 3, 3], ['i21', 4, 4], ['i25', 2, 1], ['i29', 3, 3]];
  for (const [code, self, verified] of levels) {
    await api['assessment:set']({ ...base, indicatorCode: code, level: self });
    if (verified !== null) await api['assessment:set']({ ...base, indicatorCode: code, level: verified, verified: true });
  }
  await api['assessment:set']({ ...base, indicatorCode: 'i01', justification: FULLWIDTH_NOTE });
  await api['assessment:set']({ periodId: period.id, unitId: other.id, indicatorCode: 'i01', level: 2 });
  await api['assessment:set']({ periodId: period.id, unitId: other.id, indicatorCode: 'i14', level: 3 });

  const checklist = await api['checklist:get'](base);
  const key = (requirement: ChecklistRequirement) => ({ ...base, instrumentId: requirement.instrumentId, requirementCode: requirement.code });
  const sp1 = requirementAt(checklist, 'pekppp', 'i01', 0);
  const sp2 = requirementAt(checklist, 'pekppp', 'i01', 1);
  const om = requirementAt(checklist, 'ombudsman', 'om-sp-penetapan', 0);
  const om2 = requirementAt(checklist, 'ombudsman', 'om-maklumat', 0);
  const first = await api['evidence:upload']({ ...key(sp1), files: [{ name: 'SK SP.pdf', data: pdf('SK Standar Pelayanan 2026'), lastModified: Date.parse('2026-03-02T10:00:00Z') }] });
  await api['evidence:upload']({ ...key(sp2), files: [{ name: 'SK SP.pdf', data: pdf('SK revisi melibatkan masyarakat'), lastModified: Date.parse('2026-04-10T10:00:00Z') }] });
  await api['evidence:attach-existing']({ ...key(om), evidenceId: first.attached[0]!.id });
  await api['evidence:upload']({ ...key(om2), files: [{ name: 'Maklumat Pelayanan.pdf', data: pdf('Maklumat') }] });
  await api['evidence:link']({ ...key(om2), url: LINK_URL, title: 'Foto papan maklumat' });

  await api['checklist:set-status']({ ...key(sp1), status: 'terverifikasi' });
  await api['checklist:set-status']({ ...key(sp2), status: 'perlu_perbaikan', reason: 'Tanda tangan belum ada' });
  await api['checklist:set-status']({ ...key(om), status: 'terverifikasi' });
  await api['checklist:set-status']({ ...key(requirementAt(checklist, 'pekppp', 'i01', 2)), status: 'tidak_berlaku', reason: 'Layanan tidak dipungut biaya' });
  await api['checklist:set-note']({ ...key(sp2), note: FORMULA_NOTE });
  await api['checklist:set-note']({ ...key(om2), note: AT_NOTE });
  await api['ombudsman:set-inputs']({ ...base, trust: 82.5, followedUp: true });

  return { app, api, period, unit, other, pekppp, ombudsman };
}

export type Seeded = Awaited<ReturnType<typeof seedYear>>;
