/** Outcome notices of the Cadangan page: a restore (with its undo) and a finished archive. */
import type { RestoreSummary } from '../../../shared/types';
import { Button } from '../../components/button';
import { Icon } from '../../components/icons';
import { formatCount } from '../../lib/format';
import { formatBytes, type ArchiveResult } from './backup-format';

export interface Restored {
  summary: RestoreSummary;
  undone: boolean;
}

export function RestoreNotice({ restored, busy, onUndo, onClose }: { restored: Restored; busy: boolean; onUndo: () => void; onClose: () => void }) {
  const { summary, undone } = restored;
  return (
    <section className="notice notice--success" role="status" aria-label="Hasil pemulihan">
      <Icon name="check-circle" size={22} />
      <div className="notice__body">
        <div className="notice__title">{undone ? 'Pemulihan dibatalkan' : summary.kind === 'arsip' ? 'Arsip dipulihkan' : 'Cadangan dipulihkan'}</div>
        <p>
          {undone ? 'Data kembali seperti sebelum pemulihan. ' : `Data sekarang berasal dari ${summary.kind === 'arsip' ? 'arsip' : 'cadangan'} ${summary.source}. `}
          {summary.undoBackupId ? (
            <>
              Keadaan sebelumnya tersimpan sebagai <code data-testid="undo-backup-id">{summary.undoBackupId}</code>.
            </>
          ) : null}
          {summary.kind === 'arsip' ? ` ${formatCount(summary.evidenceCopied)} berkas bukti disalin.` : ''}
        </p>
      </div>
      <div className="notice__actions">
        {summary.undoBackupId ? (
          <Button icon="restore" busy={busy} onClick={onUndo}>
            {undone ? 'Pulihkan lagi' : 'Batalkan pemulihan'}
          </Button>
        ) : null}
        <Button variant="ghost" icon="x" disabled={busy} onClick={onClose} aria-label="Tutup pemberitahuan pemulihan" />
      </div>
    </section>
  );
}

export function ArchiveNotice({ archive, onClose }: { archive: ArchiveResult; onClose: () => void }) {
  return (
    <section className="notice notice--info" role="status" aria-label="Arsip terakhir">
      <Icon name="archive" size={22} />
      <div className="notice__body">
        <div className="notice__title">Arsip lengkap dibuat</div>
        <p>
          Tersimpan di <code data-testid="archive-path">{archive.path}</code> · {formatCount(archive.fileCount)} berkas bukti · {formatBytes(archive.totalBytes)}
        </p>
      </div>
      <div className="notice__actions">
        <Button variant="ghost" icon="x" onClick={onClose} aria-label="Tutup pemberitahuan arsip" />
      </div>
    </section>
  );
}
