import type { Migration } from './index';

/**
 * Self-assessment: the unit's own level (nilai mandiri) and the office's verified level
 * (nilai verifikasi) per PEKPPP indicator, with ticked elements and reasons; and the
 * office-entered Ombudsman inputs (trust survey result, follow-up of findings).
 */
export const migration003: Migration = {
  version: 3,
  name: 'assessment',
  up(db) {
    db.exec(`
      CREATE TABLE assessments (
        id INTEGER PRIMARY KEY,
        period_id INTEGER NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
        unit_id INTEGER NOT NULL REFERENCES units(id),
        instrument_id INTEGER NOT NULL REFERENCES instruments(id),
        indicator_code TEXT NOT NULL,
        self_level INTEGER CHECK (self_level BETWEEN 0 AND 5),
        verified_level INTEGER CHECK (verified_level BETWEEN 0 AND 5),
        elements TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(elements)),
        override_reason TEXT NOT NULL DEFAULT '',
        justification TEXT NOT NULL DEFAULT '',
        verified_note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        UNIQUE (period_id, unit_id, instrument_id, indicator_code)
      ) STRICT;
      CREATE INDEX assessments_period ON assessments (period_id, unit_id);

      CREATE TABLE ombudsman_inputs (
        period_id INTEGER NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
        unit_id INTEGER NOT NULL REFERENCES units(id),
        instrument_id INTEGER NOT NULL REFERENCES instruments(id),
        trust REAL CHECK (trust BETWEEN 0 AND 100),
        followed_up INTEGER NOT NULL DEFAULT 0 CHECK (followed_up IN (0, 1)),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (period_id, unit_id, instrument_id)
      ) STRICT;
    `);
  },
};
