/**
 * The selection bar above the requirement list: "pilih semua yang tampil" and, once some
 * requirements are ticked, one status for all of them (perlu perbaikan and tidak berlaku
 * ask for one reason). What is ticked but no longer shown (filters changed) does not count.
 */
import { useEffect, useRef } from 'react';
import type { EvidenceStatus } from '../../../shared/types';
import { Button } from '../../components/button';
import { Icon, type IconName } from '../../components/icons';
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

/** The row quick actions plus "belum ada"; the reason-asking ones end in "…" (a dialog follows). */
const BULK_ACTIONS: ReadonlyArray<{ status: EvidenceStatus; label: string; icon: IconName }> = [
  ...STATUS_ACTIONS.map((action) => ({ ...action, label: action.status === 'perlu_perbaikan' || action.status === 'tidak_berlaku' ? `${action.label}…` : action.label })),
  { status: 'belum_ada', label: 'Belum ada', icon: STATUS_META.belum_ada.icon },
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
        <div className="bulk-bar__actions" role="group" aria-label="Ubah status yang dipilih">
          {BULK_ACTIONS.map((action) => (
            <button
              key={action.status}
              type="button"
              className={`quick quick--${action.status}`}
              aria-label={action.label}
              title={`${action.label.replace('…', '')}: ${formatCount(checkedCount)} persyaratan`}
              disabled={busy}
              onClick={() => onStatus(action.status)}
            >
              <Icon name={action.icon} size={16} />
            </button>
          ))}
          {busy ? <span className="spinner spinner--small" role="status" aria-label="Menyimpan…" /> : null}
          <Button size="sm" variant="ghost" icon="x" className="bulk-bar__clear" aria-label="Batal pilih" title="Batal pilih (Esc)" onClick={onClear} disabled={busy}>
            Batal pilih
          </Button>
        </div>
      ) : (
        <span className="bulk-bar__hint">Centang persyaratan (Shift+klik untuk rentang) untuk mengubah statusnya sekaligus.</span>
      )}
    </div>
  );
}
