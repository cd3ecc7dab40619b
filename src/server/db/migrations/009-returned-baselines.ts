import type { Migration } from './index';

/**
 * What a unit's returned workbook last gave, per requirement row and per F-01 indicator,
 * once the office applied it. A unit that keeps editing the same workbook after an apply
 * is compared with what it already sent, not with the original export: without this
 * every row applied earlier looked "changed by the office since export" (a false
 * conflict), because the apply itself moved the requirement's updated_at.
 *
 * `sent` is the workbook's own values (JSON); `updated_at` is the requirement's
 * updated_at right after the apply (null for levels), so a later change by the office is
 * still recognised as one.
 */
export const migration009: Migration = {
  version: 9,
  name: 'returned-baselines',
  up(db) {
    db.exec(`
      CREATE TABLE returned_baselines (
        period_id INTEGER NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
        unit_id INTEGER NOT NULL REFERENCES units(id),
        target TEXT NOT NULL CHECK (target IN ('item', 'level')),
        key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
        sent TEXT NOT NULL CHECK (json_valid(sent)),
        updated_at TEXT,
        applied_at TEXT NOT NULL,
        PRIMARY KEY (period_id, unit_id, target, key)
      ) STRICT;
    `);
  },
};
