/**
 * Tables drop their optional columns, least important first, when the table is
 * narrower than the columns' minimum widths: at 125 % scaling with the menu open a
 * unit table then never scrolls sideways, and what remains keeps readable widths.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';

/** The smallest width a grid track can take: "120px" → 120, "minmax(160px, 2fr)" → 160, "2fr" → 0. */
export function trackMinimum(track: string): number {
  const fixed = /^\s*(\d+(?:\.\d+)?)px\s*$/.exec(track);
  if (fixed) return Number(fixed[1]);
  const minmax = /^\s*minmax\(\s*(\d+(?:\.\d+)?)px/.exec(track);
  return minmax ? Number(minmax[1]) : 0;
}

interface Fittable {
  key: string;
  width: string;
  /** Dropped when the table is too narrow; a higher number is dropped first. */
  optional?: number;
}

/** Keys of the columns to hide for a table of `available` px. */
export function columnsToHide(columns: readonly Fittable[], available: number): Set<string> {
  const hidden = new Set<string>();
  let needed = columns.reduce((total, column) => total + trackMinimum(column.width), 0);
  const optional = columns.filter((column) => column.optional !== undefined).sort((a, b) => (b.optional ?? 0) - (a.optional ?? 0));
  for (const column of optional) {
    if (needed <= available) break;
    hidden.add(column.key);
    needed -= trackMinimum(column.width);
  }
  return hidden;
}

export function useFittingColumns(boxRef: RefObject<HTMLElement | null>, columns: readonly Fittable[]): Set<string> {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    setWidth(box.clientWidth);
    const observer = new ResizeObserver(() => setWidth(box.clientWidth));
    observer.observe(box);
    return () => observer.disconnect();
  }, [boxRef]);
  return width === null ? new Set() : columnsToHide(columns, width);
}
