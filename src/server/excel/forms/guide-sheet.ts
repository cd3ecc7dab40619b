/**
 * The "Petunjuk" sheet: plain-Indonesian instructions for the person at the service unit
 * who fills the form in, often without anyone from Bagian Organisasi nearby.
 */
import type ExcelJS from 'exceljs';
import type { Checklist } from '../../../shared/types';
import { safeText } from '../cells';
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

export async function writeGuideSheet(workbook: ExcelJS.Workbook, checklist: Checklist, deadline: string | null, extraSteps: readonly string[] = []): Promise<void> {
  const sheet = workbook.addWorksheet(SHEET_GUIDE);
  sheet.columns = [{ width: 110 }];
  const title = sheet.addRow(['Petunjuk pengisian formulir data dukung']);
  title.font = { bold: true, size: 14 };
  sheet.addRow([safeText(`Unit: ${checklist.unit.name}`)]);
  sheet.addRow([`Tahun penilaian: ${checklist.year}`]);
  sheet.addRow([`Batas pengiriman: ${deadline ? longDate(deadline) : 'tanyakan ke Bagian Organisasi'}`]);
  sheet.addRow([]);
  for (const line of [...steps(deadline), ...extraSteps]) {
    const row = sheet.addRow([line]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  // The guide is read-only too, so nobody "fills in" the instructions by mistake.
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true });
}
