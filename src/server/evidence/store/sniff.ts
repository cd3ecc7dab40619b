/**
 * Cheap content checks on the first bytes of a file. Not a virus scanner: the goal is to
 * catch a program renamed to look like a document, and files whose content plainly does
 * not match their name, before they reach the office's evidence library.
 */

/** Enough for every signature below, including a PE header pointer. */
export const SNIFF_BYTES = 4096;

// Plain-text formats: "MZ" or "#!" can legitimately begin a sentence there, so only
// unambiguous binary signatures count as executables.
const TEXTUAL = new Set(['txt', 'csv', 'rtf']);

const startsWith = (head: Uint8Array, bytes: readonly number[], at = 0): boolean =>
  head.length >= at + bytes.length && bytes.every((byte, i) => head[at + i] === byte);
const ascii = (text: string): number[] => [...text].map((ch) => ch.charCodeAt(0));

function hasPeHeader(head: Uint8Array): boolean {
  if (head.length < 0x40) return false;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const offset = view.getUint32(0x3c, true);
  return startsWith(head, [0x50, 0x45, 0, 0], offset);
}

export function looksExecutable(head: Uint8Array, ext: string): boolean {
  const textual = TEXTUAL.has(ext);
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return true; // ELF (Linux)
  // Mach-O (macOS), 32/64-bit, both byte orders, and universal binaries.
  for (const magic of [[0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe], [0xca, 0xfe, 0xba, 0xbe]]) {
    if (startsWith(head, magic)) return true;
  }
  if (startsWith(head, ascii('MZ'))) return textual ? hasPeHeader(head) : true; // Windows .exe/.dll
  if (startsWith(head, ascii('#!'))) {
    // A script: "#!/bin/sh". In a text file only an interpreter path makes it one.
    return textual ? startsWith(head, ascii('#!/')) || startsWith(head, ascii('#! /')) : true;
  }
  return false;
}

type Detected = 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'heic' | 'zip' | 'ole2' | 'unknown';

const IMAGE_MIME: Partial<Record<Detected, string>> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
};

function detect(head: Uint8Array): Detected {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'gif';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(head, ascii('ftyp'), 4)) {
    const brand = String.fromCharCode(...head.subarray(8, 12));
    if (['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'heic';
  }
  // Local header, empty archive, or spanned archive.
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06]) || startsWith(head, [0x50, 0x4b, 0x07, 0x08])) return 'zip';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole2';
  // PDF readers accept "%PDF-" anywhere in the first KiB (some scanners prepend junk).
  const window = head.subarray(0, 1024);
  for (let i = 0; i + 5 <= window.length; i += 1) {
    if (startsWith(window, ascii('%PDF-'), i)) return 'pdf';
  }
  return 'unknown';
}

interface Expectation {
  label: string;
  accepts: readonly Detected[];
}

// Only formats with a reliable, cheap signature. Legacy .doc/.xls are deliberately absent:
// many government systems export HTML or XML and name it .xls, and Office opens those.
const EXPECTED: Readonly<Record<string, Expectation>> = {
  pdf: { label: 'PDF', accepts: ['pdf'] },
  png: { label: 'gambar PNG', accepts: ['png'] },
  jpg: { label: 'gambar JPEG', accepts: ['jpeg'] },
  jpeg: { label: 'gambar JPEG', accepts: ['jpeg'] },
  gif: { label: 'gambar GIF', accepts: ['gif'] },
  // Password-protected OOXML files are stored inside an OLE2 container, not a zip.
  docx: { label: 'dokumen Word (DOCX)', accepts: ['zip', 'ole2'] },
  xlsx: { label: 'lembar kerja Excel (XLSX)', accepts: ['zip', 'ole2'] },
  pptx: { label: 'presentasi PowerPoint (PPTX)', accepts: ['zip', 'ole2'] },
  odt: { label: 'dokumen OpenDocument (ODT)', accepts: ['zip'] },
  ods: { label: 'lembar kerja OpenDocument (ODS)', accepts: ['zip'] },
  odp: { label: 'presentasi OpenDocument (ODP)', accepts: ['zip'] },
  zip: { label: 'arsip ZIP', accepts: ['zip'] },
};

const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif']);

export type SniffResult =
  | { ok: true; mime: string | null }
  | { ok: false; reason: 'executable' }
  | { ok: false; reason: 'mismatch'; label: string };

/**
 * `mime` is non-null when the content shows a more accurate type than the extension: a PNG
 * saved as ".jpg" is common (chat apps, downloads) and opens fine, so it is kept, labelled
 * by what it really is, rather than rejected.
 */
export function sniff(head: Uint8Array, ext: string): SniffResult {
  if (looksExecutable(head, ext)) return { ok: false, reason: 'executable' };
  const expected = EXPECTED[ext];
  if (!expected) return { ok: true, mime: null };
  const found = detect(head);
  if (expected.accepts.includes(found)) return { ok: true, mime: null };
  const imageMime = IMAGE_MIME[found];
  if (IMAGE_EXTENSIONS.has(ext) && imageMime) return { ok: true, mime: imageMime };
  return { ok: false, reason: 'mismatch', label: expected.label };
}
