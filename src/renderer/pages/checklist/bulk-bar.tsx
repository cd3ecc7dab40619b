/**
 * The selection bar above the requirement list: "pilih semua yang tampil" and, once some
 * requirements are ticked, one status for all of them (perlu perbaikan and tidak berlaku
 * ask for one reason). What is ticked but no longer shown (filters changed) does not count.
 */
import { useEffect, useRef } from 'react';
import type { EvidenceStatus } from '../../../shared/types';
import { Button } from '../../components/button';
import { Icon } from '../../components/icons';
import { formatCount } from '../../lib/format';
import { STATUS_ACTIONS, STATUS_META } from './model';

interface BulkBarProps {
  checkedCount: number;
  shownCount: number;
  busy: boolean;
  onToggleAll: () => void;
  onStatus: (status: EvidenceStatus) => void;
  onClear: () => void;
}

const BULK_ACTIONS: ReadonlyArray<{ status: EvidenceStatus; label: string }> = [
  ...STATUS_ACTIONS.map((action) => ({
    status: action.status,
    label: action.status === 'perlu_perbaikan' || action.status === 'tidak_berlaku' ? `${action.label}…` : action.status === 'menunggu_verifikasi' ? 'Menunggu' : action.label,
  })),
  { status: 'belum_ada', label: 'Belum ada' },
];

export function BulkBar({ checkedCount, shownCount, busy, onToggleAll, onStatus, onClear }: BulkBarProps) {
  const boxRef = useRef<HTMLInputElement>(null);
  const all = shownCount > 0 && checkedCount === shownCount;
  const some = checkedCount > 0 && !all;
  useEffect(() => {
    if (boxRef.current) boxRef.current.indeterminate = some;
  }, [some]);

  return (
    <div className={`bulk-bar${checkedCount > 0 ? ' bulk-bar--on' : ''}`} role="toolbar" aria-label="Ubah banyak persyaratan sekaligus">
      <label className="bulk-bar__all">
        <input ref={boxRef} type="checkbox" className="check__box" checked={all} disabled={shownCount === 0} onChange={onToggleAll} />
        <span>{checkedCount > 0 ? `${formatCount(checkedCount)} dipilih` : `Pilih semua yang tampil (${formatCount(shownCount)})`}</span>
      </label>
      {checkedCount > 0 ? (
        <>
          <span className="bulk-bar__label">Ubah status:</span>
          <div className="bulk-bar__actions">
            {BULK_ACTIONS.map((action) => (
              <button
                key={action.status}
                type="button"
                className={`bulk-bar__status status-filter__item--${action.status}`}
                disabled={busy}
                onClick={() => onStatus(action.status)}
                title={`${formatCount(checkedCount)} persyaratan menjadi “${STATUS_META[action.status].short}”`}
              >
                <Icon name={STATUS_META[action.status].icon} size={14} />
                {action.label}
              </button>
            ))}
          </div>
          <Button size="sm" variant="ghost" icon="x" onClick={onClear} disabled={busy}>
            Batal pilih
          </Button>
          {busy ? <span className="spinner spinner--small" role="status" aria-label="Menyimpan…" /> : null}
        </>
      ) : (
        <span className="bulk-bar__hint">Centang beberapa persyaratan (Shift+klik untuk rentang) untuk mengubah statusnya sekaligus.</span>
      )}
    </div>
  );
}
