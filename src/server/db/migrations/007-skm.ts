import type { Migration } from './index';

/**
 * Survei Kepuasan Masyarakat: surveys per unit × service type × period (a year, or a
 * semester of it), their responses (one row per questionnaire, or per-answer counts per
 * unsur for paper surveys, with optional profile counts), the column mapping remembered per unit, and the follow-up
 * plan (RTL) per unit and period.
 */
export const migration007: Migration = {
  version: 7,
  name: 'skm',
  up(db) {
    db.exec(`
      CREATE TABLE skm_surveys (
        id INTEGER PRIMARY KEY,
        unit_id INTEGER NOT NULL REFERENCES units(id),
        service_name TEXT NOT NULL COLLATE NOCASE CHECK (length(service_name) BETWEEN 1 AND 160),
        year INTEGER NOT NULL CHECK (year BETWEEN 2013 AND 2100),
        semester INTEGER NOT NULL DEFAULT 0 CHECK (semester IN (0, 1, 2)),
        population INTEGER CHECK (population IS NULL OR population > 0),
        mode TEXT NOT NULL DEFAULT 'rows' CHECK (mode IN ('rows', 'counts')),
        paper_respondents INTEGER NOT NULL DEFAULT 0 CHECK (paper_respondents >= 0),
        scheme_code TEXT NOT NULL,
        scheme_version TEXT NOT NULL,
        source_name TEXT,
        source_sha256 TEXT,
        imported_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (unit_id, year, semester, service_name)
      ) STRICT;

      CREATE TABLE skm_responses (
        id INTEGER PRIMARY KEY,
        survey_id INTEGER NOT NULL REFERENCES skm_surveys(id) ON DELETE CASCADE,
        row_number INTEGER NOT NULL,
        respondent_key TEXT,
        answers TEXT NOT NULL CHECK (json_valid(answers)),
        sex TEXT,
        age INTEGER,
        education TEXT,
        occupation TEXT,
        submitted_at TEXT
      ) STRICT;
      CREATE INDEX skm_responses_survey ON skm_responses (survey_id);

      CREATE TABLE skm_counts (
        survey_id INTEGER NOT NULL REFERENCES skm_surveys(id) ON DELETE CASCADE,
        unsur_code TEXT NOT NULL,
        answer INTEGER NOT NULL,
        count INTEGER NOT NULL CHECK (count >= 0),
        PRIMARY KEY (survey_id, unsur_code, answer)
      ) STRICT;

      CREATE TABLE skm_profile_counts (
        survey_id INTEGER NOT NULL REFERENCES skm_surveys(id) ON DELETE CASCADE,
        dimension TEXT NOT NULL CHECK (dimension IN ('sex', 'age', 'education', 'occupation')),
        label TEXT NOT NULL,
        count INTEGER NOT NULL CHECK (count >= 0),
        PRIMARY KEY (survey_id, dimension, label)
      ) STRICT;

      CREATE TABLE skm_column_mappings (
        unit_id INTEGER PRIMARY KEY REFERENCES units(id),
        mapping TEXT NOT NULL CHECK (json_valid(mapping)),
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE skm_follow_ups (
        id INTEGER PRIMARY KEY,
        unit_id INTEGER NOT NULL REFERENCES units(id),
        year INTEGER NOT NULL,
        semester INTEGER NOT NULL DEFAULT 0 CHECK (semester IN (0, 1, 2)),
        unsur_code TEXT,
        activity TEXT NOT NULL CHECK (length(activity) BETWEEN 1 AND 500),
        schedule TEXT NOT NULL DEFAULT '',
        responsible TEXT NOT NULL DEFAULT '',
        done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
        position INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX skm_follow_ups_unit ON skm_follow_ups (unit_id, year, semester);
    `);
  },
};
