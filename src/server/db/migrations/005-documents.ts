import type { Migration } from './index';

/**
 * Documents an office signs and sends: the unit head's NIP, rank, phone and e-mail (for
 * signature blocks, Nota Dinas and WhatsApp reminders), and the running numbers of
 * letters issued per series and year (Nomor 000.8/{n}/Org/{tahun}). The kop and the
 * signatories live in the settings key/value table; the logo file in the data folder.
 */
export const migration005: Migration = {
  version: 5,
  name: 'documents',
  up(db) {
    db.exec(`
      ALTER TABLE units ADD COLUMN head_nip TEXT CHECK (head_nip IS NULL OR (length(head_nip) = 18 AND head_nip NOT GLOB '*[^0-9]*'));
      ALTER TABLE units ADD COLUMN head_rank TEXT;
      ALTER TABLE units ADD COLUMN head_phone TEXT;
      ALTER TABLE units ADD COLUMN head_email TEXT;

      CREATE TABLE letter_numbers (
        id INTEGER PRIMARY KEY,
        series TEXT NOT NULL,
        year INTEGER NOT NULL,
        number INTEGER NOT NULL CHECK (number > 0),
        nomor TEXT NOT NULL,
        kind TEXT NOT NULL,
        period_id INTEGER REFERENCES periods(id) ON DELETE SET NULL,
        unit_id INTEGER REFERENCES units(id),
        issued_at TEXT NOT NULL,
        UNIQUE (series, year, number)
      ) STRICT;
    `);
  },
};
