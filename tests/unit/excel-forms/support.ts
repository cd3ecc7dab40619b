/**
 * Shared fixtures for the workbook round-trip tests: a seeded year, a ticking clock (so
 * "changed after export" is visible in updated_at), a content hash of the whole database,
 * and an exceljs editor that changes a form the way a unit would.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { startApp, type StartedApp } from '../../../src/server/app';
import type { ServerContext } from '../../../src/server/context';
import { repoResourcesDir } from '../../../src/server/paths';
import type { Checklist, ChecklistRequirement } from '../../../src/shared/types';
import { testHandlers, type TestApi } from '../helpers';

export interface Seeded {
  app: StartedApp;
  api: TestApi;
  ctx: ServerContext;
  dir: string;
  periodId: number;
  oldPeriodId: number;
  unitId: number;
  otherUnitId: number;
  checklist: () => Promise<Checklist>;
  requirements: () => Promise<ChecklistRequirement[]>;
  keyOf: (requirement: ChecklistRequirement) => { periodId: number; unitId: number; instrumentId: number; requirementCode: string };
  close: () => void;
}

export const flatten = (checklist: Checklist): ChecklistRequirement[] =>
  checklist.instruments.flatMap((i) => i.aspects.flatMap((a) => a.indicators.flatMap((x) => x.requirements)));

/** Each call moves one second on, starting at a fixed instant. */
export function tickingClock(start = Date.parse('2026-11-24T08:00:00.000Z')): () => Date {
  let tick = 0;
  return () => new Date(start + 1000 * tick++);
}

/** Opened without the helpers' per-test cleanup so a whole describe block can share it. */
export async function seed(): Promise<Seeded> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'patuh-forms-'));
  const app = startApp({ dataDir: path.join(dir, 'data'), resourcesDir: repoResourcesDir(), host: 'cli', appVersion: 'test', now: tickingClock() });
  const api = testHandlers(app);
  await api['settings:update']({ operatorName: 'Siti Verifikator' });
  const instruments = await api['instruments:list'](undefined);
  const ids = ['pekppp-2022-a', 'ombudsman-2025'].map((code) => instruments.find((item) => item.code === code)!.id);
  const { created } = await api['units:bulk-create']({ names: ['Dinas Sosial', 'Dinas Kesehatan'] });
  const [unit, other] = created as [(typeof created)[0], (typeof created)[0]];
  const period = await api['periods:create']({ year: 2026, instrumentIds: ids, unitIds: [unit.id, other.id] });
  const old = await api['periods:create']({ year: 2025, instrumentIds: ids, unitIds: [unit.id] });
  const checklist = () => api['checklist:get']({ periodId: period.id, unitId: unit.id });
  return {
    app,
    api,
    ctx: app.ctx,
    dir,
    periodId: period.id,
    oldPeriodId: old.id,
    unitId: unit.id,
    otherUnitId: other.id,
    checklist,
    requirements: async () => flatten(await checklist()),
    keyOf: (requirement) => ({ periodId: period.id, unitId: unit.id, instrumentId: requirement.instrumentId, requirementCode: requirement.code }),
    close: () => {
      app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Content hash of every row of every table: "the database did not change" made checkable. */
export function dbHash(ctx: ServerContext): string {
  const tables = ctx.db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
  const hash = crypto.createHash('sha256');
  for (const table of tables) {
    const rows = ctx.db.prepare(`SELECT * FROM "${table.replace(/"/g, '""')}"`).all().map((row) => JSON.stringify(row)).sort();
    hash.update(`${table}\n${rows.join('\n')}\n`);
  }
  return hash.digest('hex');
}

/** Open a form, let `edit` change it like a unit in Excel would, save it elsewhere. */
export async function editForm(source: string, target: string, edit: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void | Promise<void>): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(source);
  await edit(workbook.getWorksheet('Isian')!, workbook);
  await workbook.xlsx.writeFile(target);
  return target;
}

/** Isian row of a requirement: export order is checklist order, after the header row. */
export const rowOf = (all: ChecklistRequirement[], requirement: ChecklistRequirement): number =>
  all.findIndex((item) => item.instrumentId === requirement.instrumentId && item.code === requirement.code) + 2;
