/** Instrumen: a read-only browser of the instruments the app knows. */
import type { InstrumentSummary } from '../../../shared/types';
import { EstimateTag, FamilyBadge } from '../../components/badge';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { api } from '../../lib/api';
import { useAppData } from '../../lib/app-data';
import { formatCount, formatYears } from '../../lib/format';
import { href } from '../../lib/router';
import { useQuery } from '../../lib/use-query';
import { InstrumentView } from './instrument-view';

function InstrumentList({ instruments, selectedId, inUse }: { instruments: InstrumentSummary[]; selectedId: number; inUse: Set<number> }) {
  return (
    <nav className="instrument-list" aria-label="Daftar instrumen">
      <ul>
        {instruments.map((item) => (
          <li key={item.id}>
            <a
              href={href(`/instrumen/${item.id}`)}
              className={`instrument-link${item.id === selectedId ? ' instrument-link--active' : ''}`}
              aria-current={item.id === selectedId ? 'page' : undefined}
            >
              <span className="instrument-link__top">
                <FamilyBadge family={item.family} />
                {inUse.has(item.id) ? <span className="instrument-link__inuse">dipakai tahun aktif</span> : null}
              </span>
              <span className="instrument-link__name">{item.shortName}</span>
              <span className="instrument-link__meta">
                {formatYears(item.yearsFrom, item.yearsTo)} · {formatCount(item.indicatorCount)} indikator
                {item.hasEstimates ? <EstimateTag /> : null}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function InstrumentsPage({ selectedId }: { selectedId: number | null }) {
  const { activePeriod } = useAppData();
  const list = useQuery('instruments', () => api['instruments:list']());
  const inUse = new Set(activePeriod?.instruments.map((item) => item.id) ?? []);
  const fallback = list.data?.find((item) => inUse.has(item.id)) ?? list.data?.[0];
  const currentId = selectedId ?? fallback?.id ?? null;
  const detail = useQuery(`instrument-${currentId ?? 0}`, () => (currentId ? api['instruments:get']({ id: currentId }) : Promise.resolve(null)));
  const current = list.data?.find((item) => item.id === currentId);

  return (
    <div className="page">
      <PageHeader
        title="Instrumen"
        breadcrumb={[{ label: 'Beranda', path: '/' }, { label: 'Instrumen', ...(current ? { path: '/instrumen' } : {}) }, ...(current ? [{ label: current.shortName }] : [])]}
        description="Isi instrumen penilaian PEKPPP (KemenPANRB) dan Ombudsman RI: bobot, kriteria nilai, unsur dan bukti dukung."
      />
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.length === 0 ? (
        <EmptyState icon="book" title="Belum ada instrumen">
          Instrumen bawaan tidak ditemukan. Pasang ulang aplikasi.
        </EmptyState>
      ) : (
        <div className="instrument-layout">
          <InstrumentList instruments={list.data} selectedId={currentId ?? 0} inUse={inUse} />
          <div className="instrument-layout__main">
            {detail.error ? <ErrorState error={detail.error} onRetry={detail.reload} /> : null}
            {!detail.data && !detail.error ? <Loading /> : null}
            {detail.data ? <InstrumentView key={detail.data.id} instrument={detail.data} /> : null}
          </div>
        </div>
      )}
    </div>
  );
}
