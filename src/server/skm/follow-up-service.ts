/** The follow-up plan (RTL) of a unit's SKM: kegiatan, waktu, penanggung jawab, selesai. */
import type { ParsedInput } from '../../shared/contract';
import { AppError } from '../../shared/result';
import type { SkmFollowUp } from '../../shared/skm-types';
import { isoNow, type ServerContext } from '../context';
import { getUnit } from '../units/units-service';
import { skmScheme } from './scheme-store';
import { skmRepo, type FollowUpRow } from './skm-repository';

const toFollowUp = (row: FollowUpRow): SkmFollowUp => ({
  id: row.id,
  unsurCode: row.unsur_code,
  activity: row.activity,
  schedule: row.schedule,
  responsible: row.responsible,
  done: row.done === 1,
});

export function listFollowUps(ctx: ServerContext, unitId: number, year: number, semester: number): SkmFollowUp[] {
  return skmRepo(ctx.db).followUps.all(unitId, year, semester).map(toFollowUp);
}

export function saveFollowUp(ctx: ServerContext, input: ParsedInput<'skm:follow-up-save'>): SkmFollowUp[] {
  const repo = skmRepo(ctx.db);
  getUnit(ctx, { id: input.unitId });
  if (input.unsurCode !== null && !skmScheme(ctx).unsur.some((unsur) => unsur.code === input.unsurCode)) {
    throw new AppError('VALIDATION', `Unsur "${input.unsurCode}" tidak dikenal.`, { fields: { unsurCode: 'Pilih unsur dari daftar.' } });
  }
  const values = {
    unsurCode: input.unsurCode,
    activity: input.activity,
    schedule: input.schedule ?? '',
    responsible: input.responsible ?? '',
    done: input.done ? 1 : 0,
    now: isoNow(ctx),
  };
  ctx.db
    .transaction(() => {
      if (input.id === undefined) {
        repo.insertFollowUp.run({ ...values, unitId: input.unitId, year: input.year, semester: input.semester });
        return;
      }
      const row = repo.followUp.get(input.id);
      if (!row || row.unit_id !== input.unitId) throw new AppError('NOT_FOUND', 'Baris RTL tidak ditemukan; mungkin sudah dihapus.');
      repo.updateFollowUp.run({ ...values, id: input.id });
    })
    .immediate();
  return listFollowUps(ctx, input.unitId, input.year, input.semester);
}

export function deleteFollowUp(ctx: ServerContext, input: ParsedInput<'skm:follow-up-delete'>): SkmFollowUp[] {
  const repo = skmRepo(ctx.db);
  const row = repo.followUp.get(input.id);
  if (!row) throw new AppError('NOT_FOUND', 'Baris RTL tidak ditemukan; mungkin sudah dihapus.');
  ctx.db.transaction(() => repo.deleteFollowUp.run(input.id)).immediate();
  return listFollowUps(ctx, row.unit_id, row.year, row.semester);
}
