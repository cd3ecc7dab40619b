/**
 * Row-level reading of the Isian sheet against the key: each row must still be the
 * requirement the key says it is (nothing moved, copied, deleted or added), and each
 * editable cell must hold a valid value. Problems become row errors, not rejections,
 * so the unit can fix exactly those cells.
 */
import type { EvidenceStatus } from '../../../core/checklist/types';
import { readDocumentDate, readLinks, readNote, readStatus, type Problem, type Read } from './cell-values';
import { identityHash, identityText, type FormKey, type KeyRow } from './form-key';
import { COL, HEADERS, NEEDS_REASON, columnLetter, headerOf, statusLabel } from './layout';
import { cellAt, plainText, type CellSnap, type SheetSnap } from './snapshot';
import type { RowError } from './types';

export interface RowInput {
  row: number;
  key: KeyRow;
  labels: { instrument: string; indicator: string; requirement: string };
  /** null: the Status cell was left empty, meaning "no change". */
  status: EvidenceStatus | null;
  links: string[];
  documentDate: string | null;
  note: string;
}

const LAST_INSPECTED = HEADERS.length + 2;

function rowError(row: number, column: number, problem: Problem): RowError {
  return { row, column: headerOf(column), cell: `${columnLetter(column)}${row}`, ...problem };
}

const isBlank = (cells: CellSnap[] | undefined) => (cells ?? []).every((cell) => cell.k === 'empty' || (cell.k === 'text' && (cell.t ?? '').trim() === ''));

/** Which key row a sheet row is: its No, confirmed by the grey cells being exactly as exported. */
function matchRow(form: SheetSnap, row: number, key: FormKey): { index: number; problem: Problem | null } | null {
  const no = plainText(cellAt(form.rows, row, COL.no)).trim();
  const index = /^[0-9]{1,6}$/u.test(no) ? Number(no) - 1 : -1;
  const keyRow = key.rows[index];
  if (!keyRow) return null;
  const texts = [COL.instrument, COL.aspect, COL.indicator, COL.requirement].map((column) => identityText(plainText(cellAt(form.rows, row, column))));
  if (identityHash(texts) === keyRow.textHash) return { index, problem: null };
  return { index, problem: { message: `Kolom abu-abu baris ini (No ${no}) tidak cocok dengan formulir asli; baris disalin, ditimpa, atau diubah.`, action: 'Kembalikan isi kolom abu-abu seperti semula, atau isi ulang formulir asli dari Patuh.' } };
}

const EXTRA_ROW: Problem = { message: 'Baris tambahan yang tidak ada di formulir asli.', action: 'Hapus baris ini; persyaratan baru hanya dapat ditambahkan oleh Bagian Organisasi.' };

function take<T>(read: Read<T>, fallback: T, row: number, column: number, errors: RowError[]): T {
  if ('problem' in read) {
    errors.push(rowError(row, column, read.problem));
    return fallback;
  }
  return read.value;
}

function readFields(form: SheetSnap, row: number, key: KeyRow, errors: RowError[]): Omit<RowInput, 'row' | 'key' | 'labels'> {
  const cell = (column: number) => cellAt(form.rows, row, column);
  const status = take(readStatus(cell(COL.status)), null, row, COL.status, errors);
  const links = take(readLinks(cell(COL.link)), [], row, COL.link, errors);
  const documentDate = take(readDocumentDate(cell(COL.documentDate)), null, row, COL.documentDate, errors);
  // On a bad cell the fallback is "as exported", so the preview never shows a change the unit did not make.
  const note = take(readNote(cell(COL.note)), key.note, row, COL.note, errors);
  // The office verifies; a unit may only keep a verification it already had.
  if (status === 'terverifikasi' && key.status !== 'terverifikasi') {
    errors.push(rowError(row, COL.status, { message: 'Status "Terverifikasi" hanya dapat diberikan oleh Bagian Organisasi.', action: 'Pilih "Menunggu verifikasi" bila bukti sudah lengkap; Bagian Organisasi yang akan memverifikasi.' }));
  }
  if (status !== null && status !== key.status && NEEDS_REASON.has(status) && note === '') {
    errors.push(rowError(row, COL.note, { message: `Status "${statusLabel(status)}" wajib disertai alasan.`, action: 'Tuliskan alasannya di kolom Catatan pada baris ini.' }));
  }
  if (documentDate !== null && links.length === 0 && !errors.some((error) => error.row === row && error.column === headerOf(COL.link))) {
    errors.push(rowError(row, COL.documentDate, { message: 'Tanggal dokumen diisi tetapi Tautan bukti kosong.', action: 'Isi tautan bukti yang tanggalnya dimaksud, atau kosongkan Tanggal dokumen.' }));
  }
  return { status, links, documentDate, note };
}

function extraCells(form: SheetSnap, row: number, errors: RowError[]): void {
  for (let column = HEADERS.length + 1; column <= LAST_INSPECTED; column += 1) {
    if (!isBlank([cellAt(form.rows, row, column)])) {
      errors.push(rowError(row, column, { message: `Kolom ${columnLetter(column)} bukan bagian formulir; isinya tidak akan terbaca.`, action: 'Pindahkan keterangan ke kolom Catatan lalu kosongkan sel ini.' }));
    }
  }
}

/** Rows are matched by No, so a sorted sheet still reads; missing, doubled and extra rows are errors. */
export function readRows(form: SheetSnap, key: FormKey): { rows: RowInput[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const rows: RowInput[] = [];
  const claimed = new Map<number, number>();
  for (let row = 2; row <= form.rows.length; row += 1) {
    if (isBlank(form.rows[row - 1])) continue;
    const match = matchRow(form, row, key);
    if (!match) {
      errors.push(rowError(row, COL.no, EXTRA_ROW));
      continue;
    }
    const first = claimed.get(match.index);
    if (first !== undefined) {
      errors.push(rowError(row, COL.no, { message: `No ${match.index + 1} muncul dua kali (baris ${first} dan baris ${row}); baris digandakan.`, action: 'Hapus baris salinan, atau isi ulang formulir asli dari Patuh.' }));
      continue;
    }
    claimed.set(match.index, row);
    if (match.problem) {
      errors.push(rowError(row, COL.no, match.problem));
      continue;
    }
    extraCells(form, row, errors);
    const keyRow = key.rows[match.index]!;
    const text = (column: number) => identityText(plainText(cellAt(form.rows, row, column)));
    const labels = { instrument: text(COL.instrument), indicator: text(COL.indicator), requirement: text(COL.requirement) };
    rows.push({ row, key: keyRow, labels, ...readFields(form, row, keyRow, errors) });
  }
  key.rows.forEach((_, index) => {
    if (claimed.has(index)) return;
    errors.push(rowError(index + 2, COL.no, { message: `Baris persyaratan No ${index + 1} hilang (baris dihapus atau dikosongkan).`, action: 'Jangan menghapus baris. Isi ulang formulir asli dari Patuh, atau minta Bagian Organisasi mengekspor ulang.' }));
  });
  return { rows, errors };
}
