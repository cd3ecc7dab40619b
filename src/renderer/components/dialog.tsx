/**
 * Modal dialog: focus moves inside on open, Tab cycles within, Esc and the close button
 * cancel, focus returns to where it was. With `onSubmit` the panel is a form, so Enter
 * in a field submits.
 */
import { useEffect, useId, useLayoutEffect, useRef, type FormEvent, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { Icon } from './icons';

interface DialogProps {
  open: boolean;
  title: string;
  description?: ReactNode;
  onClose: () => void;
  onSubmit?: () => void;
  footer?: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  /** While true, Esc and the close button do nothing (work in progress). */
  busy?: boolean;
  children?: ReactNode;
  role?: 'dialog' | 'alertdialog';
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Open dialogs, topmost last: only the topmost one answers Esc and Tab. */
const openStack: RefObject<HTMLDivElement | null>[] = [];

function trapTab(event: KeyboardEvent, panel: HTMLElement): void {
  const items = [...panel.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((item) => item.offsetParent !== null);
  const first = items[0];
  const last = items[items.length - 1];
  const active = document.activeElement;
  if (!first || !last) {
    event.preventDefault();
    panel.focus();
    return;
  }
  if (!(active instanceof Node) || !panel.contains(active)) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  } else if (event.shiftKey && active === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

export function Dialog({ open, title, description, onClose, onSubmit, footer, size = 'md', busy = false, children, role = 'dialog' }: DialogProps) {
  const titleId = useId();
  const descriptionId = useId();
  const panelRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  const busyRef = useRef(busy);
  useLayoutEffect(() => {
    closeRef.current = onClose;
    busyRef.current = busy;
  });

  useEffect(() => {
    if (!open) return undefined;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const panel = panelRef.current;
    const preferred =
      panel?.querySelector<HTMLElement>('[data-autofocus]') ??
      panel?.querySelector<HTMLElement>('.dialog__body input:not([disabled]), .dialog__body select, .dialog__body textarea') ??
      panel?.querySelector<HTMLElement>('.dialog__footer .btn--primary, .dialog__footer .btn--danger') ??
      panel;
    preferred?.focus();
    openStack.push(panelRef);
    document.body.classList.add('has-modal');

    // Listen on the document: focus may have left the panel (e.g. a button disabled while saving).
    const onKeyDown = (event: KeyboardEvent) => {
      if (openStack[openStack.length - 1] !== panelRef || !panelRef.current) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        if (!busyRef.current) closeRef.current();
        return;
      }
      if (event.key === 'Tab') trapTab(event, panelRef.current);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      openStack.splice(openStack.indexOf(panelRef), 1);
      if (openStack.length === 0) document.body.classList.remove('has-modal');
      previous?.focus();
    };
  }, [open]);

  // After saving failed, the disabled button has dropped focus: bring it back to the first problem.
  useEffect(() => {
    const panel = panelRef.current;
    if (!open || busy || !panel || panel.contains(document.activeElement)) return;
    (panel.querySelector<HTMLElement>('[aria-invalid="true"]') ?? panel).focus();
  }, [open, busy]);

  if (!open) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit?.();
  };

  const content = (
    <>
      <header className="dialog__header">
        <div>
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          {description ? (
            <div id={descriptionId} className="dialog__description">
              {description}
            </div>
          ) : null}
        </div>
        <button type="button" className="btn btn--ghost btn--icon" aria-label="Tutup" title="Tutup" onClick={() => !busy && onClose()}>
          <Icon name="x" />
        </button>
      </header>
      <div className="dialog__body">{children}</div>
      {footer ? <footer className="dialog__footer">{footer}</footer> : null}
    </>
  );

  return createPortal(
    <div className="dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && !busy && onClose()}>
      <div
        ref={panelRef}
        className={`dialog dialog--${size}`}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        tabIndex={-1}
      >
        {onSubmit ? (
          <form className="dialog__form" noValidate onSubmit={submit}>
            {content}
          </form>
        ) : (
          content
        )}
      </div>
    </div>,
    document.body,
  );
}
