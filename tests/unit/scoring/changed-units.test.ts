/**
 * The per-connection notes of which units were written (changed-units.ts): they name
 * exactly the units this connection wrote, never get in the way of a write, and answer
 * "unknown" whenever they cannot vouch for what the reader remembers.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedUnitsSince, markHolds, type ReadMark } from '../../../src/server/scoring/changed-units';
import { testApp, testHandlers, yearWithBothInstruments } from '../helpers';

/** Runs `work` in a transaction that then rolls back (its error is checked); gives what `work` returned. */
function rolledBack<T>(db: Database.Database, work: () => T): T {
  let value: T | undefined;
  expect(() =>
    db.transaction(() => {
      value = work();
      throw new Error('batal');
    })(),
  ).toThrow('batal');
  return value!;
}

/** A mark nothing can be vouched for: it does not hold, and the next read is a whole-year one. */
function expectUnknown(db: Database.Database, periodId: number, mark: ReadMark | null): void {
  expect(markHolds(db, periodId, mark)).toBe(false);
  expect(db.transaction(() => changedUnitsSince(db, periodId, mark).changed)()).toBeNull();
}

async function year() {
  const app = testApp();
  const api = testHandlers(app);
  const setup = await yearWithBothInstruments(api, ['Dinas Sosial', 'Dinas Perhubungan', 'Kecamatan Kota']);
  const { db } = app.ctx;
  let mark: ReadMark | null = null;
  /** One read as year-figures makes it: in a transaction, keeping the mark it is handed. */
  const take = () =>
    db.transaction(() => {
      const result = changedUnitsSince(db, setup.period.id, mark);
      mark = result.mark;
      return result.changed === null ? null : [...result.changed].sort((a, b) => a - b);
    })();
  /** Marks an instrument's first requirement of a unit as sent in. */
  const setStatus = async (unitId: number, instrumentId: number) => {
    const checklist = await api['checklist:get']({ periodId: setup.period.id, unitId });
    const requirementCode = checklist.instruments.find((instrument) => instrument.instrumentId === instrumentId)!.aspects[0]!.indicators[0]!.requirements[0]!.code;
    await api['checklist:set-status']({ periodId: setup.period.id, unitId, instrumentId, requirementCode, status: 'menunggu_verifikasi' });
  };
  return { app, api, db, take, setStatus, mark: () => mark!, ...setup };
}

describe('changed units', () => {
  it('names exactly the units this connection wrote, however it wrote them', async () => {
    const { api, db, take, setStatus, period, units, pekppp, ombudsman } = await year();
    const [dinsos, dishub, camat] = units as [(typeof units)[0], (typeof units)[0], (typeof units)[0]];
    expect(take()).toBeNull(); // the first read knows nothing yet
    expect(take()).toEqual([]);

    await api['ombudsman:set-inputs']({ periodId: period.id, unitId: dishub.id, trust: 70, followedUp: false });
    // An upsert of a unit already noted: the note must not make the user's write fail.
    await api['ombudsman:set-inputs']({ periodId: period.id, unitId: dishub.id, trust: 75, followedUp: true });
    const indicator = (await api['assessment:get']({ periodId: period.id, unitId: dinsos.id })).aspects[0]!.indicators[0]!.code;
    await api['assessment:set']({ periodId: period.id, unitId: dinsos.id, indicatorCode: indicator, level: 3 });
    expect(take()).toEqual([dinsos.id, dishub.id].sort((a, b) => a - b));
    expect(take()).toEqual([]);

    await setStatus(camat.id, ombudsman.id);
    expect(take()).toEqual([camat.id]);

    // A raw statement, and a row deleted: the triggers see every statement, not only the API's.
    db.prepare('DELETE FROM assessments WHERE period_id = ? AND unit_id = ? AND instrument_id = ?').run(period.id, dinsos.id, pekppp.id);
    expect(take()).toEqual([dinsos.id]);

    // A write that rolled back leaves no note: nothing changed.
    rolledBack(db, () => db.prepare('UPDATE checklist_items SET status = ? WHERE period_id = ? AND unit_id = ?').run('terverifikasi', period.id, dishub.id));
    expect(take()).toEqual([]);
  });

  it('answers unknown after another connection commits, and after a read that rolled back', async () => {
    const { app, db, take, setStatus, mark, period, units, pekppp } = await year();
    await setStatus(units[1]!.id, pekppp.id);
    take();
    expect(take()).toEqual([]);

    const other = new Database(path.join(app.dataDir, 'patuh.sqlite'));
    expect(other.prepare("UPDATE checklist_items SET status = 'terverifikasi' WHERE unit_id = ?").run(units[1]!.id).changes).toBe(1);
    other.close();
    expect(take()).toBeNull();
    expect(take()).toEqual([]);

    // A read whose transaction rolled back: its new epoch is undone, so what its reader
    // remembered cannot be vouched for (the notes it cleared are back, too).
    const held = mark();
    expect(markHolds(db, period.id, held)).toBe(true);
    rolledBack(db, () => {
      db.prepare('UPDATE checklist_items SET note = note WHERE period_id = ? AND unit_id = ?').run(period.id, units[2]!.id);
      changedUnitsSince(db, period.id, held);
    });
    expect(markHolds(db, period.id, held)).toBe(true);
    // The reader that kept the rolled-back read's mark is not vouched for.
    expectUnknown(db, period.id, rolledBack(db, () => changedUnitsSince(db, period.id, held).mark));
  });

  it('answers unknown when the tracking was set up in a transaction that rolled back', async () => {
    const { app, period } = await year();
    // A connection without the tracking yet (the app's own gets it when it opens).
    const db = new Database(path.join(app.dataDir, 'patuh.sqlite'));
    const mark = rolledBack(db, () => changedUnitsSince(db, period.id, null).mark);
    // The TEMP triggers went with the rollback: nothing was noted since, so nothing can be vouched for.
    expectUnknown(db, period.id, mark);
    db.close();
  });
});
