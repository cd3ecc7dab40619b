/**
 * Instrumen: a browser of the instruments the app knows, with the workbook tools — export
 * a version as an editable template, import an edited one as a new version, compare.
 */
import { useState } from 'react';
import type { InstrumentSummary } from '../../../shared/types';
import { Button } from '../../components/button';
import { Icon } from '../../components/icons';
import { errorMessage } from '../../lib/api';
import { navigate } from '../../lib/router';
import { useToast } from '../../lib/toast';
import { downloadHref, fileNameOf } from '../exports/download';
import { InstrumentImportDialog } from './instrument-import-dialog';
import '../../styles/instrument-tools.css';
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

function Tools({ current, onImported }: { current: InstrumentSummary | undefined; onImported: (id: number) => void }) {
  const toast = useToast();
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const exportCurrent = async () => {
    if (!current) return;
    setExporting(true);
    try {
      const result = await api['instruments:export']({ id: current.id });
      if (!result) return;
      if (result.downloadUrl) {
        const link = document.createElement('a');
        link.href = downloadHref(result.downloadUrl);
        link.download = fileNameOf(result.path);
        link.click();
      }
      toast.success('Templat instrumen dibuat', `${fileNameOf(result.path)} — ubah isinya lalu impor sebagai versi baru.`);
    } catch (error) {
      toast.error('Templat gagal dibuat', errorMessage(error));
    } finally {
      setExporting(false);
    }
  };
  return (
    <div className="itool-actions">
      <a className="btn btn--secondary" href={href(`/instrumen/bandingkan${current ? `?dari=${current.id}` : ''}`)}>
        <Icon name="sort" size={18} />
        <span>Bandingkan versi</span>
      </a>
      <Button icon="file" onClick={exportCurrent} disabled={!current} busy={exporting}>
        Ekspor templat
      </Button>
      <Button variant="primary" icon="upload" onClick={() => setImporting(true)}>
        Impor instrumen
      </Button>
      <InstrumentImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        onImported={(instrument) => {
          setImporting(false);
          toast.success('Instrumen diimpor', `${instrument.shortName} versi ${instrument.version} tersimpan sebagai versi baru.`);
          onImported(instrument.id);
        }}
      />
    </div>
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
        actions={
          <Tools
            current={current}
            onImported={(id) => {
              list.reload();
              navigate(`/instrumen/${id}`);
            }}
          />
        }
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
