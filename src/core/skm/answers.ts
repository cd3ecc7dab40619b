/**
 * Reading one answer as units type or export it: a number 1–4 (Google Forms linear
 * scale), the regulation's wording ("Sangat sesuai"), or both ("4 - Sangat sesuai",
 * "d. Sangat sesuai"). Anything else is an error with the accepted answers spelled out.
 */
import type { SkmScheme, SkmUnsurDef } from './scheme';

export type AnswerReading = { kind: 'value'; value: number } | { kind: 'empty' } | { kind: 'invalid'; message: string };

export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase('id-ID')
    .replace(/[\s\u00a0]+/gu, ' ')
    .replace(/[.;:!]+$/u, '')
    .trim();
}

const LETTERS = 'abcdefghij';

export function readAnswer(scheme: SkmScheme, unsur: SkmUnsurDef, raw: string): AnswerReading {
  const text = normalizeText(raw);
  if (text === '') return { kind: 'empty' };
  const { min, max } = scheme.answerScale;
  const accepted = `${unsur.answers.join(', ')}, atau angka ${min}–${max}`;
  const numeric = /^[-+]?\d+(?:[.,]0+)?$/u.test(text) ? Number.parseInt(text, 10) : null;
  if (numeric !== null) {
    if (numeric >= min && numeric <= max) return { kind: 'value', value: numeric };
    return { kind: 'invalid', message: `Jawaban ${numeric} di luar rentang ${min}–${max}.` };
  }
  const wording = unsur.answers.map(normalizeText);
  const exact = wording.indexOf(text);
  if (exact >= 0) return { kind: 'value', value: min + exact };
  // "Sangat sesuai (4)" → "4 sangat sesuai"; "4 (Sangat sesuai)" → "4 sangat sesuai".
  const trailing = /^(.+?)\s*\((\d+)\)$/u.exec(text);
  if (trailing) return readAnswer(scheme, unsur, `${trailing[2]} - ${trailing[1]}`);
  const wrapped = /^(\d+)\s*\((.+)\)$/u.exec(text);
  if (wrapped) return readAnswer(scheme, unsur, `${wrapped[1]} - ${wrapped[2]}`);
  // "4 - Sangat sesuai", "4. Sangat sesuai", "d. Sangat sesuai", "(d) Sangat sesuai"
  const prefixed = /^\(?([0-9]+|[a-j])[).:-]?\s*[-–]?\s*(.+)$/u.exec(text);
  if (prefixed) {
    const [, mark, rest] = prefixed as unknown as [string, string, string];
    const byWord = wording.indexOf(normalizeText(rest));
    const byMark = /^\d+$/u.test(mark) ? Number(mark) : min + LETTERS.indexOf(mark);
    if (byWord >= 0 && (byMark === min + byWord || !/^\d+$/u.test(mark))) return { kind: 'value', value: min + byWord };
    if (byWord >= 0) return { kind: 'invalid', message: `Jawaban "${raw.trim()}" bertentangan: angka ${byMark} tetapi teks "${unsur.answers[byWord]}" bernilai ${min + byWord}.` };
  }
  return { kind: 'invalid', message: `Jawaban "${raw.trim()}" tidak dikenali untuk unsur ${unsur.name}; gunakan ${accepted}.` };
}

/** Columns a questionnaire export is read through: the nine unsur and the optional profile. */
export const PROFILE_FIELDS = ['respondentId', 'submittedAt', 'sex', 'age', 'education', 'occupation'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** field (unsur code or profile field) → 0-based column, or null for "not in this file". */
export type ColumnMapping = Record<string, number | null>;

export const PROFILE_LABELS: Record<ProfileField, string> = {
  respondentId: 'ID responden',
  submittedAt: 'Waktu pengisian',
  sex: 'Jenis kelamin',
  age: 'Usia',
  education: 'Pendidikan',
  occupation: 'Pekerjaan',
};

function unsurByNumber(scheme: SkmScheme, header: string): SkmUnsurDef | undefined {
  const match = /^(?:u|unsur|p|q|pertanyaan)\s*[-.]?\s*(\d+)$/u.exec(header);
  return match ? scheme.unsur.find((unsur) => unsur.number === Number(match[1])) : undefined;
}

/** Earliest position of any keyword as a word in the header, or -1. */
function keywordAt(header: string, keywords: readonly string[]): number {
  let best = -1;
  for (const keyword of keywords) {
    const at = ` ${header.replace(/[^\p{L}\p{N}]+/gu, ' ')} `.indexOf(` ${normalizeText(keyword)} `);
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best;
}

/**
 * A first guess of the mapping from the column titles; the office confirms or corrects
 * it on screen, and the confirmed choice is remembered per unit.
 */
export function suggestMapping(scheme: SkmScheme, headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = Object.fromEntries([...scheme.unsur.map((unsur) => unsur.code), ...PROFILE_FIELDS].map((field) => [field, null]));
  const taken = new Set<number>();
  const normalized = headers.map(normalizeText);
  normalized.forEach((header, column) => {
    const field = PROFILE_FIELDS.find((name) => mapping[name] === null && keywordAt(header, scheme.columnKeywords[name]) >= 0);
    if (field && !unsurByNumber(scheme, header)) {
      mapping[field] = column;
      taken.add(column);
    }
  });
  normalized.forEach((header, column) => {
    if (taken.has(column)) return;
    const byNumber = unsurByNumber(scheme, header);
    const candidates = byNumber
      ? [{ unsur: byNumber, at: 0 }]
      : scheme.unsur.map((unsur) => ({ unsur, at: keywordAt(header, unsur.keywords) })).filter((item) => item.at >= 0).sort((a, b) => a.at - b.at);
    const free = candidates.find((item) => mapping[item.unsur.code] === null);
    if (free) {
      mapping[free.unsur.code] = column;
      taken.add(column);
    }
  });
  return mapping;
}
