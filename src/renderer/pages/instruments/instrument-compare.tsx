/**
 * Bandingkan versi: two instruments side by side — what was added, removed and changed
 * (aspects, indicators, weights, level texts, requirements, bands), as the host's diff.
 */
import type { InstrumentDiff } from '../../../shared/channels/instruments';
import type { InstrumentSummary } from '../../../shared/types';
import { Badge } from '../../components/badge';
import { SelectField } from '../../components/field';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { api } from '../../lib/api';
import { formatCount } from '../../lib/format';
import { navigate } from '../../lib/router';
import { useQuery } from '../../lib/use-query';
import '../../styles/instrument-tools.css';

const KIND_LABELS: Record<string, string> = { instrumen: 'Instrumen', aspek: 'Aspek/dimensi', indikator: 'Indikator', unsur: 'Unsur', bukti: 'Bukti dukung', kategori: 'Kategori' };

function show(value: string | number | boolean | null): string {
  if (value === null) return '(kosong)';
  if (typeof value === 'boolean') return value ? 'ya' : 'tidak';
  if (typeof value === 'number') return value.toLocaleString('id-ID', { maximumFractionDigits: 4, useGrouping: false });
  return value;
}

function DiffTables({ diff }: { diff: InstrumentDiff }) {
  if (diff.same) {
    return (
      <EmptyState icon="check-circle" title="Tidak ada perbedaan">
        Kedua versi sama persis.
      </EmptyState>
    );
  }
  return (
    <div className="itool-diff">
      <p className="itool-diff__counts">
        <Badge tone="green">{formatCount(diff.added.length)} ditambahkan</Badge>
        <Badge tone="red">{formatCount(diff.removed.length)} dihapus</Badge>
        <Badge tone="amber">{formatCount(diff.changed.length)} diubah</Badge>
      </p>
      {diff.changed.length > 0 ? (
        <section aria-labelledby="diff-changed">
          <h2 id="diff-changed" className="itool-diff__title">Diubah</h2>
          <table className="static-table itool-table">
            <thead>
              <tr>
                <th scope="col">Bagian</th>
                <th scope="col">Kode</th>
                <th scope="col">Isian</th>
                <th scope="col">Versi {diff.from.version}</th>
                <th scope="col">Versi {diff.to.version}</th>
              </tr>
            </thead>
            <tbody>
              {diff.changed.map((change, index) => (
                <tr key={index}>
                  <td>{KIND_LABELS[change.kind] ?? change.kind}</td>
                  <td>
                    <code>{change.code}</code>
                    <div className="text-subtle">{change.name}</div>
                  </td>
                  <td>{change.fieldLabel}</td>
                  <td className="itool-diff__old">{show(change.from)}</td>
                  <td className="itool-diff__new">{show(change.to)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {(['added', 'removed'] as const).map((key) =>
        diff[key].length > 0 ? (
          <section key={key} aria-labelledby={`diff-${key}`}>
            <h2 id={`diff-${key}`} className="itool-diff__title">{key === 'added' ? 'Ditambahkan di versi baru' : 'Dihapus dari versi lama'}</h2>
            <table className="static-table itool-table">
              <thead>
                <tr>
                  <th scope="col">Bagian</th>
                  <th scope="col">Kode</th>
                  <th scope="col">Nama</th>
                  <th scope="col">Di bawah</th>
                </tr>
              </thead>
              <tbody>
                {diff[key].map((entry, index) => (
                  <tr key={index}>
                    <td>{KIND_LABELS[entry.kind] ?? entry.kind}</td>
                    <td>
                      <code>{entry.code}</code>
                    </td>
                    <td>{entry.name}</td>
                    <td>{entry.parent ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null,
      )}
    </div>
  );
}

function pick(list: InstrumentSummary[], wanted: number | null, fallback: InstrumentSummary | undefined): number | null {
  return list.some((item) => item.id === wanted) ? wanted : (fallback?.id ?? null);
}

export function InstrumentCompare({ query }: { query: string }) {
  const params = new URLSearchParams(query);
  const list = useQuery('instruments', () => api['instruments:list']());
  const items = list.data ?? [];
  const fromId = pick(items, Number(params.get('dari')) || null, items[0]);
  const toId = pick(items, Number(params.get('ke')) || null, items.find((item) => item.id !== fromId && item.family === items.find((x) => x.id === fromId)?.family) ?? items[1]);
  const diff = useQuery(`diff-${fromId}-${toId}`, () => (fromId && toId ? api['instruments:diff']({ fromId, toId }) : Promise.resolve(null)));
  const go = (from: number | null, to: number | null) => navigate(`/instrumen/bandingkan?dari=${from ?? ''}&ke=${to ?? ''}`);
  const options = items.map((item) => (
    <option key={item.id} value={item.id}>
      {item.shortName} — versi {item.version}
    </option>
  ));

  return (
    <div className="page">
      <PageHeader
        title="Bandingkan versi instrumen"
        breadcrumb={[{ label: 'Beranda', path: '/' }, { label: 'Instrumen', path: '/instrumen' }, { label: 'Bandingkan versi' }]}
        description="Apa yang ditambahkan, dihapus, dan diubah antara dua versi: aspek, indikator, bobot, teks tingkat, bukti dukung, dan kategori. Dicocokkan menurut kode."
      />
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      {!list.data ? (
        <Loading />
      ) : (
        <>
          <div className="itool-compare-bar">
            <SelectField label="Versi lama" value={String(fromId ?? '')} onChange={(value) => go(Number(value), toId)}>
              {options}
            </SelectField>
            <SelectField label="Versi baru" value={String(toId ?? '')} onChange={(value) => go(fromId, Number(value))}>
              {options}
            </SelectField>
          </div>
          {diff.error ? <ErrorState error={diff.error} onRetry={diff.reload} /> : !diff.data ? <Loading /> : <DiffTables diff={diff.data} />}
        </>
      )}
    </div>
  );
}
