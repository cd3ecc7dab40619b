/**
 * The SKM report workbook: the same model as the .docx, one sheet per part, A4 print
 * setup, the chart as an image, user text always written as text (never a formula).
 */
import ExcelJS from 'exceljs';
import { LINE_HEIGHT, addTitle, bodyCell, fitRowHeight, lineCount, printSetup, sectionRow, setColumnWidths, writeHeader } from '../excel/exports/sheet-style';
import type { SkmReportModel } from './report-model';

function kop(sheet: ExcelJS.Worksheet, model: SkmReportModel, last: number): number {
  let row = 1;
  for (const line of model.frame.header.lines) addTitle(sheet, row++, line, last, 13);
  addTitle(sheet, row++, model.title, last, 12);
  addTitle(sheet, row++, model.subtitle, last, 11);
  for (let r = 1; r < row; r += 1) sheet.getCell(r, 1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  // The kop's rule under the unit name, as on a letter.
  for (let c = 1; c <= last; c += 1) sheet.getCell(model.frame.header.lines.length, c).border = { bottom: { style: 'medium', color: { argb: 'FF000000' } } };
  return row + 1;
}

function signature(sheet: ExcelJS.Worksheet, model: SkmReportModel, row: number, column: number, last: number): number {
  const sig = model.frame.signature;
  const text = `${sig.placeDate}\n${sig.role}\n\n\n\n${sig.name}\n${sig.nip}`;
  const cell = sheet.getCell(row, column);
  cell.value = text;
  cell.alignment = { horizontal: 'center', vertical: 'top', wrapText: true };
  if (last > column) sheet.mergeCells(row, column, row, last);
  sheet.getRow(row).height = 7 * 15 + 6;
  return row + 1;
}

function tableAt(sheet: ExcelJS.Worksheet, row: number, headers: string[], rows: string[][], centered: number[] = []): number {
  writeHeader(sheet, row, headers);
  let next = row + 1;
  for (const values of rows) {
    values.forEach((value, index) => {
      const cell = bodyCell(sheet, next, index + 1, value);
      if (centered.includes(index)) cell.alignment = { ...cell.alignment, horizontal: 'center' };
    });
    fitRowHeight(sheet, next, headers.length);
    next += 1;
  }
  return next;
}

function resultSheet(workbook: ExcelJS.Workbook, model: SkmReportModel, chart: Buffer): void {
  const sheet = workbook.addWorksheet('Hasil SKM');
  const last = model.unsurHeaders.length;
  setColumnWidths(sheet, [6, 34, 11, 12, 9, 8, 11, 18]);
  let row = kop(sheet, model, last);
  for (const [label, value] of model.facts) {
    bodyCell(sheet, row, 1, label).font = { bold: true };
    sheet.mergeCells(row, 1, row, 3);
    bodyCell(sheet, row, 4, value);
    sheet.mergeCells(row, 4, row, last);
    sheet.getRow(row).height = lineCount(value, 70) * LINE_HEIGHT + 4;
    row += 1;
  }
  row += 1;
  const headerRow = row;
  row = tableAt(sheet, row, model.unsurHeaders, model.unsurRows, [0, 2, 3, 4, 5, 6, 7]);
  for (const [label, value] of model.resultRows) {
    const cell = bodyCell(sheet, row, 1, label);
    cell.font = { bold: true };
    sheet.mergeCells(row, 1, row, 6);
    const valueCell = bodyCell(sheet, row, 7, value);
    valueCell.font = { bold: true };
    valueCell.alignment = { horizontal: 'center', vertical: 'top', wrapText: true };
    sheet.mergeCells(row, 7, row, last);
    row += 1;
  }
  row += 1;
  const image = workbook.addImage({ buffer: chart as unknown as ExcelJS.Buffer, extension: 'png' });
  sheet.addImage(image, { tl: { col: 0.2, row: row - 1 }, ext: { width: 640, height: 299 } });
  row += 16;
  for (const line of model.notes) sectionRow(sheet, row++, line, last, false);
  row += 1;
  signature(sheet, model, row, 5, last);
  printSetup(sheet, headerRow, 'portrait', false);
}

function simpleSheet(workbook: ExcelJS.Workbook, name: string, model: SkmReportModel, widths: number[], build: (sheet: ExcelJS.Worksheet, row: number) => number): void {
  const sheet = workbook.addWorksheet(name);
  setColumnWidths(sheet, widths);
  const last = widths.length;
  const row = build(sheet, kop(sheet, model, last));
  signature(sheet, model, row + 1, Math.max(1, last - 2), last);
  printSetup(sheet, null, 'portrait', false);
}

export async function renderReportWorkbook(model: SkmReportModel, chart: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Patuh';
  resultSheet(workbook, model, chart);
  simpleSheet(workbook, 'Per Layanan', model, [30, 12, 12, 22, 11, 8, 16], (sheet, row) =>
    model.serviceRows.length > 0 ? tableAt(sheet, row, model.serviceHeaders, model.serviceRows, [1, 2, 3, 4, 5]) : (sectionRow(sheet, row, 'Belum ada survei.', 7, false), row + 1),
  );
  simpleSheet(workbook, 'Profil Responden', model, [40, 14], (sheet, start) => {
    let row = start;
    sectionRow(sheet, row++, model.profileNote, 2, false);
    for (const group of model.profile.groups) {
      sectionRow(sheet, row++, group.title, 2);
      row = tableAt(sheet, row, ['Kategori', 'Jumlah'], group.counts.map((item) => [item.label, String(item.count)]), [1]) + 1;
    }
    sectionRow(sheet, row++, 'Unsur dengan nilai terendah', 2);
    for (const line of model.weakest) sectionRow(sheet, row++, line, 2, false);
    return row;
  });
  simpleSheet(workbook, 'RTL', model, [5, 26, 40, 14, 22, 14], (sheet, row) => {
    const next = model.followUpRows.length > 0 ? tableAt(sheet, row, model.followUpHeaders, model.followUpRows) : row;
    sectionRow(sheet, next, model.followUpSummary, 6, false);
    return next + 1;
  });
  simpleSheet(workbook, 'Publikasi', model, [8, 46, 12, 20], (sheet, start) => {
    let row = start;
    const pub = model.publication;
    addTitle(sheet, row++, 'PENGUMUMAN HASIL SURVEI KEPUASAN MASYARAKAT', 4, 14);
    addTitle(sheet, row++, pub.headline, 4, 12);
    const value = sheet.getCell(row, 1);
    value.value = pub.value;
    value.font = { bold: true, size: 36 };
    value.alignment = { horizontal: 'center', vertical: 'middle' };
    sheet.mergeCells(row, 1, row, 4);
    sheet.getRow(row).height = 52;
    row += 1;
    addTitle(sheet, row++, `Mutu pelayanan ${pub.mutu} · Kinerja ${pub.kinerja}`, 4, 13);
    for (const line of pub.lines) sectionRow(sheet, row++, line, 4, false);
    row += 1;
    row = tableAt(sheet, row, ['No', 'Unsur pelayanan', 'NRR', 'Mutu'], model.unsurRows.map((r) => [r[0]!, r[1]!, r[4]!, r[7]!]), [0, 2, 3]);
    sectionRow(sheet, row++, 'Terima kasih atas partisipasi Bapak/Ibu/Saudara. Masukan Anda menjadi dasar perbaikan pelayanan kami.', 4, false);
    return row;
  });
  return workbook;
}
