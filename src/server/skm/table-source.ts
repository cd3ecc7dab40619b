/**
 * An untrusted questionnaire export (.xlsx or .csv) as a table of text. The workbook goes
 * through the same hostile-file guard and parse worker as form imports; the kind is decided
 * by the content, not the name (Google Drive happily names a CSV ".xlsx").
 */
import crypto from 'node:crypto';
import Papa from 'papaparse';
import { AppError } from '../../shared/result';
import type { JobControl } from '../jobs/job';
import { parseInWorker } from '../excel/forms/parse-worker';
import type { CellSnap } from '../excel/forms/snapshot';
import { DEFAULT_LIMITS, type ImportLimits, type ImportSource } from '../excel/forms/types';
import { checkSignature, inspectZip, readSource } from '../excel/forms/zip-guard';

/** A questionnaire has a few dozen columns; a unit may have thousands of respondents. */
export const SKM_LIMITS: ImportLimits = { ...DEFAULT_LIMITS, maxRows: 20_000 };
export const MAX_COLUMNS = 120;

/** Marks a workbook cell holding a formula: the answer it shows is not in the file. */
export const FORMULA = '\u0000rumus';

export interface TableFile {
  name: string;
  sha256: string;
  /** rows[0] is the header row (file row 1). */
  rows: string[][];
}

const reject = (message: string) => new AppError('FILE_REJECTED', message);

function cellText(cell: CellSnap | undefined): string {
  if (!cell) return '';
  switch (cell.k) {
    case 'text':
    case 'bool':
    case 'date':
      return cell.t ?? '';
    case 'number':
      return String(cell.n);
    case 'formula':
      return FORMULA;
    case 'error':
      return `#${cell.t ?? 'galat'}`;
    default:
      return '';
  }
}

function decodeText(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return data.subarray(2).toString('utf16le');
  const text = data.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function readCsv(data: Buffer, limits: ImportLimits): string[][] {
  const text = decodeText(data);
  if (text.includes('\u0000')) throw reject('Berkas CSV berisi karakter biner; ini bukan ekspor teks dari Google Forms/Excel. Unduh ulang sebagai CSV atau .xlsx.');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', preview: limits.maxRows + 2 });
  const rows = parsed.data;
  if (rows.length > limits.maxRows + 1) throw reject(`Berkas berisi lebih dari ${limits.maxRows.toLocaleString('id-ID')} baris jawaban. Pisahkan per jenis layanan atau per periode.`);
  const quoteError = parsed.errors.find((error) => error.type === 'Quotes');
  if (quoteError) throw reject(`Berkas CSV rusak di baris ${(quoteError.row ?? 0) + 1}: tanda petik tidak ditutup. Unduh ulang dari Google Forms (Unduh respons .csv).`);
  return rows;
}

async function readXlsx(data: Buffer, limits: ImportLimits, job: JobControl): Promise<string[][]> {
  await inspectZip(data, limits, job);
  const snapshot = await parseInWorker(data, limits, job, { sheets: { formSheet: null, keySheet: null, formColumns: MAX_COLUMNS } });
  if (!snapshot.form) throw reject('Buku kerja tidak berisi lembar yang terlihat. Buka di Excel, tampilkan lembar jawaban, simpan, lalu impor lagi.');
  if (snapshot.form.truncated) throw reject(`Lembar "${snapshot.form.name}" berisi lebih dari ${limits.maxRows.toLocaleString('id-ID')} baris. Pisahkan per jenis layanan atau per periode.`);
  return snapshot.form.rows.map((row) => row.map(cellText));
}

const looksLikeZip = (data: Buffer) => data.subarray(0, 2).toString('latin1') === 'PK';

export async function readTableFile(source: ImportSource, job: JobControl, limits: ImportLimits = SKM_LIMITS): Promise<TableFile> {
  const { name, data } = await readSource(source, limits);
  let rows: string[][];
  if (data.length === 0) throw reject('Berkas kosong (0 byte). Unduh ulang jawaban survei lalu impor lagi.');
  if (looksLikeZip(data) || !/\.csv$/iu.test(name)) {
    checkSignature(data);
    rows = await readXlsx(data, limits, job);
  } else {
    rows = readCsv(data, limits);
  }
  const width = Math.max(0, ...rows.map((row) => row.length));
  if (width > MAX_COLUMNS) throw reject(`Berkas berisi ${width} kolom (paling banyak ${MAX_COLUMNS}). Hapus kolom yang tidak dipakai lalu impor lagi.`);
  const trimmed = rows.map((row) => row.map((cell) => (cell ?? '').trim()));
  while (trimmed.length > 0 && trimmed[trimmed.length - 1]!.every((cell) => cell === '')) trimmed.pop();
  if (trimmed.length === 0 || trimmed[0]!.every((cell) => cell === '')) {
    throw reject('Baris pertama berkas kosong; baris pertama harus berisi judul kolom (pertanyaan), seperti ekspor Google Forms.');
  }
  return { name, sha256: crypto.createHash('sha256').update(data).digest('hex'), rows: trimmed };
}
