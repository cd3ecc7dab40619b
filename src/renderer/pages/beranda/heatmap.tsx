/**
 * Units × aspects, each cell coloured by the aspect index (0–5) with the value printed in
 * it; a click opens that unit's checklist filtered to the aspect.
 */
import { useId, useMemo, useRef, useState } from 'react';
import type { Dashboard, DashboardUnit } from '../../../shared/types';
import { BandCode } from '../../components/badge';
import { compareText, formatNumber, formatWeight } from '../../lib/format';
import { href } from '../../lib/router';
import { useWholeRows } from '../../lib/whole-rows';
import { bandOf, currentIndexOf, indexColor, shortAspectName } from '../assessment/score-format';

type Sort = 'rendah' | 'tinggi' | 'nama' | 'kelompok';

const SORTS: Array<[Sort, string]> = [
  ['rendah', 'Indeks terendah dulu'],
  ['tinggi', 'Indeks tertinggi dulu'],
  ['nama', 'Nama unit'],
  ['kelompok', 'Kelompok'],
];

const indexOf = (unit: DashboardUnit) => currentIndexOf(unit);

function sortUnits(units: DashboardUnit[], sort: Sort): DashboardUnit[] {
  const byName = (a: DashboardUnit, b: DashboardUnit) => compareText(a.unitName, b.unitName);
  const byIndex = (direction: 1 | -1) => (a: DashboardUnit, b: DashboardUnit) => {
    const x = indexOf(a);
    const y = indexOf(b);
    if (x === null && y === null) return byName(a, b);
    if (x === null) return 1;
    if (y === null) return -1;
    return direction * (x - y) || byName(a, b);
  };
  const compare = sort === 'rendah' ? byIndex(1) : sort === 'tinggi' ? byIndex(-1) : sort === 'nama' ? byName : (a: DashboardUnit, b: DashboardUnit) => compareText(a.groupName, b.groupName) || byName(a, b);
  return [...units].sort(compare);
}

export function Heatmap({ dashboard }: { dashboard: Dashboard }) {
  const sortId = useId();
  const groupId = useId();
  const [sort, setSort] = useState<Sort>('rendah');
  const [group, setGroup] = useState('');
  const groups = useMemo(() => [...new Set(dashboard.units.map((unit) => unit.groupName))].sort(compareText), [dashboard.units]);
  const rows = useMemo(() => sortUnits(group ? dashboard.units.filter((unit) => unit.groupName === group) : dashboard.units, sort), [dashboard.units, group, sort]);
  const template = `minmax(200px, 1.6fr) 92px repeat(${dashboard.aspects.length}, minmax(72px, 1fr))`;

  const boxRef = useRef<HTMLDivElement>(null);
  useWholeRows(boxRef, { headSelector: '.heatmap__row--head', rowSelector: '.heatmap__row:not(.heatmap__row--head)', count: rows.length });

  return (
    <section className="panel heatmap-panel" aria-labelledby="heatmap-title">
      <div className="panel__head panel__head--padded heatmap-panel__head">
        <div>
          <h2 className="panel__title" id="heatmap-title">
            Peta nilai per aspek
          </h2>
          <p className="panel__subtitle">Nilai terkini per aspek (0–5): nilai verifikasi bila sudah diverifikasi, selain itu nilai mandiri. Kategori bertanda titik masih sementara. Klik sel untuk membuka daftar periksa aspek itu.</p>
        </div>
        <div className="heatmap-panel__controls">
          <label className="sr-only" htmlFor={groupId}>
            Kelompok
          </label>
          <select id={groupId} className="input select heatmap-panel__select" value={group} onChange={(event) => setGroup(event.target.value)}>
            <option value="">Semua kelompok</option>
            {groups.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          <label className="sr-only" htmlFor={sortId}>
            Urutkan
          </label>
          <select id={sortId} className="input select heatmap-panel__select" value={sort} onChange={(event) => setSort(event.target.value as Sort)}>
            {SORTS.map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div ref={boxRef} className="heatmap" role="table" aria-label="Peta nilai unit per aspek" aria-rowcount={rows.length + 1}>
        <div className="heatmap__row heatmap__row--head" role="row" style={{ gridTemplateColumns: template }}>
          <div role="columnheader" className="heatmap__head heatmap__head--unit">
            Unit
          </div>
          <div role="columnheader" className="heatmap__head heatmap__head--center">
            Terkini
          </div>
          {dashboard.aspects.map((aspect) => (
            <div key={aspect.code} role="columnheader" className="heatmap__head heatmap__head--center" title={`${aspect.name} (bobot ${formatWeight(aspect.weight)})`}>
              {shortAspectName(aspect.name)}
            </div>
          ))}
        </div>
        {rows.map((unit) => {
          const band = bandOf(unit.category);
          const total = indexOf(unit);
          return (
            <div key={unit.unitId} className="heatmap__row" role="row" style={{ gridTemplateColumns: template }}>
              <div role="rowheader" className="heatmap__unit">
                <a href={href(`/unit/${unit.unitId}`)} title={`${unit.unitName} — ${unit.groupName}`}>
                  {unit.unitName}
                </a>
              </div>
              <div role="cell" className="heatmap__total">
                {total === null ? <span className="text-subtle heatmap__none">belum dinilai</span> : formatNumber(total, 2)}
                {band ? (
                  <span className={unit.category?.provisional ? 'band-provisional' : undefined} title={unit.category?.provisional ? `${band.label} — sementara` : band.label}>
                    <BandCode band={band} />
                  </span>
                ) : null}
              </div>
              {dashboard.aspects.map((aspect) => {
                const entry = unit.aspectIndexes.find((item) => item.code === aspect.code);
                const value = entry?.index ?? null;
                return (
                  <div key={aspect.code} role="cell" className="heatmap__cell-wrap">
                    <a
                      className={`heatmap__cell${value === null ? ' heatmap__cell--empty' : ''}`}
                      style={value === null ? undefined : { background: indexColor(value) }}
                      href={href(`/daftar-periksa/${unit.unitId}?aspek=${encodeURIComponent(aspect.code)}`)}
                      aria-label={`${unit.unitName}, ${aspect.name}: ${value === null ? 'belum dinilai' : formatNumber(value, 2)}. Buka daftar periksa.`}
                      title={`${unit.unitName} — ${aspect.name}`}
                    >
                      {value === null ? '–' : formatNumber(value, 2)}
                    </a>
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
      <div className="heatmap-legend" aria-hidden="true">
        <span>0</span>
        <span className="heatmap-legend__ramp" />
        <span>5</span>
        <span className="heatmap-legend__empty">–</span>
        <span>belum dinilai</span>
      </div>
    </section>
  );
}
