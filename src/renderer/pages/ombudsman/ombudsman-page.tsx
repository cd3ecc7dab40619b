/**
 * Survei & Temuan (Ombudsman 2025–): what the Ombudsman weighs beyond documents. Without
 * a unit: every unit of the year with its products and open findings. With a unit: its
 * service products with the survey tracker, and the follow-up log of findings.
 * Routes: /ombudsman and /ombudsman/<unitId>.
 */
import type { OmbudsmanOverviewUnit } from '../../../shared/channels/ombudsman';
import type { PeriodDetail } from '../../../shared/types';
import { Badge } from '../../components/badge';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { api } from '../../lib/api';
import { useActivePeriodDetail, useAppData } from '../../lib/app-data';
import { formatCount } from '../../lib/format';
import { href } from '../../lib/router';
import { useQuery } from '../../lib/use-query';
import { UnitSwitcher } from '../assessment/unit-switcher';
import { FindingsSection } from './findings-section';
import { ProductsSection } from './products-section';
import '../../styles/ombudsman.css';

function Overview({ period }: { period: PeriodDetail }) {
  const overview = useQuery(`stm-overview-${period.id}`, () => api['ombudsman:overview']({ periodId: period.id }));
  if (overview.error) return <ErrorState error={overview.error} onRetry={overview.reload} />;
  if (!overview.data) return <Loading />;
  const expected = overview.data.productsPerUnit;
  const row = (unit: OmbudsmanOverviewUnit) => (
    <tr key={unit.unitId}>
      <td>
        <a href={href(`/ombudsman/${unit.unitId}`)}>{unit.unitName}</a>
      </td>
      <td>{unit.sample ? <Badge tone="blue">sampel</Badge> : '—'}</td>
      <td className="cell--center">
        {formatCount(unit.products)}
        {expected ? <span className="text-subtle"> / {expected}</span> : null}
      </td>
      <td className="cell--center">{formatCount(unit.productsReady)}</td>
      <td className="cell--center">{unit.openFindings > 0 ? <Badge tone="amber">{formatCount(unit.openFindings)}</Badge> : '0'}</td>
      <td className="cell--center">{unit.overdueFindings > 0 ? <Badge tone="red">{formatCount(unit.overdueFindings)}</Badge> : '0'}</td>
    </tr>
  );
  const units = [...overview.data.units].sort((a, b) => Number(b.sample) - Number(a.sample) || a.unitName.localeCompare(b.unitName, 'id'));
  return (
    <section className="stm-section" aria-labelledby="stm-overview">
      <div className="stm-section__head">
        <h2 id="stm-overview">Unit {period.name}</h2>
        <span className="text-muted">Unit sampel Ombudsman ditampilkan lebih dulu. Pilih unit untuk mencatat produk layanan, survei, dan temuan.</span>
      </div>
      <div className="stm-table-wrap">
        <table className="static-table stm-table" aria-label="Ringkasan survei dan temuan per unit">
          <thead>
            <tr>
              <th scope="col">Unit</th>
              <th scope="col">Sampel</th>
              <th scope="col">Produk layanan</th>
              <th scope="col">Survei siap</th>
              <th scope="col">Temuan terbuka</th>
              <th scope="col">Lewat tenggat</th>
            </tr>
          </thead>
          <tbody>{units.map(row)}</tbody>
        </table>
      </div>
    </section>
  );
}

function UnitView({ period, unitId }: { period: PeriodDetail; unitId: number }) {
  const products = useQuery(`stm-products-${period.id}-${unitId}`, () => api['ombudsman:products']({ periodId: period.id, unitId }));
  const findings = useQuery(`stm-findings-${period.id}-${unitId}`, () => api['ombudsman:findings']({ periodId: period.id, unitId }));
  if (!period.units.some((unit) => unit.unitId === unitId)) {
    return (
      <EmptyState icon="building" title="Unit tidak termasuk tahun ini">
        Pilih unit lain di atas atau atur cakupan di halaman tahun penilaian.
      </EmptyState>
    );
  }
  return (
    <div className="stm-layout">
      {products.error ? <ErrorState error={products.error} onRetry={products.reload} /> : !products.data ? <Loading /> : <ProductsSection data={products.data} onChange={products.setData} />}
      {findings.error ? <ErrorState error={findings.error} onRetry={findings.reload} /> : !findings.data ? <Loading /> : <FindingsSection data={findings.data} onChange={findings.setData} />}
    </div>
  );
}

export function OmbudsmanPage({ unitId }: { unitId: number | null }) {
  const { activePeriod } = useAppData();
  const period = useActivePeriodDetail('stm-period');
  const unitName = period.data?.units.find((unit) => unit.unitId === unitId)?.unitName;
  const hasOmbudsman = period.data?.instruments.some((item) => item.family === 'ombudsman') ?? false;
  return (
    <div className="page">
      <PageHeader
        title="Survei & Temuan Ombudsman"
        breadcrumb={[{ label: 'Beranda', path: '/' }, { label: 'Survei & Temuan', ...(unitId !== null ? { path: '/ombudsman' } : {}) }, ...(unitId !== null ? [{ label: unitName ?? '…' }] : [])]}
        description="Produk layanan dengan survei pengguna, daftar kontak pengguna, dan tindak lanjut temuan Ombudsman (Peraturan Ombudsman 61/2025)."
        actions={period.data && period.data.units.length > 0 && hasOmbudsman ? <UnitSwitcher units={period.data.units} unitId={unitId} basePath="/ombudsman" /> : null}
      />
      {!activePeriod ? (
        <EmptyState icon="calendar" title="Belum ada tahun penilaian aktif" action={<a className="btn btn--primary" href={href('/tahun')}>Buat tahun penilaian</a>}>
          Survei dan temuan dicatat per tahun penilaian.
        </EmptyState>
      ) : period.error ? (
        <ErrorState error={period.error} onRetry={period.reload} />
      ) : !period.data ? (
        <Loading />
      ) : !hasOmbudsman ? (
        <EmptyState icon="shield" title="Tahun ini tidak memakai instrumen Ombudsman" action={<a className="btn btn--primary" href={href(`/tahun/${period.data.id}`)}>Atur instrumen</a>}>
          Tambahkan instrumen Ombudsman ke {period.data.name} untuk mencatat survei dan temuan.
        </EmptyState>
      ) : unitId === null ? (
        <Overview period={period.data} />
      ) : (
        <UnitView period={period.data} unitId={unitId} />
      )}
    </div>
  );
}
