import path from 'node:path';
import { AppError } from '../../../shared/result';

/**
 * File names arrive from users (file dialogs, browser uploads, zip imports) and are later
 * reused to build readable names in export folders, so they are treated as hostile: the
 * sanitised name must be a single, portable path segment on Windows, macOS and Linux.
 */

export const MAX_NAME_CHARS = 120;
/** ext4 limits a segment to 255 bytes; 120 CJK/emoji chars could exceed that, and export
 * code may prefix the name, so bytes are capped well below. */
export const MAX_NAME_BYTES = 240;
export const FALLBACK_NAME = 'berkas';

// An extension is short and alphanumeric; anything else ("Versi 2. final") is part of the stem.
const EXTENSION = /^(.*)\.([\p{L}\p{N}]{1,10})$/su;
// Windows refuses (or silently redirects to a device) these names, with any extension.
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)$/iu;
// `a.pdf:evil` and `a.pdf::$DATA` address NTFS alternate data streams: keep only `a.pdf`.
const ALTERNATE_STREAM = /^(.*\.[\p{L}\p{N}]{1,10}):[^.]*$/su;

// Only the start of the stem and the extension survive truncation, so longer input (a
// hostile upload could send megabytes) is cut first to keep every step cheap.
const MAX_INPUT_CHARS = 1024;

/** Like `replace(/[. ]+$/, '')` but linear: that regex is quadratic on long ". . . x" runs. */
function trimDotsAndSpacesEnd(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '.' || text[end - 1] === ' ')) end -= 1;
  return text.slice(0, end);
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const utf8Length = (text: string): number => Buffer.byteLength(text, 'utf8');

export interface NameParts {
  stem: string;
  /** Without the dot, case preserved; '' when the name has none. */
  ext: string;
}

export function splitName(name: string): NameParts {
  const match = EXTENSION.exec(name);
  return match ? { stem: match[1] ?? '', ext: match[2] ?? '' } : { stem: name, ext: '' };
}

/** Lower-case extension of a (sanitised) name, without the dot; '' when none. */
export function extensionOf(name: string): string {
  return splitName(name).ext.toLowerCase();
}

function isReserved(name: string): boolean {
  // Windows compares the part before the first dot, ignoring trailing spaces: "con .txt".
  const base = (name.split('.')[0] ?? '').trimEnd();
  return RESERVED.test(base);
}

/** Cut on grapheme boundaries so an accent or emoji is never split in half. */
function fit(stem: string, suffix: string): string {
  const maxChars = MAX_NAME_CHARS - suffix.length;
  const maxBytes = MAX_NAME_BYTES - utf8Length(suffix);
  let out = '';
  let bytes = 0;
  for (const { segment } of segmenter.segment(stem)) {
    const segmentBytes = utf8Length(segment);
    if (out.length + segment.length > maxChars || bytes + segmentBytes > maxBytes) break;
    out += segment;
    bytes += segmentBytes;
  }
  // Truncation may expose dots or spaces that Windows would strip.
  return trimDotsAndSpacesEnd(out);
}

function assemble(stem: string, ext: string): string {
  const suffix = ext ? `.${ext}` : '';
  const fitted = fit(stem, suffix) || fit(FALLBACK_NAME, suffix);
  return fitted + suffix;
}

/**
 * A safe, readable version of a user-supplied file name. Never throws; never returns an
 * empty string, a dot-name, a reserved device name, or anything with a path separator.
 */
export function sanitizeOriginalName(name: string): string {
  // Only the last segment is a name, whichever OS produced the path.
  let text = String(name ?? '').split(/[\\/]/u).pop() ?? '';
  if (text.length > MAX_INPUT_CHARS) text = text.slice(0, MAX_INPUT_CHARS / 2) + text.slice(-MAX_INPUT_CHARS / 2);
  text = text.normalize('NFC');
  // Invisible format chars (RTL override U+202E, zero-width, BOM) can disguise "exe" as
  // "pdf" on screen, and lone surrogates break Windows APIs: drop them outright.
  text = text.replace(/[\p{Cf}\p{Cs}]/gu, '');
  // Control chars and line separators become spaces so words do not run together.
  text = text.replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, ' ');
  // "C:x.pdf" is drive-relative on Windows: the drive letter is not part of the name.
  text = text.replace(/^[A-Za-z]:(?=.)/u, '');
  const stream = ALTERNATE_STREAM.exec(text);
  if (stream) text = stream[1] ?? '';
  text = text.replace(/[<>:"|?*]/gu, '');
  text = text.replace(/\s+/gu, ' ').trim();
  // Windows strips trailing dots and spaces, so "a.pdf." would silently become "a.pdf".
  text = trimDotsAndSpacesEnd(text);

  const parts = splitName(text);
  // Leading dots hide files on Unix and make "..pdf"-style names ambiguous.
  const stem = trimDotsAndSpacesEnd(parts.stem.replace(/^[. ]+/u, ''));
  let result = assemble(stem, parts.ext);
  if (isReserved(result)) result = assemble(`_${stem || FALLBACK_NAME}`, parts.ext);
  return result;
}

function escapeError(): AppError {
  return new AppError(
    'VALIDATION',
    'Lokasi berkas tidak sah karena mengarah ke luar folder data Patuh. Berkas tidak dibuka. Laporkan masalah ini kepada pengelola aplikasi.',
  );
}

/**
 * `root` joined with a relative path, guaranteed to stay inside `root`. Both / and \ count
 * as separators on every OS so a path recorded on Windows is checked the same on Linux.
 */
export function safeJoin(root: string, relative: string): string {
  if (typeof relative !== 'string' || relative.includes('\0')) throw escapeError();
  const normalised = relative.replace(/\\/gu, '/');
  if (normalised.startsWith('/') || /^[A-Za-z]:/u.test(normalised) || path.isAbsolute(normalised)) {
    throw escapeError();
  }
  const base = path.resolve(root);
  const full = path.resolve(base, normalised);
  const inside = path.relative(base, full);
  if (inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) throw escapeError();
  return full;
}

/** A path relative to `root` with POSIX separators, as recorded in the database. */
export function toStoredPath(root: string, absolute: string): string {
  return path.relative(path.resolve(root), absolute).split(path.sep).join('/');
}
