/** Change of each unit's index against the previous year, as a diverging bar list. */
import type { Dashboard } from '../../../shared/types';
import { compareText, formatCount, formatNumber } from '../../lib/format';
import { href } from '../../lib/router';
import { currentIndexOf, formatDelta, previousIndexOf } from '../assessment/score-format';

export function yearChanges(dashboard: Dashboard) {
  return dashboard.units
    .map((unit) => {
      const now = currentIndexOf(unit);
      const before = previousIndexOf(unit);
      return now === null || before === null ? null : { unit, now, before, delta: Number((now - before).toFixed(2)) };
    })
    .filter((row): row is NonNullable<typeof row> => row !== null)
    .sort((a, b) => b.delta - a.delta || compareText(a.unit.unitName, b.unit.unitName));
}

export function YearChange({ dashboard }: { dashboard: Dashboard }) {
  const rows = yearChanges(dashboard);
  const up = rows.filter((row) => row.delta > 0).length;
  const down = rows.filter((row) => row.delta < 0).length;
  const max = Math.max(...rows.map((row) => Math.abs(row.delta)), 0.01);
  const mean = rows.length > 0 ? rows.reduce((sum, row) => sum + row.delta, 0) / rows.length : 0;
  return (
    <section className="panel panel--padded" aria-labelledby="change-title">
      <div className="panel__head">
        <div>
          <h2 className="panel__title" id="change-title">
            Perubahan dari {dashboard.previousYear}
          </h2>
          <p className="panel__subtitle">
            Nilai terkini kedua tahun ·{' '}
            {rows.length === 0
              ? `Belum ada unit yang dinilai pada kedua tahun.`
              : `${formatCount(up)} unit naik, ${formatCount(down)} turun · rata-rata ${formatDelta(Number(mean.toFixed(2)), 2)}`}
          </p>
        </div>
      </div>
      {rows.length > 0 ? (
        <ol className="change-list" aria-label={`Perubahan indeks dari ${dashboard.previousYear}`}>
          {rows.map((row) => (
            <li key={row.unit.unitId} className="change-row">
              <a className="change-row__name" href={href(`/unit/${row.unit.unitId}`)} title={`${row.unit.unitName}: ${formatNumber(row.before, 2)} → ${formatNumber(row.now, 2)}`}>
                <span className="change-row__unit">{row.unit.unitName}</span>
                <span className="change-row__values">
                  {formatNumber(row.before, 2)} → {formatNumber(row.now, 2)}
                </span>
              </a>
              <span className="change-row__bar" aria-hidden="true">
                <span className="change-row__axis" />
                <span
                  className={`change-row__fill${row.delta < 0 ? ' change-row__fill--down' : ''}`}
                  style={{ width: `${(Math.abs(row.delta) / max) * 50}%`, [row.delta < 0 ? 'right' : 'left']: '50%' }}
                />
              </span>
              <span className={`change-row__delta${row.delta < 0 ? ' change-row__delta--down' : row.delta > 0 ? ' change-row__delta--up' : ''}`}>{formatDelta(row.delta, 2)}</span>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
