/**
 * Short confirmations and failures in the corner; errors stay until closed. A long detail
 * collapses to one line with "Rincian" to open it, so a toast never covers the panel; a
 * toast may carry one action (e.g. *Urungkan*), and then stays at least 10 seconds.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { Icon } from '../components/icons';

type Tone = 'success' | 'error' | 'info';

export interface ToastAction {
  label: string;
  run: () => void;
}

export interface ToastOptions {
  action?: ToastAction;
}

interface ToastItem {
  id: number;
  tone: Tone;
  title: string;
  detail?: string;
  action?: ToastAction;
}

interface ToastApi {
  success: (title: string, detail?: string, options?: ToastOptions) => void;
  error: (title: string, detail?: string, options?: ToastOptions) => void;
  info: (title: string, detail?: string, options?: ToastOptions) => void;
}

/** Details longer than this, or on several lines, start collapsed. */
const LONG_DETAIL = 110;
const ACTION_MIN_MS = 12_000;

function ToastDetail({ text }: { text: string }) {
  const long = text.length > LONG_DETAIL || text.includes('\n');
  const [open, setOpen] = useState(false);
  if (!long) return <div className="toast__detail">{text}</div>;
  return (
    <div className={`toast__detail toast__detail--long${open ? ' is-open' : ''}`}>
      <span className="toast__detail-text">{text}</span>
      <button type="button" className="toast__more" aria-expanded={open} onClick={() => setOpen((value) => !value)}>
        {open ? 'Ringkas' : 'Rincian'}
      </button>
    </div>
  );
}

const ToastContext = createContext<ToastApi | null>(null);

const AUTO_CLOSE_MS: Record<Tone, number | null> = { success: 5000, info: 5000, error: 9000 };

export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setItems((list) => list.filter((item) => item.id !== id)), []);

  const push = useCallback(
    (tone: Tone, title: string, detail?: string, options: ToastOptions = {}) => {
      const id = nextId.current++;
      const item: ToastItem = { id, tone, title, ...(detail ? { detail } : {}), ...(options.action ? { action: options.action } : {}) };
      setItems((list) => [...list.slice(-3), item]);
      const base = AUTO_CLOSE_MS[tone];
      const delay = base === null ? null : options.action ? Math.max(base, ACTION_MIN_MS) : base;
      if (delay !== null) window.setTimeout(() => dismiss(id), delay);
    },
    [dismiss],
  );

  const api = useMemo<ToastApi>(
    () => ({
      success: (title, detail, options) => push('success', title, detail, options),
      error: (title, detail, options) => push('error', title, detail, options),
      info: (title, detail, options) => push('info', title, detail, options),
    }),
    [push],
  );

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" aria-live="polite" aria-relevant="additions">
        {items.map((item) => (
          <div key={item.id} className={`toast toast--${item.tone}`} role={item.tone === 'error' ? 'alert' : 'status'}>
            <span className="toast__icon" aria-hidden="true">
              <Icon name={item.tone === 'success' ? 'check-circle' : item.tone === 'error' ? 'alert' : 'info'} />
            </span>
            <div className="toast__body">
              <div className="toast__title">{item.title}</div>
              {item.detail ? <ToastDetail text={item.detail} /> : null}
              {item.action ? (
                <button
                  type="button"
                  className="toast__action"
                  onClick={() => {
                    dismiss(item.id);
                    item.action!.run();
                  }}
                >
                  {item.action.label}
                </button>
              ) : null}
            </div>
            <button type="button" className="toast__close" aria-label="Tutup pemberitahuan" onClick={() => dismiss(item.id)}>
              <Icon name="x" size={16} />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const context = useContext(ToastContext);
  if (!context) throw new Error('useToast dipakai di luar ToastProvider');
  return context;
}
