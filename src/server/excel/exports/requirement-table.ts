/**
 * The evaluator-form body shared by the PEKPPP aspect sheets and the Ombudsman sheet:
 * one block per indicator (its cells merged down the block), one sub-block per
 * requirement (bukti dukung, status, catatan merged down), and one row per file, because
 * a cell holds only one hyperlink. Merges are vertical and disjoint, so they never overlap.
 */
import type ExcelJS from 'exceljs';
import type { ChecklistIndicator, ChecklistRequirement } from '../../../shared/types';
import type { FilePlan } from './file-plan';
import { formatDateId, packageHref, statusLabel } from './format';
import { bodyCell, linkValue, ensureMergedHeight, LINE_HEIGHT, mergeDown } from './sheet-style';

export interface FileCell {
  label: string;
  /** Relative package path (already encoded) or an http/https URL; null = plain text. */
  href: string | null;
}

export interface RequirementRow {
  text: string;
  status: string;
  note: string;
  files: FileCell[];
}

export interface IndicatorBlock {
  /** Values of the indicator-level columns, in `layout.indicatorColumns` order. */
  cells: Array<{ value: ExcelJS.CellValue; numFmt?: string }>;
  requirements: RequirementRow[];
}

export interface TableLayout {
  indicatorColumns: number[];
  requirementColumn: number;
  fileColumn: number;
  statusColumn: number;
  noteColumn: number;
  lastColumn: number;
}

/** Requirement note plus the reason a status needs ("perlu perbaikan", "tidak berlaku"). */
export function requirementNote(requirement: ChecklistRequirement): string {
  const lines: string[] = [];
  if (requirement.reason) lines.push(`Alasan status: ${requirement.reason}`);
  if (requirement.note) lines.push(requirement.note);
  if (requirement.verifiedBy && requirement.verifiedAt) lines.push(`Diverifikasi oleh ${requirement.verifiedBy}, ${formatDateId(requirement.verifiedAt)}`);
  for (const evidence of requirement.evidence) {
    if (evidence.expired) lines.push(`KEDALUWARSA: ${evidence.title} (${evidence.expiredReason ?? 'perlu diperbarui'})`);
  }
  if (requirement.sharedWith.length > 0) lines.push(`Berkas yang sama juga dilampirkan oleh: ${requirement.sharedWith.join(', ')}`);
  return lines.join('\n');
}

export function requirementRows(indicator: ChecklistIndicator, instrumentId: number, plan: FilePlan): RequirementRow[] {
  return indicator.requirements.map((requirement) => ({
    text: requirement.text,
    status: statusLabel(requirement.status),
    note: requirementNote(requirement),
    files: requirement.evidence.map((evidence): FileCell => {
      // A hyperlink cell does not wrap: kedaluwarsa is marked in the Catatan column instead.
      if (evidence.kind === 'link') {
        const link = plan.links.find((item) => item.evidenceId === evidence.id);
        return { label: `${evidence.title} (tautan)`, href: link?.safeUrl ?? null };
      }
      const relative = plan.pathFor(instrumentId, indicator.code, evidence.id);
      return relative ? { label: relative.split('/').pop()!, href: packageHref(relative) } : { label: evidence.title, href: null };
    }),
  }));
}

function writeFileCell(sheet: ExcelJS.Worksheet, row: number, column: number, file: FileCell | undefined): void {
  if (!file) {
    bodyCell(sheet, row, column, '');
    return;
  }
  const cell = bodyCell(sheet, row, column, file.href ? linkValue(file.label, file.href) : file.label);
  if (file.href) cell.font = { color: { argb: 'FF0563C1' }, underline: true };
}

function writeRequirement(sheet: ExcelJS.Worksheet, start: number, requirement: RequirementRow | null, layout: TableLayout): number {
  const files = requirement?.files ?? [];
  const last = start + Math.max(1, files.length) - 1;
  for (let row = start; row <= last; row += 1) {
    for (const column of layout.indicatorColumns) bodyCell(sheet, row, column, null);
    writeFileCell(sheet, row, layout.fileColumn, files[row - start]);
    sheet.getRow(row).height = LINE_HEIGHT + 2;
  }
  const texts: Array<[number, string]> = [
    [layout.requirementColumn, requirement?.text ?? 'Belum ada bukti dukung yang ditetapkan.'],
    [layout.statusColumn, requirement?.status ?? ''],
    [layout.noteColumn, requirement?.note ?? ''],
  ];
  for (const [column, text] of texts) {
    for (let row = start; row <= last; row += 1) bodyCell(sheet, row, column, row === start ? text : null);
    mergeDown(sheet, start, last, column);
    ensureMergedHeight(sheet, start, last, text, sheet.getColumn(column).width ?? 10);
  }
  return last + 1;
}

/** Writes one indicator block starting at `start`; returns the next free row. */
export function writeIndicatorBlock(sheet: ExcelJS.Worksheet, start: number, block: IndicatorBlock, layout: TableLayout): number {
  let next = start;
  const requirements = block.requirements.length > 0 ? block.requirements : [null];
  for (const requirement of requirements) next = writeRequirement(sheet, next, requirement, layout);
  const last = next - 1;
  layout.indicatorColumns.forEach((column, index) => {
    const spec = block.cells[index];
    bodyCell(sheet, start, column, spec?.value ?? null, spec?.numFmt);
    mergeDown(sheet, start, last, column);
    const text = typeof spec?.value === 'string' ? spec.value : '';
    ensureMergedHeight(sheet, start, last, text, sheet.getColumn(column).width ?? 10);
  });
  return next;
}
