import type { ProjectSummaryDto } from '../api/generated/api';
import { formatDate, formatMoney } from '../lib/format';
import { Link } from '../lib/router';
import { FastTrackBadge, RiskBadge, StateBadge } from './badges';
import { Empty } from './layout';

/** Projects as a table (cards on narrow screens); the title links to the project page. */
export function ProjectTable({
  projects,
  caption,
  empty,
  linkSuffix = '',
  extra,
}: {
  projects: ProjectSummaryDto[];
  caption: string;
  empty: string;
  /** e.g. "/assessment" to open the advisor's form directly. */
  linkSuffix?: string;
  extra?: { header: string; cell: (p: ProjectSummaryDto) => React.ReactNode };
}) {
  if (projects.length === 0) return <Empty>{empty}</Empty>;
  return (
    <div className="table-wrap">
      <table className="projects">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Project</th>
            <th scope="col">State</th>
            <th scope="col">Risk</th>
            <th scope="col">Budget</th>
            <th scope="col">Value / effort</th>
            <th scope="col">Target launch</th>
            {extra ? <th scope="col">{extra.header}</th> : null}
          </tr>
        </thead>
        <tbody>
          {projects.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <Link to={`/projects/${p.id}${linkSuffix}`}>{p.title}</Link>
                <span className="ref">{p.reference}</span>
                <span className="task">{p.customerTask}</span>
              </th>
              <td data-label="State">
                <StateBadge state={p.state} /> <FastTrackBadge fastTrack={p.fastTrack} />
              </td>
              <td data-label="Risk">
                <RiskBadge level={p.riskLevel} />
              </td>
              <td data-label="Budget">{formatMoney(p.budget)}</td>
              <td data-label="Value / effort">
                {p.valueScore === null ? '—' : `${p.valueScore} / ${p.effortScore ?? '—'}`}
                {p.valueVerdict === 'no_brainer' ? <span className="badge good">No-brainer</span> : null}
                {p.valueVerdict === 'effort_exceeds_value' ? <span className="badge warn">Effort &gt; value</span> : null}
              </td>
              <td data-label="Target launch">{formatDate(p.targetLaunchDate)}</td>
              {extra ? <td data-label={extra.header}>{extra.cell(p)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
