/** A Google-Forms-shaped export of an SKM questionnaire (no test-runner imports: e2e uses it too). */
import fs from 'node:fs';
import path from 'node:path';
import { validateSkmScheme } from '../../../src/core/skm';
import { repoResourcesDir } from '../../../src/server/paths';

const checked = validateSkmScheme(JSON.parse(fs.readFileSync(path.join(repoResourcesDir(), 'skm', 'permenpanrb-14-2017.json'), 'utf8')));
if (!checked.ok) throw new Error(checked.problems.join('\n'));
const scheme = checked.scheme;

export const FORM_HEADERS = [
  'Cap waktu',
  'Alamat email',
  'Jenis Kelamin',
  'Usia',
  'Pendidikan Terakhir',
  'Pekerjaan',
  ...scheme.unsur.map((unsur) => `${unsur.number}. ${unsur.question}`),
  'Saran dan masukan',
];

/** Answer wording of each unsur for a value 1–4 (what Google Forms writes for a multiple choice). */
export const word = (unsurIndex: number, value: number) => scheme.unsur[unsurIndex]!.answers[value - 1]!;

export interface FormRow {
  email: string;
  sex: string;
  age: string;
  education: string;
  occupation: string;
  /** Per unsur: a value written as wording, a raw string (number, blank, junk). */
  answers: Array<number | string>;
  note?: string;
}

const quote = (value: string) => (/[",\n]/u.test(value) ? `"${value.replace(/"/gu, '""')}"` : value);

export function formCsv(rows: FormRow[]): string {
  const lines = [FORM_HEADERS, ...rows.map((row, i) => [
    `2026/03/0${(i % 9) + 1} 9:1${i % 10}:00 GMT+7`,
    row.email,
    row.sex,
    row.age,
    row.education,
    row.occupation,
    ...row.answers.map((answer, u) => (typeof answer === 'number' ? word(u, answer) : answer)),
    row.note ?? '',
  ])];
  return `\ufeff${lines.map((line) => line.map(quote).join(',')).join('\r\n')}\r\n`;
}

/**
 * Four respondents, computed by hand:
 *  R1 all 4 (wording) · R2 all "3" (numbers) · R3 2 for U1–U4, 3 for U5–U9 · R4 all 4 but U9 blank.
 */
export const FOUR_ROWS: FormRow[] = [
  { email: 'a@contoh.id', sex: 'Perempuan', age: '34', education: 'SMA', occupation: 'Wirausaha', answers: Array(9).fill(4), note: 'Pelayanan cepat, "mantap"' },
  { email: 'b@contoh.id', sex: 'L', age: '51', education: 'D4/S1', occupation: 'PNS', answers: Array(9).fill('3') },
  { email: 'c@contoh.id', sex: 'Laki-laki', age: '22', education: 'SMA', occupation: 'Pelajar/Mahasiswa', answers: [2, 2, 2, 2, 3, 3, 3, 3, 3] },
  { email: 'd@contoh.id', sex: 'Perempuan', age: '45 tahun', education: 'SMP', occupation: 'Petani', answers: [4, 4, 4, 4, 4, 4, 4, 4, ''] },
];

