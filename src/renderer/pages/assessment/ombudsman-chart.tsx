/** Ombudsman dimensions (and the trust survey) as horizontal bars on the 0–100 scale. */
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { OmbudsmanReport } from '../../../shared/types';
import { formatNumber, formatWeight } from '../../lib/format';

export const TONE_COLORS: Record<string, string> = { green: '#1f8a55', teal: '#0f766e', amber: '#c98a0b', red: '#d0352a' };

/** Colour of a 0–100 value by the instrument's own bands (data, not constants). */
export function bandColor(report: OmbudsmanReport, value: number | null): string {
  if (value === null) return '#c4ccd8';
  const band = report.scale.bands.find((entry) => value >= entry.min && value <= entry.max);
  return TONE_COLORS[band?.tone ?? ''] ?? '#2563d8';
}

interface Row {
  name: string;
  value: number;
  missing: boolean;
  color: string;
}

export function OmbudsmanChart({ report }: { report: OmbudsmanReport }) {
  const rows: Row[] = report.aspects.map((aspect) => ({
    name: `${aspect.name} (${formatWeight(aspect.weight)})`,
    value: aspect.score ?? 0,
    missing: aspect.score === null,
    color: bandColor(report, aspect.score),
  }));
  if (report.trust) {
    rows.push({
      name: `${report.trust.label} (${formatWeight(report.trust.share)})`,
      value: report.trust.value ?? 0,
      missing: report.trust.value === null,
      color: report.trust.value === null ? '#c4ccd8' : '#2563d8',
    });
  }
  const label = rows.map((row) => `${row.name} ${row.missing ? 'belum ada' : formatNumber(row.value, 2)}`).join(', ');
  return (
    <div className="chart" role="img" aria-label={`Grafik estimasi per dimensi: ${label}`}>
      <ResponsiveContainer width="100%" height={rows.length * 46 + 40}>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 56, bottom: 4, left: 8 }} barCategoryGap={12}>
          <CartesianGrid horizontal={false} stroke="#e4e8ee" />
          <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={{ fill: '#5b6778', fontSize: 12 }} axisLine={false} tickLine={false} />
          <YAxis type="category" dataKey="name" width={220} tick={{ fill: '#1b2533', fontSize: 13 }} axisLine={false} tickLine={false} />
          <Tooltip
            cursor={{ fill: 'rgba(37, 99, 216, 0.06)' }}
            formatter={(value, _name, item) => [(item.payload as Row).missing ? 'belum ada' : formatNumber(Number(value), 2), 'Nilai']}
          />
          <Bar dataKey="value" maxBarSize={24} radius={[0, 4, 4, 0]} isAnimationActive={false}>
            {rows.map((row) => (
              <Cell key={row.name} fill={row.color} />
            ))}
            <LabelList
              dataKey="value"
              position="right"
              formatter={(value: unknown) => formatNumber(Number(value), 2)}
              style={{ fill: '#1b2533', fontSize: 12, fontWeight: 600 }}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
