/** Prepared statements of the SKM tables; typed rows in snake_case. */
import type { Db } from '../db/connection';
import { memoFor } from '../db/memo';

export interface SurveyRow {
  id: number;
  unit_id: number;
  service_name: string;
  year: number;
  semester: number;
  population: number | null;
  mode: 'rows' | 'counts';
  paper_respondents: number;
  scheme_code: string;
  scheme_version: string;
  source_name: string | null;
  source_sha256: string | null;
  imported_at: string | null;
  created_at: string;
  updated_at: string;
  response_count: number;
}

export interface ResponseRow {
  answers: string;
  sex: string | null;
  age: number | null;
  education: string | null;
  occupation: string | null;
}

export interface FollowUpRow {
  id: number;
  unit_id: number;
  year: number;
  semester: number;
  unsur_code: string | null;
  activity: string;
  schedule: string;
  responsible: string;
  done: number;
  position: number;
}

const SURVEY_COLUMNS = `s.*, (SELECT count(*) FROM skm_responses r WHERE r.survey_id = s.id) AS response_count`;

function repository(db: Db) {
  return {
    survey: db.prepare<[number], SurveyRow>(`SELECT ${SURVEY_COLUMNS} FROM skm_surveys s WHERE s.id = ?`),
    surveysOf: db.prepare<[number, number, number], SurveyRow>(
      `SELECT ${SURVEY_COLUMNS} FROM skm_surveys s WHERE s.unit_id = ? AND s.year = ? AND s.semester = ? ORDER BY s.service_name COLLATE NOCASE, s.id`,
    ),
    surveysOfPeriod: db.prepare<[number, number], SurveyRow>(`SELECT ${SURVEY_COLUMNS} FROM skm_surveys s WHERE s.year = ? AND s.semester = ? ORDER BY s.unit_id, s.id`),
    findSurvey: db.prepare<[number, number, number, string], SurveyRow>(
      `SELECT ${SURVEY_COLUMNS} FROM skm_surveys s WHERE s.unit_id = ? AND s.year = ? AND s.semester = ? AND s.service_name = ?`,
    ),
    insertSurvey: db.prepare(
      `INSERT INTO skm_surveys (unit_id, service_name, year, semester, population, scheme_code, scheme_version, created_at, updated_at)
       VALUES (@unitId, @serviceName, @year, @semester, @population, @schemeCode, @schemeVersion, @now, @now)`,
    ),
    updateSurvey: db.prepare(`UPDATE skm_surveys SET service_name = @serviceName, population = @population, updated_at = @now WHERE id = @id`),
    deleteSurvey: db.prepare<[number]>(`DELETE FROM skm_surveys WHERE id = ?`),
    setRowsSource: db.prepare(
      `UPDATE skm_surveys SET mode = 'rows', paper_respondents = 0, source_name = @name, source_sha256 = @sha, imported_at = @now, updated_at = @now WHERE id = @id`,
    ),
    setCountsMode: db.prepare(
      `UPDATE skm_surveys SET mode = 'counts', paper_respondents = @respondents, source_name = NULL, source_sha256 = NULL, imported_at = NULL, updated_at = @now WHERE id = @id`,
    ),
    responses: db.prepare<[number], ResponseRow>(`SELECT answers, sex, age, education, occupation FROM skm_responses WHERE survey_id = ? ORDER BY row_number`),
    deleteResponses: db.prepare<[number]>(`DELETE FROM skm_responses WHERE survey_id = ?`),
    insertResponse: db.prepare(
      `INSERT INTO skm_responses (survey_id, row_number, respondent_key, answers, sex, age, education, occupation, submitted_at)
       VALUES (@surveyId, @row, @key, @answers, @sex, @age, @education, @occupation, @submittedAt)`,
    ),
    counts: db.prepare<[number], { unsur_code: string; answer: number; count: number }>(`SELECT unsur_code, answer, count FROM skm_counts WHERE survey_id = ?`),
    deleteCounts: db.prepare<[number]>(`DELETE FROM skm_counts WHERE survey_id = ?`),
    insertCount: db.prepare(`INSERT INTO skm_counts (survey_id, unsur_code, answer, count) VALUES (?, ?, ?, ?)`),
    profileCounts: db.prepare<[number], { dimension: string; label: string; count: number }>(`SELECT dimension, label, count FROM skm_profile_counts WHERE survey_id = ?`),
    deleteProfileCounts: db.prepare<[number]>(`DELETE FROM skm_profile_counts WHERE survey_id = ?`),
    insertProfileCount: db.prepare(`INSERT INTO skm_profile_counts (survey_id, dimension, label, count) VALUES (?, ?, ?, ?)`),
    mapping: db.prepare<[number], { mapping: string }>(`SELECT mapping FROM skm_column_mappings WHERE unit_id = ?`),
    saveMapping: db.prepare(
      `INSERT INTO skm_column_mappings (unit_id, mapping, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (unit_id) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`,
    ),
    followUps: db.prepare<[number, number, number], FollowUpRow>(
      `SELECT * FROM skm_follow_ups WHERE unit_id = ? AND year = ? AND semester = ? ORDER BY position, id`,
    ),
    followUp: db.prepare<[number], FollowUpRow>(`SELECT * FROM skm_follow_ups WHERE id = ?`),
    insertFollowUp: db.prepare(
      `INSERT INTO skm_follow_ups (unit_id, year, semester, unsur_code, activity, schedule, responsible, done, position, updated_at)
       VALUES (@unitId, @year, @semester, @unsurCode, @activity, @schedule, @responsible, @done,
               (SELECT coalesce(max(position), 0) + 1 FROM skm_follow_ups WHERE unit_id = @unitId AND year = @year AND semester = @semester), @now)`,
    ),
    updateFollowUp: db.prepare(
      `UPDATE skm_follow_ups SET unsur_code = @unsurCode, activity = @activity, schedule = @schedule, responsible = @responsible, done = @done, updated_at = @now WHERE id = @id`,
    ),
    deleteFollowUp: db.prepare<[number]>(`DELETE FROM skm_follow_ups WHERE id = ?`),
  };
}

export const skmRepo = (db: Db) => memoFor(db, repository);
