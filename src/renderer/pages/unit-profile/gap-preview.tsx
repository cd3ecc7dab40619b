/** The first steps of the unit's gap list, ranked by how much each raises its score. */
import type { UnitProfile } from '../../../shared/types';
import { href } from '../../lib/router';
import { formatCount } from '../../lib/format';

export function GapPreview({ profile }: { profile: UnitProfile }) {
  const { topGaps } = profile;
  const rows = [
    ...topGaps.pekppp.map((action) => ({ key: `p-${action.indicatorCode}`, family: 'PEKPPP', title: action.title, detail: `Indikator ${action.indicatorNumber} · ${action.aspectName}`, gain: action.gainLabel })),
    ...topGaps.ombudsman.map((action) => ({ key: `o-${action.requirementCode}`, family: 'Ombudsman', title: action.title, detail: action.statusLabel, gain: action.gainLabel })),
  ];
  const total = topGaps.pekpppCount + topGaps.ombudsmanCount;
  return (
    <section className="panel panel--padded" aria-labelledby="gap-preview-title">
      <div className="panel__head">
        <div>
          <h2 className="panel__title" id="gap-preview-title">
            Langkah perbaikan teratas
          </h2>
          <p className="panel__subtitle">
            {total === 0 ? 'Tidak ada langkah tersisa.' : `${formatCount(total)} langkah, diurutkan menurut tambahan nilai (nilai terkini).`}
            {topGaps.toNextBand ? ` ${topGaps.toNextBand.sentence}.` : ''}
          </p>
        </div>
        <a className="btn btn--ghost btn--sm" href={href(`/kesenjangan/${profile.unit.id}`)}>
          Semua langkah
        </a>
      </div>
      {rows.length > 0 ? (
        <ol className="gap-preview" aria-label="Langkah perbaikan teratas">
          {rows.map((row) => (
            <li key={row.key} className="gap-preview__row">
              <span className="gap-preview__family">{row.family}</span>
              <span className="gap-preview__main">
                <span className="gap-preview__title">{row.title}</span>
                <span className="gap-preview__detail">{row.detail}</span>
              </span>
              <span className="gap-preview__gain">{row.gain}</span>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
