import type { Migration } from './index';

/** Foundation schema: settings, instruments, units and their groups, periods and scope. */
export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE instruments (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL,
        version TEXT NOT NULL,
        family TEXT NOT NULL CHECK (family IN ('pekppp', 'ombudsman')),
        name TEXT NOT NULL,
        definition TEXT NOT NULL CHECK (json_valid(definition)),
        sha256 TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('bawaan', 'impor')),
        created_at TEXT NOT NULL,
        UNIQUE (code, version)
      ) STRICT;

      CREATE TABLE unit_groups (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL COLLATE NOCASE UNIQUE,
        sort_order INTEGER NOT NULL DEFAULT 100
      ) STRICT;

      CREATE TABLE units (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        short_name TEXT,
        group_id INTEGER NOT NULL REFERENCES unit_groups(id),
        head_name TEXT,
        archived_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX units_active_name ON units (lower(name)) WHERE archived_at IS NULL;
      CREATE INDEX units_group ON units (group_id);

      CREATE TABLE periods (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL UNIQUE,
        deadline TEXT,
        window_start TEXT NOT NULL,
        window_end TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE period_instruments (
        period_id INTEGER NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
        instrument_id INTEGER NOT NULL REFERENCES instruments(id),
        PRIMARY KEY (period_id, instrument_id)
      ) STRICT;

      CREATE TABLE period_units (
        period_id INTEGER NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
        unit_id INTEGER NOT NULL REFERENCES units(id),
        ombudsman_sample INTEGER NOT NULL DEFAULT 0 CHECK (ombudsman_sample IN (0, 1)),
        PRIMARY KEY (period_id, unit_id)
      ) STRICT;
      CREATE INDEX period_units_unit ON period_units (unit_id);
    `);
    const groups = ['Perangkat Daerah', 'Bagian Setda', 'Kecamatan', 'Puskesmas', 'Satuan Pendidikan', 'UPTD'];
    const insert = db.prepare('INSERT INTO unit_groups (name, sort_order) VALUES (?, ?)');
    groups.forEach((name, index) => insert.run(name, (index + 1) * 10));
  },
};
