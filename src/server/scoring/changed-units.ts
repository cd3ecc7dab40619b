/**
 * Which units of a year this connection wrote to, in the tables a unit's figures are
 * read from (levels, statuses, Ombudsman inputs), since the year's figures were last
 * read: after an ordinary change only those units are read again (year-figures.ts).
 *
 * TEMP triggers — this connection's only, never stored in the file — note the (period,
 * unit) of every row inserted, updated or deleted in those tables, by any statement and
 * by foreign-key cascades, in a TEMP table. Being SQL, the notes follow the transaction:
 * a rolled-back write leaves none.
 *
 * The reader's memory is JavaScript, which no rollback undoes. So every read also writes
 * a new epoch for its period in a TEMP table, in the same transaction, and the reader
 * keeps it with what it read. A next read may be incremental only when the table still
 * holds that epoch (what the reader remembers was read in a transaction that stood) and
 * no other connection committed since (PRAGMA data_version). Anything else — the first
 * read, tracking set up again, a read whose transaction rolled back, another connection's
 * commit — answers "unknown", and the caller reads the whole year.
 */
import type { Db } from '../db/connection';
import { memoFor } from '../db/memo';

const TABLES = ['assessments', 'checklist_items', 'ombudsman_inputs'] as const;
const NOTES = 'patuh_changed_units';
const EPOCHS = 'patuh_figures_read';

/**
 * No OR IGNORE on a key: an outer statement's conflict clause (an upsert's) overrides a
 * trigger's, so a duplicate note would fail the user's write. A note is added only when absent.
 */
const note = (row: 'NEW' | 'OLD') =>
  `INSERT INTO ${NOTES} (period_id, unit_id) SELECT ${row}.period_id, ${row}.unit_id
     WHERE NOT EXISTS (SELECT 1 FROM ${NOTES} WHERE period_id = ${row}.period_id AND unit_id = ${row}.unit_id);`;

const triggers = TABLES.flatMap((table) => [
  { name: `patuh_changed_${table}_insert`, sql: `AFTER INSERT ON main.${table} BEGIN ${note('NEW')} END` },
  { name: `patuh_changed_${table}_update`, sql: `AFTER UPDATE ON main.${table} BEGIN ${note('OLD')} ${note('NEW')} END` },
  { name: `patuh_changed_${table}_delete`, sql: `AFTER DELETE ON main.${table} BEGIN ${note('OLD')} END` },
]);

const SETUP = [
  `CREATE TEMP TABLE IF NOT EXISTS ${NOTES} (period_id INTEGER NOT NULL, unit_id INTEGER NOT NULL, PRIMARY KEY (period_id, unit_id)) WITHOUT ROWID`,
  `CREATE TEMP TABLE IF NOT EXISTS ${EPOCHS} (period_id INTEGER PRIMARY KEY, epoch INTEGER NOT NULL)`,
  ...triggers.map((trigger) => `CREATE TEMP TRIGGER IF NOT EXISTS ${trigger.name} ${trigger.sql}`),
].join(';\n');

const OBJECTS = [NOTES, EPOCHS, ...triggers.map((trigger) => trigger.name)];

/** What a read leaves with its reader: compared on the next read. */
export interface ReadMark {
  epoch: number;
  dataVersion: number;
}

/** Statements that work whether or not tracking is set up. */
function probeStatements(db: Db) {
  return {
    installed: db.prepare<string[], number>(`SELECT count(*) FROM sqlite_temp_master WHERE name IN (${OBJECTS.map(() => '?').join(', ')})`).pluck(),
    dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(),
  };
}

/** Prepared only once the TEMP tables exist (SQLite prepares them again if they are made anew). */
function noteStatements(db: Db) {
  return {
    epochOf: db.prepare<[number], number>(`SELECT epoch FROM ${EPOCHS} WHERE period_id = ?`).pluck(),
    changedOf: db.prepare<[number], number>(`SELECT unit_id FROM ${NOTES} WHERE period_id = ?`).pluck(),
    clear: db.prepare<[number]>(`DELETE FROM ${NOTES} WHERE period_id = ?`),
    setEpoch: db.prepare<[number, number]>(`INSERT INTO ${EPOCHS} (period_id, epoch) VALUES (?, ?) ON CONFLICT (period_id) DO UPDATE SET epoch = excluded.epoch`),
  };
}

const installed = (db: Db): boolean => memoFor(db, probeStatements).installed.get(...OBJECTS) === OBJECTS.length;

/** Unique within the process, so an epoch of one connection never matches another's. */
let lastEpoch = 0;

/**
 * Should SQLite refuse the tracking (its TEMP objects cannot be made or read on some
 * connection), every answer is "unknown": the caller then reads the whole year, as it
 * always could, and nothing the user asked for fails. Only SQLite's own refusals are
 * taken so; anything else is a bug and is thrown.
 */
function unlessRefused<T>(run: () => T, refused: T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof Error && error.name === 'SqliteError') return refused;
    throw error;
  }
}

/**
 * Sets the tracking up on a connection just opened, before its statements are prepared:
 * made later (on the first read of a year), the TEMP objects are a schema change that has
 * SQLite prepare again every statement the connection already has. Idempotent; a refusal
 * leaves it to the reads (see unlessRefused).
 */
export function trackChanges(db: Db): void {
  unlessRefused(() => setUp(db), false);
}

/** Makes the TEMP objects where they are missing; true when they were all there already. */
function setUp(db: Db): boolean {
  if (installed(db)) return true;
  db.exec(SETUP);
  return false;
}

/**
 * True when nothing this connection noted since `held` was handed out can be missing:
 * tracking is in place, the epoch stands and no other connection committed. (Whether the
 * connection itself wrote is the caller's other question: see year-figures' write stamp.)
 */
export function markHolds(db: Db, periodId: number, held: ReadMark | null): boolean {
  if (held === null) return false;
  return unlessRefused(
    () => installed(db) && memoFor(db, probeStatements).dataVersion.get() === held.dataVersion && memoFor(db, noteStatements).epochOf.get(periodId) === held.epoch,
    false,
  );
}

/**
 * The units of the period written by this connection since the read that was handed
 * `held`, or null when that cannot be known; and the mark of this read (null where
 * tracking is impossible). Call inside the transaction that then reads those units.
 */
export function changedUnitsSince(db: Db, periodId: number, held: ReadMark | null): { changed: ReadonlySet<number> | null; mark: ReadMark | null } {
  return unlessRefused<{ changed: ReadonlySet<number> | null; mark: ReadMark | null }>(
    () => {
      const ready = setUp(db);
      const notes = memoFor(db, noteStatements);
      const dataVersion = memoFor(db, probeStatements).dataVersion.get()!;
      const known = ready && held !== null && held.dataVersion === dataVersion && notes.epochOf.get(periodId) === held.epoch;
      const changed = known ? new Set(notes.changedOf.all(periodId)) : null;
      notes.clear.run(periodId);
      lastEpoch += 1;
      notes.setEpoch.run(periodId, lastEpoch);
      return { changed, mark: { epoch: lastEpoch, dataVersion } };
    },
    { changed: null, mark: null },
  );
}
