/** The unit's three PEKPPP views and its Ombudsman estimate, as cards. */
import { basisText } from '../../../core/scoring/view-text';
import type { PekpppReport, UnitProfile } from '../../../shared/types';
import { BandCode, EstimateTag, ProvisionalTag, ZoneBadge } from '../../components/badge';
import { formatNumber } from '../../lib/format';

const VIEWS: Array<{ key: 'current' | 'self' | 'verified'; label: string; hint: string }> = [
  { key: 'current', label: 'Nilai terkini', hint: 'verifikasi bila sudah diverifikasi, selain itu mandiri' },
  { key: 'self', label: 'Nilai mandiri', hint: 'tingkat yang diisi unit' },
  { key: 'verified', label: 'Nilai verifikasi', hint: 'tingkat dari verifikator' },
];

function ViewCard({ label, hint, report, primary }: { label: string; hint: string; report: PekpppReport | null; primary: boolean }) {
  const assessed = report !== null && report.index !== null;
  return (
    <div className={`view-card${primary ? ' view-card--primary' : ''}`} data-testid={`profil-${label.toLowerCase().replace(' ', '-')}`}>
      <div className="view-card__label">{label}</div>
      <div className="view-card__value">
        {assessed ? formatNumber(report.index!, 2) : <span className="view-card__none">belum dinilai</span>}
        {assessed && report.band ? <BandCode band={report.band} /> : null}
      </div>
      <div className="view-card__band">
        {assessed && report.band ? report.band.label : hint}
        {report?.band?.provisional ? <ProvisionalTag /> : null}
      </div>
      {assessed ? <div className="view-card__basis">{basisText(report)}</div> : null}
    </div>
  );
}

export function ViewCards({ profile }: { profile: UnitProfile }) {
  const pekppp = profile.scores.pekppp;
  const ombudsman = profile.scores.ombudsman;
  return (
    <section className="view-cards" aria-label="Nilai unit">
      {pekppp
        ? VIEWS.map((view) => <ViewCard key={view.key} label={view.label} hint={view.hint} report={pekppp[view.key]} primary={view.key === 'current'} />)
        : null}
      {ombudsman ? (
        <div className="view-card">
          <div className="view-card__label">
            Ombudsman <EstimateTag />
          </div>
          <div className="view-card__value">
            {ombudsman.report.total === null ? <span className="view-card__none">menunggu survei</span> : formatNumber(ombudsman.report.total, 2)}
            {ombudsman.report.band ? <BandCode band={ombudsman.report.band} /> : null}
          </div>
          <div className="view-card__band">{ombudsman.report.opinion ?? 'estimasi kesiapan'}</div>
          {ombudsman.report.zone ? <ZoneBadge zone={ombudsman.report.zone} /> : null}
        </div>
      ) : null}
    </section>
  );
}
