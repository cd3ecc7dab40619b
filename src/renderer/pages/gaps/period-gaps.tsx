/**
 * Kesenjangan across units: who is furthest from the target category and which
 * requirements are missing most often — where the Bagian Organisasi should help first.
 */
import { useId, useMemo, useState } from 'react';
import type { CrossUnitGaps, Instrument, PeriodDetail } from '../../../shared/types';
import { BandCode, EstimateTag, ProvisionalTag } from '../../components/badge';
import { Button } from '../../components/button';
import { Icon } from '../../components/icons';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { api } from '../../lib/api';
import { formatCount, formatNumber } from '../../lib/format';
import { href } from '../../lib/router';
import { useQuery } from '../../lib/use-query';
import { formatScore } from '../assessment/score-format';
import { OpenFindingsByUnit } from './finding-gaps';

type Family = 'pekppp' | 'ombudsman';
const LIMIT = 12;

function indicatorLabels(instrument: Instrument | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const aspect of instrument?.definition.aspects ?? []) {
    for (const indicator of aspect.indicators) map.set(indicator.code, `Indikator ${indicator.number} · ${indicator.name}`);
  }
  return map;
}

function FurthestUnits({ data, family }: { data: CrossUnitGaps; family: Family }) {
  const [all, setAll] = useState(false);
  const max = Math.max(...data.units.map((unit) => unit.distance ?? 0), 0.01);
  const open = data.units.filter((unit) => !unit.reached).length;
  const shown = all ? data.units : data.units.slice(0, LIMIT);
  const decimals = 2;
  return (
    <section className="panel panel--padded" aria-labelledby="furthest-title">
      <div className="panel__head">
        <div>
          <h2 className="panel__title" id="furthest-title">
            Unit terjauh dari target {data.target ? <BandCode band={data.target} /> : null}
          </h2>
          <p className="panel__subtitle">
            {family === 'pekppp' ? 'Nilai terkini · ' : ''}
            {formatCount(open)} dari {formatCount(data.units.length)} unit yang sudah dinilai belum mencapai {data.target?.code ?? 'target'}
            {data.target ? ` (minimal ${formatNumber(data.target.min, decimals)})` : ''}
          </p>
        </div>
      </div>
      <ol className="distance-list" aria-label="Unit terjauh dari target">
        {shown.map((unit) => (
          <li key={unit.unitId} className="distance-row">
            <a className="distance-row__name" href={href(`/kesenjangan/${unit.unitId}`)} title={unit.unitName}>
              {unit.unitName}
            </a>
            <span className="distance-row__now">
              {unit.band ? <BandCode band={unit.band} /> : null}
              <span>{formatScore(unit.value, decimals)}</span>
              {unit.state === 'sementara' ? <ProvisionalTag /> : null}
            </span>
            <span className="distance-row__bar" aria-hidden="true">
              {unit.distance !== null && !unit.reached ? <span style={{ width: `${Math.max(3, (unit.distance / max) * 100)}%` }} /> : null}
            </span>
            <span className="distance-row__gap">
              {unit.reached ? (
                <span className="text-success">
                  <Icon name="check" size={14} /> tercapai
                </span>
              ) : unit.distance === null ? (
                <span className="text-subtle">{family === 'ombudsman' ? 'menunggu survei' : 'belum dinilai'}</span>
              ) : (
                `kurang ${formatNumber(unit.distance, decimals)}`
              )}
            </span>
          </li>
        ))}
      </ol>
      {data.units.length > LIMIT ? (
        <Button size="sm" variant="ghost" icon={all ? 'arrow-up' : 'chevron-down'} onClick={() => setAll((value) => !value)}>
          {all ? 'Tampilkan lebih sedikit' : `Tampilkan semua (${data.units.length} unit)`}
        </Button>
      ) : null}
      {data.notStarted.length > 0 ? (
        <div className="not-started" data-testid="belum-mulai">
          <h3 className="not-started__title">
            Belum mulai <span className="text-subtle">· {formatCount(data.notStarted.length)} unit belum memberi satu tingkat pun</span>
          </h3>
          <ul className="not-started__list">
            {data.notStarted.map((unit) => (
              <li key={unit.unitId}>
                <a href={href(`/penilaian/${unit.unitId}`)}>{unit.unitName}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function MissingRequirements({ data, labels, unitCount }: { data: CrossUnitGaps; labels: Map<string, string>; unitCount: number }) {
  const [all, setAll] = useState(false);
  const rows = data.missingRequirements.filter((row) => row.count > 0);
  const shown = all ? rows : rows.slice(0, LIMIT);
  return (
    <section className="panel panel--padded" aria-labelledby="missing-title">
      <div className="panel__head">
        <div>
          <h2 className="panel__title" id="missing-title">
            Bukti dukung yang paling sering belum ada
          </h2>
          <p className="panel__subtitle">Belum terverifikasi di banyak unit — cocok untuk bimbingan teknis bersama.</p>
        </div>
      </div>
      {rows.length === 0 ? (
        <EmptyState icon="check-circle" title="Semua bukti dukung sudah terverifikasi" />
      ) : (
        <ol className="missing-list" aria-label="Bukti dukung yang paling sering belum ada">
          {shown.map((row) => (
            <li key={row.code} className="missing-row">
              <div className="missing-row__main">
                <div className="missing-row__text">{row.text}</div>
                <div className="missing-row__sub">{labels.get(row.indicatorCode) ?? row.indicatorCode}</div>
                <details className="missing-row__units">
                  <summary>
                    {row.unitNames.slice(0, 3).join(', ')}
                    {row.unitNames.length > 3 ? ` dan ${row.unitNames.length - 3} unit lain` : ''}
                  </summary>
                  <p>{row.unitNames.join(', ')}</p>
                </details>
              </div>
              <div className="missing-row__count">
                <strong>{formatCount(row.count)}</strong> unit
                <span className="gain-bar gain-bar--red" aria-hidden="true">
                  <span style={{ width: `${(row.count / Math.max(unitCount, 1)) * 100}%` }} />
                </span>
              </div>
            </li>
          ))}
        </ol>
      )}
      {rows.length > LIMIT ? (
        <Button size="sm" variant="ghost" icon={all ? 'arrow-up' : 'chevron-down'} onClick={() => setAll((value) => !value)}>
          {all ? 'Tampilkan lebih sedikit' : `Tampilkan semua (${rows.length} bukti dukung)`}
        </Button>
      ) : null}
    </section>
  );
}

export function PeriodGapsView({ period }: { period: PeriodDetail }) {
  const targetId = useId();
  const families = period.instruments.map((item) => item.family);
  const [family, setFamily] = useState<Family>(families.includes('pekppp') ? 'pekppp' : 'ombudsman');
  const [target, setTarget] = useState('A-');
  const gaps = useQuery(`period-gaps-${period.id}-${target}`, () => api['gaps:period']({ periodId: period.id, target }));
  const instruments = useQuery(`gaps-instruments-${period.instruments.map((item) => item.id).join('-')}`, () =>
    Promise.all(period.instruments.map((item) => api['instruments:get']({ id: item.id }))),
  );
  const instrument = instruments.data?.find((item) => item.family === family);
  const labels = useMemo(() => indicatorLabels(instrument), [instrument]);
  const pekpppBands = [...(instruments.data?.find((item) => item.family === 'pekppp')?.definition.scoring.bands ?? [])].sort((a, b) => b.min - a.min);

  if (gaps.error && !gaps.data) return <ErrorState error={gaps.error} onRetry={gaps.reload} />;
  if (!gaps.data) return <Loading />;
  const data = family === 'pekppp' ? gaps.data.pekppp : gaps.data.ombudsman;

  return (
    <div className="stack">
      <div className="assess-toolbar">
        <div className="assess-toolbar__group">
          <span className="toolbar__label">Instrumen</span>
          <div className="segmented" role="group" aria-label="Instrumen">
            {(['pekppp', 'ombudsman'] as const)
              .filter((item) => families.includes(item))
              .map((item) => (
                <button key={item} type="button" className={`segmented__item${family === item ? ' segmented__item--on' : ''}`} aria-pressed={family === item} onClick={() => setFamily(item)}>
                  {item === 'pekppp' ? 'PEKPPP' : 'Ombudsman'}
                </button>
              ))}
          </div>
          {family === 'ombudsman' ? <EstimateTag /> : null}
        </div>
        {family === 'pekppp' ? (
          <div className="assess-toolbar__group">
            <label className="toolbar__label" htmlFor={targetId}>
              Target kategori
            </label>
            <select id={targetId} className="input select target-select" value={target} onChange={(event) => setTarget(event.target.value)}>
              {(pekpppBands.length > 0 ? pekpppBands : [{ code: target, label: '' }]).map((band) => (
                <option key={band.code} value={band.code}>
                  {band.code}
                  {band.label ? ` — ${band.label}` : ''}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <span className="text-subtle">Target: kategori Ombudsman tertinggi</span>
        )}
      </div>
      {!data ? (
        <EmptyState icon="info" title="Instrumen ini tidak dipakai tahun ini" />
      ) : (
        <div className="gaps-cross">
          <FurthestUnits data={data} family={family} />
          <MissingRequirements data={data} labels={labels} unitCount={data.units.length} />
        </div>
      )}
      {family === 'ombudsman' && data ? <OpenFindingsByUnit periodId={period.id} /> : null}
    </div>
  );
}
