/** Units in scope per unit group, split into Ombudsman sample and the rest. */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PeriodDetail } from '../../../shared/types';
import { formatCount } from '../../lib/format';

interface GroupCount {
  group: string;
  sampel: number;
  lainnya: number;
}

export function groupCounts(period: PeriodDetail): GroupCount[] {
  const counts = new Map<string, GroupCount>();
  for (const unit of period.units) {
    const entry = counts.get(unit.groupName) ?? { group: unit.groupName, sampel: 0, lainnya: 0 };
    if (unit.ombudsmanSample) entry.sampel += 1;
    else entry.lainnya += 1;
    counts.set(unit.groupName, entry);
  }
  return [...counts.values()];
}

const LABELS: Record<string, string> = { sampel: 'Sampel Ombudsman', lainnya: 'Unit lainnya' };

export function ScopeChart({ period }: { period: PeriodDetail }) {
  const data = groupCounts(period);
  const height = Math.max(180, data.length * 52 + 70);
  return (
    <div className="chart" role="img" aria-label={`Grafik unit dalam cakupan per kelompok: ${data.map((item) => `${item.group} ${item.sampel + item.lainnya}`).join(', ')}`}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }} barCategoryGap={14}>
          <CartesianGrid horizontal={false} stroke="#e4e8ee" />
          <XAxis type="number" allowDecimals={false} tickFormatter={(value: number) => formatCount(value)} tick={{ fill: '#5b6778', fontSize: 12 }} axisLine={false} tickLine={false} />
          <YAxis type="category" dataKey="group" width={150} tick={{ fill: '#1b2533', fontSize: 13 }} axisLine={false} tickLine={false} />
          <Tooltip
            cursor={{ fill: 'rgba(47, 111, 228, 0.06)' }}
            formatter={(value, name) => [`${formatCount(Number(value))} unit`, LABELS[String(name)] ?? String(name)]}
          />
          <Legend formatter={(value: string) => <span className="chart__legend">{LABELS[value] ?? value}</span>} iconType="square" iconSize={10} />
          <Bar dataKey="sampel" stackId="unit" fill="#0f766e" maxBarSize={26} isAnimationActive={false} />
          <Bar dataKey="lainnya" stackId="unit" fill="#2f6fe4" radius={[0, 4, 4, 0]} maxBarSize={26} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
