/**
 * Fixtures for the intake tests: a year with three units, kit export into a temp
 * collection folder, and helpers that change a kit the way a unit would (files dropped
 * into folders, the workbook filled in with exceljs).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { startApp, type StartedApp } from '../../../src/server/app';
import type { ServerContext } from '../../../src/server/context';
import { silentJob } from '../../../src/server/jobs/job';
import { exportKits, type ExportKitsResult } from '../../../src/server/intake/export-kit';
import { repoResourcesDir } from '../../../src/server/paths';
import { testHandlers, type TestApi } from '../helpers';
import { tickingClock } from '../excel-forms/support';

export interface IntakeSeed {
  app: StartedApp;
  api: TestApi;
  ctx: ServerContext;
  dir: string;
  collection: string;
  periodId: number;
  unitIds: [number, number, number];
  exportAll: (options?: { zip?: boolean; unitIds?: number[]; outDir?: string }) => Promise<ExportKitsResult>;
  close: () => void;
}

export async function seedIntake(): Promise<IntakeSeed> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'patuh-intake-'));
  const app = startApp({ dataDir: path.join(dir, 'data'), resourcesDir: repoResourcesDir(), host: 'cli', appVersion: 'test', now: tickingClock() });
  const api = testHandlers(app);
  await api['settings:update']({ operatorName: 'Siti Verifikator' });
  const instruments = await api['instruments:list'](undefined);
  const ids = ['pekppp-2022-a', 'ombudsman-2025'].map((code) => instruments.find((item) => item.code === code)!.id);
  const names = ['Dinas Sosial', 'Dinas Kesehatan', 'Dinas Pendidikan'];
  const { created } = await api['units:bulk-create']({ names });
  const unitIds = names.map((name) => created.find((unit) => unit.name === name)!.id) as [number, number, number];
  const period = await api['periods:create']({ year: 2026, instrumentIds: ids, unitIds });
  const collection = path.join(dir, 'Drive', 'Kiriman 2026');
  return {
    app,
    api,
    ctx: app.ctx,
    dir,
    collection,
    periodId: period.id,
    unitIds,
    exportAll: (options = {}) =>
      exportKits(app.ctx, { periodId: period.id, outDir: options.outDir ?? collection, zip: options.zip ?? false, ...(options.unitIds ? { unitIds: options.unitIds } : {}) }, silentJob()),
    close: () => {
      app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export const pdfWith = (text: string) => Buffer.concat([PDF, Buffer.from(`% ${text}\n`)]);

/** The first file of `dir` whose name matches. */
export function findIn(dir: string, pattern: RegExp): string {
  const found = fs.readdirSync(dir).find((name) => pattern.test(name));
  if (!found) throw new Error(`nothing matching ${pattern} in ${dir}`);
  return path.join(dir, found);
}

/** Fill a kit workbook like a unit in Excel: `edit` gets the Isian and F-01 sheets. */
export async function fillWorkbook(file: string, edit: (sheets: { isian: ExcelJS.Worksheet; f01: ExcelJS.Worksheet }) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  edit({ isian: workbook.getWorksheet('Isian')!, f01: workbook.getWorksheet('Penilaian Mandiri')! });
  await workbook.xlsx.writeFile(file);
}

/** Excel row of the F-01 sheet holding indicator `number`. */
export function f01Row(sheet: ExcelJS.Worksheet, number: number): number {
  for (let row = 6; row <= sheet.rowCount; row += 1) {
    if (sheet.getCell(row, 1).value === number) return row;
  }
  throw new Error(`indicator ${number} not on the F-01 sheet`);
}
