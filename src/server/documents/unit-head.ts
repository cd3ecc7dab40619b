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

/** Fields left out keep their value; '' (or null) clears one. */
export function setUnitHead(ctx: ServerContext, input: Input): Unit {
  const repo = memoFor(ctx.db, unitsRepository);
  return ctx.db
    .transaction(() => {
      const unit = repo.get(input.id);
      if (!unit) throw new AppError('NOT_FOUND', `Unit dengan ID ${input.id} tidak ditemukan.`);
      const pick = (value: string | null | undefined, current: string | null) => (value === undefined ? current : value || null);
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
      return repo.get(unit.id)!;
    })
    .immediate();
}
