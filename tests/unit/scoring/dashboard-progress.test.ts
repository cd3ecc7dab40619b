/**
 * The dashboard's progress (the year's figures, also behind the recap and checklist:progress)
 * must equal the checklist's own count by hand, including requirements with no row yet,
 * not-applicable ones and a status left behind on a requirement the office hid.
 */
import { describe, expect, it } from 'vitest';
import { testApp, testHandlers, yearWithBothInstruments } from '../helpers';

describe('dashboard progress', () => {
  it('equals the checklist progress of every unit, by hand for one', async () => {
    const app = testApp();
    const api = testHandlers(app);
    const { units: created, period } = await yearWithBothInstruments(api, ['Dinas Sosial', 'Dinas Perhubungan', 'Dinas Kesehatan']);
    const [dinsos, dishub] = created;
    const checklist = await api['checklist:get']({ periodId: period.id, unitId: dinsos!.id });
    const requirements = checklist.instruments.flatMap((instrument) =>
      instrument.aspects.flatMap((aspect) => aspect.indicators.flatMap((indicator) => indicator.requirements.map((requirement) => ({ instrumentId: instrument.instrumentId, code: requirement.code })))),
    );
    const total = requirements.length;
    const set = async (unitId: number, index: number, status: 'terverifikasi' | 'menunggu_verifikasi' | 'perlu_perbaikan' | 'tidak_berlaku' | 'belum_ada') => {
      const key = { periodId: period.id, unitId, instrumentId: requirements[index]!.instrumentId, requirementCode: requirements[index]!.code };
      // Terverifikasi needs evidence on the requirement.
      if (status === 'terverifikasi') await api['evidence:link']({ ...key, url: `https://drive.google.com/bukti-${unitId}-${index}`, title: 'Bukti' });
      return api['checklist:set-status']({
        periodId: period.id,
        unitId,
        instrumentId: requirements[index]!.instrumentId,
        requirementCode: requirements[index]!.code,
        status,
        ...(status === 'tidak_berlaku' || status === 'perlu_perbaikan' ? { reason: 'alasan' } : {}),
      });
    };
    await set(dinsos!.id, 0, 'terverifikasi');
    await set(dinsos!.id, 1, 'terverifikasi');
    await set(dinsos!.id, 2, 'menunggu_verifikasi');
    await set(dinsos!.id, 3, 'perlu_perbaikan');
    await set(dinsos!.id, 4, 'tidak_berlaku');
    await set(dinsos!.id, 5, 'belum_ada');
    // A verified requirement the office then hides: it no longer counts anywhere.
    const last = requirements.length - 1;
    await set(dinsos!.id, last, 'terverifikasi');
    await set(dishub!.id, last, 'tidak_berlaku');
    await api['checklist:hide-requirement']({ periodId: period.id, instrumentId: requirements[last]!.instrumentId, requirementCode: requirements[last]!.code, reason: 'Tidak dipakai tahun ini' });

    const board = await api['scores:dashboard']({ periodId: period.id });
    const row = board.units.find((unit) => unit.unitId === dinsos!.id)!;
    const applicable = total - 1 - 1; // hidden one gone, one not applicable
    expect(row.progress).toEqual({
      applicable,
      notApplicable: 1,
      supplied: 4,
      verified: 2,
      percentSupplied: Math.round((4 / applicable) * 1000) / 10,
      percentVerified: Math.round((2 / applicable) * 1000) / 10,
    });
    const listed = await api['checklist:progress']({ periodId: period.id });
    for (const unit of board.units) expect(unit.progress).toEqual(listed.find((entry) => entry.unitId === unit.unitId)!.progress);
    expect(board.units.find((unit) => unit.unitId === dishub!.id)!.progress).toMatchObject({ applicable: total - 1, notApplicable: 0, supplied: 0 });
  });
});
