/**
 * The two bars above the Daftar Periksa panes: the unit (choice and progress) and the
 * filters (search, hanya kekurangan, status). Split from checklist-workspace.tsx.
 */
import { useId } from 'react';
import { EVIDENCE_STATUSES, EVIDENCE_STATUS_LABELS, type Checklist, type EvidenceStatus, type UnitProgress } from '../../../shared/types';
import { Badge } from '../../components/badge';
import { Switch } from '../../components/field';
import { Icon } from '../../components/icons';
import { SearchBox } from '../../components/search-box';
import { formatCount, formatPercent } from '../../lib/format';
import { STATUS_META, type Filters } from './model';
import type { ListModel } from './requirement-list';
import { ProgressRing } from './widgets';
import { groupUnits } from '../assessment/unit-switcher';

export const NO_FILTERS: Filters = { gapsOnly: false, statuses: new Set(), search: '' };

export function UnitBar({ checklist, units, unitCounts, onUnitChange }: { checklist: Checklist; units: UnitProgress[]; unitCounts: Record<EvidenceStatus, number>; onUnitChange: (unitId: number) => void }) {
  const unitSelectId = useId();
  const unitId = checklist.unit.id;
  const currentUnit = units.find((unit) => unit.unitId === unitId);
  const progress = checklist.progress;
  return (
    <section className="unit-bar panel" aria-label="Unit dan kemajuan">
      <div className="unit-bar__select">
        <label htmlFor={unitSelectId} className="unit-bar__label">
          Unit
        </label>
        <select id={unitSelectId} className="input select" title={currentUnit?.unitName} value={unitId} onChange={(event) => onUnitChange(Number(event.target.value))}>
          {groupUnits(units).map(([group, list]) => (
            <optgroup key={group} label={group}>
              {list.map((unit) => (
                <option key={unit.unitId} value={unit.unitId}>
                  {unit.unitName} — {formatPercent(unit.progress.percentVerified)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="unit-bar__progress">
        <ProgressRing progress={progress} size={40} />
        <div>
          <div className="unit-bar__headline">
            {formatPercent(progress.percentVerified)} terverifikasi
            {currentUnit?.ombudsmanSample ? (
              <Badge tone="teal" title="Unit ini termasuk sampel penilaian Ombudsman">
                Sampel Ombudsman
              </Badge>
            ) : null}
          </div>
          <div className="unit-bar__sub">
            {formatCount(progress.verified)} dari {formatCount(progress.applicable)} persyaratan · {formatPercent(progress.percentSupplied)} sudah ada bukti
            {(['belum_ada', 'perlu_perbaikan', 'tidak_berlaku'] as const).map((status) => (
              <span key={status} className={`unit-bar__stat unit-bar__stat--${status}`}>
                {' · '}
                {formatCount(unitCounts[status])} {EVIDENCE_STATUS_LABELS[status].toLocaleLowerCase('id-ID')}
              </span>
            ))}
          </div>
        </div>
      </div>
    </section>
  );
}

export function FilterBar({ filters, setFilters, model, filtersOn, scopeLabel }: { filters: Filters; setFilters: (change: (previous: Filters) => Filters) => void; model: ListModel | null; filtersOn: boolean; scopeLabel: string }) {
  return (
    <div className="cl-filters" role="group" aria-label="Saring persyaratan">
      <SearchBox label="Cari persyaratan atau indikator" value={filters.search} onChange={(search) => setFilters((previous) => ({ ...previous, search }))} placeholder="Cari persyaratan…" className="cl-filters__search" />
      <Switch
        label={`Hanya kekurangan ${scopeLabel} (${formatCount(model?.gapCount ?? 0)})`}
        ariaLabel="Hanya kekurangan"
        checked={filters.gapsOnly}
        onChange={(gapsOnly) => setFilters((previous) => ({ ...previous, gapsOnly }))}
      />
      <div className="status-filter" role="group" aria-label={`Saring status; jumlah ${scopeLabel}`}>
        {/* The chips count the selected node, the summary above counts the whole unit: say so. */}
        <span className="status-filter__scope">Jumlah {scopeLabel}:</span>
        {EVIDENCE_STATUSES.map((status) => {
          const on = filters.statuses.has(status);
          return (
            <button
              key={status}
              type="button"
              className={`status-filter__item status-filter__item--${status}${on ? ' status-filter__item--on' : ''}`}
              aria-pressed={on}
              aria-label={`${EVIDENCE_STATUS_LABELS[status]} (${formatCount(model?.statusCounts[status] ?? 0)})`}
              onClick={() =>
                setFilters((previous) => {
                  const statuses = new Set(previous.statuses);
                  if (statuses.has(status)) statuses.delete(status);
                  else statuses.add(status);
                  return { ...previous, statuses };
                })
              }
            >
              <span className="status-filter__dot" aria-hidden="true" />
              {STATUS_META[status].short}
              <span className="status-filter__count">{formatCount(model?.statusCounts[status] ?? 0)}</span>
            </button>
          );
        })}
      </div>
      {filtersOn ? (
        <button type="button" className="cl-filters__clear" onClick={() => setFilters(() => NO_FILTERS)}>
          <Icon name="x" size={14} /> Hapus saringan
        </button>
      ) : null}
    </div>
  );
}
