import type { Migration } from './index';

/**
 * Collection from units (kit isian unit): one kit per unit and year whose id survives
 * re-exports, the year's collection folder, and what was received from each kit (path
 * inside the kit, content hash, time, sender) so a rescan never takes a file twice.
 */
export const migration004: Migration = {
  version: 4,
  name: 'intake',
  up(db) {
    db.exec(`
      CREATE TABLE intake_kits (
        kit_id TEXT PRIMARY KEY CHECK (length(kit_id) = 32),
        period_id INTEGER NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
        unit_id INTEGER NOT NULL REFERENCES units(id),
        first_exported_at TEXT NOT NULL,
        exported_at TEXT NOT NULL,
        -- What the last export wrote, so a re-export never overwrites a workbook or zip the unit changed.
        workbook_sha256 TEXT,
        zip_sha256 TEXT,
        UNIQUE (period_id, unit_id)
      ) STRICT;

      CREATE TABLE intake_folders (
        period_id INTEGER PRIMARY KEY REFERENCES periods(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE intake_received (
        id INTEGER PRIMARY KEY,
        kit_id TEXT NOT NULL REFERENCES intake_kits(kit_id) ON DELETE CASCADE,
        period_id INTEGER NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
        unit_id INTEGER NOT NULL REFERENCES units(id),
        kit_path TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        size INTEGER NOT NULL CHECK (size >= 0),
        evidence_id INTEGER REFERENCES evidence(id),
        instrument_id INTEGER,
        requirement_code TEXT,
        received_at TEXT NOT NULL,
        sender TEXT NOT NULL DEFAULT '',
        UNIQUE (kit_id, kit_path, sha256)
      ) STRICT;
      CREATE INDEX intake_received_unit ON intake_received (period_id, unit_id);
    `);
  },
};
