import type { Migration } from './index';

/**
 * A covering index for reading one instrument's statuses of a whole year (dashboard,
 * recap, ranking): the rows are found by (period, instrument) and read from the index
 * alone, instead of every status row of the year being looked up in the table.
 */
export const migration010: Migration = {
  version: 10,
  name: 'score-index',
  up(db) {
    db.exec('CREATE INDEX checklist_items_scores ON checklist_items (period_id, instrument_id, unit_id, requirement_code, status)');
  },
};
