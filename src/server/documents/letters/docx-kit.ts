/**
 * Word building blocks every letter shares, written with the `docx` library (never
 * hand-made XML): the kop from the document model, the page (A4 or F4), a bordered
 * table, the signature block, "Halaman x dari y" in the footer. One font everywhere.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import { signatureLines, type Signature } from '../../../core/documents/signature';
import type { PaperSize } from '../../../shared/documents-types';
import type { DocumentHeader } from '../letterhead';

export const FONT = 'Arial';
/** Half-points: 11 pt body. */
const BODY_SIZE = 22;
const CM = 567;

/** Page size in twips: A4 210×297 mm, F4 (folio) 215×330 mm. */
export function pageSize(paper: PaperSize): { width: number; height: number } {
  return paper === 'F4' ? { width: 12189, height: 18709 } : { width: 11906, height: 16838 };
}

/** Printable width in twips with 2.5 cm left and 2 cm right margins. */
export function contentWidth(paper: PaperSize): number {
  return pageSize(paper).width - Math.round(4.5 * CM);
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE } as const;
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const ALL_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE } as const;

export function text(value: string, options: { bold?: boolean; size?: number; underline?: boolean; italics?: boolean } = {}): TextRun {
  return new TextRun({
    text: value,
    font: FONT,
    size: options.size ?? BODY_SIZE,
    bold: options.bold ?? false,
    italics: options.italics ?? false,
    ...(options.underline ? { underline: {} } : {}),
  });
}

export function para(
  children: string | ParagraphChild[],
  options: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; bold?: boolean; size?: number; after?: number; before?: number; indent?: number; hanging?: number; keepNext?: boolean; pageBreakBefore?: boolean } = {},
): Paragraph {
  const runs = typeof children === 'string' ? [text(children, { bold: options.bold ?? false, ...(options.size ? { size: options.size } : {}) })] : children;
  return new Paragraph({
    children: runs,
    alignment: options.align ?? AlignmentType.LEFT,
    spacing: { after: options.after ?? 80, before: options.before ?? 0, line: 276 },
    ...(options.indent !== undefined || options.hanging !== undefined ? { indent: { left: options.indent ?? 0, hanging: options.hanging ?? 0 } } : {}),
    ...(options.keepNext ? { keepNext: true } : {}),
    ...(options.pageBreakBefore ? { pageBreakBefore: true } : {}),
  });
}

export const justify = (value: string, options: { after?: number; indent?: number } = {}) =>
  para(value, { align: AlignmentType.JUSTIFIED, after: options.after ?? 120, ...(options.indent ? { indent: options.indent } : {}) });

/** Kop: logo left, the three lines and address centred, a double rule under it. */
export function kop(header: DocumentHeader, paper: PaperSize): Array<Paragraph | Table> {
  const width = contentWidth(paper);
  const logoWidth = Math.round(2.4 * CM);
  const lines = [
    para([text(header.lines[0], { bold: true, size: 28 })], { align: AlignmentType.CENTER, after: 0 }),
    para([text(header.lines[1], { bold: true, size: 28 })], { align: AlignmentType.CENTER, after: 0 }),
    para([text(header.lines[2], { bold: true, size: 32 })], { align: AlignmentType.CENTER, after: 0 }),
    ...[header.addressLine, header.contactLine].filter(Boolean).map((line) => para([text(line, { size: 18 })], { align: AlignmentType.CENTER, after: 0 })),
  ];
  const logo = header.logo
    ? [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: header.logo.extension === 'png' ? 'png' : 'jpg',
              data: header.logo.data,
              transformation: { width: Math.round((header.logo.width / header.logo.height) * 80), height: 80 },
            }),
          ],
        }),
      ]
    : [para('')];
  const table = new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [logoWidth, width - logoWidth * 2, logoWidth],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({ children: logo, verticalAlign: VerticalAlign.CENTER, width: { size: logoWidth, type: WidthType.DXA }, borders: NO_BORDERS }),
          new TableCell({ children: lines, verticalAlign: VerticalAlign.CENTER, width: { size: width - logoWidth * 2, type: WidthType.DXA }, borders: NO_BORDERS }),
          new TableCell({ children: [para('')], width: { size: logoWidth, type: WidthType.DXA }, borders: NO_BORDERS }),
        ],
      }),
    ],
  });
  const rule = new Paragraph({ children: [], spacing: { after: 240 }, border: { bottom: { style: BorderStyle.DOUBLE, size: 6, color: '000000', space: 1 } } });
  return [table, rule];
}

function cell(content: string | Paragraph[], width: number, options: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; shade?: boolean } = {}): TableCell {
  const children =
    typeof content === 'string'
      ? content.split('\n').map((line) => para([text(line, { bold: options.bold ?? false, size: 20 })], { align: options.align ?? AlignmentType.LEFT, after: 0 }))
      : content;
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(options.shade ? { shading: { fill: 'D9E2F3', type: 'clear', color: 'auto' } } : {}),
  });
}

/** A bordered table; widths are fractions of the printable width; the header row repeats on every page. */
export function table(paper: PaperSize, headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string>>, fractions: readonly number[], options: { boldLastRow?: boolean; center?: readonly number[] } = {}): Table {
  const width = contentWidth(paper);
  const widths = fractions.map((fraction) => Math.round(fraction * width));
  const align = (index: number) => (options.center?.includes(index) ? AlignmentType.CENTER : AlignmentType.LEFT);
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    borders: ALL_BORDERS,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((header, index) => cell(header, widths[index]!, { bold: true, align: AlignmentType.CENTER, shade: true })) }),
      ...rows.map(
        (row, rowIndex) =>
          new TableRow({
            cantSplit: true,
            children: row.map((value, index) => cell(value, widths[index]!, { bold: Boolean(options.boldLastRow) && rowIndex === rows.length - 1, align: align(index) })),
          }),
      ),
    ],
  });
}

/** "Label : value" lines of a Nota Dinas head or a Berita Acara party, aligned on the colon. */
export function fieldTable(paper: PaperSize, fields: ReadonlyArray<[string, string]>, labelFraction = 0.2, indent = 0): Table {
  const width = contentWidth(paper) - indent;
  const label = Math.round(labelFraction * width);
  const colon = Math.round(0.03 * width);
  const row = ([name, value]: [string, string]) =>
    new TableRow({
      children: [
        new TableCell({ children: [para(name, { after: 20 })], width: { size: label, type: WidthType.DXA }, borders: NO_BORDERS }),
        new TableCell({ children: [para(':', { after: 20 })], width: { size: colon, type: WidthType.DXA }, borders: NO_BORDERS }),
        new TableCell({ children: value.split('\n').map((line) => para(line, { after: 20 })), width: { size: width - label - colon, type: WidthType.DXA }, borders: NO_BORDERS }),
      ],
    });
  return new Table({ width: { size: width, type: WidthType.DXA }, columnWidths: [label, colon, width - label - colon], borders: NO_BORDERS, ...(indent ? { indent: { size: indent, type: WidthType.DXA } } : {}), rows: fields.map(row) });
}

function signatureParagraphs(signature: Signature): Paragraph[] {
  const { top, name, bottom } = signatureLines(signature);
  const center = (value: string, options: { bold?: boolean; underline?: boolean } = {}) => para([text(value, options)], { align: AlignmentType.CENTER, after: 0, keepNext: true });
  return [...top.map((line) => center(line)), center(''), center(''), center(''), center(name, { bold: true, underline: true }), ...bottom.map((line) => center(line))];
}

/** One signature at the right, or two side by side (left: the other party / "Mengetahui,"). */
export function signatures(paper: PaperSize, right: Signature, left?: Signature): Table {
  const width = contentWidth(paper);
  const half = Math.round(width / 2);
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [half, width - half],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({ children: left ? signatureParagraphs(left) : [para('')], width: { size: half, type: WidthType.DXA }, borders: NO_BORDERS }),
          new TableCell({ children: signatureParagraphs(right), width: { size: width - half, type: WidthType.DXA }, borders: NO_BORDERS }),
        ],
      }),
    ],
  });
}

/** Footer: document title left, "Halaman x dari y" right. */
export function pageFooter(title: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          text(`${title} · `, { size: 16 }),
          new TextRun({ font: FONT, size: 16, children: ['Halaman ', PageNumber.CURRENT, ' dari ', PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
}

export function section(paper: PaperSize, title: string, children: ISectionOptions['children']): ISectionOptions {
  return {
    properties: { page: { size: pageSize(paper), margin: { top: Math.round(1.5 * CM), bottom: Math.round(1.8 * CM), left: Math.round(2.5 * CM), right: 2 * CM, footer: Math.round(0.8 * CM) } } },
    footers: { default: pageFooter(title) },
    children,
  };
}

export function document(title: string, sections: ISectionOptions[]): Document {
  return new Document({
    creator: 'Patuh',
    title,
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    sections,
  });
}

export async function docxBuffer(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc);
}
