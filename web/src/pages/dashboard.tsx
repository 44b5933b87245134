import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api } from '../api/client';
import type { HeatmapCellDto, ThresholdsDto } from '../api/generated/api';
import { ProblemSummary, SelectField } from '../components/fields';
import { Loading, PageHeader } from '../components/layout';
import { RiskBadge } from '../components/badges';
import { formatDate, humanize, stateLabel, TECHNOLOGY_LABELS } from '../lib/format';
import { Link, usePageTitle } from '../lib/router';
import { levelFor } from '../lib/risk';
import { useLoad } from '../lib/use-load';

const LEVEL_COLOURS: Record<string, string> = {
  low: '#15803d',
  medium: '#b45309',
  high: '#c2410c',
  critical: '#b91c1c',
  unassessed: '#6b7280',
};
const BAR = '#1d4ed8';

function ChartCard({ title, children, summary }: { title: string; summary: string; children: React.ReactNode }) {
  const id = `chart-${title.replace(/\W+/g, '-').toLowerCase()}`;
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

const describe = (rows: { name: string; count: number }[]) => rows.map((r) => `${r.name}: ${r.count}`).join(', ') || 'No data';
const round = (n: number) => Math.round(n * 10) / 10;
const rowsHeight = (rows: number) => Math.max(160, rows * 30 + 50);

/** One bar per category, labels on the left: long state and technology names stay readable. */
function HorizontalBars({ data, fill }: { data: { name: string; count: number }[]; fill: string }) {
  return (
    <ResponsiveContainer width="100%" height={rowsHeight(data.length)}>
      <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="name" width={150} interval={0} />
        <Tooltip />
        <Bar dataKey="count" name="Projects" fill={fill} />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Portfolio insight (DOMAIN.md §11): counts, the risk heat map, cycle times and decision rates. */
export function DashboardPage() {
  usePageTitle('Portfolio');
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
  if (data.problem) return <ProblemSummary problem={data.problem} title="The portfolio cannot be shown" />;
  if (!data.data) return <Loading what="Loading the portfolio" />;
  const { portfolio, heatmap, cycle, decisions, thresholds, acceptances } = data.data;
  const byState = portfolio.byState.map((c) => ({ name: stateLabel(c.key), count: c.count }));
  const byRisk = portfolio.byRiskLevel.map((c) => ({ name: humanize(c.key), key: c.key, count: c.count }));
  const byUnit = portfolio.byOrgUnit.map((u) => ({ name: u.name, count: u.count }));
  const byTech = portfolio.byTechnology.map((c) => ({ name: TECHNOLOGY_LABELS[c.key] ?? c.key, count: c.count }));
  const stages = cycle.stages.map((st) => ({ name: stateLabel(st.stage), median: round(st.medianHours), p90: round(st.p90Hours) }));

  return (
    <>
      <PageHeader title="Portfolio" eyebrow={`${portfolio.total} projects you can see`} />
      <div className="chart-grid">
        <ChartCard title="Projects by state" summary={describe(byState)}>
          <HorizontalBars data={byState} fill={BAR} />
        </ChartCard>
        <ChartCard title="Projects by risk level" summary={describe(byRisk)}>
          <ResponsiveContainer width="100%" height={rowsHeight(byState.length)}>
            <BarChart accessibilityLayer={false} data={byRisk}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="name" interval={0} />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Bar dataKey="count" name="Projects">
                {byRisk.map((r) => (
                  <Cell key={r.key} fill={LEVEL_COLOURS[r.key] ?? BAR} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </ChartCard>
        <ChartCard title="Projects by technology" summary={describe(byTech)}>
          <HorizontalBars data={byTech} fill="#7c3aed" />
        </ChartCard>
        <ChartCard title="Projects by unit" summary={describe(byUnit)}>
          <HorizontalBars data={byUnit} fill="#0f766e" />
        </ChartCard>
        <ChartCard
          title="Time spent per stage (hours)"
          summary={stages.map((st) => `${st.name}: median ${st.median}, 90th percentile ${st.p90} hours`).join(', ') || 'No data'}
        >
          <ResponsiveContainer width="100%" height={Math.max(180, stages.length * 44 + 70)}>
            <BarChart accessibilityLayer={false} data={stages} layout="vertical" margin={{ left: 8, right: 16 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" />
              <YAxis type="category" dataKey="name" width={150} interval={0} />
              <Tooltip />
              <Legend />
              <Bar dataKey="median" name="Median" fill={BAR} />
              <Bar dataKey="p90" name="90th percentile" fill="#93c5fd" />
            </BarChart>
          </ResponsiveContainer>
        </ChartCard>
        <HeatMap cells={heatmap.cells} assessed={heatmap.assessedProjects} thresholds={thresholds} />
      </div>
      <section className="card" aria-labelledby="acceptances-title">
        <h2 id="acceptances-title">Risk acceptances in force</h2>
        {acceptances.length === 0 ? (
          <p className="empty">No approval in force rests on a written risk acceptance.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Project</th>
                  <th scope="col">Accepted</th>
                  <th scope="col">By</th>
                  <th scope="col">Review by</th>
                </tr>
              </thead>
              <tbody>
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
                      {formatDate(a.expiresOn)} {a.expired ? <span className="badge warn">Expired</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="rates-title">
        <h2 id="rates-title">Decisions per unit</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Unit</th>
                <th scope="col">Decisions</th>
                <th scope="col">Approved</th>
                <th scope="col">Rejected</th>
                <th scope="col">Changes requested</th>
                <th scope="col">Approval rate</th>
              </tr>
            </thead>
            <tbody>
              {decisions.rows.map((r) => (
                <tr key={r.orgUnitId ?? 'all'}>
                  <th scope="row">{r.orgUnitName ?? 'All units'}</th>
                  <td>{r.decisions}</td>
                  <td>{r.approved}</td>
                  <td>{r.rejected}</td>
                  <td>{r.changesRequested}</td>
                  <td>{Math.round(r.approvalRate * 100)}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

/** Likelihood × impact grid of residual (or inherent) ratings, as a table with the counts written in. */
function HeatMap({ cells, assessed, thresholds }: { cells: HeatmapCellDto[]; assessed: number; thresholds: ThresholdsDto }) {
  const [kind, setKind] = useState<'residual' | 'inherent'>('residual');
  const [dimension, setDimension] = useState('');
  const dimensions = [...new Set(cells.map((c) => c.dimension).filter((d): d is string => d !== null))];
  const chosen = cells.filter((c) => c.kind === kind && (dimension ? c.dimension === dimension : c.dimension === null));
  const count = (l: number, i: number) => chosen.find((c) => c.likelihood === l && c.impact === i)?.count ?? 0;
  const max = Math.max(1, ...chosen.map((c) => c.count));
  return (
    <section className="card heatmap" aria-labelledby="heatmap-title">
      <h2 id="heatmap-title">Risk heat map</h2>
      <p className="hint">{assessed} assessed projects, latest submitted assessment each.</p>
      <div className="inline-fields">
        <SelectField
          name="heatmapKind"
          label="Ratings"
          value={kind}
          onChange={(v) => setKind(v as 'residual' | 'inherent')}
          options={[
            { value: 'residual', label: 'After mitigation' },
            { value: 'inherent', label: 'Before mitigation' },
          ]}
        />
        <SelectField
          name="heatmapDimension"
          label="Dimension"
          value={dimension}
          onChange={setDimension}
          placeholder="All dimensions"
          options={dimensions.map((d) => ({ value: d, label: humanize(d) }))}
        />
      </div>
      <table className="heat">
        <caption className="visually-hidden">Number of ratings per likelihood (rows) and impact (columns)</caption>
        <thead>
          <tr>
            <th scope="col">Likelihood ↓ / Impact →</th>
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
