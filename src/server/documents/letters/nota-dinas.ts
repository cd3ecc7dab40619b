/**
 * Nota Dinas / surat permintaan data dukung to a unit head: kop, the head block (Yth.,
 * Dari, Tanggal, Nomor from the running number, Sifat, Lampiran, Hal), the request with
 * the deadline, closing, signature, and on a new page the lampiran: every missing and
 * "perlu perbaikan" item with its reason.
 */
import { AlignmentType, type ISectionOptions } from 'docx';
import { longDateId } from '../../../core/documents/dates';
import type { OpenItem } from '../../../core/documents/reminder';
import type { Unit } from '../../../shared/types';
import type { DocumentContext } from '../letterhead';
import { unitHeadPosition } from '../letterhead';
import { fieldTable, justify, kop, para, section, signatures, table, text } from './docx-kit';

export interface NotaDinasInput {
  unit: Pick<Unit, 'name' | 'headName'>;
  nomor: string;
  year: number;
  /** The date the units must reply by; null = as soon as possible. */
  replyBy: string | null;
  items: OpenItem[];
}

export const NOTA_DINAS_TITLE = 'NOTA DINAS';

const STATUS_TEXT: Record<OpenItem['status'], string> = { belum_ada: 'Belum ada', perlu_perbaikan: 'Perlu perbaikan' };

function lampiranPages(count: number): string {
  return count === 0 ? '-' : '1 (satu) berkas';
}

export function notaDinasSection(docs: DocumentContext, input: NotaDinasInput): ISectionOptions {
  const paper = docs.header.paper;
  const signer = docs.signature('nota-dinas');
  const missing = input.items.filter((item) => item.status === 'belum_ada').length;
  const needsFix = input.items.length - missing;
  const hal = `Permintaan Kelengkapan Data Dukung Penilaian Pelayanan Publik Tahun ${input.year}`;
  const deadline = input.replyBy ? `paling lambat tanggal ${longDateId(input.replyBy)}` : 'dalam waktu yang sesingkat-singkatnya';
  const children: Array<ISectionOptions['children'][number]> = [
    ...kop(docs.header, paper),
    para([text(NOTA_DINAS_TITLE, { bold: true, size: 26, underline: true })], { align: AlignmentType.CENTER, after: 240 }),
    fieldTable(paper, [
      ['Yth.', unitHeadPosition(input.unit.name)],
      ['Dari', signer.position],
      ['Tanggal', longDateId(docs.today)],
      ['Nomor', input.nomor],
      ['Sifat', 'Segera'],
      ['Lampiran', lampiranPages(input.items.length)],
      ['Hal', hal],
    ]),
    para('', { after: 120 }),
    justify(
      `Dalam rangka persiapan Evaluasi Penyelenggaraan Pelayanan Publik (PEKPPP) dan Penilaian Ombudsman RI Tahun ${input.year} di lingkungan Pemerintah ${docs.header.localGovernment}, Bagian Organisasi telah memeriksa data dukung ${input.unit.name}.`,
    ),
    justify(
      input.items.length === 0
        ? 'Berdasarkan pemeriksaan tersebut, seluruh data dukung yang diminta telah tersedia. Kami mengucapkan terima kasih atas kerja samanya.'
        : `Berdasarkan pemeriksaan tersebut, masih terdapat ${missing} data dukung yang belum tersedia dan ${needsFix} data dukung yang perlu diperbaiki, sebagaimana tercantum dalam lampiran Nota Dinas ini.`,
    ),
    ...(input.items.length > 0
      ? [justify(`Sehubungan dengan hal tersebut, mohon kiranya Saudara berkenan melengkapi dan/atau memperbaiki data dukung dimaksud dan menyampaikannya kepada Bagian Organisasi ${deadline}.`)]
      : []),
    justify('Demikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.', { after: 360 }),
    signatures(paper, { ...signer, caption: '' }),
  ];
  if (input.items.length > 0) {
    children.push(
      para([text(`Lampiran Nota Dinas ${signer.position}`, { size: 20 })], { after: 0, pageBreakBefore: true }),
      para([text(`Nomor ${input.nomor}, tanggal ${longDateId(docs.today)}`, { size: 20 })], { after: 200 }),
      para([text(`DAFTAR DATA DUKUNG YANG BELUM ADA DAN PERLU PERBAIKAN — ${input.unit.name.toUpperCase()}`, { bold: true })], { align: AlignmentType.CENTER, after: 200 }),
      table(
        paper,
        ['No', 'Indikator', 'Data dukung', 'Status', 'Alasan / catatan'],
        // The indicator is printed once for its first item: the list stays short enough to read.
        input.items.map((item, index) => [String(index + 1), index > 0 && input.items[index - 1]!.where === item.where ? '' : item.where, item.text, STATUS_TEXT[item.status], item.reason]),
        [0.06, 0.27, 0.33, 0.13, 0.21],
        { center: [0] },
      ),
    );
  }
  return section(paper, `Nota Dinas ${input.nomor}`, children);
}
