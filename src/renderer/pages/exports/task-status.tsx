/** What a card shows while its work runs (bar, message, Batalkan) and afterwards (download, path, failure). */
import type { ReactNode } from 'react';
import { Button } from '../../components/button';
import { Icon } from '../../components/icons';
import { JobProgressBar } from '../../components/job-progress';
import { isPreview } from '../../lib/api';
import { asExportOutput, describeOutput, downloadHref, fileNameOf, type ExportOutput } from './download';
import type { StepOutcome, Task } from './use-task';

export function TaskProgress({ task, label }: { task: Task; label: string }) {
  if (task.phase !== 'running' || !task.progress) return null;
  return (
    <div className="exp-progress">
      <div className="exp-progress__bar">
        <JobProgressBar job={task.progress} label={label} />
      </div>
      <Button size="sm" icon="x" busy={task.cancelling} onClick={task.cancel}>
        {task.cancelling ? 'Membatalkan…' : 'Batalkan'}
      </Button>
    </div>
  );
}

export function DownloadLink({ url, name }: { url: string; name: string }) {
  return (
    <a className="btn btn--secondary btn--sm exp-download" href={downloadHref(url)} download={name} aria-label={`Unduh ${name}`} title={`Unduh ${name}`}>
      <Icon name="arrow-down" size={16} />
      <span>Unduh</span>
    </a>
  );
}

/** "Tersimpan di …" (desktop) or the download button (browser preview) for one file or folder. */
export function SavedAt({ output }: { output: ExportOutput }) {
  if (isPreview() && output.downloadUrl) return <DownloadLink url={output.downloadUrl} name={fileNameOf(output.path)} />;
  return (
    <div className="exp-saved">
      Tersimpan di <code title={output.path}>{output.path}</code>
    </div>
  );
}

function Outcome({ tone, icon, title, children, action }: { tone: 'ok' | 'error' | 'neutral'; icon: 'check-circle' | 'alert' | 'info'; title: ReactNode; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className={`exp-outcome exp-outcome--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <Icon name={icon} size={20} className="exp-outcome__icon" />
      <div className="exp-outcome__body">
        <div className="exp-outcome__title">{title}</div>
        {children}
      </div>
      {action ? <div className="exp-outcome__action">{action}</div> : null}
    </div>
  );
}

export function FailureDetails({ details }: { details: string[] }) {
  if (details.length === 0) return null;
  return (
    <ul className="exp-outcome__details">
      {details.slice(0, 8).map((line) => (
        <li key={line}>{line}</li>
      ))}
      {details.length > 8 ? <li>… dan {details.length - 8} lainnya</li> : null}
    </ul>
  );
}

/** The end of a one-job export: the file made, or why not. */
export function ExportOutcome({ outcome, what }: { outcome: StepOutcome; what: string }) {
  if (outcome.status === 'dibatalkan') {
    return (
      <Outcome tone="neutral" icon="info" title={`Pembuatan ${what} dibatalkan`}>
        <p className="exp-outcome__text">Tidak ada berkas setengah jadi yang ditinggalkan.</p>
      </Outcome>
    );
  }
  const output = asExportOutput(outcome.result);
  if (outcome.status === 'gagal' || !output) {
    return (
      <Outcome tone="error" icon="alert" title={`${what[0]!.toLocaleUpperCase('id-ID')}${what.slice(1)} gagal dibuat`}>
        <p className="exp-outcome__text">{outcome.error ?? 'Terjadi kesalahan tak terduga.'}</p>
        <FailureDetails details={outcome.details} />
      </Outcome>
    );
  }
  const meta = describeOutput(output);
  const preview = isPreview() && output.downloadUrl;
  return (
    <Outcome
      tone="ok"
      icon="check-circle"
      title={<span className="exp-outcome__file">{fileNameOf(output.path)}</span>}
      action={preview ? <DownloadLink url={output.downloadUrl!} name={fileNameOf(output.path)} /> : null}
    >
      {meta ? <p className="exp-outcome__text">{meta}</p> : null}
      {preview ? null : <SavedAt output={output} />}
    </Outcome>
  );
}

export { Outcome };
