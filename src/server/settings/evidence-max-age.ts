/**
 * Maximum document age per requirement kind (Pengaturan › Aturan bukti). There is no
 * default: no regulation publishes one, so until the office sets a value a kind has no
 * age limit and only the year's evidence window decides *kedaluwarsa*.
 */
import { NO_MAX_AGE, REQUIREMENT_KINDS, type MaxAgeMonths } from '../../core/checklist/rules';
import type { ParsedInput } from '../../shared/contract';
import type { EvidenceRules } from '../../shared/types';
import type { ServerContext } from '../context';
import type { Db } from '../db/connection';
import { memoFor } from '../db/memo';

const KEY_PREFIX = 'evidenceMaxAgeMonths.';

function maxAgeRepository(db: Db) {
  return {
    all: db.prepare<[string], { key: string; value: string }>("SELECT key, value FROM settings WHERE key LIKE ? || '%'"),
    upsert: db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    remove: db.prepare('DELETE FROM settings WHERE key = ?'),
  };
}

export function getMaxAgeMonths(ctx: ServerContext): MaxAgeMonths {
  const result: MaxAgeMonths = { ...NO_MAX_AGE };
  for (const row of memoFor(ctx.db, maxAgeRepository).all.all(KEY_PREFIX)) {
    const kind = row.key.slice(KEY_PREFIX.length);
    const months = Number(row.value);
    // A hand-edited or damaged value is ignored rather than trusted.
    if ((REQUIREMENT_KINDS as readonly string[]).includes(kind) && Number.isInteger(months) && months > 0) {
      result[kind as keyof MaxAgeMonths] = months;
    }
  }
  return result;
}

export function getEvidenceRules(ctx: ServerContext): EvidenceRules {
  return { maxAgeMonths: getMaxAgeMonths(ctx) };
}

export function updateEvidenceRules(ctx: ServerContext, input: ParsedInput<'evidence-rules:update'>): EvidenceRules {
  const repo = memoFor(ctx.db, maxAgeRepository);
  ctx.db
    .transaction(() => {
      for (const kind of REQUIREMENT_KINDS) {
        const value = input.maxAgeMonths[kind];
        if (value === undefined) continue;
        if (value === null) repo.remove.run(`${KEY_PREFIX}${kind}`);
        else repo.upsert.run(`${KEY_PREFIX}${kind}`, String(value));
      }
    })
    .immediate();
  return getEvidenceRules(ctx);
}
