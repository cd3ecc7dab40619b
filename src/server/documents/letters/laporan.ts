/**
 * Laporan hasil penilaian mandiri for the Sekda or the Bupati: the pemda summary
 * (current index, category spread, weakest aspects, the Ombudsman estimate of the
 * sample units), two charts as images, the per-unit table and the top actions from
 * the cross-unit gap ranking. Every number is the dashboard's or the gap report's.
 */
import { AlignmentType, ImageRun, Paragraph, type ISectionOptions } from 'docx';
import { horizontalBarChart, TONE_CHART_COLORS } from '../../../core/documents/charts';
import { formatDecimal, formatShare } from '../../../core/scoring/rounding';
import type { Dashboard, PeriodGaps } from '../../../shared/types';
import type { DocumentContext } from '../letterhead';
import { svgToPng } from './chart-image';
import { contentWidth, justify, kop, para, section, signatures, table, text } from './docx-kit';

export interface LaporanInput {
  year: number;
  board: Dashboard;
  gaps: PeriodGaps;
  /** Aspect code → short name for the chart. */
  aspectShort: (code: string, name: string) => string;
}

const two = (value: number | null | undefined) => (value === null || value === undefined ? '–' : formatDecimal(value, 2));

function headOfRegion(localGovernment: string): string {
  if (/^kota\s/iu.test(localGovernment)) return `Wali Kota ${localGovernment.replace(/^kota\s+/iu, '')}`;
  if (/^provinsi\s/iu.test(localGovernment)) return `Gubernur ${localGovernment.replace(/^provinsi\s+/iu, '')}`;
  return `Bupati ${localGovernment.replace(/^kabupaten\s+/iu, '')}`;
}

function chart(svg: { svg: string; width: number; height: number }, maxWidthTwips: number): Paragraph {
  const widthPx = Math.min(600, Math.round(maxWidthTwips / 15));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 160 },
    children: [new ImageRun({ type: 'png', data: svgToPng(svg.svg, svg.width), transformation: { width: widthPx, height: Math.round((svg.height / svg.width) * widthPx) } })],
  });
}

function summary(docs: DocumentContext, input: LaporanInput): string[] {
  const { board } = input;
  const pekppp = board.pekppp;
  const lines: string[] = [];
  if (pekppp) {
    const band = pekppp.band ? `kategori ${pekppp.band.code} (${pekppp.band.label})${pekppp.band.provisional ? ', sementara' : ''}` : 'belum berkategori';
    lines.push(`Indeks pelayanan publik ${docs.header.localGovernment} Tahun ${input.year} saat ini ${two(pekppp.index)} (skala 0–5), ${band}, dihitung dari nilai terkini ${pekppp.unitCount} unit layanan (per indikator nilai verifikasi bila sudah ada, selain itu nilai mandiri).`);
    if (pekppp.incompleteUnits.length > 0) lines.push(`${pekppp.incompleteUnits.length} unit belum menyelesaikan seluruh indikator; indeksnya masih dapat berubah.`);
    if (pekppp.unassessedUnits.length > 0) lines.push(`${pekppp.unassessedUnits.length} unit belum dinilai dan tidak dihitung: ${pekppp.unassessedUnits.join(', ')}.`);
    const weakest = [...pekppp.aspects].filter((aspect) => aspect.mean !== null && aspect.weight > 0).sort((a, b) => a.mean! - b.mean!).slice(0, 2);
    if (weakest.length > 0) lines.push(`Aspek terlemah: ${weakest.map((aspect) => `${aspect.name} (${two(aspect.mean)})`).join(' dan ')}.`);
  }
  const ombudsman = board.ombudsman;
  if (ombudsman) {
    const total = ombudsman.total === null ? 'belum dapat dihitung' : `${two(ombudsman.total)}${ombudsman.zone ? `, zona ${ombudsman.zone}` : ''}`;
    lines.push(`Estimasi kesiapan Penilaian Ombudsman RI atas ${ombudsman.unitCount} unit sampel: ${total} (${ombudsman.unitsWithTotal} unit dengan nilai lengkap). Angka ini estimasi dari bukti yang sudah terverifikasi, bukan hasil penilaian Ombudsman RI.`);
  }
  lines.push(`Bukti dukung terverifikasi: ${formatShare(board.progress.percentVerified)} dari ${board.progress.applicable} butir yang berlaku.`);
  return lines;
}

export function laporanSection(docs: DocumentContext, input: LaporanInput): ISectionOptions {
  const paper = docs.header.paper;
  const width = contentWidth(paper);
  const { board } = input;
  const distribution = board.pekppp?.distribution ?? [];
  const total = Math.max(1, board.units.length);
  const heading = (value: string) => para([text(value, { bold: true })], { before: 200, after: 120, keepNext: true });
  const children: Array<ISectionOptions['children'][number]> = [
    ...kop(docs.header, paper),
    para([text(`LAPORAN HASIL PENILAIAN MANDIRI PENYELENGGARAAN PELAYANAN PUBLIK TAHUN ${input.year}`, { bold: true, size: 24 })], { align: AlignmentType.CENTER, after: 0 }),
    para([text(docs.header.localGovernment.toUpperCase(), { bold: true, size: 24 })], { align: AlignmentType.CENTER, after: 240 }),
    para(`Kepada Yth. ${headOfRegion(docs.header.localGovernment)}`, { after: 0 }),
    para(`di ${docs.header.place || 'tempat'}`, { after: 200 }),
    heading('I. Ringkasan'),
    ...summary(docs, input).map((line) => justify(line)),
  ];
  if (distribution.length > 0) {
    children.push(
      chart(
        horizontalBarChart({
          title: 'Sebaran unit per kategori',
          max: Math.max(...distribution.map((band) => band.count), 1),
          bars: distribution.map((band) => ({ label: `${band.code} — ${band.label}`, value: band.count, color: TONE_CHART_COLORS[band.tone] ?? '#3b6fb6', valueLabel: `${band.count} unit (${formatShare((band.count / total) * 100)})` })),
        }),
        width,
      ),
    );
  }
  // Reported-only aspects (weight 0, e.g. Informasi Tambahan) are not part of the index.
  const aspects = (board.pekppp?.aspects ?? []).filter((aspect) => aspect.weight > 0);
  if (aspects.length > 0) {
    children.push(
      heading('II. Nilai rata-rata per aspek'),
      chart(horizontalBarChart({ title: 'Indeks rata-rata per aspek (0–5)', max: 5, bars: aspects.map((aspect) => ({ label: input.aspectShort(aspect.code, aspect.name), value: aspect.mean ?? 0, valueLabel: two(aspect.mean) })) }), width),
    );
  }
  children.push(
    heading('III. Hasil per unit'),
    table(
      paper,
      ['No', 'Unit layanan', 'Kelompok', 'Nilai terkini', 'Kategori', 'Bukti terverifikasi'],
      board.units.map((unit, index) => [String(index + 1), unit.unitName, unit.groupName, unit.current ? two(unit.current.index) : 'belum dinilai', unit.category ? `${unit.category.code}${unit.category.provisional ? ' (sementara)' : ''}` : '–', formatShare(unit.progress.percentVerified)]),
      [0.06, 0.35, 0.2, 0.1, 0.13, 0.16],
      { center: [0, 3, 4, 5] },
    ),
    heading('IV. Langkah prioritas'),
    justify('Bukti dukung yang paling banyak belum terverifikasi di seluruh unit; melengkapinya menaikkan nilai paling banyak unit sekaligus:'),
  );
  const top = (input.gaps.pekppp?.missingRequirements ?? []).slice(0, 10);
  children.push(
    top.length > 0
      ? table(paper, ['No', 'Bukti dukung', 'Unit yang belum'], top.map((item, index) => [String(index + 1), item.text, `${item.count} unit`]), [0.07, 0.71, 0.22], { center: [0, 2] })
      : justify('Semua bukti dukung yang berlaku sudah terverifikasi.'),
    heading('V. Penutup'),
    justify('Demikian laporan ini disampaikan sebagai bahan pertimbangan dan tindak lanjut perbaikan penyelenggaraan pelayanan publik.', { after: 360 }),
    signatures(paper, docs.signature('laporan', { dated: true })),
  );
  return section(paper, `Laporan penilaian mandiri ${input.year}`, children);
}
