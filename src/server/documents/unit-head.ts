/** The unit head's identity for letters and reminders: one transaction, validated at the boundary. */
import type { z } from 'zod';
import { waNumber } from '../../core/documents/identity';
import type { unitHeadSchema } from '../../shared/channels/documents';
import { AppError } from '../../shared/result';
import type { Unit } from '../../shared/types';
import { isoNow, type ServerContext } from '../context';
import { memoFor } from '../db/memo';
import { unitsRepository } from '../units/units-repository';

type Input = z.output<typeof unitHeadSchema>;
type HeadFields = Omit<Input, 'id'>;

/**
 * Write the head fields given (left out = kept, '' = cleared) inside the caller's
 * transaction; units:create and units:update call it too, so a unit and its head are
 * saved together or not at all.
 */
export function applyUnitHead(ctx: ServerContext, unitId: number, input: HeadFields): void {
  const repo = memoFor(ctx.db, unitsRepository);
  const unit = repo.get(unitId);
  if (!unit) throw new AppError('NOT_FOUND', `Unit dengan ID ${unitId} tidak ditemukan.`);
  const pick = (value: string | null | undefined, current: string | null) => (value === undefined ? current : value || null);
  // Stored in the international form the wa.me link needs: +62812…
  const phone = input.headPhone === undefined ? unit.headPhone : input.headPhone === '' ? null : `+${waNumber(input.headPhone)}`;
  repo.setHead(
    unit.id,
    {
      headName: pick(input.headName, unit.headName),
      headRank: pick(input.headRank, unit.headRank),
      headNip: pick(input.headNip, unit.headNip),
      headPhone: phone,
      headEmail: pick(input.headEmail, unit.headEmail),
    },
    isoNow(ctx),
  );
}

export function setUnitHead(ctx: ServerContext, input: Input): Unit {
  return ctx.db
    .transaction(() => {
      applyUnitHead(ctx, input.id, input);
      return memoFor(ctx.db, unitsRepository).get(input.id)!;
    })
    .immediate();
}
