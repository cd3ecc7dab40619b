/**
 * Ekspor & Impor (/ekspor) for the active year: submission packages per unit, the local
 * government recap, a gap report for a unit's head, fillable forms for units, and the
 * import of forms they send back (preview first, apply on confirmation). Every export is
 * a host job with progress and cancel; the browser preview offers downloads, the desktop
 * app saves where the user chose.
 */
import type { PeriodDetail } from '../../../shared/types';
import { Badge } from '../../components/badge';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { isPreview } from '../../lib/api';
import { useActivePeriodDetail, useAppData } from '../../lib/app-data';
import { compareText, formatCount } from '../../lib/format';
import { href } from '../../lib/router';
import { FormsCard } from './forms-card';
import { ImportSection } from './import-section';
import { PackageCard } from './package-card';
import { GapsCard, RecapCard } from './report-cards';
import { LettersCard } from './letters-card';
import '../../styles/jobs.css';
import '../../styles/exports.css';

function Sections({ period }: { period: PeriodDetail }) {
  const units = [...period.units].sort((a, b) => compareText(a.unitName, b.unitName));
  if (units.length === 0) {
    return (
      <section className="panel">
        <EmptyState
          icon="building"
          title="Belum ada unit dalam cakupan"
          action={
            <a className="btn btn--primary" href={href(`/tahun/${period.id}`)}>
              Atur cakupan {period.name}
            </a>
          }
        >
          Ekspor dan impor dibuat per unit. Masukkan unit ke dalam cakupan tahun penilaian lebih dulu.
        </EmptyState>
      </section>
    );
  }
  return (
    <>
      <div className="exp-section-head">
        <h2 className="exp-section-head__title">Ekspor</h2>
        <p className="exp-section-head__text">
          {isPreview()
            ? 'Hasil ekspor dapat diunduh setelah selesai dibuat.'
            : 'Patuh menanyakan tempat penyimpanan, lalu menampilkan lokasinya setelah selesai.'}{' '}
          {formatCount(units.length)} unit dalam cakupan tahun penilaian {period.year}.
        </p>
      </div>
      <div className="exp-grid">
        <PackageCard period={period} units={units} />
        <RecapCard period={period} />
        <GapsCard period={period} units={units} />
        <FormsCard period={period} units={units} />
        <LettersCard period={period} units={units} />
      </div>
      <div className="exp-section-head">
        <h2 className="exp-section-head__title">Impor</h2>
        <p className="exp-section-head__text">Formulir isian yang sudah diisi unit dimasukkan kembali ke daftar periksa unit tersebut.</p>
      </div>
      <ImportSection period={period} units={units} />
    </>
  );
}

export function ExportsPage() {
  const { activePeriod } = useAppData();
  const detail = useActivePeriodDetail('ekspor-periode');
  const period = detail.data && detail.data.id === activePeriod?.id ? detail.data : null;

  return (
    <div className="page exp-page">
      <PageHeader
        title="Ekspor & Impor"
        breadcrumb={[{ label: 'Beranda', path: '/' }, { label: 'Ekspor & Impor' }]}
        description="Berkas untuk pengajuan, pimpinan dan unit — dan formulir isian yang dikembalikan unit."
        meta={activePeriod ? <Badge tone="blue" icon="calendar">{`Tahun ${activePeriod.year}`}</Badge> : null}
      />
      {!activePeriod ? (
        <section className="panel">
          <EmptyState
            icon="calendar"
            title="Belum ada tahun penilaian aktif"
            action={
              <a className="btn btn--primary" href={href('/tahun')}>
                Buat tahun penilaian
              </a>
            }
          >
            Ekspor dan impor selalu untuk satu tahun penilaian.
          </EmptyState>
        </section>
      ) : detail.error && !period ? (
        <ErrorState error={detail.error} onRetry={detail.reload} />
      ) : !period ? (
        <Loading />
      ) : (
        <Sections key={period.id} period={period} />
      )}
    </div>
  );
}
