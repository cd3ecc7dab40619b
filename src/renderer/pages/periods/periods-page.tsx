/** Tahun Penilaian: one card per assessment year. */
import { useState } from 'react';
import type { Period } from '../../../shared/types';
import { Badge, EstimateTag, FamilyBadge } from '../../components/badge';
import { Button } from '../../components/button';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { EmptyState } from '../../components/states';
import { useAppData } from '../../lib/app-data';
import { daysUntil, formatCount, formatDate } from '../../lib/format';
import { href, navigate } from '../../lib/router';
import { useToast } from '../../lib/toast';
import { CreatePeriodDialog } from './create-period-dialog';

export function DeadlineText({ deadline }: { deadline: string | null }) {
  if (!deadline) return <span className="text-subtle">Belum diatur</span>;
  const days = daysUntil(deadline);
  const note = days > 0 ? `${formatCount(days)} hari lagi` : days === 0 ? 'hari ini' : 'sudah lewat';
  return (
    <span>
      {formatDate(deadline)} <span className={days >= 0 && days < 14 ? 'text-danger' : 'text-subtle'}>· {note}</span>
    </span>
  );
}

function PeriodCard({ period, active, onActivate }: { period: Period; active: boolean; onActivate: () => void }) {
  return (
    <article className={`period-card${active ? ' period-card--active' : ''}`} aria-label={period.name}>
      <header className="period-card__head">
        <div>
          <div className="period-card__eyebrow">Tahun Penilaian</div>
          <h2 className="period-card__year">
            <a href={href(`/tahun/${period.id}`)}>{period.year}</a>
          </h2>
        </div>
        {active ? (
          <Badge tone="blue" icon="check">
            Tahun aktif
          </Badge>
        ) : null}
      </header>
      <ul className="period-card__instruments" aria-label="Instrumen">
        {period.instruments.map((instrument) => (
          <li key={instrument.id}>
            <FamilyBadge family={instrument.family} />
            <span>{instrument.shortName}</span>
            {instrument.hasEstimates ? <EstimateTag /> : null}
          </li>
        ))}
      </ul>
      <dl className="period-card__stats">
        <div>
          <dt>Unit dalam cakupan</dt>
          <dd>{formatCount(period.unitCount)}</dd>
        </div>
        <div>
          <dt>Sampel Ombudsman</dt>
          <dd>{formatCount(period.sampleCount)}</dd>
        </div>
        <div className="period-card__wide">
          <dt>Tenggat</dt>
          <dd>
            <DeadlineText deadline={period.deadline} />
          </dd>
        </div>
        <div className="period-card__wide">
          <dt>Rentang tanggal dokumen</dt>
          <dd>
            {formatDate(period.windowStart)} – {formatDate(period.windowEnd)}
          </dd>
        </div>
      </dl>
      <footer className="period-card__actions">
        {active ? null : (
          <Button size="sm" variant="ghost" onClick={onActivate}>
            Jadikan tahun aktif
          </Button>
        )}
        <a className="btn btn--secondary btn--sm" href={href(`/tahun/${period.id}`)}>
          <span>Buka</span>
          <Icon name="chevron-right" size={16} />
        </a>
      </footer>
    </article>
  );
}

export function PeriodsPage() {
  const { periods, activePeriod, setActiveYear, refreshPeriods } = useAppData();
  const toast = useToast();
  const [creating, setCreating] = useState(false);

  return (
    <div className="page">
      <PageHeader
        title="Tahun Penilaian"
        breadcrumb={[{ label: 'Beranda', path: '/' }, { label: 'Tahun Penilaian' }]}
        description="Setiap tahun penilaian menentukan instrumen, tenggat dan unit yang dinilai."
        actions={
          <Button variant="primary" icon="plus" onClick={() => setCreating(true)}>
            Buat tahun penilaian
          </Button>
        }
      />
      {periods.length === 0 ? (
        <section className="panel">
          <EmptyState
            icon="calendar"
            title="Belum ada tahun penilaian"
            action={
              <Button variant="primary" icon="plus" onClick={() => setCreating(true)}>
                Buat tahun penilaian
              </Button>
            }
          >
            Buat tahun penilaian untuk memilih instrumen (PEKPPP, Ombudsman), tenggat dan unit yang dinilai.
          </EmptyState>
        </section>
      ) : (
        <div className="period-grid">
          {periods.map((period) => (
            <PeriodCard
              key={period.id}
              period={period}
              active={activePeriod?.id === period.id}
              onActivate={() => {
                setActiveYear(period.year);
                toast.success(`${period.name} dijadikan tahun aktif`);
              }}
            />
          ))}
        </div>
      )}
      {creating ? (
        <CreatePeriodDialog
          periods={periods}
          onClose={() => setCreating(false)}
          onCreated={(period) => {
            setCreating(false);
            setActiveYear(period.year);
            void refreshPeriods();
            toast.success(`${period.name} dibuat`, `${formatCount(period.unitCount)} unit dalam cakupan, ${formatCount(period.sampleCount)} sampel Ombudsman.`);
            navigate(`/tahun/${period.id}`);
          }}
        />
      ) : null}
    </div>
  );
}
