import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { KpiReportItemDto } from '../../api/generated/api';

const COLOURS = ['#1d4ed8', '#0f766e', '#7c3aed', '#b45309'];

/** Each KPI's recent measurements against its target (a picture of the table above it). */
export function KpiChart({ items }: { items: KpiReportItemDto[] }) {
  return (
    <div className="kpi-charts" aria-hidden="true">
      {items
        .filter((k) => k.measurementCount > 0)
        .map((k, i) => (
          <div key={k.kpiId} className="kpi-chart">
            <p className="hint">{k.name}</p>
            <ResponsiveContainer width="100%" height={180}>
              <LineChart accessibilityLayer={false} data={[...k.recent].reverse().map((m) => ({ day: m.measuredOn, value: m.value }))}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="day" />
                <YAxis domain={['auto', 'auto']} />
                <Tooltip />
                <Legend />
                <ReferenceLine y={k.target} stroke="#15803d" strokeDasharray="6 3" label="target" />
                <Line type="monotone" dataKey="value" name={k.unit} stroke={COLOURS[i % COLOURS.length]} strokeWidth={2} />
              </LineChart>
            </ResponsiveContainer>
          </div>
        ))}
    </div>
  );
}
