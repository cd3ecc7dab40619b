/**
 * Daftar Kekurangan: every requirement still open in every unit of the year — the long
 * list (thousands of rows for 300 units) that used to sit in the recap's print area,
 * now its own export with the same kop, print setup and signature.
 */
import type ExcelJS from 'exceljs';
import { isGap } from '../../../core/checklist/progress';
import { groupInOrder } from '../../../core/documents/groups';
import type { Checklist } from '../../../shared/types';
import { getChecklistsOfPeriod } from '../../checklist/checklist-service';
import type { ServerContext } from '../../context';
import { documentContext } from '../../documents/letterhead';
import { throwIfCancelled, type JobControl } from '../../jobs/job';
import { getPeriod } from '../../periods/periods-service';
import { getSettings } from '../../settings/settings-service';
import { listUnits } from '../../units/units-service';
import { printInfoOf } from './document-setup';
import { localGovernmentOf, statusLabel } from './format';
import { applyFont, KOP_ROWS, writeKop, writeSignatures, writeTitleBlock } from './kop';
import { writeWorkbookFile } from './output';
import { requirementNote } from './requirement-table';
import { bodyCell, exportSheetName, fitRowHeight, printSetup, sectionRow, setColumnWidths, writeHeader } from './sheet-style';
import { newWorkbook } from './unit-workbook';

export const GAPS_SHEET = 'Daftar Kekurangan';
export const GAPS_HEADERS = ['No', 'Unit', 'Instrumen', 'Aspek/Dimensi', 'Indikator', 'Bukti dukung', 'Status', 'Catatan'] as const;
export const GAPS_HEADER_ROW = KOP_ROWS + 4;

export interface GapListParams {
  periodId: number;
  outFile: string;
}

function gapRows(checklist: Checklist): string[][] {
  return checklist.instruments.flatMap((instrument) =>
    instrument.aspects.flatMap((aspect) =>
      aspect.indicators.flatMap((indicator) =>
        indicator.requirements
          .filter((requirement) => isGap(requirement.status))
          .map((requirement) => [checklist.unit.name, instrument.shortName, aspect.name, `${indicator.number}. ${indicator.name}`, requirement.text, statusLabel(requirement.status), requirementNote(requirement)]),
      ),
    ),
  );
}

export function addGapListSheet(workbook: ExcelJS.Workbook, ctx: ServerContext, year: number, checklists: Map<number, Checklist>): ExcelJS.Worksheet {
  const docs = documentContext(ctx);
  const sheet = workbook.addWorksheet(exportSheetName(GAPS_SHEET, new Set()));
  setColumnWidths(sheet, [5, 26, 14, 22, 32, 44, 15, 36]);
  writeKop(workbook, sheet, docs.header, GAPS_HEADERS.length);
  writeTitleBlock(sheet, KOP_ROWS + 1, [`DAFTAR BUKTI DUKUNG YANG BELUM TERVERIFIKASI TAHUN ${year}`, localGovernmentOf(getSettings(ctx))], GAPS_HEADERS.length);
  writeHeader(sheet, GAPS_HEADER_ROW, GAPS_HEADERS);
  let row = GAPS_HEADER_ROW + 1;
  const order = new Map(listUnits(ctx, { includeArchived: true }).map((unit, index) => [unit.id, index]));
  const sorted = [...checklists.values()].sort((a, b) => (order.get(a.unit.id) ?? 0) - (order.get(b.unit.id) ?? 0));
  for (const group of groupInOrder(sorted, (checklist) => checklist.unit.groupName)) {
    sectionRow(sheet, row++, `${group.letter}. ${group.name}`, GAPS_HEADERS.length);
    let number = 1;
    for (const checklist of group.items) {
      for (const values of gapRows(checklist)) {
        bodyCell(sheet, row, 1, number++);
        values.forEach((value, index) => bodyCell(sheet, row, index + 2, value));
        fitRowHeight(sheet, row, GAPS_HEADERS.length);
        row += 1;
      }
    }
  }
  sheet.autoFilter = { from: { row: GAPS_HEADER_ROW, column: 1 }, to: { row: Math.max(GAPS_HEADER_ROW, row - 1), column: GAPS_HEADERS.length } };
  writeSignatures(sheet, row + 1, GAPS_HEADERS.length, docs.signature('recap', { dated: true }));
  printSetup(sheet, GAPS_HEADER_ROW, 'landscape', true, printInfoOf(docs, `Daftar kekurangan bukti dukung ${year}`));
  return sheet;
}

export async function exportGapList(ctx: ServerContext, params: GapListParams, job: JobControl): Promise<{ path: string }> {
  throwIfCancelled(job);
  job.progress(0.05, 'Membaca daftar bukti semua unit…');
  const { period, checklists } = ctx.db.transaction(() => ({ period: getPeriod(ctx, { id: params.periodId }), checklists: getChecklistsOfPeriod(ctx, params.periodId) }))();
  throwIfCancelled(job);
  job.progress(0.5, 'Menyusun buku kerja Excel…');
  const workbook = newWorkbook(ctx.now(), `Daftar kekurangan ${period.year}`);
  addGapListSheet(workbook, ctx, period.year, checklists);
  applyFont(workbook);
  const path = await writeWorkbookFile(workbook, params.outFile, job);
  job.progress(1, 'Daftar kekurangan selesai dibuat.');
  return { path };
}
