/**
 * SQLite and file-system failures a user can cause (a full disk, a read-only folder, a
 * second program holding the file, a damaged or foreign file) turned into one message in
 * Bahasa Indonesia each. Every host shows these instead of SQLite's English text, and
 * never a stack trace.
 */
import { AppError, type AppErrorData } from '../../shared/result';

export type StorageFault = 'full' | 'readonly' | 'busy' | 'corrupt' | 'notadb' | 'ioerr' | 'cantopen' | 'permission';

/** The fault behind an error, from its SQLite/Node code (message text only as a fallback). */
export function storageFault(error: unknown): StorageFault | null {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const message = String((error as { message?: unknown } | null)?.message ?? error);
  if (/^SQLITE_FULL|^ENOSPC$|^EDQUOT$/.test(code) || /database or disk is full|no space left/i.test(message)) return 'full';
  if (/^SQLITE_READONLY|^EROFS$/.test(code) || /readonly database/i.test(message)) return 'readonly';
  if (/^SQLITE_BUSY|^SQLITE_LOCKED|^EBUSY$/.test(code) || /database is locked|database table is locked/i.test(message)) return 'busy';
  if (/^SQLITE_CORRUPT/.test(code) || /malformed/i.test(message)) return 'corrupt';
  if (/^SQLITE_NOTADB/.test(code) || /file is not a database/i.test(message)) return 'notadb';
  if (/^SQLITE_PERM|^SQLITE_AUTH|^EACCES$|^EPERM$/.test(code)) return 'permission';
  if (/^SQLITE_CANTOPEN/.test(code)) return 'cantopen';
  if (/^SQLITE_IOERR|^EIO$/.test(code)) return 'ioerr';
  return null;
}

const MESSAGES: Record<StorageFault, string> = {
  full: 'Disk penuh: perubahan tidak dapat disimpan dan tidak ada yang berubah. Kosongkan ruang disk, lalu ulangi.',
  readonly:
    'Folder data Patuh hanya dapat dibaca (read-only), atau data sedang dibuka hanya-baca karena Patuh lain memakainya. Tidak ada yang disimpan. ' +
    'Tutup Patuh yang lain, atau periksa izin folder data, lalu ulangi.',
  busy: 'Basis data sedang dipakai proses lain. Tunggu sebentar lalu ulangi; tidak ada yang disimpan.',
  corrupt: 'Basis data rusak. Tutup lalu buka kembali Patuh agar basis data diperiksa dan cadangan terbaru ditawarkan.',
  notadb: 'Berkas basis data bukan basis data Patuh (mungkin rusak atau terpotong). Tutup lalu buka kembali Patuh agar diperiksa.',
  ioerr: 'Gagal membaca atau menulis disk; tidak ada yang disimpan. Periksa disk (flashdisk terlepas? disk penuh?) lalu ulangi.',
  cantopen: 'Berkas basis data tidak dapat dibuka. Periksa bahwa folder data ada dan dapat ditulis, lalu ulangi.',
  permission: 'Izin tidak cukup untuk folder data Patuh. Periksa izin folder (atau jalankan sebagai pengguna pemilik folder), lalu ulangi.',
};

export function storageMessage(fault: StorageFault): string {
  return MESSAGES[fault];
}

/** An AppError for a storage fault, or null when the error is something else. */
export function storageError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const fault = storageFault(error);
  if (!fault) return null;
  const code = fault === 'corrupt' || fault === 'notadb' ? 'DATABASE_CORRUPT' : 'IO';
  return new AppError(code, MESSAGES[fault]);
}

/** The envelope for anything thrown by a service; unknown errors get a generic message. */
export function toUserError(error: unknown): AppErrorData {
  if (error instanceof AppError) return error.toData();
  const mapped = storageError(error);
  if (mapped) return mapped.toData();
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const message = error instanceof Error ? error.message : String(error);
  if (/SQLITE_CONSTRAINT/.test(code) || /SQLITE_CONSTRAINT/.test(message)) {
    return { code: 'CONFLICT', message: 'Perubahan bertentangan dengan data yang ada; tidak ada yang disimpan.' };
  }
  return { code: 'INTERNAL', message: 'Terjadi kesalahan tak terduga; tidak ada yang disimpan. Ulangi, atau hubungi pengembang bila berulang.' };
}
