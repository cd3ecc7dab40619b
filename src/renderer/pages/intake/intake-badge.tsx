/**
 * How many units sent something new, for the sidebar and Beranda. The host's watcher
 * keeps the count fresh while the app runs; the renderer only asks for it now and then.
 */
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { IntakeStatus } from '../../../shared/intake-types';
import { api } from '../../lib/api';
import { useAppData } from '../../lib/app-data';
import { formatCount } from '../../lib/format';
import { href } from '../../lib/router';
import { Badge } from '../../components/badge';
import { Icon } from '../../components/icons';
import '../../styles/intake.css';

const REFRESH_MS = 60_000;
/** Many badges mount at once (sidebar, every visible unit row): they share one answer. */
const FRESH_MS = 5_000;
const CHANGED = 'patuh:kiriman-berubah';

interface Cache {
  periodId: number;
  status: IntakeStatus | null;
  fetchedAt: number;
  pending: boolean;
}

let cache: Cache = { periodId: 0, status: null, fetchedAt: 0, pending: false };
const listeners = new Set<() => void>();

function refresh(periodId: number, force: boolean): void {
  if (!periodId || (cache.pending && cache.periodId === periodId)) return;
  if (!force && cache.periodId === periodId && Date.now() - cache.fetchedAt < FRESH_MS) return;
  cache = { ...cache, periodId, pending: true, ...(cache.periodId === periodId ? {} : { status: null }) };
  api['intake:status']({ periodId }).then(
    (status) => {
      if (cache.periodId !== periodId) return;
      cache = { periodId, status, fetchedAt: Date.now(), pending: false };
      listeners.forEach((listener) => listener());
    },
    () => {
      // A missed badge is not worth an error message; the next refresh tries again.
      cache = { ...cache, pending: false, fetchedAt: Date.now() };
    },
  );
}

/** After a scan or apply: every badge asks the host again. */
export function announceIntakeChange(): void {
  window.dispatchEvent(new Event(CHANGED));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useIntakeStatus(): { status: IntakeStatus | null; reload: () => void } {
  const { activePeriod } = useAppData();
  const periodId = activePeriod?.id ?? 0;
  const status = useSyncExternalStore(subscribe, () => (cache.periodId === periodId ? cache.status : null));
  const reload = useCallback(() => refresh(periodId, true), [periodId]);
  useEffect(() => {
    refresh(periodId, false);
    const timer = window.setInterval(() => refresh(periodId, false), REFRESH_MS);
    window.addEventListener(CHANGED, reload);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(CHANGED, reload);
    };
  }, [periodId, reload]);
  return { status, reload };
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

/** In unit lists: "Kiriman baru" for a unit whose kit holds something not yet applied. */
export function IntakeUnitBadge({ unitId }: { unitId: number }) {
  const { status } = useIntakeStatus();
  if (!status?.unitsWithNews.includes(unitId)) return null;
  return (
    <a href={href('/kiriman')} className="intake-unit-badge" title="Unit ini mengirim bukti atau isian yang belum diterapkan">
      <Badge tone="amber" icon="upload">
        Kiriman baru
      </Badge>
    </a>
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
