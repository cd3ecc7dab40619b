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
