/** Landing list of a one-unit screen: every unit of the year with its scores, to pick one. */
import type { DashboardUnit } from '../../../shared/types';
import { DataTable, type Column } from '../../components/data-table';
import { ErrorState, Loading } from '../../components/states';
import { api } from '../../lib/api';
import { formatPercent } from '../../lib/format';
import { href } from '../../lib/router';
import { useQuery } from '../../lib/use-query';
import { categoryColumn, currentScoreColumn } from './score-columns';
import { formatScore } from './score-format';

interface UnitChooserProps {
  periodId: number;
  basePath: string;
  title: string;
  subtitle: string;
}

export function UnitChooser({ periodId, basePath, title, subtitle }: UnitChooserProps) {
  const dashboard = useQuery(`chooser-${periodId}`, () => api['scores:dashboard']({ periodId }));
  if (dashboard.error) return <ErrorState error={dashboard.error} onRetry={dashboard.reload} />;
  if (!dashboard.data) return <Loading />;

  const columns: Column<DashboardUnit>[] = [
    {
      key: 'name',
      header: 'Unit',
      width: 'minmax(240px, 2.4fr)',
      sortValue: (row) => row.unitName,
      render: (row) => (
        <a className="cell-strong" href={href(`${basePath}/${row.unitId}`)}>
          {row.unitName}
        </a>
      ),
    },
    { key: 'group', header: 'Kelompok', width: 'minmax(140px, 1fr)', sortValue: (row) => row.groupName, render: (row) => row.groupName },
    {
      key: 'progress',
      header: 'Bukti terverifikasi',
      width: '190px',
      align: 'end',
      sortValue: (row) => row.progress.percentVerified,
      render: (row) => formatPercent(row.progress.percentVerified),
    },
    currentScoreColumn(),
    categoryColumn(),
    { key: 'self', header: 'Mandiri', width: '96px', align: 'end', sortValue: (row) => row.selfIndex, render: (row) => formatScore(row.selfIndex) },
    { key: 'verified', header: 'Verifikasi', width: '96px', align: 'end', sortValue: (row) => row.verifiedIndex, render: (row) => formatScore(row.verifiedIndex) },
  ];

  return (
    <section className="panel" aria-labelledby="chooser-title">
      <div className="panel__head panel__head--padded">
        <div>
          <h2 className="panel__title" id="chooser-title">
            {title}
          </h2>
          <p className="panel__subtitle">{subtitle}</p>
        </div>
      </div>
      <DataTable label="Pilih unit" rows={dashboard.data.units} columns={columns} rowKey={(row) => row.unitId} initialSort={{ key: 'name', direction: 'asc' }} maxHeight="calc(100vh - 300px)" />
    </section>
  );
}
