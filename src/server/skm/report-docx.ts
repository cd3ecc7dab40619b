/**
 * The SKM report as a Word document (A4): kop, results per unsur with the chart, per
 * service, respondent profile, the three weakest unsur, the RTL, how it was computed, the
 * signature; then the one-page publication sheet for the notice board.
 */
import { AlignmentType, BorderStyle, Document, ImageRun, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { SkmReportModel } from './report-model';

const FONT = 'Arial';
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134; // 2 cm
const CONTENT_WIDTH = A4.width - 2 * MARGIN;

function text(value: string, options: { bold?: boolean; size?: number; align?: 'left' | 'center' | 'right'; after?: number; before?: number; keepNext?: boolean } = {}): Paragraph {
  const align = options.align === 'center' ? AlignmentType.CENTER : options.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
  return new Paragraph({
    alignment: align,
    spacing: { after: options.after ?? 80, before: options.before ?? 0 },
    keepNext: options.keepNext ?? false,
    children: [new TextRun({ text: value, bold: options.bold ?? false, size: options.size ?? 22, font: FONT })],
  });
}

const heading = (value: string) => text(value, { bold: true, size: 24, before: 240, after: 120, keepNext: true });

function cell(value: string, width: number, options: { bold?: boolean; shade?: boolean; align?: 'left' | 'center' } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(options.shade ? { shading: { fill: 'D9E2F3' } } : {}),
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [text(value, { bold: options.bold ?? false, size: 20, align: options.align ?? 'left', after: 0 })],
  });
}

/** A bordered table; widths are fractions of the text width. */
function table(headers: string[], rows: string[][], fractions: number[], centered: number[] = []): Table {
  const widths = fractions.map((fraction) => Math.round(fraction * CONTENT_WIDTH));
  const row = (values: string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: values.map((value, index) => cell(value, widths[index]!, { bold: header, shade: header, align: header || centered.includes(index) ? 'center' : 'left' })),
    });
  return new Table({ width: { size: CONTENT_WIDTH, type: WidthType.DXA }, columnWidths: widths, rows: [row(headers, true), ...rows.map((values) => row(values, false))] });
}

function kop(model: SkmReportModel): Paragraph[] {
  const [first, ...rest] = model.frame.header.lines;
  return [
    text(first ?? '', { bold: true, size: 28, align: 'center', after: 0 }),
    ...rest.map((line, index) =>
      index === rest.length - 1
        ? new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            border: { bottom: { style: BorderStyle.THICK, size: 18, color: '000000', space: 6 } },
            children: [new TextRun({ text: line, bold: true, size: 26, font: FONT })],
          })
        : text(line, { bold: true, size: 26, align: 'center', after: 0 }),
    ),
  ];
}

function signature(model: SkmReportModel): Table {
  const { signature: sig } = model.frame;
  const half = Math.round(CONTENT_WIDTH / 2);
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const borders = { top: none, bottom: none, left: none, right: none };
  const lines = [sig.placeDate, sig.role, '', '', '', sig.name, sig.nip];
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [half, CONTENT_WIDTH - half],
    borders: { ...borders, insideHorizontal: none, insideVertical: none },
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({ borders, width: { size: half, type: WidthType.DXA }, children: [text('')] }),
          new TableCell({ borders, width: { size: CONTENT_WIDTH - half, type: WidthType.DXA }, children: lines.map((line, i) => text(line, { align: 'center', after: 0, bold: i === 5 })) }),
        ],
      }),
    ],
  });
}

function image(png: Buffer, widthPx: number): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type: 'png', data: png, transformation: { width: widthPx, height: Math.round((widthPx * 420) / 900) } })] });
}

function profileTables(model: SkmReportModel): Array<Paragraph | Table> {
  if (model.profile.groups.length === 0) return [text('Profil responden tidak dikumpulkan (survei kertas tanpa isian profil, atau kolom profil tidak dipetakan).')];
  return [text(model.profileNote), ...model.profile.groups.flatMap((group) => [
    text(group.title, { bold: true, before: 120, keepNext: true }),
    table(['Kategori', 'Jumlah'], group.counts.map((item) => [item.label, String(item.count)]), [0.7, 0.3], [1]),
  ])];
}

function publication(model: SkmReportModel, chart: Buffer): Array<Paragraph | Table> {
  const pub = model.publication;
  return [
    new Paragraph({ children: [new PageBreak()] }),
    ...kop(model),
    text('PENGUMUMAN HASIL SURVEI KEPUASAN MASYARAKAT', { bold: true, size: 30, align: 'center', after: 120 }),
    text(pub.headline, { bold: true, size: 26, align: 'center', after: 240 }),
    text(pub.value, { bold: true, size: 80, align: 'center', after: 0 }),
    text(`Mutu pelayanan ${pub.mutu} · Kinerja ${pub.kinerja}`, { bold: true, size: 30, align: 'center', after: 240 }),
    ...pub.lines.map((line) => text(line, { align: 'center', size: 24, after: 40 })),
    image(chart, 440),
    table(['No', 'Unsur pelayanan', 'NRR', 'Mutu'], model.unsurRows.map((row) => [row[0]!, row[1]!, row[4]!, row[7]!]), [0.08, 0.56, 0.14, 0.22], [0, 2, 3]),
    text('Terima kasih atas partisipasi Bapak/Ibu/Saudara. Masukan Anda menjadi dasar perbaikan pelayanan kami.', { align: 'center', before: 120 }),
    signature(model),
  ];
}

export async function renderReportDocx(model: SkmReportModel, chart: Buffer, serviceCharts: Array<{ label: string; png: Buffer }>): Promise<Buffer> {
  const body: Array<Paragraph | Table> = [
    ...kop(model),
    text(model.title, { bold: true, size: 28, align: 'center', after: 40 }),
    text(model.subtitle, { bold: true, size: 24, align: 'center', after: 240 }),
    heading('A. Pelaksanaan survei'),
    text(model.intro, { after: 120 }),
    table(['Keterangan', 'Isi'], model.facts.map(([label, value]) => [label, value]), [0.38, 0.62]),
    heading('B. Hasil per unsur pelayanan'),
    table(model.unsurHeaders, model.unsurRows, [0.05, 0.28, 0.1, 0.14, 0.08, 0.08, 0.13, 0.14], [0, 2, 3, 4, 5, 6, 7]),
    text('', { after: 60 }),
    table(['Hasil', 'Nilai'], model.resultRows.map(([label, value]) => [label, value]), [0.6, 0.4], [1]),
    image(chart, 600),
    heading('C. Hasil per jenis layanan'),
    model.serviceRows.length > 0 ? table(model.serviceHeaders, model.serviceRows, [0.23, 0.13, 0.11, 0.19, 0.1, 0.08, 0.16], [1, 2, 3, 4, 5]) : text('Belum ada survei.'),
    ...serviceCharts.flatMap((item) => [image(item.png, 480)]),
    heading('D. Profil responden'),
    ...profileTables(model),
    heading('E. Unsur dengan nilai terendah'),
    ...(model.weakest.length > 0 ? model.weakest.map((line) => text(line)) : [text('Belum ada jawaban.')]),
    heading('F. Rencana tindak lanjut (RTL)'),
    model.followUpRows.length > 0 ? table(model.followUpHeaders, model.followUpRows, [0.06, 0.2, 0.3, 0.13, 0.18, 0.13], [0]) : text('RTL belum disusun.'),
    text(model.followUpSummary, { before: 80 }),
    heading('G. Cara perhitungan'),
    ...model.derivation.map((line) => text(line, { size: 20, after: 20 })),
    text('Tabel nilai persepsi, interval, dan mutu:', { before: 120, bold: true }),
    table(model.bandHeaders, model.bandRows, [0.14, 0.3, 0.3, 0.26], [0, 1, 2]),
    ...(model.notes.length > 0 ? [heading('Catatan'), ...model.notes.map((line) => text(`• ${line}`))] : []),
    text('', { after: 200 }),
    signature(model),
    ...publication(model, chart),
  ];
  const document = new Document({
    creator: 'Patuh',
    title: `${model.title} — ${model.subtitle}`,
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: [{ properties: { page: { size: A4, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } }, children: body }],
  });
  return Packer.toBuffer(document);
}
