import type { Db } from '../db/connection';

export interface PeriodRow {
  id: number;
  year: number;
  deadline: string | null;
  window_start: string;
  window_end: string;
  created_at: string;
  unit_count: number;
  sample_count: number;
}

export interface PeriodUnitRow {
  unit_id: number;
  unit_name: string;
  group_name: string;
  ombudsman_sample: number;
  archived_at: string | null;
}

const SELECT_PERIOD = `
  SELECT p.id, p.year, p.deadline, p.window_start, p.window_end, p.created_at,
    (SELECT count(*) FROM period_units pu WHERE pu.period_id = p.id) AS unit_count,
    (SELECT count(*) FROM period_units pu WHERE pu.period_id = p.id AND pu.ombudsman_sample = 1) AS sample_count
  FROM periods p`;

export function periodsRepository(db: Db) {
  return {
    all: db.prepare<[], PeriodRow>(`${SELECT_PERIOD} ORDER BY p.year DESC`),
    byId: db.prepare<[number], PeriodRow>(`${SELECT_PERIOD} WHERE p.id = ?`),
    byYear: db.prepare<[number], { id: number }>('SELECT id FROM periods WHERE year = ?'),
    insert: db.prepare(
      `INSERT INTO periods (year, deadline, window_start, window_end, created_at)
       VALUES (@year, @deadline, @windowStart, @windowEnd, @createdAt)`,
    ),
    update: db.prepare(
      'UPDATE periods SET deadline = @deadline, window_start = @windowStart, window_end = @windowEnd WHERE id = @id',
    ),
    instrumentIds: db.prepare<[number], { instrument_id: number }>(
      `SELECT pi.instrument_id FROM period_instruments pi JOIN instruments i ON i.id = pi.instrument_id
       WHERE pi.period_id = ? ORDER BY i.family DESC, i.id`,
    ),
    clearInstruments: db.prepare('DELETE FROM period_instruments WHERE period_id = ?'),
    addInstrument: db.prepare('INSERT INTO period_instruments (period_id, instrument_id) VALUES (?, ?)'),
    units: db.prepare<[number], PeriodUnitRow>(
      `SELECT pu.unit_id, u.name AS unit_name, g.name AS group_name, pu.ombudsman_sample, u.archived_at
       FROM period_units pu JOIN units u ON u.id = pu.unit_id JOIN unit_groups g ON g.id = u.group_id
       WHERE pu.period_id = ? ORDER BY g.sort_order, g.name, u.name COLLATE NOCASE`,
    ),
    unit: db.prepare<[number, number], PeriodUnitRow>(
      `SELECT pu.unit_id, u.name AS unit_name, g.name AS group_name, pu.ombudsman_sample, u.archived_at
       FROM period_units pu JOIN units u ON u.id = pu.unit_id JOIN unit_groups g ON g.id = u.group_id
       WHERE pu.period_id = ? AND pu.unit_id = ?`,
    ),
    addUnit: db.prepare(
      'INSERT INTO period_units (period_id, unit_id, ombudsman_sample) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    removeUnit: db.prepare('DELETE FROM period_units WHERE period_id = ? AND unit_id = ?'),
    setSample: db.prepare('UPDATE period_units SET ombudsman_sample = ? WHERE period_id = ? AND unit_id = ?'),
  };
}
