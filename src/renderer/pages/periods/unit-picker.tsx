/** Choose units with a search box and "pilih semua" (which applies to what the search shows). */
import { useMemo, useState } from 'react';
import type { Unit } from '../../../shared/types';
import { Checkbox } from '../../components/field';
import { SearchBox } from '../../components/search-box';
import { formatCount, normalizeSearch } from '../../lib/format';

interface UnitPickerProps {
  units: Unit[];
  value: Set<number>;
  onChange: (ids: Set<number>) => void;
}

export function UnitPicker({ units, value, onChange }: UnitPickerProps) {
  const [search, setSearch] = useState('');
  const visible = useMemo(() => {
    const needle = normalizeSearch(search);
    if (!needle) return units;
    return units.filter((unit) => normalizeSearch(`${unit.name} ${unit.shortName ?? ''} ${unit.groupName}`).includes(needle));
  }, [units, search]);

  const chosenVisible = visible.filter((unit) => value.has(unit.id)).length;
  const setMany = (ids: number[], on: boolean) => {
    const next = new Set(value);
    ids.forEach((id) => (on ? next.add(id) : next.delete(id)));
    onChange(next);
  };

  return (
    <div className="unit-picker">
      <div className="unit-picker__bar">
        <SearchBox label="Cari unit untuk dipilih" value={search} onChange={setSearch} placeholder="Cari unit…" className="unit-picker__search" iconSize={16} />
        <Checkbox
          label={search ? 'Pilih semua hasil pencarian' : 'Pilih semua'}
          checked={visible.length > 0 && chosenVisible === visible.length}
          indeterminate={chosenVisible > 0 && chosenVisible < visible.length}
          disabled={visible.length === 0}
          onChange={(on) => setMany(visible.map((unit) => unit.id), on)}
        />
        <span className="unit-picker__count">{formatCount(value.size)} dipilih</span>
      </div>
      <div className="unit-picker__list" role="group" aria-label="Daftar unit">
        {visible.length === 0 ? <div className="unit-picker__empty">Tidak ada unit yang cocok.</div> : null}
        {visible.map((unit) => (
          <Checkbox
            key={unit.id}
            checked={value.has(unit.id)}
            onChange={(on) => setMany([unit.id], on)}
            label={
              <span className="unit-picker__item">
                <span>{unit.name}</span>
                <span className="unit-picker__group">{unit.groupName}</span>
              </span>
            }
          />
        ))}
      </div>
    </div>
  );
}
