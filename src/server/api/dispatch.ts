import { contract, isChannel, type Handlers } from '../../shared/contract';
import { AppError, type AppErrorData, type Result } from '../../shared/result';
import { describeIssues } from '../../shared/validation';

/**
 * The single entry from any host: validate the payload against the channel's schema,
 * call the handler, and return a result envelope. Nothing throws across a boundary.
 */
export async function dispatch(handlers: Handlers, channel: unknown, payload: unknown): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'FORBIDDEN', message: 'Permintaan tidak dikenal.' } };
  }
  const parsed = contract[channel].input.safeParse(payload);
  if (!parsed.success) {
    const { message, fields } = describeIssues(parsed.error);
    return { ok: false, error: { code: 'VALIDATION', message, fields } };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    return { ok: false, error: toErrorData(error) };
  }
}

export function toErrorData(error: unknown): AppErrorData {
  if (error instanceof AppError) return error.toData();
  const message = error instanceof Error ? error.message : String(error);
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (/SQLITE_FULL|ENOSPC|EDQUOT/.test(code) || /SQLITE_FULL|ENOSPC|disk is full/.test(message)) {
    return { code: 'IO', message: 'Disk penuh. Kosongkan ruang disk lalu ulangi; data tidak berubah.' };
  }
  if (/SQLITE_BUSY|SQLITE_LOCKED/.test(code) || /database is locked/.test(message)) {
    return { code: 'IO', message: 'Basis data sedang dipakai proses lain. Tunggu sebentar lalu ulangi.' };
  }
  if (/SQLITE_IOERR|EIO/.test(code)) {
    return { code: 'IO', message: 'Gagal membaca atau menulis disk; tidak ada yang disimpan. Periksa disk lalu ulangi.' };
  }
  if (/SQLITE_CONSTRAINT/.test(code) || /SQLITE_CONSTRAINT/.test(message)) {
    return { code: 'CONFLICT', message: 'Perubahan bertentangan dengan data yang ada; tidak ada yang disimpan.' };
  }
  console.error('[patuh] unexpected error', error);
  return { code: 'INTERNAL', message: 'Terjadi kesalahan tak terduga; tidak ada yang disimpan. Ulangi, atau hubungi pengembang bila berulang.' };
}
