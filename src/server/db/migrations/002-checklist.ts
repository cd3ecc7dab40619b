import type { Migration } from './index';

/**
 * Evidence checklist: the unit's evidence library (files and links), content-addressed
 * blobs, per-requirement status for a unit and year, office-defined requirements, and an
 * append-only history that triggers keep from ever being rewritten.
 */
export const migration002: Migration = {
  version: 2,
  name: 'checklist',
  up(db) {
    db.exec(`
      CREATE TABLE blobs (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        size INTEGER NOT NULL CHECK (size >= 0),
        stored_path TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE evidence (
        id INTEGER PRIMARY KEY,
        unit_id INTEGER NOT NULL REFERENCES units(id),
        kind TEXT NOT NULL CHECK (kind IN ('file', 'link')),
        title TEXT NOT NULL,
        blob_sha256 TEXT REFERENCES blobs(sha256),
        url TEXT,
        original_name TEXT,
        mime TEXT,
        size INTEGER,
        document_date TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL DEFAULT '',
        deleted_at TEXT,
        CHECK ((kind = 'file' AND blob_sha256 IS NOT NULL AND url IS NULL)
            OR (kind = 'link' AND url IS NOT NULL AND blob_sha256 IS NULL))
      ) STRICT;
      CREATE INDEX evidence_unit ON evidence (unit_id, deleted_at);
      CREATE INDEX evidence_blob ON evidence (blob_sha256);

      CREATE TABLE custom_requirements (
        id INTEGER PRIMARY KEY,
        period_id INTEGER NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
        instrument_id INTEGER NOT NULL REFERENCES instruments(id),
        indicator_code TEXT NOT NULL,
        code TEXT NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'dokumen',
        created_at TEXT NOT NULL,
        UNIQUE (period_id, instrument_id, code)
      ) STRICT;

      CREATE TABLE hidden_requirements (
        period_id INTEGER NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
        instrument_id INTEGER NOT NULL REFERENCES instruments(id),
        requirement_code TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        hidden_at TEXT NOT NULL,
        PRIMARY KEY (period_id, instrument_id, requirement_code)
      ) STRICT;

      CREATE TABLE checklist_items (
        id INTEGER PRIMARY KEY,
        period_id INTEGER NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
        unit_id INTEGER NOT NULL REFERENCES units(id),
        instrument_id INTEGER NOT NULL REFERENCES instruments(id),
        requirement_code TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'belum_ada' CHECK (status IN
          ('belum_ada', 'menunggu_verifikasi', 'terverifikasi', 'perlu_perbaikan', 'tidak_berlaku')),
        reason TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        verified_by TEXT,
        verified_at TEXT,
        updated_at TEXT NOT NULL,
        UNIQUE (period_id, unit_id, instrument_id, requirement_code)
      ) STRICT;
      CREATE INDEX checklist_items_unit ON checklist_items (unit_id, period_id);

      CREATE TABLE checklist_evidence (
        item_id INTEGER NOT NULL REFERENCES checklist_items(id) ON DELETE CASCADE,
        evidence_id INTEGER NOT NULL REFERENCES evidence(id),
        linked_at TEXT NOT NULL,
        PRIMARY KEY (item_id, evidence_id)
      ) STRICT;
      CREATE INDEX checklist_evidence_evidence ON checklist_evidence (evidence_id);

      CREATE TABLE history (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        operator TEXT NOT NULL,
        period_id INTEGER,
        unit_id INTEGER,
        instrument_id INTEGER,
        requirement_code TEXT,
        indicator_code TEXT,
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
      ) STRICT;
      CREATE INDEX history_item ON history (unit_id, period_id, instrument_id, requirement_code);
      CREATE TRIGGER history_no_update BEFORE UPDATE ON history
        BEGIN SELECT RAISE(ABORT, 'riwayat tidak boleh diubah'); END;
      CREATE TRIGGER history_no_delete BEFORE DELETE ON history
        BEGIN SELECT RAISE(ABORT, 'riwayat tidak boleh dihapus'); END;
    `);
  },
};
