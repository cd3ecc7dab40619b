/**
 * The gap report a unit head signs: what to do first, how much each step adds, and what
 * the category becomes if the top steps are done. A single print-ready sheet (A4
 * landscape, one page wide, table header repeated) rendered from gapReportModel.
 */
import type ExcelJS from 'exceljs';
import { requireScope } from '../../checklist/checklist-service';
import type { ServerContext } from '../../context';
import type { GapBasis } from '../../../shared/types';
import { throwIfCancelled, type JobControl } from '../../jobs/job';
import { unitGaps } from '../../scoring/gaps-service';
import { unitScores } from '../../scoring/scores-service';
import { getSettings } from '../../settings/settings-service';
import { getUnit } from '../../units/units-service';
import { localIsoDay } from './format';
import type { Signature } from '../../../core/documents/signature';
import { documentContext, type DocumentContext } from '../../documents/letterhead';
import { printInfoOf } from './document-setup';
import { gapReportModel, type GapReportFact, type GapReportModel, type GapReportSection } from './gap-report-model';
import { applyFont, writeKop, writeSignatures } from './kop';
import { writeWorkbookFile } from './output';
import { addTitle, bodyCell, ensureMergedHeight, exportSheetName, fitRowHeight, NUM_GAIN, NUM_INDEX, printSetup, sectionRow, setColumnWidths, toneCell, writeHeader } from './sheet-style';
import { newWorkbook } from './unit-workbook';

export interface GapReportParams {
  periodId: number;
  unitId: number;
  outFile: string;
  /** Which levels the ranking starts from; the app's default is the unit's own (mandiri). */
  basis?: GapBasis;
}

export interface GapReportResult {
  path: string;
}

export const GAP_SHEET = 'Langkah Perbaikan';
export const GAP_HEADERS = ['No', 'Langkah', 'Indikator/Dimensi', 'Tambahan nilai', 'Status sekarang'] as const;
const WIDTHS = [5, 62, 42, 14, 18];
const LAST = GAP_HEADERS.length;

/** Label in B, value in C (number or text), description across D–E. */
function factRow(sheet: ExcelJS.Worksheet, row: number, fact: GapReportFact): void {
  bodyCell(sheet, row, 1, null);
  bodyCell(sheet, row, 2, fact.label).font = { bold: true };
  if (fact.value === null) {
    toneCell(bodyCell(sheet, row, 3, fact.text), fact.tone);
    bodyCell(sheet, row, 4, null);
    bodyCell(sheet, row, 5, null);
    sheet.mergeCells(row, 3, row, LAST);
  } else {
    bodyCell(sheet, row, 3, fact.value, NUM_INDEX).alignment = { horizontal: 'left', vertical: 'top' };
    toneCell(bodyCell(sheet, row, 4, fact.text), fact.tone);
    bodyCell(sheet, row, 5, null);
    sheet.mergeCells(row, 4, row, LAST);
  }
  fitRowHeight(sheet, row, 2);
  // The text spans the merged cells: the row must fit it there, or the words are cut on paper.
  const from = fact.value === null ? 3 : 4;
  ensureMergedHeight(sheet, row, row, fact.text, WIDTHS.slice(from - 1).reduce((a, b) => a + b, 0));
}

/** Title, column header, ranked rows, prediction sentences; returns the header row and the next free row. */
function writeSection(sheet: ExcelJS.Worksheet, start: number, section: GapReportSection): { headerRow: number; next: number } {
  sectionRow(sheet, start, section.title, LAST);
  writeHeader(sheet, start + 1, GAP_HEADERS);
  let row = start + 2;
  if (section.rows.length === 0) sectionRow(sheet, row++, section.emptyMessage, LAST, false);
  for (const item of section.rows) {
    bodyCell(sheet, row, 1, item.no);
    bodyCell(sheet, row, 2, item.step);
    bodyCell(sheet, row, 3, item.target);
    bodyCell(sheet, row, 4, item.gain, section.gainDecimals === 4 ? NUM_GAIN : NUM_INDEX);
    bodyCell(sheet, row, 5, item.current);
    fitRowHeight(sheet, row, LAST);
    row += 1;
  }
  for (const line of section.predictions) sectionRow(sheet, row++, line, LAST, false);
  return { headerRow: start + 1, next: row + 1 };
}

export function renderGapReport(workbook: ExcelJS.Workbook, model: GapReportModel, docs?: DocumentContext): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(exportSheetName(GAP_SHEET, new Set()));
  setColumnWidths(sheet, WIDTHS);
  const top = docs ? writeKop(workbook, sheet, docs.header, LAST) : 1;
  addTitle(sheet, top, model.title, LAST, 14);
  addTitle(sheet, top + 1, model.subtitle, LAST, 11);
  model.facts.forEach((fact, index) => factRow(sheet, top + 3 + index, fact));
  let row = top + 3 + model.facts.length + 1;
  // The first table header is repeated on every printed page; both tables share its columns.
  let headerRow: number | null = null;
  for (const section of model.sections) {
    const written = writeSection(sheet, row, section);
    headerRow ??= written.headerRow;
    row = written.next;
  }
  writeSignatures(sheet, row + 1, LAST, model.signatures[1], model.signatures[0]);
  printSetup(sheet, headerRow, 'landscape', false, docs ? printInfoOf(docs, model.title) : undefined);
  applyFont(workbook);
  return sheet;
}

export async function exportGapReport(ctx: ServerContext, params: GapReportParams, job: JobControl): Promise<GapReportResult> {
  throwIfCancelled(job);
  job.progress(0, 'Menghitung langkah perbaikan…');
  const period = requireScope(ctx, params.periodId, params.unitId);
  const gaps = unitGaps(ctx, { periodId: params.periodId, unitId: params.unitId, basis: params.basis ?? 'terkini' });
  const scores = unitScores(ctx, { periodId: params.periodId, unitId: params.unitId });
  const unit = getUnit(ctx, { id: params.unitId });
  const docs = documentContext(ctx);
  const signatures: [Signature, Signature] = [docs.unitHead(unit, 'Mengetahui,'), docs.signature('gap-report', { dated: true })];
  const model = gapReportModel(gaps, scores, getSettings(ctx), { year: period.year, today: localIsoDay(ctx.now()), headName: unit.headName, signatures });
  throwIfCancelled(job);
  job.progress(0.6, 'Menyusun buku kerja Excel…');
  const workbook = newWorkbook(ctx.now(), model.title);
  renderGapReport(workbook, model, docs);
  const path = await writeWorkbookFile(workbook, params.outFile, job);
  job.progress(1, 'Laporan kesenjangan selesai dibuat.');
  return { path };
}
