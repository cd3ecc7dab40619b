/**
 * One button's long work on the host: one job, or several run one after another (a
 * package per unit). Built on useJob (polling jobs:get); reports the progress over all
 * steps, lets the user cancel (the running job and every step not yet started), and
 * keeps each step's outcome for the card to show.
 *
 *   const task = useTask({ onComplete: (outcomes, stopped) => … });
 *   task.run([{ label: 'Rekap', start: () => api['export:recap']({ periodId }) }]);
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { JobInfo } from '../../../shared/types';
import { AppError } from '../../../shared/result';
import { useJob } from '../../components/job-progress';
import { api, errorMessage } from '../../lib/api';

export interface TaskStep {
  /** What this step makes, shown next to the progress ("Dinas Sosial"). */
  label: string;
  /** Starts the host job; null means the user closed the desktop dialog. Receives earlier outcomes. */
  start: (earlier: StepOutcome[]) => Promise<JobInfo | null>;
}

export interface StepOutcome {
  label: string;
  status: 'selesai' | 'gagal' | 'dibatalkan';
  result: unknown;
  error: string | null;
  /** Extra lines from the host (e.g. which evidence files are missing). */
  details: string[];
}

export type TaskPhase = 'idle' | 'running' | 'done';

export interface Task {
  phase: TaskPhase;
  /** While running: the current job with its progress scaled over all steps. */
  progress: JobInfo | null;
  outcomes: StepOutcome[];
  /** The run ended early because the user cancelled. */
  stopped: boolean;
  cancelling: boolean;
  total: number;
  run: (steps: TaskStep[]) => void;
  cancel: () => void;
  /** Forget a finished run (back to idle). */
  reset: () => void;
}

interface Options {
  /** Called once when a run ends; not called when the user closed the first dialog. */
  onComplete?: (outcomes: StepOutcome[], stopped: boolean) => void;
}

interface RunState {
  steps: TaskStep[];
  index: number;
  outcomes: StepOutcome[];
  stop: boolean;
  generation: number;
}

function outcomeOf(label: string, job: JobInfo): StepOutcome {
  const status = job.status === 'berjalan' ? 'gagal' : job.status;
  const details = (job.error as { details?: unknown } | null)?.details;
  return {
    label,
    status,
    result: job.result,
    error: job.error?.message ?? null,
    details: Array.isArray(details) ? details.filter((line): line is string => typeof line === 'string') : [],
  };
}

function waitingJob(message: string, progress: number): JobInfo {
  return { id: '', kind: '', status: 'berjalan', progress, message, startedAt: '', finishedAt: null, result: null, error: null };
}

export function useTask({ onComplete }: Options = {}): Task {
  const [phase, setPhase] = useState<TaskPhase>('idle');
  const [outcomes, setOutcomes] = useState<StepOutcome[]>([]);
  const [stepIndex, setStepIndex] = useState(0);
  const [labels, setLabels] = useState<string[]>([]);
  const [stopped, setStopped] = useState(false);
  const [stopping, setStopping] = useState(false);
  const state = useRef<RunState>({ steps: [], index: 0, outcomes: [], stop: false, generation: 0 });
  const completeRef = useRef(onComplete);
  const launchRef = useRef<(index: number) => Promise<void>>(async () => undefined);
  useLayoutEffect(() => {
    completeRef.current = onComplete;
  });

  const record = useCallback((outcome: StepOutcome) => {
    const run = state.current;
    run.outcomes = [...run.outcomes, outcome];
    setOutcomes(run.outcomes);
  }, []);

  const finish = useCallback((wasStopped: boolean) => {
    const run = state.current;
    setStopping(false);
    if (run.outcomes.length === 0) {
      // Nothing was made (the first dialog was closed): as if the button was never pressed.
      setPhase('idle');
      return;
    }
    setStopped(wasStopped);
    setPhase('done');
    completeRef.current?.(run.outcomes, wasStopped);
  }, []);

  const next = useCallback(
    (afterIndex: number) => {
      const run = state.current;
      if (run.stop) finish(true);
      else if (afterIndex + 1 < run.steps.length) void launchRef.current(afterIndex + 1);
      else finish(false);
    },
    [finish],
  );

  const job = useJob({
    onFinish: (finished) => {
      const run = state.current;
      const step = run.steps[run.index];
      if (!step) return;
      record(outcomeOf(step.label, finished));
      if (finished.status === 'dibatalkan') finish(true);
      else next(run.index);
    },
  });
  const { track } = job;

  useLayoutEffect(() => {
    launchRef.current = async (index: number) => {
      const run = state.current;
      const generation = run.generation;
      const step = run.steps[index];
      if (!step) return;
      run.index = index;
      setStepIndex(index);
      let info: JobInfo | null;
      try {
        info = await step.start(run.outcomes);
      } catch (error) {
        if (generation !== state.current.generation) return;
        record({ label: step.label, status: 'gagal', result: null, error: errorMessage(error), details: error instanceof AppError ? (error.details ?? []) : [] });
        next(index);
        return;
      }
      if (generation !== state.current.generation) return;
      if (info === null) {
        finish(true);
        return;
      }
      if (run.stop && info.status === 'berjalan') void api['jobs:cancel']({ id: info.id }).catch(() => undefined);
      track(info);
    };
  });

  const run = useCallback((steps: TaskStep[]) => {
    if (steps.length === 0) return;
    const generation = state.current.generation + 1;
    state.current = { steps, index: 0, outcomes: [], stop: false, generation };
    setOutcomes([]);
    setLabels(steps.map((step) => step.label));
    setStepIndex(0);
    setStopped(false);
    setStopping(false);
    setPhase('running');
    void launchRef.current(0);
  }, []);

  const { cancel: cancelJob, running: jobRunning } = job;
  const cancel = useCallback(() => {
    state.current.stop = true;
    setStopping(true);
    if (jobRunning) void cancelJob();
  }, [cancelJob, jobRunning]);

  const reset = useCallback(() => {
    if (phase === 'running') return;
    setPhase('idle');
    setOutcomes([]);
    setStopped(false);
  }, [phase]);

  const total = labels.length;
  let progress: JobInfo | null = null;
  if (phase === 'running') {
    const label = labels[stepIndex] ?? '';
    const prefix = total > 1 ? `${label} (${stepIndex + 1} dari ${total}) · ` : '';
    const current = job.job;
    progress =
      current && current.status === 'berjalan'
        ? { ...current, progress: (stepIndex + current.progress) / total, message: `${prefix}${current.message || 'Memulai…'}` }
        : waitingJob(`${prefix}Memulai…`, stepIndex / Math.max(1, total));
  }

  return { phase, progress, outcomes, stopped, cancelling: stopping, total, run, cancel, reset };
}
