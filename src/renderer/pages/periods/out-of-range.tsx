/**
 * The server refuses a year with an instrument whose years do not cover it until the user
 * confirms (error INSTRUMENT_OUT_OF_RANGE, then `force`). One dialog for creating and
 * editing a year.
 */
import { AppError } from '../../../shared/result';
import type { useConfirm } from '../../components/confirm';

/** Runs `save`; on an out-of-range refusal asks, and when confirmed runs it again with force. Other errors pass through. */
export async function withYearConfirmation<T>(
  confirm: ReturnType<typeof useConfirm>,
  year: number,
  save: (force: boolean) => Promise<T>,
  confirmLabel = 'Tetap buat',
): Promise<T> {
  try {
    return await save(false);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'INSTRUMENT_OUT_OF_RANGE') throw error;
    const go = await confirm({
      title: 'Instrumen tidak berlaku untuk tahun ini',
      message: (
        <>
          <p>{error.message}</p>
          <p>Lanjutkan hanya bila kantor memang memakai instrumen ini untuk {year}, misalnya karena edisi baru belum terbit.</p>
        </>
      ),
      confirmLabel,
      cancelLabel: 'Kembali',
      tone: 'primary',
    });
    if (!go) throw error;
    return save(true);
  }
}
