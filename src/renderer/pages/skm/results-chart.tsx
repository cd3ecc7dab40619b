/** NRR per unsur as bars coloured by mutu, values printed on the bars (recharts). */
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SkmGroupResult } from '../../../shared/skm-types';
import { decimal } from './format';

const TONE = { green: '#2e7d32', teal: '#00796b', amber: '#b26a00', red: '#c62828' } as const;

export function ResultsChart({ group }: { group: SkmGroupResult }) {
  const data = group.unsur.map((item) => ({ name: `U${item.number}`, title: item.name, nrr: item.nrr ?? 0, label: decimal(item.nrr, 2), tone: item.band?.tone ?? 'teal' }));
  return (
    <div className="skm-chart" role="img" aria-label={`Grafik NRR per unsur: ${data.map((item) => `${item.name} ${item.label}`).join(', ')}`}>
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={data} margin={{ top: 22, right: 8, bottom: 0, left: -18 }}>
          <CartesianGrid vertical={false} stroke="#e3e7ee" />
          <XAxis dataKey="name" tickLine={false} axisLine={false} />
          <YAxis domain={[0, 4]} ticks={[0, 1, 2, 3, 4]} tickLine={false} axisLine={false} />
          <Tooltip formatter={(_value, _name, entry) => [(entry.payload as { label: string }).label, 'NRR']} labelFormatter={(label, payload) => `${String(label)} ${(payload[0]?.payload as { title?: string } | undefined)?.title ?? ''}`} />
          <Bar dataKey="nrr" radius={[4, 4, 0, 0]} isAnimationActive={false}>
            {data.map((item) => (
              <Cell key={item.name} fill={TONE[item.tone]} />
            ))}
            <LabelList dataKey="label" position="top" fontSize={12} fontWeight={600} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
