/**
 * A sortable table that renders only the rows in view (@tanstack/react-virtual), so a
 * list of 300+ units scrolls smoothly. Built from ARIA table roles on a CSS grid; the
 * header sticks to the top of the scroll area.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { compareText } from '../lib/format';
import { useFittingColumns } from '../lib/fitting-columns';
import { useWholeRows } from '../lib/whole-rows';
import { Icon } from './icons';

export interface Column<T> {
  key: string;
  header: string;
  /** CSS grid track, e.g. "2fr" or "120px". */
  width: string;
  render: (row: T) => ReactNode;
  /** Present when the column can be sorted. */
  sortValue?: (row: T) => string | number | boolean | null;
  align?: 'start' | 'end' | 'center';
  /** Hide the header text visually (e.g. an actions column). */
  srOnlyHeader?: boolean;
  /** May be left out on a narrow window; a higher number is left out first. */
  optional?: number;
}

export interface SortState {
  key: string;
  direction: 'asc' | 'desc';
}

interface DataTableProps<T> {
  label: string;
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string | number;
  initialSort?: SortState;
  rowHeight?: number;
  /** Extra class per row, e.g. archived rows muted. */
  rowClassName?: (row: T) => string;
  empty?: ReactNode;
  maxHeight?: string;
}

function compareValues(a: string | number | boolean | null, b: string | number | boolean | null): number {
  if (a === b) return 0;
  if (a === null || a === '') return 1;
  if (b === null || b === '') return -1;
  if (typeof a === 'string' && typeof b === 'string') return compareText(a, b);
  return a < b ? -1 : 1;
}

export function DataTable<T>({ label, rows, columns: allColumns, rowKey, initialSort, rowHeight = 48, rowClassName, empty, maxHeight }: DataTableProps<T>) {
  const [sort, setSort] = useState<SortState | null>(initialSort ?? null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const hidden = useFittingColumns(scrollRef, allColumns);
  const columns = hidden.size === 0 ? allColumns : allColumns.filter((column) => !hidden.has(column.key));
  const template = columns.map((column) => column.width).join(' ');

  const sorted = useMemo(() => {
    const column = allColumns.find((item) => item.key === sort?.key);
    if (!sort || !column?.sortValue) return rows;
    const factor = sort.direction === 'asc' ? 1 : -1;
    const value = column.sortValue;
    return [...rows].sort((a, b) => factor * compareValues(value(a), value(b)));
  }, [rows, allColumns, sort]);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read only during render here
  const virtualizer = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    // Rows snap to whole rows (useWholeRows); a generous overscan keeps nearby rows findable.
    overscan: 16,
  });

  useWholeRows(scrollRef, { headSelector: '.table__head', rowHeight, count: sorted.length, maxHeight });

  const toggleSort = (key: string) =>
    setSort((current) => (current?.key === key ? { key, direction: current.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: 'asc' }));

  const alignClass = (column: Column<T>) => (column.align && column.align !== 'start' ? ` cell--${column.align}` : '');

  return (
    <div className="table" role="table" aria-label={label} aria-rowcount={sorted.length + 1}>
      <div ref={scrollRef} className="table__scroll" style={maxHeight ? { maxHeight } : undefined} tabIndex={-1}>
        <div className="table__head" role="rowgroup">
          <div className="table__row table__row--head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
            {columns.map((column) => {
              const active = sort?.key === column.key;
              const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : column.sortValue ? 'none' : undefined;
              return (
                <div key={column.key} role="columnheader" aria-sort={ariaSort} className={`table__cell table__cell--head${alignClass(column)}`}>
                  {column.sortValue ? (
                    <button type="button" className={`sort-button${active ? ' sort-button--active' : ''}`} onClick={() => toggleSort(column.key)}>
                      <span className="sort-button__label">{column.header}</span>
                      <Icon name={active ? (sort.direction === 'asc' ? 'arrow-up' : 'arrow-down') : 'sort'} size={14} />
                    </button>
                  ) : (
                    <span className={column.srOnlyHeader ? 'sr-only' : undefined}>{column.header}</span>
                  )}
                </div>
              );
            })}
          </div>
        </div>
        {sorted.length === 0 ? (
          <div className="table__empty">{empty}</div>
        ) : (
          <div className="table__body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = sorted[item.index]!;
              return (
                <div
                  key={rowKey(row)}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className={`table__row${rowClassName ? ` ${rowClassName(row)}` : ''}`}
                  style={{ gridTemplateColumns: template, height: item.size, transform: `translateY(${item.start}px)` }}
                >
                  {columns.map((column) => (
                    <div key={column.key} role="cell" className={`table__cell${alignClass(column)}`}>
                      {column.render(row)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
