/**
 * Runs long work in the background of the host process and keeps its state for polling:
 * progress, result or an Indonesian error, and cancellation. Finished jobs are kept a
 * while so a late poll still sees the outcome.
 */
import crypto from 'node:crypto';
import { AppError } from '../../shared/result';
import type { JobInfo } from '../../shared/types';
import { toErrorData } from '../api/dispatch';
import type { JobControl } from './job';

/** A job's state as the API reports it. */
export type JobState = JobInfo;

interface Entry {
  state: JobState;
  controller: AbortController;
}

const KEEP_FINISHED = 50;

export function createJobRunner(now: () => Date) {
  const jobs = new Map<string, Entry>();

  function prune(): void {
    const finished = [...jobs.values()].filter((entry) => entry.state.status !== 'berjalan');
    for (const entry of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) jobs.delete(entry.state.id);
  }

  function start(kind: string, work: (job: JobControl) => Promise<unknown>): JobState {
    const controller = new AbortController();
    const state: JobState = {
      id: crypto.randomUUID(),
      kind,
      status: 'berjalan',
      progress: 0,
      message: 'Memulai…',
      startedAt: now().toISOString(),
      finishedAt: null,
      result: null,
      error: null,
    };
    jobs.set(state.id, { state, controller });
    const control: JobControl = {
      signal: controller.signal,
      progress(fraction, message) {
        state.progress = Math.max(0, Math.min(1, fraction));
        state.message = message;
      },
    };
    // Let the caller receive the id before the work begins.
    setImmediate(() => {
      work(control).then(
        (result) => Object.assign(state, { status: 'selesai', progress: 1, result, finishedAt: now().toISOString() }),
        (error: unknown) => {
          const data = toErrorData(error);
          const cancelled = data.code === 'CANCELLED' || controller.signal.aborted;
          Object.assign(state, { status: cancelled ? 'dibatalkan' : 'gagal', error: data, finishedAt: now().toISOString() });
        },
      );
      prune();
    });
    return { ...state };
  }

  function get(id: string): JobState {
    const entry = jobs.get(id);
    if (!entry) throw new AppError('NOT_FOUND', 'Pekerjaan tidak ditemukan (mungkin aplikasi dimulai ulang).');
    return { ...entry.state };
  }

  function cancel(id: string): JobState {
    const entry = jobs.get(id);
    if (!entry) throw new AppError('NOT_FOUND', 'Pekerjaan tidak ditemukan.');
    if (entry.state.status === 'berjalan') {
      entry.controller.abort();
      entry.state.message = 'Membatalkan…';
    }
    return { ...entry.state };
  }

  /** Wait for every running job (used on quit and in tests). */
  async function idle(): Promise<void> {
    while ([...jobs.values()].some((entry) => entry.state.status === 'berjalan')) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  return { start, get, cancel, idle };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
