/** The unit package workbook: Identitas, one sheet per PEKPPP aspect, Ombudsman, Rekap, Daftar Berkas. */
import ExcelJS from 'exceljs';
import { xlsxBuffer } from '../zip-buffer';
import type { FilePlan } from './file-plan';
import { applyFont } from './kop';
import { addAspectSheets } from './unit-sheet-aspects';
import type { UnitPackageData } from './unit-data';
import { addFilesSheet } from './unit-sheet-files';
import { addOmbudsmanSheet } from './unit-sheet-ombudsman';
import { addIdentitySheet, addRecapSheet } from './unit-sheet-summary';

export function newWorkbook(createdAt: Date, title: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Patuh';
  workbook.lastModifiedBy = 'Patuh';
  workbook.created = createdAt;
  workbook.modified = createdAt;
  workbook.title = title;
  return workbook;
}

export function buildUnitWorkbook(data: UnitPackageData, plan: FilePlan): ExcelJS.Workbook {
  const workbook = newWorkbook(data.exportedAt, `${data.unit.name} — ${data.period.year}`);
  const taken = new Set<string>();
  addIdentitySheet(workbook, data, taken);
  addAspectSheets(workbook, data, plan, taken);
  addOmbudsmanSheet(workbook, data, plan, taken);
  addRecapSheet(workbook, data, taken);
  addFilesSheet(workbook, data, plan, taken);
  applyFont(workbook);
  return workbook;
}

/** The package workbook's bytes (deflated natively, see xlsxBuffer). */
export function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return xlsxBuffer(workbook);
}
