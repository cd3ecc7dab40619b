/**
 * Impor formulir yang dikembalikan: pick or drop the workbook, read the validation
 * report, choose what happens with conflicts, then apply. Nothing is written before
 * the user presses "Terapkan" on a preview without errors; the host re-checks the file
 * and the data against the preview's token and makes a backup first.
 */
import { useEffect, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import type { ImportApplyResult, ImportPreview, ImportPreviewResult, PeriodDetail, PeriodUnit } from '../../../shared/types';
import { Button } from '../../components/button';
import { useConfirm } from '../../components/confirm';
import { SelectField } from '../../components/field';
import { Icon } from '../../components/icons';
import { api, isPreview } from '../../lib/api';
import { formatCount } from '../../lib/format';
import { href } from '../../lib/router';
import { useToast } from '../../lib/toast';
import { fileNameOf } from './download';
import { ImportReport, type Resolution } from './import-report';
import { FailureDetails, Outcome, TaskProgress } from './task-status';
import { useTask, type StepOutcome } from './use-task';

/** The workbook being imported: uploaded bytes (any host) or a path chosen in the desktop dialog. */
type Source = { kind: 'upload'; name: string; data: Uint8Array<ArrayBuffer> } | { kind: 'file'; path: string };

interface Report {
  preview: ImportPreview;
  source: Source;
  fileName: string;
}

interface Applied extends ImportApplyResult {
  unitId: number | null;
  unitName: string;
  fileName: string;
}

const sourceName = (source: Source) => (source.kind === 'upload' ? source.name : fileNameOf(source.path));
const sourceInput = (source: Source) => (source.kind === 'upload' ? { upload: { name: source.name, data: source.data } } : { file: source.path });

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes('Files');
}

function DropZone({ disabled, onFile, onPickNative }: { disabled: boolean; onFile: (file: File) => void; onPickNative: () => void }) {
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  const preview = isPreview();

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) onFile(file);
  };

  return (
    <div
      className={`exp-drop${over ? ' exp-drop--over' : ''}${disabled ? ' exp-drop--disabled' : ''}`}
      onDragEnter={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        depth.current += 1;
        setOver(true);
      }}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        depth.current = 0;
        setOver(false);
        const file = event.dataTransfer.files[0];
        if (file && !disabled) onFile(file);
      }}
    >
      <span className="exp-drop__icon" aria-hidden="true">
        <Icon name="file" size={26} />
      </span>
      <div className="exp-drop__title">{over ? 'Lepaskan untuk memeriksa buku kerja' : 'Seret buku kerja isian (.xlsx) ke sini'}</div>
      <div className="exp-drop__text">atau</div>
      {preview ? (
        <label className={`btn btn--secondary exp-drop__pick${disabled ? ' exp-drop__pick--disabled' : ''}`}>
          <Icon name="search" size={18} />
          <span>Pilih berkas…</span>
          <input type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className="sr-only" aria-label="Pilih buku kerja isian (.xlsx)" disabled={disabled} onChange={onChange} />
        </label>
      ) : (
        <Button icon="search" disabled={disabled} onClick={onPickNative}>
          Pilih berkas…
        </Button>
      )}
      <div className="exp-drop__hint">Hanya buku kerja hasil “Formulir isian untuk unit” yang dapat diimpor.</div>
    </div>
  );
}

function AppliedNotice({ applied, onClose }: { applied: Applied; onClose: () => void }) {
  return (
    <Outcome
      tone="ok"
      icon="check-circle"
      title={`${formatCount(applied.applied)} perubahan diterapkan, ${formatCount(applied.skipped)} konflik dilewati`}
      action={
        <>
          {applied.unitId !== null ? (
            <a className="btn btn--secondary btn--sm" href={href(`/daftar-periksa/${applied.unitId}`)}>
              <span>Buka daftar periksa</span>
              <Icon name="chevron-right" size={16} />
            </a>
          ) : null}
          <Button size="sm" variant="ghost" icon="x" onClick={onClose} aria-label="Tutup hasil impor" />
        </>
      }
    >
      <p className="exp-outcome__text">
        {applied.unitId !== null ? <a href={href(`/unit/${applied.unitId}`)}>{applied.unitName}</a> : applied.unitName} · {applied.fileName}
      </p>
      <p className="exp-outcome__text">
        Cadangan sebelum impor: {applied.backupId ? <code data-testid="import-backup-id">{applied.backupId}</code> : 'tidak dibuat'}
      </p>
    </Outcome>
  );
}

export function ImportSection({ period, units }: { period: PeriodDetail; units: PeriodUnit[] }) {
  const toast = useToast();
  const confirm = useConfirm();
  const [unitFilter, setUnitFilter] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [resolution, setResolution] = useState<Resolution>('skip');
  const [applied, setApplied] = useState<Applied | null>(null);
  const [failure, setFailure] = useState<{ title: string; outcome: StepOutcome } | null>(null);
  const pending = useRef<Source | null>(null);
  const reportRef = useRef<Report | null>(null);

  // A file dropped next to the zone must not make the window open it instead.
  useEffect(() => {
    const block = (event: globalThis.DragEvent) => {
      if (event.dataTransfer && Array.from(event.dataTransfer.types).includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', block);
    window.addEventListener('drop', block);
    return () => {
      window.removeEventListener('dragover', block);
      window.removeEventListener('drop', block);
    };
  }, []);

  const previewTask = useTask({
    onComplete: ([outcome]) => {
      if (!outcome) return;
      if (outcome.status === 'selesai') {
        const result = outcome.result as ImportPreviewResult;
        const source: Source | null = pending.current ?? (result.file ? { kind: 'file', path: result.file } : null);
        if (!source) return;
        const next = { preview: result.preview, source, fileName: sourceName(source) };
        reportRef.current = next;
        setReport(next);
        setResolution('skip');
        if (result.preview.rejected) toast.error('Berkas ditolak', result.preview.rejected.message);
        else if (result.preview.errors.length > 0) toast.error(`${formatCount(result.preview.errors.length)} kesalahan di buku kerja`, 'Perbaiki dulu sebelum perubahan dapat diterapkan.');
        else toast.info('Pratinjau siap', 'Periksa perubahan, lalu tekan Terapkan.');
      } else if (outcome.status === 'gagal') {
        setFailure({ title: 'Buku kerja tidak dapat diperiksa', outcome });
        toast.error('Buku kerja tidak dapat diperiksa', outcome.error ?? undefined);
      } else {
        toast.info('Pemeriksaan buku kerja dibatalkan');
      }
    },
  });

  const applyTask = useTask({
    onComplete: ([outcome]) => {
      const current = reportRef.current;
      if (!outcome || !current) return;
      if (outcome.status === 'selesai') {
        const result = outcome.result as ImportApplyResult;
        setApplied({ ...result, unitId: current.preview.unit?.id ?? null, unitName: current.preview.unit?.name ?? 'Unit', fileName: current.fileName });
        reportRef.current = null;
        setReport(null);
        toast.success(`${formatCount(result.applied)} perubahan diterapkan`, result.backupId ? `Cadangan sebelum impor: ${result.backupId}` : undefined);
      } else if (outcome.status === 'gagal') {
        setFailure({ title: 'Impor gagal — tidak ada data yang diubah', outcome });
        toast.error('Impor gagal', outcome.error ?? undefined);
      } else {
        toast.info('Impor dibatalkan', 'Tidak ada data yang diubah.');
      }
    },
  });

  const busy = previewTask.phase === 'running' || applyTask.phase === 'running';
  const filterUnitId = unitFilter ? Number(unitFilter) : undefined;

  const startPreview = (source: Source | null) => {
    pending.current = source;
    reportRef.current = null;
    setReport(null);
    setApplied(null);
    setFailure(null);
    applyTask.reset();
    const scope = { periodId: period.id, ...(filterUnitId ? { unitId: filterUnitId } : {}) };
    previewTask.run([
      {
        label: source ? sourceName(source) : 'Buku kerja',
        start: () => api['import:preview'](source ? { ...sourceInput(source), ...scope } : scope),
      },
    ]);
  };

  const onFile = async (file: File) => {
    try {
      const data = new Uint8Array(await file.arrayBuffer());
      startPreview({ kind: 'upload', name: file.name, data });
    } catch {
      toast.error('Berkas tidak terbaca', 'Salin berkas ke komputer ini (misalnya ke Desktop), lalu pilih lagi.');
    }
  };

  const preview = report?.preview;
  const toApply = preview && !preview.rejected ? preview.changes.length + (resolution === 'overwrite' ? preview.conflicts.length : 0) : 0;
  const blocked = !preview || Boolean(preview.rejected) || preview.errors.length > 0;

  const apply = async () => {
    if (!report || blocked || toApply === 0) return;
    if (resolution === 'overwrite' && report.preview.conflicts.length > 0) {
      const ok = await confirm({
        title: 'Timpa isian di Patuh?',
        message: `${formatCount(report.preview.conflicts.length)} isian yang diubah di Patuh setelah formulir diekspor akan diganti dengan isi workbook. Cadangan dibuat otomatis sebelum impor.`,
        confirmLabel: 'Timpa dan terapkan',
        tone: 'danger',
      });
      if (!ok) return;
    }
    setFailure(null);
    const { source, preview: checked } = report;
    applyTask.run([
      {
        label: report.fileName,
        start: () =>
          api['import:apply']({
            ...sourceInput(source),
            token: checked.token,
            resolveConflicts: resolution,
            periodId: checked.period?.id ?? period.id,
            ...(checked.unit ? { unitId: checked.unit.id } : {}),
          }),
      },
    ]);
  };

  const clear = () => {
    reportRef.current = null;
    setReport(null);
    setFailure(null);
  };

  const blockedReason = !preview
    ? ''
    : preview.rejected
      ? ''
      : preview.errors.length > 0
        ? 'Perbaiki kesalahan di buku kerja dulu.'
        : toApply === 0
          ? preview.conflicts.length > 0
            ? 'Hanya ada konflik yang dilewati.'
            : 'Tidak ada perubahan.'
          : '';

  return (
    <section className="panel exp-import" aria-labelledby="exp-import-title">
      <header className="exp-card__head">
        <span className="exp-card__icon exp-card__icon--indigo" aria-hidden="true">
          <Icon name="restore" size={20} />
        </span>
        <div className="exp-card__heading">
          <h2 id="exp-import-title" className="exp-card__title">
            Impor formulir yang dikembalikan
          </h2>
          <p className="exp-card__desc">Patuh memeriksa buku kerja dan menampilkan pratinjau lebih dulu. Tidak ada data yang berubah sampai Anda menekan Terapkan.</p>
        </div>
      </header>

      <div className="exp-import__pick">
        <DropZone disabled={busy} onFile={(file) => void onFile(file)} onPickNative={() => startPreview(null)} />
        <div className="exp-import__side">
          <SelectField label="Unit (opsional)" value={unitFilter} onChange={setUnitFilter} disabled={busy} hint="Bila dipilih, buku kerja milik unit lain ditolak.">
            <option value="">Kenali dari buku kerja</option>
            {units.map((unit) => (
              <option key={unit.unitId} value={unit.unitId}>
                {unit.unitName}
              </option>
            ))}
          </SelectField>
          <ol className="point-list exp-steps" aria-label="Langkah impor">
            <li className={report || applied ? 'exp-steps__item--done' : 'exp-steps__item--now'}>
              <span className="exp-steps__num">1</span>
              <span>Pilih buku kerja yang dikirim unit</span>
            </li>
            <li className={applied ? 'exp-steps__item--done' : report ? 'exp-steps__item--now' : undefined}>
              <span className="exp-steps__num">2</span>
              <span>Periksa pratinjau: kesalahan, konflik, perubahan</span>
            </li>
            <li className={applied ? 'exp-steps__item--done' : undefined}>
              <span className="exp-steps__num">3</span>
              <span>Terapkan — cadangan dibuat otomatis lebih dulu</span>
            </li>
          </ol>
        </div>
      </div>

      {previewTask.phase === 'running' ? (
        <div className="exp-import__status">
          <TaskProgress task={previewTask} label="Kemajuan pemeriksaan buku kerja" />
        </div>
      ) : null}

      {applied ? (
        <div className="exp-import__status">
          <AppliedNotice applied={applied} onClose={() => setApplied(null)} />
        </div>
      ) : null}

      {failure ? (
        <div className="exp-import__status">
          <Outcome tone="error" icon="alert" title={failure.title}>
            <p className="exp-outcome__text">{failure.outcome.error}</p>
            <FailureDetails details={failure.outcome.details} />
          </Outcome>
        </div>
      ) : null}

      {report ? (
        <>
          <ImportReport preview={report.preview} fileName={report.fileName} resolution={resolution} onResolution={setResolution} disabled={busy} />
          <footer className="exp-import__foot">
            {applyTask.phase === 'running' ? (
              <div className="exp-import__progress">
                <TaskProgress task={applyTask} label="Kemajuan penerapan impor" />
              </div>
            ) : (
              <>
                <p className="exp-import__note">
                  {report.preview.rejected ? (
                    'Berkas ini tidak dapat diimpor.'
                  ) : blockedReason ? (
                    blockedReason
                  ) : (
                    <>
                      <Icon name="shield" size={16} /> Cadangan data dibuat otomatis sebelum perubahan diterapkan.
                    </>
                  )}
                </p>
                <Button variant="ghost" onClick={clear}>
                  {report.preview.rejected ? 'Tutup' : 'Batal'}
                </Button>
                {report.preview.rejected ? null : (
                  <Button variant="primary" icon="check" disabled={blocked || toApply === 0} onClick={() => void apply()}>
                    {`Terapkan ${formatCount(toApply)} perubahan`}
                  </Button>
                )}
              </>
            )}
          </footer>
        </>
      ) : null}
    </section>
  );
}
