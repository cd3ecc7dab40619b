/** Beranda: where the active assessment year stands. */
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { api } from '../../lib/api';
import { useAppData } from '../../lib/app-data';
import { formatCount } from '../../lib/format';
import { href, navigate } from '../../lib/router';
import { useQuery } from '../../lib/use-query';
import { Onboarding } from './onboarding';
import { ScopeChart } from './scope-chart';
import { StatCards } from './stat-cards';

/** Room for the scores that come with self-assessment; no number is shown until one exists. */
function ScoresPlaceholder() {
  const slots = [
    { label: 'Indeks Pelayanan Publik (PEKPPP)', text: 'Indeks dan kategori (A–F) per unit' },
    { label: 'Estimasi opini Ombudsman', text: 'Nilai 0–100 dan zona per unit sampel' },
    { label: 'Bukti dukung terverifikasi', text: 'Persentase bukti yang sudah diperiksa' },
  ];
  return (
    <section className="panel panel--padded" aria-labelledby="scores-title">
      <div className="panel__head">
        <div>
          <h2 className="panel__title" id="scores-title">
            Nilai dan kesiapan
          </h2>
          <p className="panel__subtitle">Akan terisi setelah unit mengisi daftar periksa dan penilaian mandiri.</p>
        </div>
      </div>
      <div className="score-slots">
        {slots.map((slot) => (
          <div key={slot.label} className="score-slot">
            <div className="score-slot__label">{slot.label}</div>
            <div className="score-slot__value">Belum ada data</div>
            <div className="score-slot__text">{slot.text}</div>
          </div>
        ))}
      </div>
    </section>
  );
}

export function BerandaPage() {
  const { settings, periods, activePeriod } = useAppData();
  const units = useQuery('beranda-units', () => api['units:list']());
  const detail = useQuery(`beranda-period-${activePeriod?.id ?? 0}`, () => (activePeriod ? api['periods:get']({ id: activePeriod.id }) : Promise.resolve(null)));

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
            <Button variant="primary" icon="calendar" onClick={() => navigate(`/tahun/${activePeriod.id}`)}>
              Kelola {activePeriod.name}
            </Button>
          ) : null
        }
      />

      {units.error ? <ErrorState error={units.error} onRetry={units.reload} /> : null}
      {showOnboarding ? <Onboarding state={onboarding} /> : null}

      {activePeriod ? (
        detail.error ? (
          <ErrorState error={detail.error} onRetry={detail.reload} />
        ) : !detail.data || !units.data ? (
          <Loading />
        ) : (
          <>
            <StatCards period={detail.data} activeUnitCount={units.data.length} />
            <div className="dash-grid">
              <section className="panel panel--padded" aria-labelledby="chart-title">
                <div className="panel__head">
                  <div>
                    <h2 className="panel__title" id="chart-title">
                      Unit dalam cakupan per kelompok
                    </h2>
                    <p className="panel__subtitle">{detail.data.name}</p>
                  </div>
                  <a className="panel__link" href={href(`/tahun/${detail.data.id}`)}>
                    Atur cakupan <Icon name="chevron-right" size={15} />
                  </a>
                </div>
                {detail.data.units.length === 0 ? (
                  <EmptyState icon="chart" title="Belum ada unit dalam cakupan">
                    Masukkan unit ke {detail.data.name} agar grafik ini terisi.
                  </EmptyState>
                ) : (
                  <ScopeChart period={detail.data} />
                )}
              </section>
              <section className="panel panel--padded" aria-labelledby="sample-title">
                <div className="panel__head">
                  <div>
                    <h2 className="panel__title" id="sample-title">
                      Sampel Ombudsman
                    </h2>
                    <p className="panel__subtitle">{formatCount(detail.data.sampleCount)} unit dinilai langsung</p>
                  </div>
                </div>
                {detail.data.sampleCount === 0 ? (
                  <p className="text-subtle">Belum ada unit yang ditandai sebagai sampel.</p>
                ) : (
                  <ul className="sample-list">
                    {detail.data.units
                      .filter((unit) => unit.ombudsmanSample)
                      .map((unit) => (
                        <li key={unit.unitId}>
                          <span className="sample-list__name">{unit.unitName}</span>
                          <Badge tone="neutral">{unit.groupName}</Badge>
                        </li>
                      ))}
                  </ul>
                )}
              </section>
            </div>
            <ScoresPlaceholder />
          </>
        )
      ) : !showOnboarding && units.data ? (
        <EmptyState icon="calendar" title="Belum ada tahun penilaian aktif" />
      ) : null}
    </div>
  );
}
