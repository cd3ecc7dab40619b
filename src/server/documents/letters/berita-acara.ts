/**
 * Berita Acara of the verification of one unit's evaluasi mandiri: title, the day and
 * date in words, the two parties with jabatan, what was done, the self and verified
 * index per aspect with the category, the items "perlu perbaikan", and the signature
 * columns of the verifier and the unit head. Numbers come from the unit's score reports.
 */
import { AlignmentType, type ISectionOptions } from 'docx';
import { dateInWords } from '../../../core/documents/dates';
import type { OpenItem } from '../../../core/documents/reminder';
import { formatNip } from '../../../core/documents/identity';
import { formatDecimal, formatPercent } from '../../../core/scoring/rounding';
import type { PekpppReport } from '../../../core/scoring/types';
import type { Unit } from '../../../shared/types';
import type { DocumentContext } from '../letterhead';
import { fieldTable, justify, kop, para, section, signatures, table, text } from './docx-kit';

export interface BeritaAcaraInput {
  unit: Pick<Unit, 'name' | 'headName' | 'headNip' | 'headRank'>;
  year: number;
  self: PekpppReport | null;
  verified: PekpppReport | null;
  /** Items the verifier marked "perlu perbaikan", with reasons. */
  needsFix: OpenItem[];
}

const index = (report: PekpppReport | null, value: number | null | undefined) =>
  report && value !== undefined && value !== null ? formatDecimal(value, report.scale.decimals) : report && value === null ? 'belum dinilai' : '–';
const band = (report: PekpppReport | null) => (report?.band ? `${report.band.code} (${report.band.label})${report.band.provisional ? ', sementara' : ''}` : '–');
const aspectIndex = (report: PekpppReport | null, code: string) => {
  const aspect = report?.aspects.find((item) => item.code === code);
  return aspect && aspect.assessedCount > 0 ? aspect.index : undefined;
};

function scoreRows(input: BeritaAcaraInput): string[][] {
  const aspects = (input.verified ?? input.self)?.aspects.filter((aspect) => aspect.scored) ?? [];
  const rows = aspects.map((aspect, number) => [
    String(number + 1),
    aspect.name,
    formatPercent(aspect.weight),
    index(input.self, aspectIndex(input.self, aspect.code)),
    index(input.verified, aspectIndex(input.verified, aspect.code)),
  ]);
  rows.push(['', 'Indeks unit (IPP)', '100%', index(input.self, input.self?.index), index(input.verified, input.verified?.index)]);
  rows.push(['', 'Kategori', '', band(input.self), band(input.verified)]);
  return rows;
}

export function beritaAcaraSection(docs: DocumentContext, input: BeritaAcaraInput): ISectionOptions {
  const paper = docs.header.paper;
  const verifier = docs.signature('berita-acara');
  const head = docs.unitHead(input.unit);
  const party = (signature: typeof verifier, role: string): Array<[string, string]> => [
    ['Nama', signature.name || '.......................................'],
    ['NIP', signature.nip ? formatNip(signature.nip) : '-'],
    ['Jabatan', signature.position],
    ['Selaku', role],
  ];
  const place = docs.header.place ? ` bertempat di ${docs.header.place},` : '';
  const children: Array<ISectionOptions['children'][number]> = [
    ...kop(docs.header, paper),
    para([text('BERITA ACARA', { bold: true, size: 26, underline: true })], { align: AlignmentType.CENTER, after: 0 }),
    para([text('VERIFIKASI EVALUASI MANDIRI PENYELENGGARAAN PELAYANAN PUBLIK', { bold: true })], { align: AlignmentType.CENTER, after: 0 }),
    para([text(`${input.unit.name.toUpperCase()} TAHUN ${input.year}`, { bold: true })], { align: AlignmentType.CENTER, after: 0 }),
    para([text('Nomor: ........................................')], { align: AlignmentType.CENTER, after: 240 }),
    justify(`Pada hari ini ${dateInWords(docs.today)},${place} kami yang bertanda tangan di bawah ini:`),
    para('1.', { after: 0 }),
    fieldTable(paper, party(verifier, 'Verifikator, selanjutnya disebut PIHAK PERTAMA'), 0.18, 400),
    para('2.', { after: 0, before: 80 }),
    fieldTable(paper, party(head, 'Penanggung jawab unit layanan, selanjutnya disebut PIHAK KEDUA'), 0.18, 400),
    justify(
      `telah melaksanakan verifikasi atas hasil evaluasi mandiri penyelenggaraan pelayanan publik ${input.unit.name} Tahun ${input.year} beserta data dukungnya, dengan hasil sebagai berikut:`,
    ),
    table(paper, ['No', 'Aspek', 'Bobot', 'Nilai mandiri', 'Nilai verifikasi'], scoreRows(input), [0.07, 0.43, 0.1, 0.2, 0.2], { center: [0, 2, 3, 4] }),
    para('', { after: 120 }),
  ];
  if (input.needsFix.length > 0) {
    children.push(
      justify(`Data dukung yang perlu diperbaiki oleh PIHAK KEDUA (${input.needsFix.length} butir):`),
      table(paper, ['No', 'Indikator', 'Data dukung', 'Alasan'], input.needsFix.map((item, number) => [String(number + 1), item.where, item.text, item.reason]), [0.07, 0.3, 0.35, 0.28], { center: [0] }),
      para('', { after: 120 }),
    );
  } else {
    children.push(justify('Tidak terdapat data dukung yang berstatus perlu perbaikan.'));
  }
  children.push(
    // The closing and the date travel with the signatures: never signatures alone on a page.
    para('Demikian Berita Acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.', { align: AlignmentType.JUSTIFIED, after: 240, keepNext: true }),
    para(docs.placeDate(), { align: AlignmentType.RIGHT, after: 120, keepNext: true }),
    signatures(paper, { ...verifier, caption: 'PIHAK PERTAMA' }, { ...head, caption: 'PIHAK KEDUA' }),
  );
  return section(paper, `Berita Acara ${input.unit.name} ${input.year}`, children);
}
