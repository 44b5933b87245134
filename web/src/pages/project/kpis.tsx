import { lazy, Suspense, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { ProjectDto } from '../../api/generated/api';
import { ProblemSummary, SelectField, TextField } from '../../components/fields';
import { useI18n } from '../../i18n/use-i18n';
import { useSession } from '../../lib/session';
import { useAction, useLoad } from '../../lib/use-load';
import { DataTable } from '../../components/data-table';

const KpiChart = lazy(() => import('./kpi-chart').then((m) => ({ default: m.KpiChart })));

/** Outcomes: each KPI's latest value, trend and on/off track; the team records measurements after launch. */
export function Kpis({ project, refreshKey, onChanged }: { project: ProjectDto; refreshKey: number; onChanged: () => void }) {
  const { me } = useSession();
  const { t, term, fmt } = useI18n();
  const report = useLoad(() => api.outcomes.kpisReport({ id: project.id }), [project.id, refreshKey]);
  const today = new Date().toISOString().slice(0, 10);
  const [form, setForm] = useState({ kpiId: '', measuredOn: today, value: '', note: '' });
  const measure = useAction(async () => {
    // A value that does not read as a number goes out as NaN: the server names the field.
    const value = fmt.parseNumber(form.value) ?? Number.NaN;
    await api.outcomes.kpisMeasure(
      { id: project.id, kpiId: form.kpiId || (report.data?.items[0]?.kpiId ?? '') },
      { measuredOn: form.measuredOn, value, ...(form.note ? { note: form.note } : {}) },
    );
    setForm({ ...form, value: '', note: '' });
    report.reload();
    onChanged();
  });
  const items = report.data?.items ?? [];
  if (items.length === 0) return null;
  const measurable = ['in_delivery', 'launched'].includes(project.state);
  const isTeam = project.proposerId === me?.id || project.team.some((t) => t.id === me?.id);

  return (
    <section className="card" aria-labelledby="kpis-title">
      <h2 id="kpis-title">{t('kpis.title')}</h2>
      <DataTable columns={[t('kpis.kpi'), t('kpis.baselineTarget'), t('kpis.latest'), t('kpis.trend'), t('kpis.status')]}>
        {items.map((k) => (
          <tr key={k.kpiId}>
            <th scope="row">{k.name}</th>
            <td>
              {fmt.number(k.baseline)} → {fmt.number(k.target)} {k.unit}
            </td>
            <td>{k.latest ? `${fmt.number(k.latest.value)} ${k.unit} (${fmt.date(k.latest.measuredOn)})` : '—'}</td>
            <td>{k.trend ? term('trend', k.trend) : '—'}</td>
            <td>
              <span className={`badge ${k.status === 'on_track' ? 'good' : k.status === 'off_track' ? 'warn' : ''}`}>
                {term('kpiStatus', k.status)}
              </span>
              {k.targetMet ? <span className="badge good">{t('kpis.targetMet')}</span> : null}
            </td>
          </tr>
        ))}
      </DataTable>
      {items.some((k) => k.measurementCount > 0) ? (
        <Suspense fallback={null}>
          <KpiChart items={items} />
        </Suspense>
      ) : null}
      {measurable && isTeam ? (
        <form
          className="measure-form"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void measure.run();
          }}
          noValidate
        >
          <h3>{t('kpis.record')}</h3>
          <ProblemSummary problem={measure.problem} />
          <div className="inline-fields">
            <SelectField
              name="kpiId"
              label={t('kpis.kpi')}
              value={form.kpiId || items[0].kpiId}
              onChange={(kpiId) => setForm({ ...form, kpiId })}
              options={items.map((k) => ({ value: k.kpiId, label: `${k.name} (${k.unit})` }))}
            />
            <TextField
              name="measuredOn"
              label={t('kpis.measuredOn')}
              type="date"
              value={form.measuredOn}
              onChange={(measuredOn) => setForm({ ...form, measuredOn })}
              problem={measure.problem}
              required
            />
            <TextField
              name="value"
              label={t('kpis.value')}
              inputMode="decimal"
              value={form.value}
              onChange={(value) => setForm({ ...form, value })}
              problem={measure.problem}
              required
            />
          </div>
          <TextField
            name="note"
            label={t('kpis.note')}
            value={form.note}
            onChange={(note) => setForm({ ...form, note })}
            problem={measure.problem}
          />
          <button type="submit" className="primary" disabled={measure.pending}>
            {t('kpis.submit')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
