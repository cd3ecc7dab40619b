/** Loading, failure and empty placeholders, so no screen is ever blank. */
import type { ReactNode } from 'react';
import { errorMessage } from '../lib/api';
import { Button } from './button';
import { Icon, type IconName } from './icons';

export function Loading({ label = 'Memuat data…' }: { label?: string }) {
  return (
    <div className="state state--loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div className="state state--error" role="alert">
      <span className="state__icon state__icon--error">
        <Icon name="alert" size={22} />
      </span>
      <div className="state__title">Data tidak dapat dimuat</div>
      <p className="state__text">{errorMessage(error)}</p>
      {onRetry ? (
        <Button icon="restore" onClick={onRetry}>
          Coba lagi
        </Button>
      ) : null}
    </div>
  );
}

export function EmptyState({ icon = 'info', title, children, action }: { icon?: IconName; title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="state state--empty">
      <span className="state__icon">
        <Icon name={icon} size={22} />
      </span>
      <div className="state__title">{title}</div>
      {children ? <div className="state__text">{children}</div> : null}
      {action ? <div className="state__action">{action}</div> : null}
    </div>
  );
}
