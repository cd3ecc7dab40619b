/**
 * The year's figures are remembered per connection, by the exact stored text they came
 * from: after every kind of change (a level, a status, Ombudsman inputs, a hidden or an
 * added requirement, a write by another connection) the Beranda shows what a fresh
 * computation shows, and only the units that changed are scored again.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { progressOf } from '../../../src/core/checklist/progress';
import type { EvidenceStatus } from '../../../src/core/checklist/types';
import { openDatabaseReadOnly } from '../../../src/server/db/connection';
import { scoringRepo } from '../../../src/server/scoring/scoring-inputs';
import { dashboardOf } from '../../../src/server/scoring/scores-service';
import { yearFigures } from '../../../src/server/scoring/year-figures';
import { testApp, testHandlers, yearWithBothInstruments } from '../helpers';

async function year() {
  const app = testApp();
  const api = testHandlers(app);
  return { app, api, ...(await yearWithBothInstruments(api, ['Dinas Sosial', 'Dinas Perhubungan', 'Dinas Kesehatan'])) };
}

type Year = Awaited<ReturnType<typeof year>>;

/** What the Beranda must show, computed without any remembered figure: scores:unit and the checklist itself. */
async function fresh({ api, period }: Year, unitId: number) {
  const scores = await api['scores:unit']({ periodId: period.id, unitId });
  const checklist = await api['checklist:get']({ periodId: period.id, unitId });
  const statuses: EvidenceStatus[] = checklist.instruments.flatMap((instrument) =>
    instrument.aspects.flatMap((aspect) => aspect.indicators.flatMap((indicator) => indicator.requirements.map((requirement) => requirement.status))),
  );
  return {
    selfIndex: scores.pekppp!.self.index,
    verifiedIndex: scores.pekppp!.verified.index,
    current: scores.pekppp!.current?.index ?? null,
    ombudsman: scores.ombudsman!.report.total,
    progress: progressOf(statuses),
  };
}

async function expectFresh(setup: Year): Promise<void> {
  const board = await setup.api['scores:dashboard']({ periodId: setup.period.id });
  for (const unit of board.units) {
    expect({
      selfIndex: unit.selfIndex,
      verifiedIndex: unit.verifiedIndex,
      current: unit.current?.index ?? null,
      ombudsman: unit.ombudsman!.total,
      progress: unit.progress,
    }).toEqual(await fresh(setup, unit.unitId));
  }
}

describe('year figures', () => {
  it('are never stale, whatever changed', async () => {
    const setup = await year();
    const { api, period, units, pekppp, ombudsman, app } = setup;
    const [dinsos, dishub] = [units[0]!, units[1]!];
    await expectFresh(setup);
    const checklist = await api['checklist:get']({ periodId: period.id, unitId: dinsos.id });
    const requirementsOf = (instrumentId: number) =>
      checklist.instruments
        .find((instrument) => instrument.instrumentId === instrumentId)!
        .aspects.flatMap((aspect) => aspect.indicators.flatMap((indicator) => indicator.requirements.map((requirement) => ({ code: requirement.code, indicatorCode: indicator.code }))));
    const [first, second] = requirementsOf(pekppp.id) as [{ code: string; indicatorCode: string }, { code: string }];
    const ombudsmanFirst = requirementsOf(ombudsman.id)[0]!;

    await api['assessment:set']({ periodId: period.id, unitId: dinsos.id, indicatorCode: first.indicatorCode, level: 4 });
    await expectFresh(setup);
    await api['assessment:set']({ periodId: period.id, unitId: dinsos.id, indicatorCode: first.indicatorCode, level: 3, verified: true });
    await expectFresh(setup);
    await api['checklist:set-status']({ periodId: period.id, unitId: dishub.id, instrumentId: pekppp.id, requirementCode: second.code, status: 'menunggu_verifikasi' });
    await expectFresh(setup);
    await api['checklist:set-status']({ periodId: period.id, unitId: dinsos.id, instrumentId: ombudsman.id, requirementCode: ombudsmanFirst.code, status: 'tidak_berlaku', reason: 'Tidak ada layanan ini' });
    await expectFresh(setup);
    await api['ombudsman:set-inputs']({ periodId: period.id, unitId: dishub.id, trust: 80, followedUp: true });
    await expectFresh(setup);
    await api['checklist:hide-requirement']({ periodId: period.id, instrumentId: pekppp.id, requirementCode: second.code, reason: 'Tidak dipakai tahun ini' });
    await expectFresh(setup);
    await api['checklist:add-requirement']({ periodId: period.id, instrumentId: pekppp.id, indicatorCode: first.indicatorCode, text: 'SK tim pelayanan', kind: 'dokumen' });
    await expectFresh(setup);

    // Another connection to the same file (a tool, a second process reading): SQLite's data_version moves.
    const before = await api['scores:dashboard']({ periodId: period.id });
    const other = new Database(path.join(app.dataDir, 'patuh.sqlite'));
    other.prepare("UPDATE checklist_items SET status = 'menunggu_verifikasi' WHERE unit_id = ? AND requirement_code = ?").run(dinsos.id, ombudsmanFirst.code);
    other.close();
    const after = await api['scores:dashboard']({ periodId: period.id });
    expect(after.units.find((unit) => unit.unitId === dinsos.id)!.progress.notApplicable).toBe(before.units.find((unit) => unit.unitId === dinsos.id)!.progress.notApplicable - 1);
    await expectFresh(setup);

    // Read inside a write that then rolls back: what was read there is of data that never
    // stood, and must not be shown afterwards.
    expect(() =>
      app.ctx.db.transaction(() => {
        expect(app.ctx.db.prepare('UPDATE ombudsman_inputs SET trust = 5 WHERE period_id = ? AND unit_id = ?').run(period.id, dishub.id).changes).toBe(1);
        expect(yearFigures(app.ctx, period.id).figuresOf(dishub.id).ombudsman!.total).not.toBe(before.units.find((unit) => unit.unitId === dishub.id)!.ombudsman!.total);
        throw new Error('batal');
      })(),
    ).toThrow('batal');
    await expectFresh(setup);
  });

  it('scores again only the units that changed, and nothing when nothing was written', async () => {
    const setup = await year();
    const { api, app, period, units } = setup;
    const [dinsos, dishub, camat] = [units[0]!, units[1]!, units[2]!];
    const read = () => app.ctx.db.transaction(() => yearFigures(app.ctx, period.id))();
    const first = read();
    const figures = (year: ReturnType<typeof read>) => [dinsos, dishub, camat].map((unit) => year.figuresOf(unit.id));
    const before = figures(first);
    expect(read()).toBe(first);
    const indicator = (await api['assessment:get']({ periodId: period.id, unitId: dinsos.id })).aspects[0]!.indicators[0]!.code;
    await api['assessment:set']({ periodId: period.id, unitId: dinsos.id, indicatorCode: indicator, level: 5 });
    const second = read();
    expect(second).not.toBe(first);
    const after = figures(second);
    expect(after[0]).not.toBe(before[0]);
    expect(after[0]!.selfIndex).not.toBe(before[0]!.selfIndex);
    expect(after[1]).toBe(before[1]);
    expect(after[2]).toBe(before[2]);
  });

  it('are right on a read-only connection, on the in-memory copy a full disk falls back to, and where SQLite refuses the tracking', async () => {
    const setup = await year();
    const { api, app, period, units } = setup;
    await api['ombudsman:set-inputs']({ periodId: period.id, unitId: units[0]!.id, trust: 64, followedUp: true });
    const expected = (await api['scores:dashboard']({ periodId: period.id })).units.map((unit) => [unit.unitId, unit.ombudsman?.total, unit.progress]);
    app.close();
    const file = path.join(app.dataDir, 'patuh.sqlite');
    const bytes = fs.readFileSync(file);
    // As openDatabaseReadOnly's fallback: the WAL flag cleared in the copy.
    bytes[18] = bytes[19] = 1;
    for (const db of [openDatabaseReadOnly(app.dataDir), new Database(bytes, { readonly: true })]) {
      const ctx = { ...app.ctx, db, readOnly: true };
      for (let read = 0; read < 2; read += 1) {
        const board = db.transaction(() => dashboardOf(ctx, yearFigures(ctx, period.id)))();
        expect(board.units.map((unit) => [unit.unitId, unit.ombudsman?.total, unit.progress])).toEqual(expected);
      }
      db.close();
    }
    // A connection that refuses the TEMP objects: every read is a whole-year read, and right.
    const refusing = openDatabaseReadOnly(app.dataDir);
    vi.spyOn(refusing, 'exec').mockImplementation(() => {
      throw Object.assign(new Error('unable to open database file'), { name: 'SqliteError', code: 'SQLITE_CANTOPEN' });
    });
    const ctx = { ...app.ctx, db: refusing, readOnly: true };
    for (let read = 0; read < 2; read += 1) {
      const board = refusing.transaction(() => dashboardOf(ctx, yearFigures(ctx, period.id)))();
      expect(board.units.map((unit) => [unit.unitId, unit.ombudsman?.total, unit.progress])).toEqual(expected);
    }
    refusing.close();
  });

  it('reads again only the units written since, not the whole year', async () => {
    const setup = await year();
    const { api, app, period, units } = setup;
    const repo = scoringRepo(app.ctx);
    const read = () => yearFigures(app.ctx, period.id);
    read();
    const wholeYear = [vi.spyOn(repo.levelsOfInstrumentPacked, 'all'), vi.spyOn(repo.statusesOfInstrumentPacked, 'all'), vi.spyOn(repo.inputsOfInstrument, 'all')];
    const oneUnit = vi.spyOn(repo.levelsOfUnitPacked, 'get');
    await api['ombudsman:set-inputs']({ periodId: period.id, unitId: units[1]!.id, trust: 55, followedUp: false });
    expect(read().figuresOf(units[1]!.id).ombudsman!.total).toBe((await api['scores:unit']({ periodId: period.id, unitId: units[1]!.id })).ombudsman!.report.total);
    for (const spy of wholeYear) expect(spy).not.toHaveBeenCalled();
    expect(oneUnit.mock.calls.map((call) => call[2])).toEqual([units[1]!.id]);
    await expectFresh(setup);
    // Another connection's commit cannot be traced: the whole year is read.
    const other = new Database(path.join(app.dataDir, 'patuh.sqlite'));
    other.prepare('UPDATE ombudsman_inputs SET trust = 20 WHERE unit_id = ?').run(units[1]!.id);
    other.close();
    read();
    for (const spy of wholeYear) expect(spy).toHaveBeenCalled();
    await expectFresh(setup);
  });
});
