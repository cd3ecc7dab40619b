/**
 * A kit that comes back as a .zip. Every entry passes the workbook import's zip guard
 * (dangerous names, encryption, declared vs. inflated sizes, compression ratio) with
 * limits sized for evidence; symbolic-link entries are refused; nothing is extracted
 * during a scan, and on apply only the chosen entries are extracted, into the data
 * folder's staging area, then copied by the evidence store like any upload.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { AppError } from '../../shared/result';
import { DEFAULT_LIMITS, type ImportLimits } from '../excel/forms';
import { checkEntry, classifyZipError } from '../excel/forms/zip-guard';
import { SNIFF_BYTES } from '../evidence/store/sniff';
import { MANIFEST_FILE, MANIFEST_LIMIT } from './kit-manifest';
import { MAX_KIT_ENTRIES } from './walk';
import { MAX_UPLOAD_BYTES, uploadProblem } from './file-check';

/** A kit holds evidence: many entries and gigabytes are normal; a 100× ratio on big entries is not. */
export const KIT_ZIP_LIMITS: ImportLimits = {
  ...DEFAULT_LIMITS,
  maxEntries: MAX_KIT_ENTRIES,
  maxTotalUncompressed: 8 * 1024 * 1024 * 1024,
  maxFileBytes: 8 * 1024 * 1024 * 1024,
};

export interface ZipKitFile {
  /** POSIX path relative to the kit root inside the zip. */
  relative: string;
  name: string;
  size: number;
  entry: yauzl.Entry;
}

export interface ZipKit {
  root: string;
  manifestText: string | null;
  files: ZipKitFile[];
  /** Entries that are links, encrypted, or outside the kit folder. */
  refusedEntries: Array<{ relative: string; name: string; reason: string }>;
  read(file: ZipKitFile, maxBytes: number): Promise<Buffer>;
  hashAndCheck(file: ZipKitFile): Promise<{ sha256: string; size: number; rejected: string | null }>;
  extract(file: ZipKitFile, target: string): Promise<void>;
  close(): Promise<void>;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const isLink = (entry: yauzl.Entry) => ((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK;
const baseName = (name: string) => name.split('/').filter(Boolean).pop() ?? name;

/** The kit root is the folder holding patuh-kit.json (top level or one folder down). */
function findRoot(names: string[]): string {
  const manifest = names.filter((name) => name === MANIFEST_FILE || name.endsWith(`/${MANIFEST_FILE}`)).sort((a, b) => a.length - b.length)[0];
  if (manifest) return manifest.slice(0, -MANIFEST_FILE.length);
  const tops = new Set(names.map((name) => name.split('/')[0]));
  const [only] = [...tops];
  return tops.size === 1 && names.every((name) => name.includes('/')) ? `${only}/` : '';
}

async function collect(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  const entries: yauzl.Entry[] = [];
  let total = 0;
  for await (const entry of zip.eachEntry()) {
    total += entry.uncompressedSize;
    checkEntry(entry, KIT_ZIP_LIMITS, total);
    entries.push(entry);
  }
  return entries;
}

async function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, maxBytes: number): Promise<Buffer> {
  if (entry.uncompressedSize > maxBytes) throw new AppError('FILE_REJECTED', `Bagian "${baseName(entry.fileName)}" di dalam zip terlalu besar.`);
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function openZipKit(file: string): Promise<ZipKit> {
  let zip: yauzl.ZipFile;
  let entries: yauzl.Entry[];
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false, autoClose: false });
  } catch (error) {
    throw classifyZipError(error as Error);
  }
  try {
    if (zip.entryCount > KIT_ZIP_LIMITS.maxEntries) throw new AppError('FILE_REJECTED', `Zip berisi terlalu banyak berkas (${zip.entryCount.toLocaleString('id-ID')}; paling banyak ${KIT_ZIP_LIMITS.maxEntries.toLocaleString('id-ID')}).`);
    entries = await collect(zip);
  } catch (error) {
    zip.close();
    throw classifyZipError(error as Error);
  }
  const root = findRoot(entries.map((entry) => entry.fileName));
  const files: ZipKitFile[] = [];
  const refusedEntries: ZipKit['refusedEntries'] = [];
  let manifestEntry: yauzl.Entry | undefined;
  for (const entry of entries) {
    if (entry.fileName.endsWith('/')) continue;
    const name = baseName(entry.fileName);
    if (!entry.fileName.startsWith(root)) {
      refusedEntries.push({ relative: entry.fileName, name, reason: 'Berkas berada di luar folder kit di dalam zip; tidak dibaca.' });
      continue;
    }
    const relative = entry.fileName.slice(root.length);
    if (isLink(entry)) refusedEntries.push({ relative, name, reason: 'Tautan simbolik (shortcut) di dalam zip tidak dibaca, karena dapat menunjuk ke luar kit.' });
    else if (entry.isEncrypted()) refusedEntries.push({ relative, name, reason: 'Berkas di dalam zip berkata sandi; kirim tanpa kata sandi.' });
    else if (relative === MANIFEST_FILE) manifestEntry = entry;
    else files.push({ relative, name, size: entry.uncompressedSize, entry });
  }
  const manifestText = manifestEntry ? (await readEntry(zip, manifestEntry, MANIFEST_LIMIT)).toString('utf8') : null;
  return {
    root,
    manifestText,
    files,
    refusedEntries,
    read: (target, maxBytes) => readEntry(zip, target.entry, maxBytes),
    async hashAndCheck(target) {
      if (target.size > MAX_UPLOAD_BYTES) return { sha256: '0'.repeat(64), size: target.size, rejected: uploadProblem(target.name, target.size, Buffer.alloc(0)) };
      const stream = await zip.openReadStreamPromise(target.entry);
      const hash = crypto.createHash('sha256');
      const head: Buffer[] = [];
      let headBytes = 0;
      let size = 0;
      for await (const chunk of stream) {
        const data = chunk as Buffer;
        if (headBytes < SNIFF_BYTES) {
          head.push(data.subarray(0, SNIFF_BYTES - headBytes));
          headBytes += Math.min(data.length, SNIFF_BYTES - headBytes);
        }
        hash.update(data);
        size += data.length;
      }
      return { sha256: hash.digest('hex'), size, rejected: uploadProblem(target.name, size, Buffer.concat(head)) };
    },
    async extract(target, destination) {
      const stream = await zip.openReadStreamPromise(target.entry);
      await pipeline(stream, fs.createWriteStream(destination, { flags: 'wx' }));
    },
    close: async () => zip.close(),
  };
}
