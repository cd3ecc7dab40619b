/**
 * Row-level validation of a questionnaire table through a column mapping. Every answer is
 * read by the core's readAnswer; problems are reported per row and column in Indonesian.
 * Nothing here writes: the import service decides what is applied.
 */
import { normalizeText, readAnswer, type ColumnMapping, type SkmScheme } from '../../core/skm';
import type { SkmRowError } from '../../shared/skm-types';
import { FORMULA } from './table-source';

export interface ParsedResponse {
  row: number;
  key: string | null;
  answers: Array<number | null>;
  sex: string | null;
  age: number | null;
  education: string | null;
  occupation: string | null;
  submittedAt: string | null;
}

export interface RowCheck {
  complete: ParsedResponse[];
  incomplete: Array<{ response: ParsedResponse; missing: string[] }>;
  errors: SkmRowError[];
  totalRows: number;
}

/** Reported errors are capped; the count says how many more there were. */
const MAX_ERRORS = 300;

export function columnLetter(index: number): string {
  let n = index + 1;
  let text = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    text = String.fromCharCode(65 + rest) + text;
    n = Math.floor((n - 1) / 26);
  }
  return text;
}

function sexOf(raw: string, scheme: SkmScheme): string | null {
  const text = normalizeText(raw);
  if (text === '') return null;
  if (['l', 'lk', 'laki-laki', 'laki laki', 'pria', 'laki'].includes(text)) return scheme.profile.sex[0] ?? raw;
  if (['p', 'pr', 'perempuan', 'wanita'].includes(text)) return scheme.profile.sex[1] ?? raw;
  return raw.trim();
}

function labelled(raw: string, labels: readonly string[]): string | null {
  const text = raw.trim();
  if (text === '') return null;
  return labels.find((label) => normalizeText(label) === normalizeText(text)) ?? text;
}

/** "34", "34 tahun", or a range "30-39" (its middle); null = blank; undefined = unreadable. */
function ageOf(raw: string): number | null | undefined {
  const text = raw.trim();
  if (text === '') return null;
  const numbers = (text.match(/\d+/gu) ?? []).map(Number);
  if (numbers.length === 0 || numbers.length > 2) return undefined;
  const age = numbers.length === 2 ? Math.floor((numbers[0]! + numbers[1]!) / 2) : numbers[0]!;
  return age >= 5 && age <= 120 ? age : undefined;
}

export function checkRows(scheme: SkmScheme, rows: readonly string[][], mapping: ColumnMapping): RowCheck {
  const headers = rows[0] ?? [];
  const errors: SkmRowError[] = [];
  let errorCount = 0;
  const fail = (row: number, column: number, message: string) => {
    errorCount += 1;
    if (errors.length < MAX_ERRORS) errors.push({ row, column: `${columnLetter(column)} (${headers[column] || 'tanpa judul'})`, message });
  };
  const cell = (row: readonly string[], field: string): string => {
    const column = mapping[field];
    return column === null || column === undefined ? '' : (row[column] ?? '');
  };
  const seen = new Map<string, number>();
  const result: RowCheck = { complete: [], incomplete: [], errors, totalRows: 0 };
  rows.slice(1).forEach((row, index) => {
    const fileRow = index + 2;
    if (row.every((value) => value === '')) return;
    result.totalRows += 1;
    let rowOk = true;
    const missing: string[] = [];
    const answers = scheme.unsur.map((unsur) => {
      const raw = cell(row, unsur.code);
      if (raw === FORMULA) {
        rowOk = false;
        fail(fileRow, mapping[unsur.code]!, 'Sel berisi rumus, bukan jawaban. Salin lalu tempel sebagai nilai, kemudian impor lagi.');
        return null;
      }
      const reading = readAnswer(scheme, unsur, raw);
      if (reading.kind === 'value') return reading.value;
      if (reading.kind === 'empty') missing.push(`U${unsur.number}`);
      else {
        rowOk = false;
        fail(fileRow, mapping[unsur.code]!, reading.message);
      }
      return null;
    });
    if (missing.length === scheme.unsur.length) {
      rowOk = false;
      fail(fileRow, mapping[scheme.unsur[0]!.code]!, 'Baris ini tidak berisi jawaban unsur apa pun. Hapus barisnya atau lengkapi jawabannya.');
    }
    const key = cell(row, 'respondentId').trim() || null;
    if (key !== null) {
      const earlier = seen.get(key.toLocaleLowerCase('id-ID'));
      if (earlier !== undefined) {
        rowOk = false;
        fail(fileRow, mapping['respondentId']!, `ID responden "${key}" sudah dipakai di baris ${earlier}. Setiap responden hanya boleh satu baris; hapus baris ganda.`);
      } else seen.set(key.toLocaleLowerCase('id-ID'), fileRow);
    }
    const age = ageOf(cell(row, 'age'));
    if (age === undefined) {
      rowOk = false;
      fail(fileRow, mapping['age']!, `Usia "${cell(row, 'age')}" tidak terbaca; tulis usia dalam tahun (5–120), misalnya 34.`);
    }
    if (!rowOk) return;
    const response: ParsedResponse = {
      row: fileRow,
      key,
      answers,
      sex: sexOf(cell(row, 'sex'), scheme),
      age: age ?? null,
      education: labelled(cell(row, 'education'), scheme.profile.education),
      occupation: labelled(cell(row, 'occupation'), scheme.profile.occupation),
      submittedAt: cell(row, 'submittedAt').trim() || null,
    };
    if (missing.length > 0) result.incomplete.push({ response, missing });
    else result.complete.push(response);
  });
  if (errorCount > errors.length) {
    errors.push({ row: 0, column: '-', message: `…dan ${errorCount - errors.length} kesalahan lain. Perbaiki yang tertera lalu impor lagi.` });
  }
  return result;
}
