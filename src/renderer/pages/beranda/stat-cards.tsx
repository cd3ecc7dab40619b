/** The top row of Beranda: deadline, scope, Ombudsman sample and instruments of the year. */
import type { PeriodDetail } from '../../../shared/types';
import { EstimateTag, FamilyBadge } from '../../components/badge';
import { Icon, type IconName } from '../../components/icons';
import { daysUntil, formatCount, formatLongDate } from '../../lib/format';
import { href } from '../../lib/router';
import type { ReactNode } from 'react';

function StatCard({ icon, label, tone, children, foot }: { icon: IconName; label: string; tone?: 'danger'; children: ReactNode; foot?: ReactNode }) {
  return (
    <article className={`stat-card${tone === 'danger' ? ' stat-card--danger' : ''}`}>
      <div className="stat-card__head">
        <span className="stat-card__icon" aria-hidden="true">
          <Icon name={icon} size={18} />
        </span>
        <h2 className="stat-card__label">{label}</h2>
      </div>
      <div className="stat-card__body">{children}</div>
      {foot ? <div className="stat-card__foot">{foot}</div> : null}
    </article>
  );
}

function DeadlineCard({ period }: { period: PeriodDetail }) {
  if (!period.deadline) {
    return (
      <StatCard icon="clock" label="Tenggat" foot={<a href={href(`/tahun/${period.id}`)}>Atur tenggat</a>}>
        <div className="stat-card__text">Tenggat belum diatur</div>
      </StatCard>
    );
  }
  const days = daysUntil(period.deadline);
  const urgent = days < 14;
  const value = days > 0 ? formatCount(days) : days === 0 ? 'Hari ini' : `Lewat ${formatCount(-days)}`;
  return (
    <StatCard icon="clock" label="Tenggat" tone={urgent ? 'danger' : undefined} foot={formatLongDate(period.deadline)}>
      <div className="stat-card__value" data-testid="deadline-days">
        {value}
        {days !== 0 ? <span className="stat-card__unit">hari{days > 0 ? ' lagi' : ''}</span> : null}
      </div>
      {urgent && days >= 0 ? (
        <div className="stat-card__alert">
          <Icon name="alert" size={14} /> Kurang dari 2 minggu
        </div>
      ) : null}
    </StatCard>
  );
}

export function StatCards({ period, activeUnitCount }: { period: PeriodDetail; activeUnitCount: number }) {
  const groups = new Set(period.units.map((unit) => unit.groupName)).size;
  return (
    <div className="stat-grid">
      <DeadlineCard period={period} />
      <StatCard icon="building" label="Unit dalam cakupan" foot={`dari ${formatCount(activeUnitCount)} unit aktif · ${formatCount(groups)} kelompok`}>
        <div className="stat-card__value">
          {formatCount(period.unitCount)}
          <span className="stat-card__unit">unit</span>
        </div>
      </StatCard>
      <StatCard icon="target" label="Sampel Ombudsman" foot="dinilai langsung oleh Ombudsman RI">
        <div className="stat-card__value">
          {formatCount(period.sampleCount)}
          <span className="stat-card__unit">unit</span>
        </div>
      </StatCard>
      <StatCard icon="book" label="Instrumen tahun ini" foot={<a href={href('/instrumen')}>Lihat isi instrumen</a>}>
        {period.instruments.length === 0 ? (
          <div className="stat-card__text">Belum dipilih</div>
        ) : (
          <ul className="stat-card__list">
            {period.instruments.map((instrument) => (
              <li key={instrument.id}>
                <FamilyBadge family={instrument.family} />
                <a href={href(`/instrumen/${instrument.id}`)}>{instrument.shortName}</a>
                {instrument.hasEstimates ? <EstimateTag /> : null}
              </li>
            ))}
          </ul>
        )}
      </StatCard>
    </div>
  );
}
