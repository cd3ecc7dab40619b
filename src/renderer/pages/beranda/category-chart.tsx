/** How many units sit in each PEKPPP category (and how many are not assessed yet). */
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '../../../shared/types';
import { formatCount } from '../../lib/format';
import { TONE_COLORS } from '../assessment/ombudsman-chart';

interface Row {
  code: string;
  label: string;
  count: number;
  color: string;
  names: string[];
  /** Units in this category whose view is still incomplete. */
  provisional: number;
}

export function categoryRows(dashboard: Dashboard): Row[] {
  const distribution = dashboard.pekppp?.distribution ?? [];
  const provisional = new Set(dashboard.units.filter((unit) => unit.category?.provisional).map((unit) => unit.unitName));
  const rows: Row[] = distribution.map((band) => ({
    code: band.code,
    label: band.label,
    count: band.count,
    color: TONE_COLORS[band.tone] ?? '#2563d8',
    names: band.unitNames,
    provisional: band.unitNames.filter((name) => provisional.has(name)).length,
  }));
  const assessed = new Set(distribution.flatMap((band) => band.unitNames));
  const missing = dashboard.units.filter((unit) => !assessed.has(unit.unitName) && unit.category === null).map((unit) => unit.unitName);
  if (missing.length > 0) rows.push({ code: '–', label: 'Belum dinilai', count: missing.length, color: '#c4ccd8', names: missing, provisional: 0 });
  return rows;
}

function TooltipBody({ active, payload }: { active?: boolean; payload?: Array<{ payload: Row }> }) {
  const row = active ? payload?.[0]?.payload : undefined;
  if (!row) return null;
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip__title">
        {row.code === '–' ? row.label : `${row.code} — ${row.label}`}: {formatCount(row.count)} unit
      </div>
      {row.provisional > 0 ? <div className="chart-tooltip__text">{formatCount(row.provisional)} di antaranya kategori sementara</div> : null}
      {row.names.length > 0 ? (
        <div className="chart-tooltip__text">
          {row.names.slice(0, 6).join(', ')}
          {row.names.length > 6 ? ` dan ${row.names.length - 6} lainnya` : ''}
        </div>
      ) : null}
    </div>
  );
}

export function CategoryChart({ dashboard }: { dashboard: Dashboard }) {
  const rows = categoryRows(dashboard);
  const summary = rows.filter((row) => row.count > 0).map((row) => `${row.code === '–' ? row.label : row.code} ${row.count}`).join(', ');
  return (
    <div className="chart" role="img" aria-label={`Sebaran kategori unit: ${summary || 'belum ada'}`}>
      <ResponsiveContainer width="100%" height={250}>
        <BarChart data={rows} margin={{ top: 22, right: 8, bottom: 4, left: -18 }} barCategoryGap="22%">
          <CartesianGrid vertical={false} stroke="#e4e8ee" />
          <XAxis dataKey="code" tick={{ fill: '#1b2533', fontSize: 13, fontWeight: 600 }} axisLine={{ stroke: '#cdd4de' }} tickLine={false} interval={0} />
          <YAxis allowDecimals={false} tick={{ fill: '#5b6778', fontSize: 12 }} axisLine={false} tickLine={false} />
          <Tooltip cursor={{ fill: 'rgba(37, 99, 216, 0.06)' }} content={<TooltipBody />} />
          <Bar dataKey="count" radius={[4, 4, 0, 0]} maxBarSize={44} isAnimationActive={false}>
            {rows.map((row) => (
              <Cell key={row.code} fill={row.color} />
            ))}
            <LabelList dataKey="count" position="top" formatter={(value: unknown) => (Number(value) > 0 ? formatCount(Number(value)) : '')} style={{ fill: '#1b2533', fontSize: 12, fontWeight: 700 }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      {rows.some((row) => row.code === '–') ? <p className="chart__note">– = belum dinilai</p> : null}
    </div>
  );
}
