/**
 * Shortening names only where the meaning survives. A file or folder name that must fit
 * (a path limit, Excel's 31-character sheet names) keeps its extension and the tail that
 * tells it apart from its siblings — "rev.2", the year, a closing bracket "(P2TP2A)",
 * a copy number — and loses words from the middle instead, marked with "…".
 */

const EXTENSION = /\.[\p{L}\p{N}]{1,5}$/u;
/** Tokens at the end of a name that distinguish it from similar names. */
const TAIL_TOKENS = [
  /\s*\([^()]{1,24}\)$/u, // (P2TP2A), (2), (final)
  /\s*\[[^[\]]{1,24}\]$/u,
  /[\s_-]*(?:rev(?:isi)?[\s._-]*\d+[a-z]?|v\d+(?:\.\d+)*|final|draft|revisi)$/iu,
  /[\s_-]*(?:19|20)\d{2}(?:[-/](?:19|20)?\d{2})?$/u, // 2026, 2025-2026
  /[\s_-]*(?:tw|triwulan|semester|smt)[\s._-]*(?:[1-4]|i{1,3}|iv)$/iu,
  /[\s_-]*\d{1,3}$/u, // "Lampiran 2"
];

export interface NameParts {
  head: string;
  tail: string;
  extension: string;
}

/** Split "Laporan SKM final rev.2.pdf" into head "Laporan SKM", tail " final rev.2", extension ".pdf". */
export function nameParts(name: string, options: { extension?: boolean } = {}): NameParts {
  const extension = options.extension === false ? '' : (EXTENSION.exec(name)?.[0] ?? '');
  let head = extension ? name.slice(0, -extension.length) : name;
  let tail = '';
  for (let guard = 0; guard < 4; guard += 1) {
    const match = TAIL_TOKENS.map((pattern) => pattern.exec(head)).find((found) => found && found.index > 0);
    if (!match) break;
    tail = match[0] + tail;
    head = head.slice(0, match.index);
  }
  return { head, tail, extension };
}

function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut.slice(0, max)).replace(/[\s,.;:_-]+$/u, '');
}

/**
 * `name` in at most `max` characters: unchanged when it fits; otherwise the head is cut
 * at a word boundary and "…" marks the cut, the distinguishing tail and extension kept.
 */
export function shortenName(name: string, max: number, options: { extension?: boolean } = {}): string {
  const text = name.replace(/\s+/gu, ' ').trim();
  if (text.length <= max) return text;
  const { head, tail, extension } = nameParts(text, options);
  const keptTail = tail.trim().length > 0 && tail.length + extension.length <= Math.floor(max * 0.6) ? tail.trimStart() : '';
  const budget = max - extension.length - (keptTail ? keptTail.length + 2 : 1);
  if (budget < 3) return cutAtWord(text, max);
  const shortHead = cutAtWord(keptTail ? head : text.slice(0, text.length - extension.length), budget);
  return keptTail ? `${shortHead}… ${keptTail}${extension}` : `${shortHead}…${extension}`;
}
