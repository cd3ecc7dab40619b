/**
 * "Is anyone else reading this database?" — asked right before a restore replaces the
 * file. The data-folder lock keeps other writers out, but a reader (a CLI command that
 * opened the data read-only while the lock was held) may still have the file open, and
 * replacing a file under an open connection would leave that process working on a
 * deleted copy. Every open WAL connection keeps a shared lock on the database file, so
 * an exclusive lock attempt answers the question without changing the data.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { AppError } from '../../shared/result';

export function assertNotOpenElsewhere(file: string, options: { nativeBinding?: string } = {}): void {
  if (!fs.existsSync(file)) return;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { timeout: 0, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('ROLLBACK');
  } catch (error) {
    if (/^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown }).code ?? ''))) {
      throw new AppError(
        'DATA_LOCKED',
        'Basis data sedang dibuka oleh proses Patuh lain (misalnya perintah baris yang sedang membaca). Pemulihan dibatalkan; data tidak diubah. ' +
          'Tunggu perintah itu selesai atau tutup programnya, lalu coba lagi.',
      );
    }
    // Any other failure (a damaged file) is not "in use": the restore's own checks decide.
  } finally {
    db?.close();
  }
}
