/**
 * The "Petunjuk" sheet: plain-Indonesian instructions for the person at the service unit
 * who fills the form in, often without anyone from Bagian Organisasi nearby.
 */
import type ExcelJS from 'exceljs';
import type { Checklist } from '../../../shared/types';
import { safeText } from '../cells';
import type { DocumentContext } from '../../documents/letterhead';
import { printInfoOf } from '../exports/document-setup';
import { KOP_ROWS, writeKop, writeSignature } from '../exports/kop';
import { FONT, LINE_HEIGHT, lineCount, printSetup } from '../exports/sheet-style';
import { MAX_NOTE_LENGTH, SHEET_FORM, SHEET_GUIDE } from './layout';

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

function longDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1]} ${year}`;
}

function steps(deadline: string | null): string[] {
  const when = deadline ? `paling lambat ${longDate(deadline)}` : 'secepatnya';
  return [
    `1. Buka lembar "${SHEET_FORM}". Satu baris adalah satu bukti dukung yang diminta.`,
    '2. Kolom berwarna abu-abu (No sampai Status saat ini) jangan diubah. Jangan menambah, menghapus, memindah, atau mengurutkan baris dan kolom, dan jangan mengganti nama lembar.',
    '3. Isi hanya kolom berwarna putih: Status, Tautan bukti, Tanggal dokumen, dan Catatan.',
    '4. Status: pilih dari daftar. Biasanya pilih "Menunggu verifikasi" bila bukti sudah tersedia, atau biarkan "Belum ada". Status "Terverifikasi" hanya diberikan oleh Bagian Organisasi; bila dipilih oleh unit, baris itu ditolak. Status "Perlu perbaikan" dan "Tidak berlaku" wajib disertai alasan di kolom Catatan.',
    '5. Tautan bukti: alamat lengkap yang diawali http:// atau https://, misalnya tautan Google Drive yang dapat dibuka Bagian Organisasi. Beberapa tautan boleh ditulis di baris baru dalam sel yang sama (Alt+Enter). Bukti yang sudah tercatat tidak perlu ditulis ulang. Bila tautan diisi dan status masih "Belum ada" atau "Perlu perbaikan", status otomatis menjadi "Menunggu verifikasi".',
    '6. Tanggal dokumen: tanggal terbit dokumen pada tautan, misalnya 24/11/2026 (format HH/BB/TTTT) atau 2026-11-24. Kosongkan bila Tautan bukti kosong.',
    `7. Catatan: keterangan singkat, paling banyak ${MAX_NOTE_LENGTH.toLocaleString('id-ID')} karakter. Jangan menulis rumus (teks yang diawali tanda =); ketik nilainya saja.`,
    '8. Simpan tetap dalam format .xlsx (bukan .xls), tanpa kata sandi, dan jangan membuka proteksi lembar.',
    `9. Kirim kembali berkas ini ke Bagian Organisasi ${when}. Berkas yang kuncinya diubah atau untuk unit/tahun lain akan ditolak seluruhnya.`,
  ];
}

/** Rows tall enough for their wrapped text: neither Excel nor LibreOffice grows them on open, so text would overlap. */
function addGuideRow(sheet: ExcelJS.Worksheet, text: string, font: Partial<ExcelJS.Font> = {}): void {
  const row = sheet.addRow([text]);
  // On the cell itself: a row-level style does not reach cells in every reader, and unwrapped text spills over the page edge.
  const cell = row.getCell(1);
  cell.font = { name: FONT, size: 11, ...font };
  cell.alignment = { wrapText: true, vertical: 'top' };
  row.height = Math.max(1, lineCount(text, GUIDE_WIDTH)) * (LINE_HEIGHT + ((font.size ?? 11) > 11 ? 4 : 0)) + 3;
}

/** Narrow enough to fit A4 portrait at 100 %: LibreOffice does not always apply fit-to-width on this protected sheet. */
const GUIDE_WIDTH = 84;

export async function writeGuideSheet(workbook: ExcelJS.Workbook, checklist: Checklist, deadline: string | null, docs?: DocumentContext, extraSteps: readonly string[] = []): Promise<void> {
  const sheet = workbook.addWorksheet(SHEET_GUIDE);
  sheet.columns = [{ width: GUIDE_WIDTH }];
  if (docs) {
    writeKop(workbook, sheet, docs.header, 1);
    // The kop occupies rows 1..KOP_ROWS; the guide continues below it.
    while (sheet.rowCount < KOP_ROWS) sheet.addRow([]);
  }
  addGuideRow(sheet, 'Petunjuk pengisian formulir data dukung', { bold: true, size: 14 });
  addGuideRow(sheet, safeText(`Unit: ${checklist.unit.name}`));
  addGuideRow(sheet, `Tahun penilaian: ${checklist.year}`);
  addGuideRow(sheet, `Batas pengiriman: ${deadline ? longDate(deadline) : 'tanyakan ke Bagian Organisasi'}`);
  sheet.addRow([]);
  for (const line of [...steps(deadline), ...extraSteps]) addGuideRow(sheet, line);
  if (docs) {
    sheet.addRow([]);
    writeSignature(sheet, sheet.rowCount + 1, 1, 1, docs.signature('form', { dated: true }));
  }
  printSetup(sheet, null, 'portrait', false, docs ? printInfoOf(docs, `Petunjuk formulir isian ${checklist.unit.name} ${checklist.year}`) : undefined);
  // The guide is read-only too, so nobody "fills in" the instructions by mistake.
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true });
}
