/**
 * Keyboard of the Daftar Periksa (listed in Bantuan › Pintasan papan ketik):
 * ↓/j and ↑/k move through the requirements shown, v verifies, p asks for perlu perbaikan,
 * n opens the note, Space or x ticks the requirement for a bulk change, Esc clears the ticks.
 * Never while typing in a field, while a dialog is open, or with Ctrl/Alt/⌘ (Ctrl+K and "/"
 * belong to the quick search).
 */
import { useEffect, useRef } from 'react';

export interface ChecklistKeyHandlers {
  move: (delta: 1 | -1) => void;
  verify: () => void;
  needsFix: () => void;
  note: () => void;
  toggle: () => void;
  clearTicks: () => boolean;
}

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  // A ticked checkbox keeps focus: the keys still work from there.
  return (target as HTMLInputElement).type !== 'checkbox';
}

export function useChecklistKeys(handlers: ChecklistKeyHandlers): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (typingIn(event.target) || document.body.classList.contains('has-modal')) return;
      // Space on a focused checkbox ticks that row (its own click), not the current one.
      if (event.key === ' ' && event.target instanceof HTMLInputElement) return;
      const act = ref.current;
      const run = (action: () => void) => {
        event.preventDefault();
        action();
      };
      switch (event.key) {
        case 'ArrowDown':
        case 'j':
          return run(() => act.move(1));
        case 'ArrowUp':
        case 'k':
          return run(() => act.move(-1));
        case 'v':
          return run(act.verify);
        case 'p':
          return run(act.needsFix);
        case 'n':
          return run(act.note);
        case ' ':
        case 'x':
          return run(act.toggle);
        case 'Escape':
          if (act.clearTicks()) event.preventDefault();
          return undefined;
        default:
          return undefined;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
