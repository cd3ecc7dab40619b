/** IKM per unit across the pemda for a period, and their mean (stated as a mean). */
import type { SkmSemester } from '../../../shared/skm-types';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { api } from '../../lib/api';
import { href } from '../../lib/router';
import { useQuery } from '../../lib/use-query';
import { SkmBandBadge } from './band-badge';
import { count, decimal } from './format';

export function PemdaTable({ year, semester }: { year: number; semester: SkmSemester }) {
  const query = useQuery(`skm-pemda-${year}-${semester}`, () => api['skm:pemda']({ year, semester }));
  if (query.error && !query.data) return <ErrorState error={query.error} onRetry={query.reload} />;
  if (!query.data) return <Loading />;
  const { summary, periodLabel } = query.data;
  return (
    <section className="panel panel--padded" aria-labelledby="skm-pemda-title">
      <div className="panel__head">
        <div>
          <h2 className="panel__title" id="skm-pemda-title">
            IKM per unit · {periodLabel}
          </h2>
          <p className="panel__subtitle">
            {summary.unitsWithResult > 0
              ? `Rata-rata IKM ${summary.unitsWithResult} unit: ${decimal(summary.meanConverted, 2)} (${summary.band ? `${summary.band.mutu}, ${summary.band.kinerja}` : '–'}).`
              : 'Belum ada unit dengan hasil SKM lengkap.'}
            {summary.notes.length > 0 ? ` ${summary.notes.join(' ')}` : ''}
          </p>
        </div>
      </div>
      {summary.rows.length === 0 ? (
        <EmptyState icon="chart" title="Belum ada survei pada periode ini">
          Buka unit lewat pilihan Unit di atas untuk menambah survei dan mengimpor jawaban.
        </EmptyState>
      ) : (
        <table className="static-table skm-table">
          <thead>
            <tr>
              <th>Unit</th>
              <th className="num">Jenis layanan</th>
              <th className="num">Responden</th>
              <th className="num">IKM unit</th>
              <th>Mutu · kinerja</th>
              <th>Sampel</th>
            </tr>
          </thead>
          <tbody>
            {summary.rows.map((row) => (
              <tr key={row.unitId}>
                <td>
                  <a href={href(`/skm/${row.unitId}`)}>{row.unitName}</a>
                </td>
                <td className="num">{count(row.services)}</td>
                <td className="num">{count(row.respondents)}</td>
                <td className="num">{decimal(row.ikmConverted, 2)}</td>
                <td>
                  <SkmBandBadge band={row.band} />
                </td>
                <td>{row.sampleShortfall === null ? 'populasi belum diisi' : row.sampleShortfall > 0 ? `kurang ${count(row.sampleShortfall)}` : 'terpenuhi'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
