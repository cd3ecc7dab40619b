/** The unit package workbook: Identitas, one sheet per PEKPPP aspect, Ombudsman, Rekap, Daftar Berkas. */
import ExcelJS from 'exceljs';
import type { FilePlan } from './file-plan';
import { addAspectSheets } from './unit-sheet-aspects';
import type { UnitPackageData } from './unit-data';
import { addFilesSheet } from './unit-sheet-files';
import { addOmbudsmanSheet } from './unit-sheet-ombudsman';
import { addIdentitySheet, addRecapSheet } from './unit-sheet-summary';
import { streamWorkbookBuffer } from './stream-workbook';

export function newWorkbook(createdAt: Date, title: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Patuh';
  workbook.lastModifiedBy = 'Patuh';
  workbook.created = createdAt;
  workbook.modified = createdAt;
  workbook.title = title;
  return workbook;
}

/** The package workbook's bytes: streamed, each sheet deflated natively once it is written (stream-workbook.ts). */
export function unitWorkbookBuffer(data: UnitPackageData, plan: FilePlan): Promise<Buffer> {
  return streamWorkbookBuffer(data.exportedAt, `${data.unit.name} — ${data.period.year}`, (workbook) => {
    const taken = new Set<string>();
    addIdentitySheet(workbook, data, taken);
    addAspectSheets(workbook, data, plan, taken);
    addOmbudsmanSheet(workbook, data, plan, taken);
    addRecapSheet(workbook, data, taken);
    addFilesSheet(workbook, data, plan, taken);
  });
}
