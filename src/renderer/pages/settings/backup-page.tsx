/**
 * Pengaturan › Cadangan: the backups Patuh keeps, a manual backup, a check per backup,
 * restore (always undoable: the current state is saved first), and full archives to a
 * folder (a job with progress and cancel).
 */
import { useState } from 'react';
import type { BackupCheck, BackupInfo } from '../../../shared/types';
import { Button } from '../../components/button';
import { useConfirm } from '../../components/confirm';
import { Icon } from '../../components/icons';
import { JobProgress, useJob } from '../../components/job-progress';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { api, errorMessage, isPreview } from '../../lib/api';
import { useAppData } from '../../lib/app-data';
import { formatCount } from '../../lib/format';
import { useToast } from '../../lib/toast';
import { useQuery } from '../../lib/use-query';
import { ArchiveFolderDialog, RestoreConfirmDialog } from './backup-dialogs';
import { ArchiveNotice, RestoreNotice, type Restored } from './backup-notices';
import { asArchiveResult, formatBytes, formatDateTime, type ArchiveResult } from './backup-format';
import { BackupList } from './backup-list';
import '../../styles/backup.css';

type RestoreTarget = { kind: 'backup'; backup: BackupInfo } | { kind: 'arsip' };

export function BackupPage() {
  const toast = useToast();
  const confirm = useConfirm();
  const { refreshPeriods, refreshSettings } = useAppData();
  const backups = useQuery('backups', () => api['backup:list']());
  const info = useQuery('backup-app-info', () => api['app:info']());
  const [checks, setChecks] = useState<Record<string, BackupCheck | 'busy'>>({});
  const [creating, setCreating] = useState(false);
  const [highlight, setHighlight] = useState<string | null>(null);
  const [restoreTarget, setRestoreTarget] = useState<RestoreTarget | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const [restored, setRestored] = useState<Restored | null>(null);
  const [archiveAsk, setArchiveAsk] = useState(false);
  const [archiveStarting, setArchiveStarting] = useState(false);
  const [archiveError, setArchiveError] = useState<string | null>(null);
  const [archive, setArchive] = useState<ArchiveResult | null>(null);
  const [dialogKey, setDialogKey] = useState(0);

  const job = useJob({
    onFinish: (finished) => {
      if (finished.status === 'selesai') {
        setArchive(asArchiveResult(finished.result));
        toast.success('Arsip lengkap selesai dibuat');
      }
    },
  });

  const sorted = [...(backups.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  const reloadAppData = async () => {
    backups.reload();
    info.reload();
    await Promise.all([refreshSettings(), refreshPeriods()]).catch(() => undefined);
  };

  const create = async () => {
    setCreating(true);
    try {
      const backup = await api['backup:create']();
      setHighlight(backup.id);
      toast.success('Cadangan dibuat', formatDateTime(backup.createdAt));
      backups.reload();
    } catch (error) {
      toast.error('Cadangan gagal dibuat', errorMessage(error));
    } finally {
      setCreating(false);
    }
  };

  const verify = async (backup: BackupInfo) => {
    setChecks((current) => ({ ...current, [backup.id]: 'busy' }));
    try {
      const result = await api['backup:verify']({ id: backup.id });
      setChecks((current) => ({ ...current, [backup.id]: result }));
      if (result.ok) toast.success('Cadangan utuh', `${formatDateTime(backup.createdAt)} dapat dipulihkan.`);
      else toast.error('Cadangan bermasalah', result.problems.join(' '));
    } catch (error) {
      setChecks((current) => {
        const { [backup.id]: _removed, ...rest } = current;
        return rest;
      });
      toast.error('Cadangan tidak dapat diperiksa', errorMessage(error));
    }
  };

  const openRestore = (target: RestoreTarget) => {
    setRestoreError(null);
    setDialogKey((value) => value + 1);
    setRestoreTarget(target);
  };

  const restore = async (source: { id: string } | { archiveDir: string }, undone: boolean) => {
    setRestoring(true);
    setRestoreError(null);
    try {
      const summary = await api['backup:restore'](source);
      setRestored({ summary, undone });
      setRestoreTarget(null);
      setChecks({});
      toast.success(undone ? 'Pemulihan dibatalkan' : 'Data dipulihkan');
      await reloadAppData();
    } catch (error) {
      if (restoreTarget) setRestoreError(errorMessage(error));
      else toast.error('Pemulihan gagal', errorMessage(error));
    } finally {
      setRestoring(false);
    }
  };

  const undo = async () => {
    const id = restored?.summary.undoBackupId;
    if (!id) return;
    const ok = await confirm({
      title: restored.undone ? 'Pulihkan lagi?' : 'Batalkan pemulihan?',
      message: (
        <>
          Data dikembalikan ke keadaan yang tersimpan di <strong>{id}</strong>. Keadaan sekarang juga disimpan lebih dulu.
        </>
      ),
      confirmLabel: restored.undone ? 'Pulihkan lagi' : 'Batalkan pemulihan',
    });
    if (ok) await restore({ id }, !restored.undone);
  };

  const startArchive = async (outDir?: string) => {
    setArchiveStarting(true);
    setArchiveError(null);
    try {
      const started = await api['backup:archive'](outDir ? { outDir } : {});
      setArchiveAsk(false);
      if (started) job.track(started);
    } catch (error) {
      if (outDir) setArchiveError(errorMessage(error));
      else toast.error('Arsip tidak dapat dibuat', errorMessage(error));
    } finally {
      setArchiveStarting(false);
    }
  };

  const askArchive = () => {
    if (isPreview()) {
      setArchiveError(null);
      setDialogKey((value) => value + 1);
      setArchiveAsk(true);
    } else void startArchive();
  };

  const busy = creating || restoring || job.running;
  const backupsDir = info.data ? `${info.data.dataDir}${info.data.dataDir.includes('\\') ? '\\' : '/'}backups` : null;

  return (
    <div className="page">
      <PageHeader
        title="Cadangan"
        breadcrumb={[
          { label: 'Pengaturan', path: '/pengaturan' },
          { label: 'Cadangan' },
        ]}
        description="Salinan data Patuh untuk berjaga bila komputer rusak atau data terhapus."
        actions={
          <>
            <Button icon="restore" disabled={busy} onClick={() => openRestore({ kind: 'arsip' })}>
              Pulihkan dari arsip…
            </Button>
            <Button icon="archive" disabled={busy} busy={archiveStarting && !archiveAsk} onClick={askArchive}>
              Buat arsip lengkap…
            </Button>
            <Button variant="primary" icon="database" busy={creating} disabled={busy && !creating} onClick={() => void create()}>
              Cadangkan sekarang
            </Button>
          </>
        }
      />

      {restored ? <RestoreNotice restored={restored} busy={restoring} onUndo={() => void undo()} onClose={() => setRestored(null)} /> : null}
      {archive ? <ArchiveNotice archive={archive} onClose={() => setArchive(null)} /> : null}

      <div className="backup-layout">
        <section className="panel" aria-labelledby="backup-list-title">
          <div className="panel__head panel__head--padded">
            <div>
              <h2 className="panel__title" id="backup-list-title">
                Daftar cadangan
              </h2>
              <p className="panel__subtitle">{backups.data ? `${formatCount(sorted.length)} cadangan, terbaru di atas` : 'Memuat…'}</p>
            </div>
          </div>
          {backups.error && !backups.data ? (
            <ErrorState error={backups.error} onRetry={backups.reload} />
          ) : !backups.data ? (
            <Loading />
          ) : sorted.length === 0 ? (
            <EmptyState icon="database" title="Belum ada cadangan" action={<Button variant="primary" icon="database" onClick={() => void create()}>Cadangkan sekarang</Button>}>
              Patuh membuat cadangan otomatis saat dibuka dan secara berkala. Anda juga dapat membuatnya sekarang.
            </EmptyState>
          ) : (
            <BackupList backups={sorted} checks={checks} highlight={highlight} disabled={busy} onVerify={(backup) => void verify(backup)} onRestore={(backup) => openRestore({ kind: 'backup', backup })} />
          )}
        </section>

        <aside className="panel panel--padded backup-help" aria-labelledby="backup-help-title">
          <h2 className="panel__title" id="backup-help-title">
            Tentang cadangan
          </h2>
          <ul className="backup-help__list">
            <li>
              <Icon name="clock" size={16} />
              <span>Patuh mencadangkan otomatis saat dibuka, secara berkala, dan sebelum pembaruan, impor atau pemulihan.</span>
            </li>
            <li>
              <Icon name="shield" size={16} />
              <span>Setiap cadangan diperiksa keutuhannya. Tombol “Periksa” mengulang pemeriksaan itu.</span>
            </li>
            <li>
              <Icon name="archive" size={16} />
              <span>Cadangan hanya berisi basis data. Untuk menyimpan juga berkas bukti dukung ke flashdisk, pakai “Buat arsip lengkap”.</span>
            </li>
            <li>
              <Icon name="restore" size={16} />
              <span>Pemulihan selalu dapat dibatalkan: keadaan sebelumnya disimpan lebih dulu.</span>
            </li>
          </ul>
          {backupsDir ? (
            <div className="backup-help__path">
              <span className="text-subtle">Folder cadangan</span>
              <code className="path">{backupsDir}</code>
            </div>
          ) : null}
        </aside>
      </div>

      {restoreTarget ? (
        <RestoreConfirmDialog
          key={dialogKey}
          open
          askFolder={restoreTarget.kind === 'arsip'}
          source={restoreTarget.kind === 'backup' ? `cadangan ${formatDateTime(restoreTarget.backup.createdAt)}` : null}
          busy={restoring}
          error={restoreError}
          onCancel={() => setRestoreTarget(null)}
          onConfirm={(folder) => void restore(restoreTarget.kind === 'backup' ? { id: restoreTarget.backup.id } : { archiveDir: folder }, false)}
        />
      ) : null}
      {archiveAsk ? (
        <ArchiveFolderDialog key={dialogKey} open busy={archiveStarting} error={archiveError} onCancel={() => setArchiveAsk(false)} onSubmit={(folder) => void startArchive(folder)} />
      ) : null}
      <JobProgress
        handle={job}
        title="Membuat arsip lengkap"
        description="Basis data dan semua berkas bukti disalin lalu diperiksa."
        runningNote="Jangan cabut flashdisk selama proses berjalan."
        renderResult={(result) => {
          const done = asArchiveResult(result);
          return done ? (
            <>
              Arsip tersimpan di <code>{done.path}</code>
              <br />
              {formatCount(done.fileCount)} berkas bukti · {formatBytes(done.totalBytes)}
            </>
          ) : (
            'Arsip selesai dibuat.'
          );
        }}
      />
    </div>
  );
}
