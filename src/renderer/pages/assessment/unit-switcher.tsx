/**
 * Picks the unit of a one-unit screen (Penilaian Mandiri, Kesenjangan): a select of the
 * active year's units grouped by kelompok; choosing one changes the address. Next to it,
 * the way to the unit's own page (Profil Unit) from every one-unit screen.
 */
import { useId } from 'react';
import type { PeriodUnit } from '../../../shared/types';
import { compareText } from '../../lib/format';
import { Icon } from '../../components/icons';
import { useSelectTitle } from '../../components/field';
import { href, navigate } from '../../lib/router';

export function groupUnits<T extends { unitName: string; groupName: string }>(units: T[]): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const unit of [...units].sort((a, b) => compareText(a.unitName, b.unitName))) {
    const list = groups.get(unit.groupName) ?? [];
    list.push(unit);
    groups.set(unit.groupName, list);
  }
  return [...groups.entries()].sort((a, b) => compareText(a[0], b[0]));
}

interface UnitSwitcherProps {
  units: PeriodUnit[];
  unitId: number | null;
  /** Route prefix, e.g. "/penilaian"; the unit id is appended. */
  basePath: string;
}

export function UnitSwitcher({ units, unitId, basePath }: UnitSwitcherProps) {
  const id = useId();
  const ref = useSelectTitle();
  return (
    <div className="unit-switcher">
      <label htmlFor={id} className="unit-switcher__label">
        Unit
      </label>
      <select
        ref={ref}
        id={id}
        className="input select unit-switcher__select"
        value={unitId === null ? '' : String(unitId)}
        onChange={(event) => navigate(event.target.value ? `${basePath}/${event.target.value}` : basePath)}
      >
        {unitId === null ? <option value="">Pilih unit…</option> : null}
        {groupUnits(units).map(([group, members]) => (
          <optgroup key={group} label={group}>
            {members.map((unit) => (
              <option key={unit.unitId} value={unit.unitId}>
                {unit.unitName}
                {unit.ombudsmanSample ? ' · sampel Ombudsman' : ''}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {unitId !== null ? (
        <a className="btn btn--ghost btn--sm unit-switcher__profile" href={href(`/unit/${unitId}`)} title="Buka profil unit ini">
          <Icon name="building" size={16} />
          <span>Profil</span>
        </a>
      ) : null}
    </div>
  );
}
