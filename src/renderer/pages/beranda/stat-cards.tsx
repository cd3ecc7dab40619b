/** The top row of Beranda: deadline, scope, verified evidence, the local-government IPP and the Ombudsman estimate. */
import type { ReactNode } from 'react';
import type { Dashboard, PeriodDetail } from '../../../shared/types';
import { BandCode, EstimateTag, ProvisionalTag, ZoneBadge } from '../../components/badge';
import { Term } from '../../components/term';
import { Icon, type IconName } from '../../components/icons';
import { daysUntil, formatCount, formatLongDate, formatNumber, formatPercent } from '../../lib/format';
import { href } from '../../lib/router';

function StatCard({ icon, label, tone, children, foot, extra }: { icon: IconName; label: string; tone?: 'danger'; children: ReactNode; foot?: ReactNode; extra?: ReactNode }) {
  return (
    <article className={`stat-card${tone === 'danger' ? ' stat-card--danger' : ''}`} aria-label={label}>
      <div className="stat-card__head">
        <span className="stat-card__icon" aria-hidden="true">
          <Icon name={icon} size={18} />
        </span>
        <h2 className="stat-card__label">{label}</h2>
        {extra}
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

export function StatCards({ period, activeUnitCount, dashboard }: { period: PeriodDetail; activeUnitCount: number; dashboard: Dashboard | null }) {
  const groups = new Set(period.units.map((unit) => unit.groupName)).size;
  const progress = dashboard?.progress ?? null;
  const pekppp = dashboard?.pekppp ?? null;
  const ombudsman = dashboard?.ombudsman ?? null;
  return (
    <div className="stat-grid stat-grid--5">
      <DeadlineCard period={period} />
      <StatCard icon="building" label="Unit dalam cakupan" foot={`dari ${formatCount(activeUnitCount)} unit aktif · ${formatCount(groups)} kelompok`}>
        <div className="stat-card__value">
          {formatCount(period.unitCount)}
          <span className="stat-card__unit">unit</span>
        </div>
        <div className="stat-card__sub">{formatCount(period.sampleCount)} sampel Ombudsman</div>
      </StatCard>
      <StatCard
        icon="check-circle"
        label="Bukti terverifikasi"
        foot={progress ? `${formatCount(progress.verified)} dari ${formatCount(progress.applicable)} bukti dukung` : 'Belum ada bukti dukung'}
      >
        <div className="stat-card__value" data-testid="bukti-terverifikasi">
          {progress ? formatPercent(progress.percentVerified) : '–'}
        </div>
        {progress ? (
          <span className="progress stat-card__progress" aria-hidden="true">
            <span className="progress__bar" style={{ width: `${progress.percentVerified}%` }} />
          </span>
        ) : null}
      </StatCard>
      <StatCard
        icon="chart"
        label="IPP pemda"
        extra={pekppp?.band?.provisional ? <ProvisionalTag title="Masih ada unit yang belum selesai dinilai atau diverifikasi." /> : undefined}
        foot={
          pekppp && pekppp.index !== null
            ? `rata-rata ${formatCount(pekppp.unitCount)} unit yang sudah dinilai${pekppp.unassessedUnits.length > 0 ? ` · ${formatCount(pekppp.unassessedUnits.length)} belum dinilai, tidak dihitung` : ''}`
            : 'Menunggu penilaian mandiri unit'
        }
      >
        {pekppp && pekppp.index !== null ? (
          <div className="stat-card__value stat-card__value--band" data-testid="ipp-pemda">
            {formatNumber(pekppp.index, 2)}
            {pekppp.band ? <BandCode band={pekppp.band} /> : null}
          </div>
        ) : (
          <div className="stat-card__text">Belum ada nilai</div>
        )}
        {pekppp?.band ? (
          <div className="stat-card__sub">
            {pekppp.band.label} · <Term id="nilai-terkini">nilai terkini</Term>
          </div>
        ) : null}
      </StatCard>
      <StatCard
        icon="shield"
        label="Ombudsman"
        extra={<EstimateTag title="Estimasi kesiapan dari bukti yang terverifikasi; bukan nilai resmi Ombudsman RI." />}
        foot={ombudsman ? `estimasi kesiapan · ${formatCount(ombudsman.unitsWithTotal)} dari ${formatCount(ombudsman.unitCount)} unit sampel` : 'Instrumen Ombudsman tidak dipakai'}
      >
        {ombudsman && ombudsman.total !== null ? (
          <div className="stat-card__value stat-card__value--band" data-testid="ombudsman-pemda">
            {formatNumber(ombudsman.total, 2)}
            {ombudsman.band ? <BandCode band={ombudsman.band} /> : null}
          </div>
        ) : (
          <div className="stat-card__text">{ombudsman ? 'Menunggu survei' : '–'}</div>
        )}
        {ombudsman?.zone ? (
          <div className="stat-card__sub">
            <ZoneBadge zone={ombudsman.zone} />
          </div>
        ) : null}
      </StatCard>
    </div>
  );
}
