/** One assessment year: its instruments and schedule, and the units in scope. */
import { Badge, EstimateTag, FamilyBadge } from '../../components/badge';
import { Button } from '../../components/button';
import { PageHeader } from '../../components/page-header';
import { ErrorState, Loading } from '../../components/states';
import { api } from '../../lib/api';
import { useAppData } from '../../lib/app-data';
import { formatCount, formatDate } from '../../lib/format';
import { useToast } from '../../lib/toast';
import { useQuery } from '../../lib/use-query';
import { PeriodScope } from './period-scope';
import { PeriodSettingsForm } from './period-settings-form';
import { SharedFilesSection } from './shared-files-section';
import { DeadlineText } from './periods-page';
import { YearTools } from './year-tools';

export function PeriodDetailPage({ id }: { id: number }) {
  const { activePeriod, setActiveYear, refreshPeriods } = useAppData();
  const toast = useToast();
  const period = useQuery(`period-${id}`, () => api['periods:get']({ id }));
  const lookups = useQuery('period-lookups', async () => {
    const [instruments, units] = await Promise.all([api['instruments:list'](), api['units:list']()]);
    return { instruments, units };
  });

  const breadcrumb = [
    { label: 'Beranda', path: '/' },
    { label: 'Tahun Penilaian', path: '/tahun' },
    { label: period.data ? String(period.data.year) : '…' },
  ];

  if (period.error || lookups.error) {
    return (
      <div className="page">
        <PageHeader title="Tahun Penilaian" breadcrumb={breadcrumb} />
        <ErrorState error={period.error ?? lookups.error} onRetry={() => {
            period.reload();
            lookups.reload();
          }} />
      </div>
    );
  }
  if (!period.data || !lookups.data) {
    return (
      <div className="page">
        <PageHeader title="Tahun Penilaian" breadcrumb={breadcrumb} />
        <Loading />
      </div>
    );
  }

  const detail = period.data;
  const active = activePeriod?.id === detail.id;
  const changed = (next: typeof detail) => {
    period.setData(next);
    void refreshPeriods();
  };

  return (
    <div className="page">
      <PageHeader
        title={detail.name}
        breadcrumb={breadcrumb}
        meta={
          active ? (
            <Badge tone="blue" icon="check">
              Tahun aktif
            </Badge>
          ) : null
        }
        actions={
          active ? null : (
            <Button
              icon="check"
              onClick={() => {
                setActiveYear(detail.year);
                toast.success(`${detail.name} dijadikan tahun aktif`);
              }}
            >
              Jadikan tahun aktif
            </Button>
          )
        }
      />

      <section className="summary-strip" aria-label="Ringkasan tahun">
        <div className="summary-strip__item">
          <span className="summary-strip__label">Instrumen</span>
          <span className="summary-strip__value summary-strip__value--list">
            {detail.instruments.map((item) => (
              <span key={item.id} className="inline-instrument">
                <FamilyBadge family={item.family} /> {item.shortName}
                {item.hasEstimates ? <EstimateTag /> : null}
              </span>
            ))}
          </span>
        </div>
        <div className="summary-strip__item">
          <span className="summary-strip__label">Unit dinilai</span>
          <span className="summary-strip__value" data-testid="period-unit-count">
            {formatCount(detail.unitCount)}
          </span>
        </div>
        <div className="summary-strip__item">
          <span className="summary-strip__label">Sampel Ombudsman</span>
          <span className="summary-strip__value" data-testid="period-sample-count">
            {formatCount(detail.sampleCount)}
          </span>
        </div>
        <div className="summary-strip__item">
          <span className="summary-strip__label">Tenggat</span>
          <span className="summary-strip__value summary-strip__value--text">
            <DeadlineText deadline={detail.deadline} />
          </span>
        </div>
        <div className="summary-strip__item">
          <span className="summary-strip__label">Dokumen bertanggal</span>
          <span className="summary-strip__value summary-strip__value--text">
            {formatDate(detail.windowStart)} – {formatDate(detail.windowEnd)}
          </span>
        </div>
      </section>

      <div className="detail-layout">
        <PeriodScope period={detail} units={lookups.data.units} onChanged={changed} />
        <PeriodSettingsForm key={`${detail.id}-${detail.deadline}-${detail.windowStart}-${detail.windowEnd}-${detail.instruments.map((item) => item.id).join(',')}`} period={detail} instruments={lookups.data.instruments} onSaved={changed} />
      </div>
      <SharedFilesSection periodId={detail.id} active={active} />
      <YearTools period={detail} instruments={lookups.data.instruments} onChanged={changed} onReload={() => { period.reload(); lookups.reload(); void refreshPeriods(); }} />
    </div>
  );
}
