/**
 * Export of the fillable workbook a service unit completes offline: a guide sheet, the
 * protected Isian sheet (grey = ours, white = theirs) and a signed, very hidden key sheet
 * that lets the import know exactly what the unit saw.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Checklist, ChecklistRequirement } from '../../../shared/types';
import { AppError } from '../../../shared/result';
import { isoNow, type ServerContext } from '../../context';
import { getChecklist } from '../../checklist/checklist-service';
import { getPeriod } from '../../periods/periods-service';
import { throwIfCancelled, type JobControl } from '../../jobs/job';
import { exportFileName, safeText, showTextAsTyped } from '../cells';
import { normalizeNote } from './cell-values';
import { ensureFormSecret, identityHash, identityText, signKey, writeKeySheet, type FormKey } from './form-key';
import { COL, COLUMN_WIDTHS, EDITABLE_COLUMNS, FORM_FORMAT, HEADERS, LOCKED_COLUMNS, SHEET_FORM, SHEET_KEY, STATUS_LABEL_LIST, columnLetter, statusLabel } from './layout';
import { documentContext } from '../../documents/letterhead';
import { printInfoOf } from '../exports/document-setup';
import { fitRowHeight, FONT, LINE_HEIGHT, lineCount, printSetup, type PrintInfo } from '../exports/sheet-style';
import { writeGuideSheet } from './guide-sheet';
import { writeSelfAssessment } from './self-assessment-sheet';
import { SHEET_F01 } from './self-assessment-layout';
import { getAssessment } from '../../assessment/assessment-service';
import type { Assessment } from '../../../shared/types';
import { protectStructure } from './workbook-protect';
import { xlsxBuffer } from '../zip-buffer';

export interface ExportFormInput {
  periodId: number;
  unitId: number;
  outFile: string;
  /** Kit workbooks also carry the Penilaian Mandiri (F-01) sheet and sender cells. */
  selfAssessment?: boolean;
}

export interface ExportFormResult {
  path: string;
  rows: number;
  /** Signature of the workbook's key: a kit manifest names the workbook it belongs to by it. */
  keyMac: string;
}

export interface FormRow {
  instrument: string;
  aspect: string;
  indicator: string;
  requirement: ChecklistRequirement;
}

const GREY = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } } as const;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFBFBFBF' } } as const;
const THIN = { style: 'thin', color: { argb: 'FFA6A6A6' } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export function rowIdentity(row: Pick<FormRow, 'instrument' | 'aspect' | 'indicator'> & { text: string }): string {
  return identityHash([row.instrument, row.aspect, row.indicator, row.text].map((text) => identityText(safeText(text))));
}

export function collectRows(checklist: Checklist): FormRow[] {
  return checklist.instruments.flatMap((instrument) =>
    instrument.aspects.flatMap((aspect) =>
      aspect.indicators.flatMap((indicator) =>
        indicator.requirements.map((requirement) => ({
          instrument: instrument.shortName,
          aspect: aspect.name,
          indicator: `${indicator.number}. ${indicator.name}`,
          requirement,
        })),
      ),
    ),
  );
}

function currentStatusText(requirement: ChecklistRequirement): string {
  const reason = requirement.reason ? ` — ${requirement.reason}` : '';
  const count = requirement.evidence.length;
  return `${statusLabel(requirement.status)}${reason}${count > 0 ? `\n(${count} bukti sudah tercatat)` : ''}`;
}

function styleRow(row: ExcelJS.Row): void {
  for (const column of LOCKED_COLUMNS) {
    const cell = row.getCell(column);
    cell.fill = GREY;
    cell.border = BORDER;
    cell.alignment = { wrapText: true, vertical: 'top' };
  }
  for (const column of EDITABLE_COLUMNS) {
    const cell = row.getCell(column);
    // Unlocked is what lets the unit type here while the sheet is protected.
    cell.protection = { locked: false };
    cell.border = BORDER;
    cell.alignment = { wrapText: true, vertical: 'top' };
  }
  row.getCell(COL.documentDate).numFmt = 'dd/mm/yyyy';
}

/** exceljs 4 supports range validations but its typings omit them. */
type WithValidations = { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } };

function addValidations(sheet: ExcelJS.Worksheet, lastRow: number): void {
  const range = (column: number) => `${columnLetter(column)}2:${columnLetter(column)}${lastRow}`;
  const validations = (sheet as unknown as WithValidations).dataValidations;
  validations.add(range(COL.status), {
    type: 'list',
    allowBlank: true,
    formulae: [`"${STATUS_LABEL_LIST.join(',')}"`],
    showErrorMessage: true,
    errorTitle: 'Status tidak dikenal',
    error: 'Pilih status dari daftar, misalnya "Menunggu verifikasi".',
  });
  validations.add(range(COL.documentDate), {
    type: 'date',
    operator: 'between',
    allowBlank: true,
    formulae: [new Date(Date.UTC(1990, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
    showErrorMessage: true,
    errorTitle: 'Tanggal tidak valid',
    error: 'Ketik tanggal, misalnya 24/11/2026.',
  });
}

async function writeFormSheet(workbook: ExcelJS.Workbook, rows: FormRow[], print: PrintInfo): Promise<void> {
  const sheet = workbook.addWorksheet(SHEET_FORM, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }));
  const header = sheet.addRow([...HEADERS]);
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
  rows.forEach((row, index) => {
    const { requirement } = row;
    const values = [index + 1, row.instrument, row.aspect, row.indicator, requirement.text, currentStatusText(requirement)];
    const added = sheet.addRow([...values.map((value) => (typeof value === 'number' ? value : safeText(value))), statusLabel(requirement.status), null, null, safeText(requirement.note)]);
    styleRow(added);
  });
  const lastRow = Math.max(rows.length + 1, 2);
  addValidations(sheet, lastRow);
  sheet.autoFilter = { from: 'A1', to: `${columnLetter(HEADERS.length)}${lastRow}` };
  // A4 (or F4) landscape, every column on one page width, the header row on every page.
  printSetup(sheet, 1, 'landscape', false, print);
  sheet.eachRow((row) => row.eachCell({ includeEmpty: true }, (cell) => void (cell.font = { ...(cell.font ?? {}), name: FONT })));
  // Heights for the wrapped text: LibreOffice keeps the default height on open and the lines would overlap on paper.
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const lines = Math.max(1, ...COLUMN_WIDTHS.map((width, index) => lineCount(String(row.getCell(index + 1).value ?? ''), width)));
    row.height = Math.min(409, lines * LINE_HEIGHT + 3);
  });
  fitRowHeight(sheet, 1, HEADERS.length);
  // No inserting or deleting rows/columns: the key sheet is aligned row by row.
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, autoFilter: true, formatColumns: true, formatRows: true });
}

function buildKey(checklist: Checklist, rows: FormRow[], exportedAt: string): FormKey {
  return {
    format: FORM_FORMAT,
    unitId: checklist.unit.id,
    unitName: checklist.unit.name,
    periodId: checklist.periodId,
    year: checklist.year,
    exportedAt,
    rows: rows.map((row) => ({
      instrumentId: row.requirement.instrumentId,
      requirementCode: row.requirement.code,
      updatedAt: row.requirement.updatedAt ?? '',
      status: row.requirement.status,
      note: normalizeNote(row.requirement.note),
      textHash: rowIdentity({ ...row, text: row.requirement.text }),
    })),
  };
}

const KIT_STEPS = [
  `10. Lembar "${SHEET_F01}" (F-01): pilih tingkat 0–5 per indikator, isi "Ya" pada unsur yang ada, dan jelaskan. Bila tingkat berbeda dari saran unsur, tuliskan alasannya. Isi juga nama pengisi di bagian atas lembar itu.`,
  '11. Berkas bukti (PDF, foto, dokumen) tidak ditempel di buku kerja: simpan di folder persyaratan yang sesuai di dalam kit ini. Jangan mengganti nama folder.',
];

/** The year's self-assessment, or null when the year has no PEKPPP instrument. */
function assessmentOrNull(ctx: ServerContext, input: ExportFormInput): Assessment | null {
  try {
    return getAssessment(ctx, { periodId: input.periodId, unitId: input.unitId });
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION') return null;
    throw error;
  }
}

/** A readable default file name for the save dialog and the CLI, e.g. "Formulir isian 2026 - Dinas Sosial.xlsx". */
export function formFileName(unitName: string, year: number): string {
  return `${exportFileName(`Formulir isian ${year} - ${unitName}`)}.xlsx`;
}

/** Write through a temporary name so a crash never leaves half a workbook under the real name. */
function writeAtomically(target: string, data: Buffer): void {
  const temp = `${target}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, target);
  } catch (cause) {
    fs.rmSync(temp, { force: true });
    throw new AppError('IO', `Buku kerja tidak dapat disimpan ke ${target}: ${(cause as Error).message}. Pilih folder lain.`);
  }
}

export async function exportForm(ctx: ServerContext, input: ExportFormInput, job: JobControl): Promise<ExportFormResult> {
  job.progress(0.05, 'Membaca daftar bukti dukung…');
  const checklist = getChecklist(ctx, { periodId: input.periodId, unitId: input.unitId });
  const period = getPeriod(ctx, { id: input.periodId });
  const rows = collectRows(checklist);
  if (rows.length === 0) throw new AppError('VALIDATION', 'Tahun penilaian ini belum punya persyaratan bukti dukung; tidak ada yang bisa diisi.');
  const secret = ensureFormSecret(ctx);
  const key = buildKey(checklist, rows, isoNow(ctx));
  throwIfCancelled(job);
  job.progress(0.3, 'Menyusun buku kerja…');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Patuh';
  workbook.created = ctx.now();
  const docs = documentContext(ctx);
  await writeGuideSheet(workbook, checklist, period.deadline, docs, input.selfAssessment ? KIT_STEPS : []);
  await writeFormSheet(workbook, rows, printInfoOf(docs, `Formulir isian ${checklist.unit.name} ${checklist.year}`));
  const keyMac = signKey(key, secret);
  const keySheet = workbook.addWorksheet(SHEET_KEY, { state: 'veryHidden' });
  writeKeySheet(keySheet, key, keyMac);
  await keySheet.protect('', {});
  if (input.selfAssessment) {
    await writeSelfAssessment(workbook, { assessment: assessmentOrNull(ctx, input), unitName: checklist.unit.name, year: checklist.year, formMac: keyMac, secret });
  }
  // What a person reads shows text exactly as typed; the hidden keys keep their safe form.
  for (const sheet of workbook.worksheets) if (sheet.state === 'visible') showTextAsTyped(sheet);
  throwIfCancelled(job);
  job.progress(0.7, 'Menyimpan buku kerja…');
  const written = await xlsxBuffer(workbook, protectStructure);
  throwIfCancelled(job);
  fs.mkdirSync(path.dirname(input.outFile), { recursive: true });
  writeAtomically(input.outFile, written);
  job.progress(1, 'Buku kerja isian selesai dibuat.');
  return { path: input.outFile, rows: rows.length, keyMac };
}
