/**
 * Find any unit from anywhere: Ctrl+K (or "/" outside a text field) opens a search over
 * the units of the active year. Enter opens the unit's page; Shift+Enter (or the second
 * button) opens the current screen — Daftar Periksa, Penilaian, Kesenjangan — for it.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { PeriodUnit } from '../../shared/types';
import { api } from '../lib/api';
import { useAppData } from '../lib/app-data';
import { normalizeSearch } from '../lib/format';
import { navigate, segments, usePath } from '../lib/router';
import { Dialog } from './dialog';
import { Icon } from './icons';

const PER_UNIT_SCREENS: Record<string, string> = {
  'daftar-periksa': 'Daftar Periksa',
  penilaian: 'Penilaian Mandiri',
  kesenjangan: 'Kesenjangan',
};
const LIMIT = 12;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Opens on Ctrl+K / Cmd+K anywhere, and on "/" when focus is not in a field. */
function useOpenShortcut(open: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const combo = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
      if (combo || slash) {
        event.preventDefault();
        open();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
}

export function QuickSearch() {
  const { activePeriod } = useAppData();
  const path = usePath();
  const screen = segments(path)[0] ?? '';
  const screenLabel = PER_UNIT_SCREENS[screen] ?? null;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [units, setUnits] = useState<PeriodUnit[]>([]);
  const [active, setActive] = useState(0);
  const inputId = useId();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const show = useMemo(() => () => setOpen(true), []);
  useOpenShortcut(show);

  useEffect(() => {
    if (!open || !activePeriod) return;
    let live = true;
    void api['periods:get']({ id: activePeriod.id }).then((detail) => {
      if (live) setUnits(detail.units);
    });
    return () => {
      live = false;
    };
  }, [open, activePeriod]);

  const matches = useMemo(() => {
    const needle = normalizeSearch(query);
    const found = units.filter((unit) => normalizeSearch(`${unit.unitName} ${unit.groupName}`).includes(needle));
    return found.sort((a, b) => a.unitName.localeCompare(b.unitName, 'id')).slice(0, LIMIT);
  }, [units, query]);

  const close = () => {
    setOpen(false);
    setQuery('');
    setActive(0);
  };
  const go = (unit: PeriodUnit, here: boolean) => {
    close();
    navigate(here && screenLabel ? `/${screen}/${unit.unitId}` : `/unit/${unit.unitId}`);
  };
  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (matches.length === 0 ? 0 : (index + step + matches.length) % matches.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const unit = matches[active];
      if (unit) go(unit, event.shiftKey);
    }
  };

  return (
    <Dialog open={open} title="Cari unit" onClose={close} size="md" description={activePeriod ? `Unit tahun penilaian ${activePeriod.year}` : 'Belum ada tahun penilaian aktif'}>
      <div className="quick-search">
        <label className="sr-only" htmlFor={inputId}>
          Nama unit atau kelompok
        </label>
        <div className="quick-search__field">
          <Icon name="search" size={18} />
          <input
            ref={inputRef}
            id={inputId}
            className="quick-search__input"
            placeholder="Ketik nama unit…"
            value={query}
            autoComplete="off"
            role="combobox"
            aria-expanded={matches.length > 0}
            aria-controls={listId}
            aria-activedescendant={matches[active] ? `${listId}-${matches[active].unitId}` : undefined}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
        </div>
        <ul className="quick-search__list" id={listId} role="listbox" aria-label="Unit yang cocok">
          {matches.map((unit, index) => (
            <li key={unit.unitId} id={`${listId}-${unit.unitId}`} role="option" aria-selected={index === active} className={`quick-search__item${index === active ? ' is-active' : ''}`} onMouseEnter={() => setActive(index)}>
              <button type="button" className="quick-search__main" tabIndex={-1} onClick={() => go(unit, false)}>
                <span className="quick-search__name">{unit.unitName}</span>
                <span className="quick-search__group">{unit.groupName}</span>
              </button>
              {screenLabel ? (
                <button type="button" className="quick-search__here" tabIndex={-1} onClick={() => go(unit, true)} title={`Buka ${screenLabel} untuk unit ini (Shift+Enter)`}>
                  {screenLabel}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
        {units.length > 0 && matches.length === 0 ? <p className="quick-search__empty">Tidak ada unit yang cocok dengan “{query}”.</p> : null}
        <p className="quick-search__hint">
          <kbd>↑</kbd> <kbd>↓</kbd> pilih · <kbd>Enter</kbd> profil unit{screenLabel ? <> · <kbd>Shift</kbd>+<kbd>Enter</kbd> {screenLabel}</> : null} · <kbd>Esc</kbd> tutup
        </p>
      </div>
    </Dialog>
  );
}
