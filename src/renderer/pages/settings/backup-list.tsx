/** The backups in the data folder, newest first, each with "Periksa" and "Pulihkan". */
import type { BackupCheck, BackupInfo } from '../../../shared/types';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { contentSummary, formatBytes, formatDateTime, reasonLabel } from './backup-format';

interface BackupListProps {
  backups: BackupInfo[];
  checks: Record<string, BackupCheck | 'busy'>;
  highlight: string | null;
  disabled: boolean;
  onVerify: (backup: BackupInfo) => void;
  onRestore: (backup: BackupInfo) => void;
}

function Status({ backup, check }: { backup: BackupInfo; check: BackupCheck | 'busy' | undefined }) {
  if (check && check !== 'busy') {
    return check.ok ? (
      <Badge tone="green" icon="check-circle">
        Diperiksa: utuh
      </Badge>
    ) : (
      <span className="backup-problem">
        <Badge tone="red" icon="alert">
          Rusak
        </Badge>
        <span className="backup-problem__text">{check.problems.join(' ')}</span>
      </span>
    );
  }
  if (backup.verified) {
    return (
      <Badge tone="green" icon="check">
        Terverifikasi
      </Badge>
    );
  }
  return (
    <span className="backup-problem">
      <Badge tone="amber" icon="alert">
        Belum terverifikasi
      </Badge>
      {backup.problem ? <span className="backup-problem__text">{backup.problem}</span> : null}
    </span>
  );
}

export function BackupList({ backups, checks, highlight, disabled, onVerify, onRestore }: BackupListProps) {
  return (
    <table className="static-table backup-table" aria-label="Daftar cadangan">
      <thead>
        <tr>
          <th scope="col">Waktu</th>
          <th scope="col">Alasan</th>
          <th scope="col" className="num">
            Ukuran
          </th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="sr-only">Tindakan</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {backups.map((backup) => {
          const reason = reasonLabel(backup.reason);
          const check = checks[backup.id];
          const label = formatDateTime(backup.createdAt);
          return (
            <tr key={backup.id} className={highlight === backup.id ? 'backup-table__row--new' : undefined} aria-label={`Cadangan ${label}`}>
              <td>
                <div className="cell-strong">{label}</div>
                <div className="backup-table__content">{contentSummary(backup.rowCounts)}</div>
                <div className="backup-table__id" title={backup.id}>
                  {backup.id}
                </div>
              </td>
              <td>
                <span title={reason.hint}>{reason.label}</span>
              </td>
              <td className="num">{formatBytes(backup.sizeBytes)}</td>
              <td>
                <Status backup={backup} check={check} />
              </td>
              <td>
                <div className="row-actions">
                  <Button size="sm" variant="ghost" icon="shield" busy={check === 'busy'} disabled={disabled} onClick={() => onVerify(backup)} aria-label={`Periksa cadangan ${label}`}>
                    Periksa
                  </Button>
                  <Button size="sm" icon="restore" disabled={disabled || !backup.verified} onClick={() => onRestore(backup)} aria-label={`Pulihkan cadangan ${label}`}>
                    Pulihkan
                  </Button>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
