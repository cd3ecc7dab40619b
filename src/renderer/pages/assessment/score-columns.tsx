/**
 * The *nilai terkini* and category columns every unit table shows (Beranda, unit
 * choosers), so a unit reads the same everywhere: its number with how much of it is
 * verified, a provisional category marked, and "belum dinilai" instead of 0,00 F.
 */
import { basisWords } from '../../../core/scoring/view-text';
import type { DashboardUnit } from '../../../shared/types';
import { BandCode, ProvisionalTag } from '../../components/badge';
import type { Column } from '../../components/data-table';
import { bandOf, currentIndexOf, formatScore } from './score-format';

export function currentScoreColumn(): Column<DashboardUnit> {
  return {
    key: 'current',
    header: 'Nilai terkini',
    width: '128px',
    align: 'end',
    sortValue: (row) => currentIndexOf(row),
    render: (row) =>
      row.current ? (
        <span className="cell-current" title={`${basisWords(row.current.basis)} (dari ${row.current.total} indikator)`}>
          <span className="cell-current__value">{formatScore(row.current.index)}</span>
          <span className="cell-current__basis">
            {row.current.basis.verified}/{row.current.total} diverifikasi
          </span>
        </span>
      ) : (
        <span className="text-subtle">belum dinilai</span>
      ),
  };
}

export function categoryColumn(): Column<DashboardUnit> {
  return {
    key: 'category',
    header: 'Kategori',
    width: '140px',
    align: 'center',
    sortValue: (row) => currentIndexOf(row),
    render: (row) => {
      const band = bandOf(row.category);
      if (!band) return <span className="text-subtle">–</span>;
      return (
        <span className="cell-band">
          <BandCode band={band} />
          {row.category?.provisional ? <ProvisionalTag /> : null}
        </span>
      );
    },
  };
}
