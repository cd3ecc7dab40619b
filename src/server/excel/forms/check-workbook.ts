/**
 * Whole-file checks after parsing: it is our form, the key is intact and signed by this
 * database, it is for the unit and year the operator chose, and the layout is unchanged.
 * Any failure refuses the whole file with one message naming what the file is.
 */
import type { PeriodDetail, Unit } from '../../../shared/types';
import { AppError } from '../../../shared/result';
import type { ServerContext } from '../../context';
import { getPeriod } from '../../periods/periods-service';
import { getUnit } from '../../units/units-service';
import { parseKeySheet, readFormSecret, verifyKey, type FormKey } from './form-key';
import { FORM_FORMAT, FORM_SHEETS, HEADERS, OPTIONAL_SHEETS, SHEET_FORM, SHEET_KEY, columnLetter } from './layout';
import { cellAt, plainText, type SheetSnap, type WorkbookSnapshot } from './snapshot';

export interface VerifiedForm {
  key: FormKey;
  unit: Unit;
  period: PeriodDetail;
  form: SheetSnap;
}

export type Target = { unit: { id: number; name: string }; period: { id: number; year: number } };

export type WorkbookCheck = { ok: true; verified: VerifiedForm } | { ok: false; message: string; target: Target | null };

const KEY_BROKEN = 'Kunci buku kerja diubah atau rusak, sehingga isinya tidak dapat dipercaya. Gunakan formulir asli dari Bagian Organisasi, atau ekspor ulang formulir untuk unit ini.';

const refuse = (message: string, target: Target | null = null): WorkbookCheck => ({ ok: false, message, target });

function lookup<T>(read: () => T): T | null {
  try {
    return read();
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

function sheetProblem(snapshot: WorkbookSnapshot): string | null {
  if (!snapshot.form && !snapshot.key) {
    return 'Buku kerja ini bukan formulir isian Patuh (lembar "Isian" dan kuncinya tidak ada). Gunakan buku kerja hasil Ekspor formulir isian.';
  }
  if (!snapshot.key) return `Lembar kunci formulir (${SHEET_KEY}) tidak ditemukan; buku kerja ini sudah diubah atau bukan hasil ekspor Patuh. Minta unit mengisi formulir asli, atau ekspor ulang formulir.`;
  if (!snapshot.form) return `Lembar "${SHEET_FORM}" tidak ditemukan (mungkin namanya diganti atau lembarnya dihapus). Kembalikan nama lembar, atau isi ulang formulir asli.`;
  const known: readonly string[] = [...FORM_SHEETS, ...OPTIONAL_SHEETS];
  const extra = snapshot.sheets.find((sheet) => !known.includes(sheet.name));
  if (extra) return `Buku kerja berisi lembar tambahan "${extra.name}" yang bukan bagian formulir. Hapus lembar itu, atau isi ulang formulir asli.`;
  return null;
}

function headerProblem(form: SheetSnap): string | null {
  if (form.truncated) return `Lembar "${SHEET_FORM}" berisi terlalu banyak baris. Formulir isian hanya memuat persyaratan yang diekspor; isi ulang formulir asli.`;
  for (let column = 1; column <= HEADERS.length + 2; column += 1) {
    const found = plainText(cellAt(form.rows, 1, column)).trim();
    const wanted = HEADERS[column - 1] ?? '';
    if (found !== wanted) {
      const what = wanted === '' ? `Ada kolom tambahan "${found}" di kolom ${columnLetter(column)}.` : `Judul kolom ${columnLetter(column)} berubah: tertulis "${found}", seharusnya "${wanted}".`;
      return `${what} Jangan memindah, menyisipkan, atau mengganti nama kolom; isi ulang formulir asli dari Patuh.`;
    }
  }
  return null;
}

function keyProblem(ctx: ServerContext, key: FormKey, mac: string): string | null {
  if (key.format !== FORM_FORMAT) return `Formulir ini dibuat dengan format lain (${key.format}); ekspor ulang formulir dari Patuh versi ini.`;
  const secret = readFormSecret(ctx);
  if (!secret) return 'Formulir ini tidak dibuat dari data Patuh ini (di sini belum pernah ada formulir yang diekspor). Impor di komputer Bagian Organisasi yang mengekspornya.';
  if (!verifyKey(key, mac, secret)) return KEY_BROKEN;
  const codes = new Set(key.rows.map((row) => `${row.instrumentId}:${row.requirementCode}`));
  return codes.size !== key.rows.length || key.rows.length === 0 ? KEY_BROKEN : null;
}

function describe(target: Target): string {
  return `unit "${target.unit.name}" tahun ${target.period.year}`;
}

function targetProblem(ctx: ServerContext, target: Target, expected: { periodId?: number; unitId?: number }): string | null {
  const unitWrong = expected.unitId !== undefined && expected.unitId !== target.unit.id;
  const periodWrong = expected.periodId !== undefined && expected.periodId !== target.period.id;
  if (!unitWrong && !periodWrong) return null;
  const unitName = expected.unitId !== undefined ? lookup(() => getUnit(ctx, { id: expected.unitId! }).name) : target.unit.name;
  const year = expected.periodId !== undefined ? lookup(() => getPeriod(ctx, { id: expected.periodId! }).year) : target.period.year;
  return `Buku kerja ini untuk ${describe(target)}, bukan untuk unit "${unitName ?? '?'}" tahun ${year ?? '?'} yang dipilih. Pilih unit dan tahun yang sesuai, atau gunakan buku kerja yang benar.`;
}

export function checkWorkbook(ctx: ServerContext, snapshot: WorkbookSnapshot, expected: { periodId?: number; unitId?: number }): WorkbookCheck {
  const sheets = sheetProblem(snapshot);
  if (sheets) return refuse(sheets);
  const parsed = parseKeySheet(snapshot.key!);
  if (!parsed) return refuse(KEY_BROKEN);
  const broken = keyProblem(ctx, parsed.key, parsed.mac);
  if (broken) return refuse(broken);
  const { key } = parsed;
  const target: Target = { unit: { id: key.unitId, name: key.unitName }, period: { id: key.periodId, year: key.year } };
  const wrongTarget = targetProblem(ctx, target, expected);
  if (wrongTarget) return refuse(wrongTarget, target);
  const unit = lookup(() => getUnit(ctx, { id: key.unitId }));
  const period = lookup(() => getPeriod(ctx, { id: key.periodId }));
  if (!unit || !period) return refuse(`Buku kerja ini untuk ${describe(target)}, yang sudah tidak ada di Patuh.`, target);
  if (!period.units.some((entry) => entry.unitId === unit.id)) {
    return refuse(`Unit "${unit.name}" tidak lagi termasuk tahun penilaian ${period.year}. Tambahkan lagi di Tahun Penilaian sebelum mengimpor.`, target);
  }
  const layout = headerProblem(snapshot.form!);
  if (layout) return refuse(layout, target);
  return { ok: true, verified: { key, unit, period, form: snapshot.form! } };
}
