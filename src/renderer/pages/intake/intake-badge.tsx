/**
 * How many units sent something new, for the sidebar and Beranda. The host's watcher
 * keeps the count fresh while the app runs; the renderer only asks for it now and then.
 */
import { useEffect } from 'react';
import type { IntakeStatus } from '../../../shared/intake-types';
import { api } from '../../lib/api';
import { useAppData } from '../../lib/app-data';
import { formatCount } from '../../lib/format';
import { href } from '../../lib/router';
import { useQuery } from '../../lib/use-query';
import { Icon } from '../../components/icons';
import '../../styles/intake.css';

const REFRESH_MS = 60_000;
const CHANGED = 'patuh:kiriman-berubah';

/** After a scan or apply: every badge asks the host again. */
export function announceIntakeChange(): void {
  window.dispatchEvent(new Event(CHANGED));
}

export function useIntakeStatus(): { status: IntakeStatus | null; reload: () => void } {
  const { activePeriod } = useAppData();
  const periodId = activePeriod?.id ?? 0;
  const query = useQuery(`kiriman-status-${periodId}`, () => (periodId ? api['intake:status']({ periodId }) : Promise.resolve(null)));
  const { reload } = query;
  useEffect(() => {
    const timer = window.setInterval(reload, REFRESH_MS);
    window.addEventListener(CHANGED, reload);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(CHANGED, reload);
    };
  }, [reload]);
  return { status: query.data && query.data.periodId === periodId ? query.data : null, reload };
}

/** The count next to "Kiriman Unit" in the sidebar; nothing when there is nothing new. */
export function IntakeNavBadge() {
  const { status } = useIntakeStatus();
  if (!status || status.newCount === 0) return null;
  return (
    <span className="nav-badge" title={`${formatCount(status.newCount)} unit mengirim sesuatu yang baru`} aria-label={`${formatCount(status.newCount)} unit dengan kiriman baru`}>
      {formatCount(status.newCount)}
    </span>
  );
}

/** A line on Beranda when units sent something that waits for the office. */
export function IntakeNotice() {
  const { status } = useIntakeStatus();
  if (!status || status.newCount === 0) return null;
  return (
    <a className="intake-notice" href={href('/kiriman')}>
      <Icon name="upload" size={18} />
      <span>
        <strong>{formatCount(status.newCount)} unit</strong> mengirim bukti atau isian baru yang belum diterapkan.
      </span>
      <span className="intake-notice__action">
        Lihat kiriman <Icon name="chevron-right" size={16} />
      </span>
    </a>
  );
}
