/**
 * Reading the four editable cells of one row. Each reader returns a value or a problem
 * phrased for the person who filled in the form (what is wrong, what to do instead).
 */
import type { EvidenceStatus } from '../../../core/checklist/types';
import { unsafeText } from '../cells';
import { MAX_DOCUMENT_YEAR, MAX_LINKS_PER_CELL, MAX_NOTE_LENGTH, MAX_URL_LENGTH, MIN_DOCUMENT_YEAR, STATUS_LABEL_LIST, statusFromLabel } from './layout';
import type { CellSnap } from './snapshot';

export interface Problem {
  message: string;
  action: string;
}

export type Read<T> = { value: T } | { problem: Problem };

const FORMULA: Problem = { message: 'Rumus tidak diizinkan; ketik nilainya.', action: 'Hapus rumus di sel ini dan ketik nilainya langsung (tanpa tanda = di depan).' };

/** Problems every editable cell shares: formulas and Excel error values. */
function commonProblem(cell: CellSnap): Problem | null {
  if (cell.k === 'formula') return FORMULA;
  if (cell.k === 'error') return { message: `Sel berisi nilai galat Excel (${cell.t ?? 'galat'}).`, action: 'Hapus isi sel lalu ketik nilainya langsung.' };
  return null;
}

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

export function readStatus(cell: CellSnap): Read<EvidenceStatus | null> {
  const common = commonProblem(cell);
  if (common) return { problem: common };
  if (cell.k === 'empty') return { value: null };
  const text = cell.k === 'text' ? unsafeText(cell.t ?? '').trim() : '';
  if (cell.k === 'text' && text === '') return { value: null };
  const status = statusFromLabel(text);
  if (status) return { value: status };
  const shown = cell.k === 'text' ? `"${shorten(text)}"` : 'ini';
  return { problem: { message: `Status ${shown} tidak dikenal.`, action: `Pilih salah satu dari daftar: ${STATUS_LABEL_LIST.join(', ')}.` } };
}

/** Same rule as the app's link form: a complete http(s) web address with a real host name. */
export function isWebAddress(value: string): boolean {
  if (value.length > MAX_URL_LENGTH) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

export function readLinks(cell: CellSnap): Read<string[]> {
  const common = commonProblem(cell);
  if (common) return { problem: common };
  if (cell.k === 'empty') return { value: [] };
  if (cell.k !== 'text') return { problem: { message: 'Tautan bukti harus berupa alamat web, bukan angka atau tanggal.', action: 'Salin alamat lengkap dari peramban, misalnya https://drive.google.com/…' } };
  // A hyperlink opens its target, not its caption, so the target is what gets checked.
  const source = cell.link ?? unsafeText(cell.t ?? '');
  const links = [...new Set(source.split(/\s+/u).filter((part) => part !== ''))];
  if (links.length > MAX_LINKS_PER_CELL) {
    return { problem: { message: `Terlalu banyak tautan dalam satu sel (${links.length}; paling banyak ${MAX_LINKS_PER_CELL}).`, action: 'Gabungkan bukti dalam satu folder bersama lalu tulis tautan foldernya.' } };
  }
  const bad = links.find((link) => !isWebAddress(link));
  if (bad !== undefined) {
    return { problem: { message: `Tautan "${shorten(bad)}" tidak valid: harus alamat web lengkap yang diawali http:// atau https://.`, action: 'Salin alamat lengkap dari peramban, misalnya https://drive.google.com/…' } };
  }
  return { value: links };
}

function isoFromParts(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  const iso = date.toISOString().slice(0, 10);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? iso : null;
}

function parseDateText(text: string): Read<string> {
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u.exec(text);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(text);
  const parts = dmy ? [dmy[3], dmy[2], dmy[1]] : ymd ? [ymd[1], ymd[2], ymd[3]] : null;
  if (!parts) return { problem: { message: `Tanggal "${shorten(text)}" tidak dikenali.`, action: 'Ketik tanggal dengan format HH/BB/TTTT, misalnya 24/11/2026.' } };
  const iso = isoFromParts(Number(parts[0]), Number(parts[1]), Number(parts[2]));
  if (!iso) return { problem: { message: `Tanggal "${shorten(text)}" tidak ada di kalender.`, action: 'Periksa hari dan bulannya, misalnya 28/02/2026.' } };
  return { value: iso };
}

/** Excel serial day number (1900 date system) to an ISO date. */
function fromSerial(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

export function readDocumentDate(cell: CellSnap): Read<string | null> {
  const common = commonProblem(cell);
  if (common) return { problem: common };
  let parsed: Read<string>;
  if (cell.k === 'empty') return { value: null };
  if (cell.k === 'date') parsed = { value: (cell.t ?? '').slice(0, 10) };
  else if (cell.k === 'number') parsed = { value: fromSerial(cell.n ?? 0) };
  else if (cell.k === 'text' && (cell.t ?? '').trim() === '') return { value: null };
  else if (cell.k === 'text') parsed = parseDateText((cell.t ?? '').trim());
  else return { problem: { message: 'Tanggal dokumen tidak dikenali.', action: 'Ketik tanggal dengan format HH/BB/TTTT, misalnya 24/11/2026.' } };
  if ('problem' in parsed) return parsed;
  const year = Number(parsed.value.slice(0, 4));
  if (!(year >= MIN_DOCUMENT_YEAR && year <= MAX_DOCUMENT_YEAR)) {
    return { problem: { message: `Tahun dokumen ${Number.isFinite(year) ? year : ''} di luar kewajaran (${MIN_DOCUMENT_YEAR}–${MAX_DOCUMENT_YEAR}).`, action: 'Periksa kembali tanggal dokumen, misalnya 24/11/2026.' } };
  }
  return parsed;
}

/** One spelling of a note for comparisons: the app's note and the workbook's must agree. */
export function normalizeNote(text: string): string {
  // Line breaks stay (notes are multi-line); other control characters never belong in a note.
  return text.replace(/\r\n?/gu, '\n').replace(/(?![\n\t])\p{Cc}/gu, ' ').trim();
}

export function readNote(cell: CellSnap): Read<string> {
  const common = commonProblem(cell);
  if (common) return { problem: common };
  let text = '';
  if (cell.k === 'text' || cell.k === 'bool') text = unsafeText(cell.t ?? '');
  else if (cell.k === 'number') text = String(cell.n);
  else if (cell.k === 'date') text = (cell.t ?? '').slice(0, 10).split('-').reverse().join('/');
  const note = normalizeNote(text);
  if (note.length > MAX_NOTE_LENGTH) {
    return { problem: { message: `Catatan terlalu panjang (${note.length.toLocaleString('id-ID')} karakter; paling banyak ${MAX_NOTE_LENGTH.toLocaleString('id-ID')}).`, action: 'Ringkas catatan; dokumen panjang sebaiknya diunggah sebagai bukti dan ditautkan.' } };
  }
  return { value: note };
}
