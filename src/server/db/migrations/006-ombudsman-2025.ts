import type { Migration } from './index';

/**
 * What the Ombudsman weighs since 2025 beyond documents: the service products
 * (produk layanan) of a unit with a survey tracker per year (respondents gathered
 * against a target, the survey link/QR shown to users, the user-contact list), and a
 * follow-up log of Ombudsman findings (temuan, saran/tindakan korektif, rekomendasi).

 */
export const migration006: Migration = {
  version: 6,
  name: 'ombudsman-2025',
  up(db) {
    db.exec(`
      CREATE TABLE service_products (
        id INTEGER PRIMARY KEY,
        unit_id INTEGER NOT NULL REFERENCES units(id),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        created_at TEXT NOT NULL,
        archived_at TEXT
      ) STRICT;
      CREATE INDEX service_products_unit ON service_products (unit_id, archived_at);

      CREATE TABLE product_surveys (
        period_id INTEGER NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
        product_id INTEGER NOT NULL REFERENCES service_products(id),
        target_respondents INTEGER CHECK (target_respondents BETWEEN 1 AND 100000),
        gathered INTEGER NOT NULL DEFAULT 0 CHECK (gathered BETWEEN 0 AND 100000),
        survey_link TEXT NOT NULL DEFAULT '',
        contacts_required INTEGER CHECK (contacts_required BETWEEN 1 AND 100000),
        contacts_count INTEGER NOT NULL DEFAULT 0 CHECK (contacts_count BETWEEN 0 AND 100000),
        contacts_evidence TEXT NOT NULL DEFAULT '',
        -- Results as the office enters them once published (marked "diisi kantor" everywhere).
        trust_result REAL CHECK (trust_result BETWEEN 0 AND 100),
        perception_result REAL CHECK (perception_result BETWEEN 0 AND 100),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (period_id, product_id)
      ) STRICT;

      CREATE TABLE ombudsman_findings (
        id INTEGER PRIMARY KEY,
        unit_id INTEGER NOT NULL REFERENCES units(id),
        source_year INTEGER NOT NULL CHECK (source_year BETWEEN 2013 AND 2100),
        kind TEXT NOT NULL CHECK (kind IN ('temuan', 'saran', 'rekomendasi')),
        text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
        deadline TEXT,
        status TEXT NOT NULL DEFAULT 'belum' CHECK (status IN ('belum', 'proses', 'selesai')),
        evidence TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX ombudsman_findings_unit ON ombudsman_findings (unit_id, source_year);
    `);
  },
};
