/** Every unit of the year with its progress and scores: sortable, searchable, virtualised. */
import { useMemo, useState } from 'react';
import type { Dashboard, DashboardUnit } from '../../../shared/types';
import { BandCode } from '../../components/badge';
import { DataTable, type Column } from '../../components/data-table';
import { Icon } from '../../components/icons';
import { formatCount, formatPercent, normalizeSearch } from '../../lib/format';
import { href } from '../../lib/router';
import { useDebounced } from '../../lib/use-query';
import { categoryColumn, currentScoreColumn } from '../assessment/score-columns';
import { bandOf, currentIndexOf, formatDelta, formatScore, previousIndexOf } from '../assessment/score-format';

function ombudsmanCell(unit: DashboardUnit) {
  const om = unit.ombudsman;
  if (!om || om.total === null) {
    return unit.ombudsmanSample ? (
      <span className="text-subtle cell-small" title="Nilai akhir menunggu hasil survei Kepercayaan Masyarakat">
        belum survei
      </span>
    ) : (
      <span className="text-subtle">–</span>
    );
  }
  const band = bandOf(om.grade ? { code: om.grade, label: om.zone ? `Zona ${om.zone}` : om.grade, tone: om.tone ?? 'neutral' } : null);
  return (
    <span className="cell-score">
      {formatScore(om.total)}
      {band ? <BandCode band={band} /> : null}
    </span>
  );
}

export function UnitsTable({ dashboard }: { dashboard: Dashboard }) {
  const [search, setSearch] = useState('');
  const query = normalizeSearch(useDebounced(search, 150));
  const rows = useMemo(
    () => (query ? dashboard.units.filter((unit) => normalizeSearch(`${unit.unitName} ${unit.groupName}`).includes(query)) : dashboard.units),
    [dashboard.units, query],
  );
  const hasPrevious = dashboard.previousYear !== null;

  const columns: Column<DashboardUnit>[] = [
    {
      key: 'name',
      header: 'Unit',
      width: 'minmax(160px, 2.2fr)',
      sortValue: (row) => row.unitName,
      render: (row) => (
        <a className="cell-strong" href={href(`/unit/${row.unitId}`)} title={row.unitName}>
          {row.unitName}
        </a>
      ),
    },
    { key: 'group', header: 'Kelompok', width: 'minmax(110px, 1fr)', optional: 2, sortValue: (row) => row.groupName, render: (row) => <span className="text-muted">{row.groupName}</span> },
    {
      key: 'progress',
      header: 'Bukti terverifikasi',
      width: '150px',
      sortValue: (row) => row.progress.percentVerified,
      render: (row) => (
        <span className="cell-progress">
          <span className="progress" aria-hidden="true">
            <span className="progress__bar" style={{ width: `${row.progress.percentVerified}%` }} />
          </span>
          <span className="cell-progress__text">{formatPercent(row.progress.percentVerified)}</span>
        </span>
      ),
    },
    currentScoreColumn(),
    categoryColumn(),
    ...(hasPrevious
      ? [
          {
            key: 'change',
            header: `Vs ${dashboard.previousYear}`,
            width: '100px',
            optional: 1,
            align: 'end' as const,
            sortValue: (row: DashboardUnit) => {
              const now = currentIndexOf(row);
              const before = previousIndexOf(row);
              return now === null || before === null ? null : now - before;
            },
            render: (row: DashboardUnit) => {
              const now = currentIndexOf(row);
              const before = previousIndexOf(row);
              if (now === null || before === null) return <span className="text-subtle">–</span>;
              const delta = Number((now - before).toFixed(2));
              return <span className={delta < 0 ? 'delta delta--down' : delta > 0 ? 'delta delta--up' : 'delta'}>{formatDelta(delta, 2)}</span>;
            },
          },
        ]
      : []),
    {
      key: 'ombudsman',
      header: 'Ombudsman',
      width: '126px',
      align: 'end',
      sortValue: (row) => row.ombudsman?.total ?? null,
      render: ombudsmanCell,
    },
  ];

  return (
    <section className="panel" aria-labelledby="units-title">
      <div className="panel__head panel__head--padded">
        <div>
          <h2 className="panel__title" id="units-title">
            Semua unit
          </h2>
          <p className="panel__subtitle">
            {formatCount(dashboard.units.length)} unit · Ombudsman: estimasi kesiapan, hanya unit sampel yang dihitung ke nilai pemda
          </p>
        </div>
        <div className="toolbar__search units-search">
          <Icon name="search" size={16} className="toolbar__search-icon" />
          <input className="input input--search" type="search" placeholder="Cari unit atau kelompok…" aria-label="Cari unit" value={search} onChange={(event) => setSearch(event.target.value)} />
        </div>
      </div>
      <DataTable
        label="Nilai unit"
        rows={rows}
        columns={columns}
        rowKey={(row) => row.unitId}
        initialSort={{ key: 'name', direction: 'asc' }}
        rowHeight={48}
        maxHeight="520px"
        empty={<p className="text-subtle table-empty-text">Tidak ada unit yang cocok dengan “{search}”.</p>}
      />
    </section>
  );
}
