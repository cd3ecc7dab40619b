/** The local government's mean index per aspect: which aspect pulls the IPP down. */
import type { Dashboard } from '../../../shared/types';
import { formatScore, indexColor, shortAspectName } from '../assessment/score-format';
import { formatWeight } from '../../lib/format';

export function AspectMeans({ dashboard }: { dashboard: Dashboard }) {
  const aspects = dashboard.pekppp?.aspects.filter((aspect) => aspect.weight > 0) ?? [];
  const lowest = aspects.reduce<(typeof aspects)[number] | null>((low, aspect) => (aspect.mean !== null && (low === null || (low.mean ?? 0) > aspect.mean) ? aspect : low), null);
  return (
    <section className="panel panel--padded" aria-labelledby="aspect-means-title">
      <div className="panel__head">
        <div>
          <h2 className="panel__title" id="aspect-means-title">
            Rata-rata per aspek
          </h2>
          <p className="panel__subtitle">{lowest ? `Terendah: ${lowest.name}` : 'Menunggu penilaian mandiri unit'}</p>
        </div>
      </div>
      <ul className="mean-list">
        {aspects.map((aspect) => (
          <li key={aspect.code} className="mean-row">
            <span className="mean-row__name" title={`${aspect.name} (bobot ${formatWeight(aspect.weight)})`}>
              <span className="mean-row__label">{shortAspectName(aspect.name)}</span>
              <span className="mean-row__weight">{formatWeight(aspect.weight)}</span>
            </span>
            <span className="mean-row__bar" aria-hidden="true">
              {aspect.mean !== null ? <span style={{ width: `${(aspect.mean / 5) * 100}%`, background: indexColor(aspect.mean) }} /> : null}
            </span>
            <span className="mean-row__value">{formatScore(aspect.mean)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
