import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api } from '../api/client';
import type { HeatmapCellDto, ThresholdsDto } from '../api/generated/api';
import { ProblemSummary, SelectField } from '../components/fields';
import { Loading, PageHeader } from '../components/layout';
import { RiskBadge } from '../components/badges';
import { humanize } from '../i18n/translate';
import { useI18n } from '../i18n/use-i18n';
import { Link, usePageTitle } from '../lib/router';
import { levelFor } from '../lib/risk';
import { useLoad } from '../lib/use-load';
import { DataTable } from '../components/data-table';

const LEVEL_COLOURS: Record<string, string> = {
  low: '#15803d',
  medium: '#b45309',
  high: '#c2410c',
  critical: '#b91c1c',
  unassessed: '#6b7280',
};
const BAR = '#1d4ed8';

function ChartCard({ id, title, children, summary }: { id: string; title: string; summary: string; children: React.ReactNode }) {
  return (
    <section className="card chart" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {/* The chart is a picture; the same numbers are given in words for screen readers. */}
      <p className="visually-hidden">{summary}</p>
      <div aria-hidden="true" className="chart-box">
        {children}
      </div>
    </section>
  );
}

const round = (n: number) => Math.round(n * 10) / 10;
const rowsHeight = (rows: number) => Math.max(160, rows * 30 + 50);

/** One bar per category, labels on the left: long state and technology names stay readable. */
function HorizontalBars({ data, fill }: { data: { name: string; count: number }[]; fill: string }) {
  const { t } = useI18n();
  return (
    <ResponsiveContainer width="100%" height={rowsHeight(data.length)}>
      <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="name" width={150} interval={0} />
        <Tooltip />
        <Bar dataKey="count" name={t('portfolio.projects')} fill={fill} />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Portfolio insight (DOMAIN.md §11): counts, the risk heat map, cycle times and decision rates. */
export function DashboardPage() {
  const { t, tp, term, fmt } = useI18n();
  usePageTitle(t('nav.portfolio'));
  const data = useLoad(async () => {
    const [portfolio, heatmap, cycle, decisions, framework, acceptances] = await Promise.all([
      api.reports.reportsPortfolio({}),
      api.reports.reportsRiskHeatmap({}),
      api.reports.reportsCycleTimes({}),
      api.reports.reportsDecisions({}),
      api.risk.riskFrameworksCurrent(),
      api.decisions.riskAcceptancesList({ inForce: true, limit: 50 }),
    ]);
    return { portfolio, heatmap, cycle, decisions, thresholds: framework.thresholds, acceptances: acceptances.items };
  }, []);
  if (data.problem) return <ProblemSummary problem={data.problem} title={t('portfolio.cannotShow')} />;
  if (!data.data) return <Loading what={t('portfolio.loading')} />;
  const { portfolio, heatmap, cycle, decisions, thresholds, acceptances } = data.data;
  const byState = portfolio.byState.map((c) => ({ name: term('state', c.key), count: c.count }));
  const byRisk = portfolio.byRiskLevel.map((c) => ({
    name: c.key === 'unassessed' ? t('badge.notAssessed') : term('risk', c.key),
    key: c.key,
    count: c.count,
  }));
  const byUnit = portfolio.byOrgUnit.map((u) => ({ name: u.name, count: u.count }));
  const byTech = portfolio.byTechnology.map((c) => ({ name: term('tech', c.key), count: c.count }));
  const stages = cycle.stages.map((st) => ({ name: term('state', st.stage), median: round(st.medianHours), p90: round(st.p90Hours) }));
  const describe = (rows: { name: string; count: number }[]) =>
    rows.map((r) => `${r.name}: ${fmt.number(r.count)}`).join(', ') || t('portfolio.noData');

  return (
    <>
      <PageHeader title={t('nav.portfolio')} eyebrow={tp('portfolio.total', portfolio.total)} />
      <div className="chart-grid">
        <ChartCard id="chart-state" title={t('portfolio.byState')} summary={describe(byState)}>
          <HorizontalBars data={byState} fill={BAR} />
        </ChartCard>
        <ChartCard id="chart-risk" title={t('portfolio.byRisk')} summary={describe(byRisk)}>
          <ResponsiveContainer width="100%" height={rowsHeight(byState.length)}>
            <BarChart accessibilityLayer={false} data={byRisk}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="name" interval={0} />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Bar dataKey="count" name={t('portfolio.projects')}>
                {byRisk.map((r) => (
                  <Cell key={r.key} fill={LEVEL_COLOURS[r.key] ?? BAR} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </ChartCard>
        <ChartCard id="chart-tech" title={t('portfolio.byTech')} summary={describe(byTech)}>
          <HorizontalBars data={byTech} fill="#7c3aed" />
        </ChartCard>
        <ChartCard id="chart-unit" title={t('portfolio.byUnit')} summary={describe(byUnit)}>
          <HorizontalBars data={byUnit} fill="#0f766e" />
        </ChartCard>
        <ChartCard
          id="chart-stages"
          title={t('portfolio.stages')}
          summary={
            stages.map((st) => t('portfolio.stageSummary', { stage: st.name, median: st.median, p90: st.p90 })).join(', ') ||
            t('portfolio.noData')
          }
        >
          <ResponsiveContainer width="100%" height={Math.max(180, stages.length * 44 + 70)}>
            <BarChart accessibilityLayer={false} data={stages} layout="vertical" margin={{ left: 8, right: 16 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" />
              <YAxis type="category" dataKey="name" width={150} interval={0} />
              <Tooltip />
              <Legend />
              <Bar dataKey="median" name={t('portfolio.median')} fill={BAR} />
              <Bar dataKey="p90" name={t('portfolio.p90')} fill="#93c5fd" />
            </BarChart>
          </ResponsiveContainer>
        </ChartCard>
        <HeatMap cells={heatmap.cells} assessed={heatmap.assessedProjects} thresholds={thresholds} />
      </div>
      <section className="card" aria-labelledby="acceptances-title">
        <h2 id="acceptances-title">{t('portfolio.acceptances')}</h2>
        {acceptances.length === 0 ? (
          <p className="empty">{t('portfolio.noAcceptances')}</p>
        ) : (
          <DataTable columns={[t('table.project'), t('portfolio.accepted'), t('portfolio.acceptedBy'), t('decide.reviewBy')]}>
            {acceptances.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <Link to={`/projects/${a.projectId}`}>{a.projectTitle}</Link>
                  <span className="ref">{a.projectReference}</span>
                </th>
                <td>
                  <RiskBadge level={a.acceptedLevel} /> <span className="ref">{a.statement}</span>
                </td>
                <td>{a.acceptedBy.displayName}</td>
                <td>
                  {fmt.date(a.expiresOn)} {a.expired ? <span className="badge warn">{t('decision.expired')}</span> : null}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <section className="card" aria-labelledby="rates-title">
        <h2 id="rates-title">{t('portfolio.rates')}</h2>
        <DataTable
          columns={[
            t('portfolio.unit'),
            t('portfolio.decisions'),
            t('state.approved'),
            t('state.rejected'),
            t('state.changes_requested'),
            t('portfolio.approvalRate'),
          ]}
        >
          {decisions.rows.map((r) => (
            <tr key={r.orgUnitId ?? 'all'}>
              <th scope="row">{r.orgUnitName ?? t('portfolio.allUnits')}</th>
              <td>{r.decisions}</td>
              <td>{r.approved}</td>
              <td>{r.rejected}</td>
              <td>{r.changesRequested}</td>
              <td>{fmt.percent(r.approvalRate)}</td>
            </tr>
          ))}
        </DataTable>
      </section>
    </>
  );
}

/** Likelihood × impact grid of residual (or inherent) ratings, as a table with the counts written in. */
function HeatMap({ cells, assessed, thresholds }: { cells: HeatmapCellDto[]; assessed: number; thresholds: ThresholdsDto }) {
  const { t, tp, term } = useI18n();
  const [kind, setKind] = useState<'residual' | 'inherent'>('residual');
  const [dimension, setDimension] = useState('');
  const dimensions = [...new Set(cells.map((c) => c.dimension).filter((d): d is string => d !== null))];
  const chosen = cells.filter((c) => c.kind === kind && (dimension ? c.dimension === dimension : c.dimension === null));
  const count = (l: number, i: number) => chosen.find((c) => c.likelihood === l && c.impact === i)?.count ?? 0;
  const max = Math.max(1, ...chosen.map((c) => c.count));
  return (
    <section className="card heatmap" aria-labelledby="heatmap-title">
      <h2 id="heatmap-title">{t('portfolio.heatmap')}</h2>
      <p className="hint">{tp('portfolio.assessed', assessed)}</p>
      <div className="inline-fields">
        <SelectField
          name="heatmapKind"
          label={t('portfolio.ratings')}
          value={kind}
          onChange={(v) => setKind(v as 'residual' | 'inherent')}
          options={[
            { value: 'residual', label: t('summary.after') },
            { value: 'inherent', label: t('summary.before') },
          ]}
        />
        <SelectField
          name="heatmapDimension"
          label={t('summary.dimension')}
          value={dimension}
          onChange={setDimension}
          placeholder={t('portfolio.allDimensions')}
          options={dimensions.map((d) => ({ value: d, label: term('dimension', `${d}.name`, humanize(d)) }))}
        />
      </div>
      <table className="heat">
        <caption className="visually-hidden">{t('portfolio.heatCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('portfolio.heatAxes')}</th>
            {[1, 2, 3, 4, 5].map((i) => (
              <th key={i} scope="col">
                {i}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[5, 4, 3, 2, 1].map((l) => (
            <tr key={l}>
              <th scope="row">{l}</th>
              {[1, 2, 3, 4, 5].map((i) => {
                const n = count(l, i);
                const zone = levelFor(l * i, thresholds);
                return (
                  <td key={i} className={`heat-cell zone-${zone}`} style={{ '--heat': n / max } as React.CSSProperties}>
                    {n || ''}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
