/** Beranda: where the active assessment year stands — scores, readiness and what to look at. */
import type { Dashboard, PeriodDetail } from '../../../shared/types';
import { Badge, BandCode, ZoneBadge } from '../../components/badge';
import { Button } from '../../components/button';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { api } from '../../lib/api';
import { useActivePeriodDetail, useAppData } from '../../lib/app-data';
import { formatCount } from '../../lib/format';
import { href, navigate } from '../../lib/router';
import { useQuery } from '../../lib/use-query';
import { bandOf, formatScore } from '../assessment/score-format';
import { AspectMeans } from './aspect-means';
import { CategoryChart } from './category-chart';
import { Heatmap } from './heatmap';
import { Onboarding } from './onboarding';
import { ScopeChart } from './scope-chart';
import { StatCards } from './stat-cards';
import { UnitsTable } from './units-table';
import { YearChange } from './year-change';
import { IntakeNotice } from '../intake/intake-badge';
import '../../styles/dashboard.css';

function SampleList({ period, dashboard }: { period: PeriodDetail; dashboard: Dashboard | null }) {
  const byId = new Map(dashboard?.units.map((unit) => [unit.unitId, unit]) ?? []);
  return (
    <section className="panel panel--padded" aria-labelledby="sample-title">
      <div className="panel__head">
        <div>
          <h2 className="panel__title" id="sample-title">
            Sampel Ombudsman
          </h2>
          <p className="panel__subtitle">{formatCount(period.sampleCount)} unit dinilai langsung · estimasi kesiapan</p>
        </div>
      </div>
      {period.sampleCount === 0 ? (
        <p className="text-subtle">Belum ada unit yang ditandai sebagai sampel.</p>
      ) : (
        <ul className="sample-list">
          {period.units
            .filter((unit) => unit.ombudsmanSample)
            .map((unit) => {
              const om = byId.get(unit.unitId)?.ombudsman ?? null;
              const band = om?.grade ? bandOf({ code: om.grade, label: om.grade, tone: om.tone ?? 'neutral' }) : null;
              return (
                <li key={unit.unitId}>
                  <a className="sample-list__name" href={href(`/unit/${unit.unitId}`)}>
                    {unit.unitName}
                    <span className="sample-list__group">{unit.groupName}</span>
                  </a>
                  <span className="sample-list__score">
                    {om && om.total !== null ? (
                      <>
                        {formatScore(om.total)}
                        {band ? <BandCode band={band} /> : null}
                        {om.zone === 'hijau' || om.zone === 'kuning' || om.zone === 'merah' ? <ZoneBadge zone={om.zone} /> : null}
                      </>
                    ) : (
                      <Badge tone="neutral">menunggu survei</Badge>
                    )}
                  </span>
                </li>
              );
            })}
        </ul>
      )}
    </section>
  );
}

function YearDashboard({ period, activeUnitCount }: { period: PeriodDetail; activeUnitCount: number }) {
  const dashboard = useQuery(`beranda-dashboard-${period.id}-${period.unitCount}`, () => api['scores:dashboard']({ periodId: period.id }));
  const data = dashboard.data ?? null;
  return (
    <>
      <StatCards period={period} activeUnitCount={activeUnitCount} dashboard={data} />
      {dashboard.error && !data ? <ErrorState error={dashboard.error} onRetry={dashboard.reload} /> : null}
      {!data && !dashboard.error ? <Loading label="Menghitung nilai…" /> : null}
      {data && data.units.length > 0 && !data.units.some((unit) => unit.current !== null) ? (
        <section className="panel" aria-labelledby="no-scores-title">
          <EmptyState
            icon="chart"
            title="Belum ada nilai untuk tahun ini"
            action={
              <a className="btn btn--primary" href={href('/penilaian')}>
                <Icon name="target" /> Mulai penilaian mandiri
              </a>
            }
          >
            <span id="no-scores-title">Peta nilai, sebaran kategori dan perubahan dari tahun lalu muncul setelah unit mengisi penilaian mandiri.</span>
          </EmptyState>
        </section>
      ) : null}
      {data && data.units.some((unit) => unit.current !== null) ? (
        <>
          <div className="dash-row">
            {data.pekppp ? (
              <section className="panel panel--padded" aria-labelledby="category-title">
                <div className="panel__head">
                  <div>
                    <h2 className="panel__title" id="category-title">
                      Sebaran kategori unit
                    </h2>
                    <p className="panel__subtitle">PEKPPP · nilai terkini (verifikasi bila sudah ada, selain itu mandiri)</p>
                  </div>
                </div>
                <CategoryChart dashboard={data} />
              </section>
            ) : null}
            {data.pekppp ? <AspectMeans dashboard={data} /> : null}
            {data.previousYear !== null ? <YearChange dashboard={data} /> : null}
          </div>
          {data.aspects.length > 0 ? <Heatmap dashboard={data} /> : null}
        </>
      ) : null}
      {data && data.units.length > 0 ? <UnitsTable dashboard={data} /> : null}
      <div className="dash-grid">
        <section className="panel panel--padded" aria-labelledby="chart-title">
          <div className="panel__head">
            <div>
              <h2 className="panel__title" id="chart-title">
                Unit dalam cakupan per kelompok
              </h2>
              <p className="panel__subtitle">{period.name}</p>
            </div>
            <a className="panel__link" href={href(`/tahun/${period.id}`)}>
              Atur cakupan <Icon name="chevron-right" size={15} />
            </a>
          </div>
          {period.units.length === 0 ? (
            <EmptyState icon="chart" title="Belum ada unit dalam cakupan">
              Masukkan unit ke {period.name} agar grafik ini terisi.
            </EmptyState>
          ) : (
            <ScopeChart period={period} />
          )}
        </section>
        <SampleList period={period} dashboard={data} />
      </div>
    </>
  );
}

export function BerandaPage() {
  const { settings, periods, activePeriod } = useAppData();
  const units = useQuery('beranda-units', () => api['units:list']());
  const detail = useActivePeriodDetail('beranda-period');

  const government = settings?.localGovernmentName.trim() ?? '';
  const onboarding = {
    settingsDone: government !== '',
    unitsDone: (units.data?.length ?? 0) > 0,
    periodDone: periods.length > 0,
  };
  const showOnboarding = units.data !== undefined && !(onboarding.settingsDone && onboarding.unitsDone && onboarding.periodDone);
  const subtitle = [activePeriod?.name, government || null].filter(Boolean).join(' · ');

  return (
    <div className="page">
      <PageHeader
        title="Beranda"
        breadcrumb={[{ label: 'Beranda' }]}
        description={subtitle || 'Persiapan penilaian pelayanan publik Ombudsman RI dan PEKPPP KemenPANRB.'}
        actions={
          activePeriod ? (
            <>
              <Button icon="target" onClick={() => navigate('/kesenjangan/semua')}>
                Kesenjangan
              </Button>
              <Button variant="primary" icon="calendar" onClick={() => navigate(`/tahun/${activePeriod.id}`)}>
                Kelola {activePeriod.name}
              </Button>
            </>
          ) : null
        }
      />

      {units.error ? <ErrorState error={units.error} onRetry={units.reload} /> : null}
      {showOnboarding ? <Onboarding state={onboarding} /> : null}
      <IntakeNotice />

      {activePeriod ? (
        detail.error ? (
          <ErrorState error={detail.error} onRetry={detail.reload} />
        ) : !detail.data || !units.data ? (
          <Loading />
        ) : (
          <YearDashboard key={detail.data.id} period={detail.data} activeUnitCount={units.data.length} />
        )
      ) : !showOnboarding && units.data ? (
        <EmptyState icon="calendar" title="Belum ada tahun penilaian aktif" />
      ) : null}
    </div>
  );
}
