import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { KpiReportItemDto } from '../../api/generated/api';
import { useI18n } from '../../i18n/use-i18n';

const COLOURS = ['#1d4ed8', '#0f766e', '#7c3aed', '#b45309'];

/** The axis spans the baseline, the target and every value, so the way still to go is visible. */
function domainOf(k: KpiReportItemDto): [number, number] {
  const values = [k.baseline, k.target, ...k.recent.map((m) => m.value)];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.1;
  return [Math.floor(lo - pad), Math.ceil(hi + pad)];
}

/** Each KPI's recent measurements between its baseline and its target (a picture of the table above it). */
export function KpiChart({ items }: { items: KpiReportItemDto[] }) {
  const { t, fmt } = useI18n();
  return (
    <div className="kpi-charts" aria-hidden="true">
      {items
        .filter((k) => k.measurementCount > 0)
        .map((k, i) => (
          <div key={k.kpiId} className="kpi-chart">
            <p className="hint">{k.name}</p>
            <ResponsiveContainer width="100%" height={200}>
              <LineChart
                accessibilityLayer={false}
                data={[...k.recent].reverse().map((m) => ({ day: fmt.date(m.measuredOn), value: m.value }))}
                margin={{ right: 16 }}
              >
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="day" />
                <YAxis domain={domainOf(k)} tickFormatter={(v: number) => fmt.number(v)} />
                <Tooltip formatter={(v) => (typeof v === 'number' ? fmt.number(v) : String(v))} />
                <Legend />
                <ReferenceLine
                  y={k.baseline}
                  stroke="#6b7280"
                  strokeDasharray="4 4"
                  label={{ value: t('kpis.chartBaseline'), position: 'insideTopRight' }}
                />
                <ReferenceLine
                  y={k.target}
                  stroke="#15803d"
                  strokeDasharray="6 3"
                  label={{ value: t('kpis.chartTarget'), position: 'insideBottomRight' }}
                />
                <Line type="monotone" dataKey="value" name={k.unit} stroke={COLOURS[i % COLOURS.length]} strokeWidth={2} />
              </LineChart>
            </ResponsiveContainer>
          </div>
        ))}
    </div>
  );
}
