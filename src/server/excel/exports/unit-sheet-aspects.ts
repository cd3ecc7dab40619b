/**
 * One sheet per scored PEKPPP aspect in the layout of the evaluator form (F-02): the
 * indicators with the unit's and the verified level, the rubric text of the chosen level,
 * the required evidence with files and statuses, then a "Penjelasan" block with the
 * written justifications. Levels and indexes come from the score reports as-is.
 */
import type ExcelJS from 'exceljs';
import { formatDecimal, formatPercent } from '../../../core/scoring/rounding';
import type { PekpppAspectResult, PekpppIndicatorResult, PekpppReport } from '../../../core/scoring/types';
import type { ChecklistAspect } from '../../../shared/types';
import type { FilePlan } from './file-plan';
import { requirementRows, writeIndicatorBlock, type IndicatorBlock, type TableLayout } from './requirement-table';
import { addTitle, exportSheetName, printOptions, sectionRow, setColumnWidths, writeHeader } from './sheet-style';
import { KOP_ROWS, writeKop } from './kop';
import { commitSheet, type StreamWorkbook } from './stream-workbook';
import { checklistOf, type UnitPackageData } from './unit-data';

export const ASPECT_HEADERS = [
  'No',
  'Indikator',
  'Nilai mandiri',
  'Nilai verifikasi',
  'Kriteria yang terpenuhi',
  'Bukti dukung',
  'Berkas',
  'Status',
  'Catatan',
] as const;
const WIDTHS = [5, 34, 9.5, 10, 40, 38, 30, 15, 32];
export const ASPECT_HEADER_ROW = KOP_ROWS + 5;
const LAYOUT: TableLayout = { indicatorColumns: [1, 2, 3, 4, 5], requirementColumn: 6, fileColumn: 7, statusColumn: 8, noteColumn: 9, lastColumn: 9 };

function levelCell(item: PekpppIndicatorResult | undefined): { value: ExcelJS.CellValue } {
  return { value: item?.level ?? item?.statusLabel ?? 'belum dinilai' };
}

/** The rubric text of the level that counts (verified first), and the unit's own if different. */
function criteriaText(self: PekpppIndicatorResult | undefined, verified: PekpppIndicatorResult | undefined): string {
  const lines: string[] = [];
  if (verified?.level !== null && verified?.level !== undefined) lines.push(`Tingkat ${verified.level} (verifikasi): ${verified.levelText ?? ''}`);
  if (self?.level !== null && self?.level !== undefined && self.level !== verified?.level) {
    lines.push(`Tingkat ${self.level} (mandiri): ${self.levelText ?? ''}`);
  }
  return lines.length > 0 ? lines.join('\n') : 'Belum dinilai';
}

function explanations(data: UnitPackageData, aspect: PekpppAspectResult): string[] {
  return aspect.indicators.flatMap((indicator) => {
    const row = data.assessments.get(indicator.code);
    if (!row) return [];
    const parts = [
      row.justification && `Penjelasan unit: ${row.justification}`,
      row.override_reason && `Alasan tingkat berbeda dari saran unsur: ${row.override_reason}`,
      row.verified_note && `Catatan verifikator: ${row.verified_note}`,
    ].filter((part): part is string => Boolean(part));
    return parts.length > 0 ? [`Indikator ${indicator.number}. ${parts.join('\n')}`] : [];
  });
}

function blocks(data: UnitPackageData, aspect: PekpppAspectResult, checklistAspect: ChecklistAspect | undefined, plan: FilePlan, instrumentId: number): IndicatorBlock[] {
  const selfAspect = data.self?.aspects.find((item) => item.code === aspect.code);
  return aspect.indicators.map((verified) => {
    const self = selfAspect?.indicators.find((item) => item.code === verified.code);
    const indicator = checklistAspect?.indicators.find((item) => item.code === verified.code);
    return {
      cells: [
        { value: verified.number },
        { value: `${verified.name}\nBobot ${formatPercent(verified.weight)}` },
        levelCell(self),
        levelCell(verified),
        { value: criteriaText(self, verified) },
      ],
      requirements: indicator ? requirementRows(indicator, instrumentId, plan) : [],
    };
  });
}

function titles(sheet: ExcelJS.Worksheet, data: UnitPackageData, aspect: PekpppAspectResult, report: PekpppReport): void {
  const text = (view: PekpppReport | null) => {
    const entry = view?.aspects.find((item) => item.code === aspect.code);
    return entry && entry.assessedCount > 0 ? formatDecimal(entry.index, 2) : 'belum dinilai';
  };
  addTitle(sheet, KOP_ROWS + 1, `Lembar Evaluasi ${report.instrument.shortName} — Aspek ${aspect.name} (bobot ${formatPercent(aspect.weight)})`, LAYOUT.lastColumn, 14);
  addTitle(sheet, KOP_ROWS + 2, `${data.unit.name} · ${data.localGovernment} · Tahun ${data.period.year}`, LAYOUT.lastColumn, 12);
  const line = `Indeks aspek (skala 0–5): nilai terkini ${text(data.current)} · mandiri ${text(data.self)} · verifikasi ${text(report)}`;
  addTitle(sheet, KOP_ROWS + 3, line, LAYOUT.lastColumn, 11);
}

/** Adds the aspect sheets; returns their names in order. */
export function addAspectSheets(workbook: StreamWorkbook, data: UnitPackageData, plan: FilePlan, taken: Set<string>): string[] {
  const report = data.verified;
  const instrument = checklistOf(data, 'pekppp');
  if (!report || !instrument) return [];
  return report.aspects
    .filter((aspect) => aspect.scored)
    .map((aspect) => {
      const print = printOptions(ASPECT_HEADER_ROW, 'landscape', true, data.print(`${data.unit.name} — ${aspect.name} ${data.period.year}`));
      const sheet = workbook.addWorksheet(exportSheetName(data.aspectShort(aspect.code, aspect.name), taken), print);
      setColumnWidths(sheet, WIDTHS);
      writeKop(workbook, sheet, data.docs.header, LAYOUT.lastColumn);
      titles(sheet, data, aspect, report);
      writeHeader(sheet, ASPECT_HEADER_ROW, ASPECT_HEADERS);
      let row = ASPECT_HEADER_ROW + 1;
      const checklistAspect = instrument.aspects.find((item) => item.code === aspect.code);
      for (const block of blocks(data, aspect, checklistAspect, plan, instrument.instrumentId)) row = writeIndicatorBlock(sheet, row, block, LAYOUT);
      const notes = explanations(data, aspect);
      if (notes.length > 0) {
        sectionRow(sheet, row + 1, 'Penjelasan', LAYOUT.lastColumn);
        notes.forEach((note, index) => sectionRow(sheet, row + 2 + index, note, LAYOUT.lastColumn, false));
      }
      commitSheet(sheet);
      return sheet.name;
    });
}
