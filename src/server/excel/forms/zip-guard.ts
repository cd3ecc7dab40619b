/**
 * Checks on an untrusted workbook BEFORE any spreadsheet library sees it: size, file
 * signature, and every ZIP entry (count, names, sizes, compression ratio, DTDs). The
 * goal is that a hostile or broken file costs little and gets a precise message.
 */
import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { AppError } from '../../../shared/result';
import { throwIfCancelled, type JobControl } from '../../jobs/job';
import type { ImportLimits, ImportSource } from './types';

const reject = (message: string) => new AppError('FILE_REJECTED', message);
const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_LOCAL = Buffer.from('PK\x03\x04', 'latin1');
const ZIP_EMPTY = Buffer.from('PK\x05\x06', 'latin1');

const MSG = {
  damaged: 'Berkas rusak atau tidak lengkap (mungkin terpotong saat dikirim). Minta unit mengirim ulang buku kerja aslinya.',
  traversal: 'Berkas berisi nama bagian yang berbahaya (jalur absolut atau ".."). Berkas ditolak; minta unit mengisi formulir asli dari Patuh.',
  encrypted: 'Berkas terenkripsi/berkata sandi; buka lalu simpan tanpa sandi sebagai .xlsx, kemudian impor lagi.',
  notWorkbook: 'Berkas ini bukan buku kerja Excel (.xlsx). Gunakan buku kerja isian hasil ekspor Patuh.',
};

export async function readSource(source: ImportSource, limits: ImportLimits): Promise<{ name: string; data: Buffer }> {
  if (typeof source !== 'string') {
    if (source.data.byteLength > limits.maxFileBytes) throw reject(`Berkas terlalu besar (lebih dari ${megabytes(limits.maxFileBytes)}). Buku kerja isian normal jauh lebih kecil; periksa apakah berkasnya benar.`);
    return { name: source.name, data: Buffer.from(source.data.buffer, source.data.byteOffset, source.data.byteLength) };
  }
  const stat = await fs.promises.stat(source).catch(() => null);
  if (!stat || !stat.isFile()) throw new AppError('NOT_FOUND', `Berkas ${source} tidak ditemukan. Periksa lokasinya lalu coba lagi.`);
  // Checked before reading, so a huge file is never loaded into memory.
  if (stat.size > limits.maxFileBytes) throw reject(`Berkas terlalu besar (${megabytes(stat.size)}; paling besar ${megabytes(limits.maxFileBytes)}). Periksa apakah berkasnya benar.`);
  return { name: path.basename(source), data: await fs.promises.readFile(source) };
}

function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return false;
  const printable = [...head].filter((byte) => byte === 9 || byte === 10 || byte === 13 || (byte >= 32 && byte !== 127)).length;
  return printable / head.length > 0.95;
}

/** The file signature decides which message fits before any parsing happens. */
export function checkSignature(data: Buffer): void {
  if (data.length === 0) throw reject('Berkas kosong (0 byte). Minta unit mengirim ulang buku kerja yang sudah diisi.');
  if (data.subarray(0, 8).equals(CFB)) {
    // Password-protected .xlsx files are CFB containers holding these two streams.
    const encrypted = ['EncryptedPackage', 'EncryptionInfo'].some((name) => data.includes(Buffer.from(name, 'utf16le')));
    throw reject(encrypted ? MSG.encrypted : 'Berkas .xls lama tidak didukung; simpan sebagai .xlsx (Excel: Simpan Sebagai › Buku Kerja Excel), lalu impor lagi.');
  }
  const head = data.subarray(0, 4);
  if (head.equals(ZIP_LOCAL) || head.equals(ZIP_EMPTY)) return;
  if (looksLikeText(data.subarray(0, 512))) {
    throw reject('Berkas ini berisi teks (misalnya CSV atau HTML yang diberi nama .xlsx), bukan buku kerja Excel. Buka di Excel lalu simpan sebagai .xlsx.');
  }
  throw reject(MSG.notWorkbook);
}

export function classifyZipError(error: Error): AppError {
  if (error instanceof AppError) return error;
  if (/absolute path|relative path|invalid characters/iu.test(error.message)) return reject(MSG.traversal);
  if (/encrypt/iu.test(error.message)) return reject(MSG.encrypted);
  return reject(MSG.damaged);
}

function unsafeName(name: string): boolean {
  return name.startsWith('/') || name.includes('\\') || /^[a-z]:/iu.test(name) || name.split('/').some((part) => part === '..');
}

/** Markup declarations enable entity expansion (billion laughs) and external entities (XXE). */
const DTD = /<!(DOCTYPE|ENTITY)/iu;

async function scanXml(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<void> {
  const stream = await zip.openReadStreamPromise(entry);
  let tail = '';
  for await (const chunk of stream) {
    // NULs removed so UTF-16 encoded markup is caught as well.
    const text = tail + (chunk as Buffer).toString('latin1').replace(/\0/gu, '');
    if (DTD.test(text)) {
      stream.destroy();
      throw reject('Berkas berisi deklarasi DTD/entitas XML yang tidak diizinkan (pola serangan "XXE" atau "billion laughs"). Berkas ditolak.');
    }
    tail = text.slice(-16);
  }
}

/** One entry against the limits; also used for kits returned as .zip (with their own limits). */
export function checkEntry(entry: yauzl.Entry, limits: ImportLimits, total: number): void {
  if (unsafeName(entry.fileName)) throw reject(MSG.traversal);
  if (entry.isEncrypted()) throw reject(MSG.encrypted);
  if (total > limits.maxTotalUncompressed) {
    throw reject(`Isi berkas bila dibuka melebihi ${megabytes(limits.maxTotalUncompressed)} (dicurigai "bom ZIP"). Berkas ditolak; minta unit mengirim formulir asli.`);
  }
  if (entry.fileName.toLowerCase() === 'xl/sharedstrings.xml' && entry.uncompressedSize > limits.maxSharedStringsBytes) {
    throw reject(`Daftar teks buku kerja (sharedStrings) terlalu besar (${megabytes(entry.uncompressedSize)}). Formulir isian tidak memerlukan teks sebanyak itu; berkas ditolak.`);
  }
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxCompressionRatio) {
    throw reject(`Bagian "${entry.fileName}" dipadatkan ${Math.round(ratio)} kali lipat (dicurigai "bom ZIP"). Berkas ditolak.`);
  }
}

async function walkEntries(zip: yauzl.ZipFile, limits: ImportLimits, job: JobControl): Promise<Set<string>> {
  const names = new Set<string>();
  let total = 0;
  for await (const entry of zip.eachEntry()) {
    throwIfCancelled(job);
    total += entry.uncompressedSize;
    checkEntry(entry, limits, total);
    names.add(entry.fileName);
    if (/\.(xml|rels|vml)$/iu.test(entry.fileName)) await scanXml(zip, entry);
  }
  return names;
}

/** Every entry inspected with sizes as declared AND as actually inflated (yauzl checks both). */
export async function inspectZip(data: Buffer, limits: ImportLimits, job: JobControl): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(data, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true, decodeStrings: true });
  } catch (error) {
    throw classifyZipError(error as Error);
  }
  if (zip.entryCount === 0) throw reject('Berkas ZIP kosong, tidak berisi lembar apa pun; bukan buku kerja Excel.');
  if (zip.entryCount > limits.maxEntries) {
    throw reject(`Berkas berisi terlalu banyak bagian (${zip.entryCount}; paling banyak ${limits.maxEntries}). Buku kerja isian normal hanya berisi belasan bagian; berkas ditolak.`);
  }
  let names: Set<string>;
  try {
    names = await walkEntries(zip, limits, job);
  } catch (error) {
    throw classifyZipError(error as Error);
  }
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) throw reject(MSG.notWorkbook);
}
