/**
 * Scroll boxes of tables end on a row boundary: the box's height limit (its CSS
 * max-height, or an explicit one) is rounded down to whole rows under the sticky header,
 * so a table never ends in a half-cut row above an empty band. A table shorter than the
 * limit simply ends at its last row.
 */
import { useLayoutEffect, type RefObject } from 'react';

interface WholeRowsOptions {
  /** The sticky header inside the box, if any. */
  headSelector?: string;
  /** Fixed row height (virtualised tables); otherwise measured from `rowSelector`. */
  rowHeight?: number;
  rowSelector?: string;
  count: number;
  maxHeight?: string | undefined;
}

export function useWholeRows(boxRef: RefObject<HTMLElement | null>, { headSelector, rowHeight, rowSelector, count, maxHeight }: WholeRowsOptions): void {
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const fit = () => {
      box.style.maxHeight = maxHeight ?? '';
      box.style.minHeight = '';
      const limit = parseFloat(getComputedStyle(box).maxHeight);
      const row = rowHeight ?? (rowSelector ? (box.querySelector<HTMLElement>(rowSelector)?.getBoundingClientRect().height ?? 0) : 0);
      if (!Number.isFinite(limit) || count === 0 || row <= 0) return;
      const head = headSelector ? (box.querySelector<HTMLElement>(headSelector)?.getBoundingClientRect().height ?? 0) : 0;
      const scrollbar = box.offsetHeight - box.clientHeight;
      const content = head + count * row + scrollbar;
      if (content <= limit) {
        box.style.maxHeight = `${Math.ceil(content)}px`;
        box.style.minHeight = '0px';
        return;
      }
      const shown = Math.max(1, Math.floor((limit - head - scrollbar) / row));
      box.style.maxHeight = `${Math.ceil(head + shown * row + scrollbar)}px`;
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [boxRef, headSelector, rowHeight, rowSelector, count, maxHeight]);
}
