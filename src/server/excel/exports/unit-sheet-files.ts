/**
 * Daftar Berkas: every copied file with a hyperlink relative to the workbook (so the
 * link works wherever the package folder or unzipped ZIP is moved), its size, SHA-256,
 * document date and the requirements it supports; then every web link.
 */
import type ExcelJS from 'exceljs';
import type { FilePlan, SupportRef } from './file-plan';
import { formatDateId, packageHref } from './format';
import { addTitle, bodyCell, linkValue, ensureMergedHeight, exportSheetName, NUM_INTEGER, printOptions, setColumnWidths, writeHeader } from './sheet-style';
import { KOP_ROWS, writeKop } from './kop';
import { commitSheet, type StreamWorkbook } from './stream-workbook';
import type { UnitPackageData } from './unit-data';

export const FILES_SHEET = 'Daftar Berkas';
export const FILES_HEADERS = ['No', 'Nama berkas', 'Jenis', 'Ukuran (byte)', 'SHA-256', 'Tanggal dokumen', 'Mendukung persyaratan', 'Lokasi di paket'] as const;
export const FILES_HEADER_ROW = KOP_ROWS + 4;
const WIDTHS = [5, 34, 9.5, 13, 30, 14, 50, 50];

function supportText(supports: readonly SupportRef[]): string {
  return supports.map((item) => `${item.instrument} · indikator ${item.indicatorNumber} ${item.indicatorName}: ${item.requirementText}`).join('\n');
}

function linkCell(sheet: ExcelJS.Worksheet, row: number, label: string, href: string | null): void {
  const cell = bodyCell(sheet, row, 2, href ? linkValue(label, href) : label);
  if (href) cell.font = { color: { argb: 'FF0563C1' }, underline: true };
}

interface EvidenceMarks {
  expired: boolean;
  sharedWith: string[];
}

/** Kedaluwarsa and "same file in other units", as the checklist judged them (any requirement counts). */
function marksOf(data: UnitPackageData): Map<number, EvidenceMarks> {
  const marks = new Map<number, EvidenceMarks>();
  for (const instrument of data.checklist.instruments)
    for (const aspect of instrument.aspects)
      for (const indicator of aspect.indicators)
        for (const requirement of indicator.requirements)
          for (const evidence of requirement.evidence) {
            const mark = marks.get(evidence.id) ?? { expired: false, sharedWith: [] };
            marks.set(evidence.id, { expired: mark.expired || evidence.expired, sharedWith: [...new Set([...mark.sharedWith, ...evidence.sharedWith])] });
          }
  return marks;
}

/** The date a person entered; empty is said to be unknown, and an expired one is marked. */
function dateText(documentDate: string | null, mark: EvidenceMarks | undefined): string {
  const date = documentDate ? formatDateId(documentDate) : 'tidak diketahui';
  return mark?.expired ? `${date}\nkedaluwarsa` : date;
}

interface FileRowSpec {
  label: string;
  href: string | null;
  kind: string;
  size: number | null;
  sha256: string;
  documentDate: string | null;
  mark: EvidenceMarks | undefined;
  supports: SupportRef[];
  location: string;
}

function writeRow(sheet: ExcelJS.Worksheet, row: number, number: number, spec: FileRowSpec): void {
  bodyCell(sheet, row, 1, number);
  linkCell(sheet, row, spec.label, spec.href);
  bodyCell(sheet, row, 3, spec.kind);
  bodyCell(sheet, row, 4, spec.size, NUM_INTEGER);
  bodyCell(sheet, row, 5, spec.sha256).font = { name: 'Consolas', size: 9 };
  const date = bodyCell(sheet, row, 6, dateText(spec.documentDate, spec.mark));
  if (spec.mark?.expired) date.font = { bold: true, color: { argb: 'FFC00000' } };
  const shared = spec.mark && spec.mark.sharedWith.length > 0 ? `\nBerkas yang sama juga dilampirkan oleh: ${spec.mark.sharedWith.join(', ')}` : '';
  const supports = `${supportText(spec.supports)}${shared}`;
  bodyCell(sheet, row, 7, supports);
  bodyCell(sheet, row, 8, spec.location);
  sheet.getRow(row).height = 17;
  ensureMergedHeight(sheet, row, row, supports, WIDTHS[6]!);
  ensureMergedHeight(sheet, row, row, spec.sha256, WIDTHS[4]! * 0.8);
}

export function addFilesSheet(workbook: StreamWorkbook, data: UnitPackageData, plan: FilePlan, taken: Set<string>): void {
  const sheet = workbook.addWorksheet(exportSheetName(FILES_SHEET, taken), printOptions(FILES_HEADER_ROW, 'landscape', true, data.print(`Daftar berkas ${data.unit.name} ${data.period.year}`)));
  setColumnWidths(sheet, WIDTHS);
  writeKop(workbook, sheet, data.docs.header, FILES_HEADERS.length);
  addTitle(sheet, KOP_ROWS + 1, `Daftar Berkas — ${data.unit.name} — Tahun ${data.period.year}`, FILES_HEADERS.length, 14);
  addTitle(sheet, KOP_ROWS + 2, `${plan.files.length} berkas dan ${plan.links.length} tautan. Klik nama berkas untuk membukanya dari folder paket ini.`, FILES_HEADERS.length, 11);
  writeHeader(sheet, FILES_HEADER_ROW, FILES_HEADERS);
  let row = FILES_HEADER_ROW + 1;
  let number = 1;
  const marks = marksOf(data);
  for (const file of plan.files) {
    const spec = { label: file.fileName, href: packageHref(file.relativePath), kind: 'Berkas', size: file.size, sha256: file.sha256, documentDate: file.documentDate, mark: marks.get(file.evidenceId), supports: file.supports, location: file.relativePath };
    writeRow(sheet, row++, number++, spec);
  }
  for (const link of plan.links) {
    const spec = { label: link.title, href: link.safeUrl, kind: 'Tautan', size: null, sha256: '', documentDate: link.documentDate, mark: marks.get(link.evidenceId), supports: link.supports, location: link.url };
    writeRow(sheet, row++, number++, spec);
  }
  sheet.autoFilter = { from: { row: FILES_HEADER_ROW, column: 1 }, to: { row: Math.max(FILES_HEADER_ROW, row - 1), column: FILES_HEADERS.length } };
  commitSheet(sheet);
}
