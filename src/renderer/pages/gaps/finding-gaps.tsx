/** Open Ombudsman findings in a unit's gap list: the steps still needed for "Tanpa Maladministrasi". */
import type { UnitFindings } from '../../../shared/channels/ombudsman';
import { Badge } from '../../components/badge';
import { api } from '../../lib/api';
import { formatCount, formatDate } from '../../lib/format';
import { href } from '../../lib/router';
import { useQuery } from '../../lib/use-query';

export function useFindings(periodId: number, unitId: number, enabled: boolean) {
  return useQuery(`gaps-findings-${periodId}-${unitId}-${enabled}`, () => (enabled ? api['ombudsman:findings']({ periodId, unitId }) : Promise.resolve(null)));
}

export function FindingGapsSection({ findings, unitId }: { findings: UnitFindings; unitId: number }) {
  if (findings.gaps.length === 0) return null;
  return (
    <section className="panel panel--padded gap-section" aria-label="Temuan Ombudsman terbuka">
      <div className="panel__head">
        <div>
          <h2 className="panel__title">Temuan Ombudsman terbuka ({formatCount(findings.gaps.length)})</h2>
          <p className="panel__subtitle">{findings.readiness?.message}</p>
        </div>
      </div>
      <ol className="finding-gaps">
        {findings.gaps.map((gap) => (
          <li key={gap.findingId}>
            <div>
              <strong>{gap.kindLabel}</strong> · penilaian {gap.sourceYear}
              {gap.deadline ? ` · tenggat ${formatDate(gap.deadline)}` : ''} {gap.overdue ? <Badge tone="red">lewat tenggat</Badge> : null}
            </div>
            <div>{gap.text}</div>
            <div className="text-subtle">{gap.action}</div>
          </li>
        ))}
      </ol>
      <a className="no-print" href={href(`/ombudsman/${unitId}`)}>
        Buka log tindak lanjut temuan
      </a>
    </section>
  );
}

/** Cross-unit: which units still have open Ombudsman findings (from the year's overview). */
export function OpenFindingsByUnit({ periodId }: { periodId: number }) {
  const overview = useQuery(`gaps-findings-overview-${periodId}`, () => api['ombudsman:overview']({ periodId }));
  const units = (overview.data?.units ?? []).filter((unit) => unit.openFindings > 0).sort((a, b) => b.openFindings - a.openFindings);
  if (!overview.data) return null;
  const total = units.reduce((sum, unit) => sum + unit.openFindings, 0);
  return (
    <section className="panel panel--padded gap-section" aria-label="Temuan Ombudsman terbuka per unit">
      <div className="panel__head">
        <div>
          <h2 className="panel__title">Temuan Ombudsman terbuka ({formatCount(total)})</h2>
          <p className="panel__subtitle">
            {units.length === 0 ? 'Tidak ada temuan terbuka yang dicatat.' : `${formatCount(units.length)} unit belum menyelesaikan tindak lanjut; "Tanpa Maladministrasi" memerlukan semuanya selesai.`}
          </p>
        </div>
      </div>
      {units.length > 0 ? (
        <ul className="finding-gaps">
          {units.map((unit) => (
            <li key={unit.unitId}>
              <a href={href(`/ombudsman/${unit.unitId}`)}>{unit.unitName}</a>
              <span className="text-subtle">
                {formatCount(unit.openFindings)} terbuka{unit.overdueFindings > 0 ? `, ${formatCount(unit.overdueFindings)} lewat tenggat` : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
