/**
 * Periodic backups while the app runs: every interval, back up only if the data changed
 * since the last successful backup. Runs never overlap (a slow disk just delays the next
 * one) and a failure is reported, not thrown, so the timer keeps going.
 */
import type { Db } from '../db/connection';

export const DEFAULT_BACKUP_INTERVAL_MS = 15 * 60 * 1000;

export interface BackupSchedulerOptions {
  intervalMs?: number;
  hasChanges: () => boolean;
  run: () => Promise<void>;
  /** Where failures go (the host logs them / shows a notice). */
  onError?: (error: unknown) => void;
}

export interface BackupScheduler {
  start: () => void;
  /** Stops the timer and waits for a running backup, so the caller can close the database after. */
  stop: () => Promise<void>;
  /** One check now (also what the timer calls). Resolves true if a backup ran. */
  tick: () => Promise<boolean>;
}

interface SchedulerState {
  timer: ReturnType<typeof setTimeout> | null;
  running: Promise<void> | null;
  active: boolean;
}

export function createBackupScheduler(options: BackupSchedulerOptions): BackupScheduler {
  const intervalMs = options.intervalMs ?? DEFAULT_BACKUP_INTERVAL_MS;
  const onError = options.onError ?? ((error: unknown) => console.error('Cadangan berkala gagal:', error));
  const state: SchedulerState = { timer: null, running: null, active: false };
  const tick = () => runIfChanged(options, onError, state);
  // setTimeout after each run rather than setInterval: a slow backup delays, never stacks.
  const schedule = () => {
    state.timer = setTimeout(() => {
      void tick().finally(() => {
        if (state.active) schedule();
      });
    }, intervalMs);
    // A pending backup alone must not keep a CLI process alive.
    if (typeof state.timer === 'object' && 'unref' in state.timer) state.timer.unref();
  };
  return {
    start: () => {
      if (state.active) return;
      state.active = true;
      schedule();
    },
    stop: async () => {
      state.active = false;
      if (state.timer) clearTimeout(state.timer);
      state.timer = null;
      await state.running;
    },
    tick,
  };
}

async function runIfChanged(options: BackupSchedulerOptions, onError: (error: unknown) => void, state: SchedulerState): Promise<boolean> {
  if (state.running) return false;
  try {
    if (!options.hasChanges()) return false;
  } catch (error) {
    onError(error);
    return false;
  }
  state.running = options.run().catch(onError);
  await state.running;
  state.running = null;
  return true;
}

export interface ChangeTracker {
  hasChanges: () => boolean;
  /**
   * Run a backup and, if it succeeds, take the state seen *before* it started as backed
   * up — changes made while it ran are then still pending for the next tick.
   */
  track: (backup: () => Promise<unknown>) => Promise<void>;
}

/**
 * Change detection for one connection: total_changes() counts this connection's writes,
 * PRAGMA data_version moves when another connection (e.g. the CLI) commits.
 */
export function createChangeTracker(db: Db): ChangeTracker {
  const totalChanges = db.prepare('SELECT total_changes()').pluck();
  const current = () => `${String(totalChanges.get())}:${String(db.pragma('data_version', { simple: true }))}`;
  let baseline = current();
  return {
    hasChanges: () => current() !== baseline,
    track: async (backup) => {
      const seen = current();
      await backup();
      baseline = seen;
    },
  };
}
