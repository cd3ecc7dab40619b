/**
 * Long work (exports, imports, archives) runs as a job: it reports progress, can be
 * cancelled, and the UI polls its state — the same on IPC and on the preview host.
 */
import { AppError } from '../../shared/result';

export interface JobControl {
  signal: AbortSignal;
  /** fraction 0..1 and an Indonesian line for the progress bar. */
  progress(fraction: number, message: string): void;
}

/** For callers without a UI (CLI, tests): never cancelled, progress ignored or logged. */
export function silentJob(onProgress?: (fraction: number, message: string) => void): JobControl {
  return { signal: new AbortController().signal, progress: onProgress ?? (() => undefined) };
}

export function throwIfCancelled(job: JobControl): void {
  if (job.signal.aborted) throw new AppError('CANCELLED', 'Dibatalkan oleh pengguna; tidak ada berkas setengah jadi yang tertinggal.');
}
