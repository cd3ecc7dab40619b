/**
 * Long work on the host (archives, Excel exports) runs as a job: start it through its
 * channel, hand the returned JobInfo to `useJob().track`, and render <JobProgress> —
 * a dialog with a progress bar, the host's message and a cancel button, then the
 * outcome. The hook polls jobs:get every ~250 ms while the job runs.
 *
 *   const job = useJob({ onFinish: (info) => info.status === 'selesai' && reload() });
 *   const info = await api['backup:archive']({ outDir });
 *   if (info) job.track(info);
 *   <JobProgress handle={job} title="Membuat arsip" renderResult={(result) => …} />
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { JobInfo } from '../../shared/types';
import { api, errorMessage } from '../lib/api';
import { formatPercent } from '../lib/format';
import { Button } from './button';
import { Dialog } from './dialog';
import { Icon } from './icons';
import '../styles/jobs.css';

export interface JobHandle {
  /** The latest known state, or null when nothing is tracked. */
  job: JobInfo | null;
  running: boolean;
  cancelling: boolean;
  track: (job: JobInfo) => void;
  cancel: () => Promise<void>;
  /** Forget a finished job (closes the dialog). */
  dismiss: () => void;
}

interface UseJobOptions {
  intervalMs?: number;
  /** Called once when the tracked job ends (selesai, gagal or dibatalkan). */
  onFinish?: (job: JobInfo) => void;
}

export function useJob({ intervalMs = 250, onFinish }: UseJobOptions = {}): JobHandle {
  const [job, setJob] = useState<JobInfo | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const finishRef = useRef(onFinish);
  useLayoutEffect(() => {
    finishRef.current = onFinish;
  });

  const jobId = job?.id ?? null;
  const running = job?.status === 'berjalan';

  useEffect(() => {
    if (!jobId || !running) return undefined;
    let stopped = false;
    let timer = 0;
    const poll = async () => {
      let next: JobInfo;
      try {
        next = await api['jobs:get']({ id: jobId });
      } catch (error) {
        next = {
          id: jobId,
          kind: '',
          status: 'gagal',
          progress: 0,
          message: '',
          startedAt: '',
          finishedAt: null,
          result: null,
          error: { code: 'IO', message: errorMessage(error) },
        };
      }
      if (stopped) return;
      setJob((current) => (current?.id === jobId ? next : current));
      if (next.status === 'berjalan') timer = window.setTimeout(() => void poll(), intervalMs);
      else {
        setCancelling(false);
        finishRef.current?.(next);
      }
    };
    timer = window.setTimeout(() => void poll(), intervalMs);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [jobId, running, intervalMs]);

  const track = useCallback((next: JobInfo) => {
    setCancelling(false);
    setJob(next);
    if (next.status !== 'berjalan') finishRef.current?.(next);
  }, []);

  const cancel = useCallback(async () => {
    if (!jobId) return;
    setCancelling(true);
    try {
      const next = await api['jobs:cancel']({ id: jobId });
      setJob((current) => (current?.id === jobId && current.status === 'berjalan' ? { ...next, status: current.status } : current));
    } catch {
      setCancelling(false);
    }
  }, [jobId]);

  const dismiss = useCallback(() => {
    setJob((current) => (current && current.status !== 'berjalan' ? null : current));
  }, []);

  return { job, running, cancelling, track, cancel, dismiss };
}

const STATUS_TEXT: Record<JobInfo['status'], string> = {
  berjalan: 'Sedang berjalan',
  selesai: 'Selesai',
  gagal: 'Gagal',
  dibatalkan: 'Dibatalkan',
};

/** The bar and the status line; usable on its own inside a page. */
export function JobProgressBar({ job, label }: { job: JobInfo; label: string }) {
  const percent = Math.round((job.status === 'selesai' ? 1 : job.progress) * 100);
  return (
    <div className={`job job--${job.status}`}>
      <div className="job__row">
        <span className="job__message">{job.status === 'berjalan' ? job.message || 'Memulai…' : STATUS_TEXT[job.status]}</span>
        <span className="job__percent">{formatPercent(percent)}</span>
      </div>
      <div className="job__track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={`${formatPercent(percent)} — ${job.message}`}>
        <span className="job__bar" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

interface JobProgressProps {
  handle: JobHandle;
  title: string;
  description?: ReactNode;
  /** What to show when the job finished well, from its result. */
  renderResult?: (result: unknown, job: JobInfo) => ReactNode;
  /** A hint beside the cancel button while the job runs, e.g. "Jangan cabut flashdisk". */
  runningNote?: ReactNode;
  onClose?: () => void;
}

export function JobProgress({ handle, title, description, renderResult, runningNote, onClose }: JobProgressProps) {
  const { job, running, cancelling } = handle;
  const close = () => {
    handle.dismiss();
    onClose?.();
  };
  return (
    <Dialog
      open={job !== null}
      title={title}
      description={description}
      busy={running}
      onClose={close}
      size="md"
      footer={
        running ? (
          <>
            {runningNote ? <span className="dialog__footer-note">{runningNote}</span> : null}
            <Button variant="secondary" icon="x" busy={cancelling} onClick={() => void handle.cancel()}>
              {cancelling ? 'Membatalkan…' : 'Batalkan'}
            </Button>
          </>
        ) : (
          <Button variant="primary" onClick={close} data-autofocus>
            Tutup
          </Button>
        )
      }
    >
      {job ? (
        <div className="job-dialog" aria-live="polite">
          <JobProgressBar job={job} label={title} />
          {job.status === 'selesai' ? (
            <div className="job-outcome job-outcome--ok">
              <Icon name="check-circle" size={20} />
              <div>{renderResult ? renderResult(job.result, job) : 'Pekerjaan selesai.'}</div>
            </div>
          ) : null}
          {job.status === 'gagal' ? (
            <div className="job-outcome job-outcome--error" role="alert">
              <Icon name="alert" size={20} />
              <div>{job.error?.message ?? 'Pekerjaan gagal.'}</div>
            </div>
          ) : null}
          {job.status === 'dibatalkan' ? (
            <div className="job-outcome">
              <Icon name="info" size={20} />
              <div>Pekerjaan dibatalkan. Tidak ada berkas setengah jadi yang ditinggalkan.</div>
            </div>
          ) : null}
        </div>
      ) : null}
    </Dialog>
  );
}
