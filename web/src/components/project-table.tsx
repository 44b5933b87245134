import type { ProjectSummaryDto } from '../api/generated/api';
import { useI18n } from '../i18n/use-i18n';
import { Link } from '../lib/router';
import { FastTrackBadge, RiskBadge, StateBadge } from './badges';
import { Empty } from './layout';
import { DataTable } from './data-table';

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
  const { t, tp, fmt } = useI18n();
  if (projects.length === 0) return <Empty>{empty}</Empty>;
  return (
    <DataTable
      className="projects"
      caption={caption}
      columns={[
        t('table.project'),
        t('table.state'),
        t('table.risk'),
        t('table.budget'),
        t('table.valueEffort'),
        t('table.targetLaunch'),
        ...(extra ? [extra.header] : []),
      ]}
    >
      {projects.map((p) => (
        <tr key={p.id}>
          <th scope="row">
            <Link to={`/projects/${p.id}${linkSuffix}`}>{p.title}</Link>
            <span className="ref">{p.reference}</span>
            <span className="task">{p.customerTask}</span>
            {p.supportCount ? <span className="ref">{tp('table.supportCount', p.supportCount)}</span> : null}
          </th>
          <td data-label={t('table.state')}>
            <StateBadge state={p.state} /> <FastTrackBadge fastTrack={p.fastTrack} />
          </td>
          <td data-label={t('table.risk')}>
            <RiskBadge level={p.riskLevel} />
          </td>
          <td data-label={t('table.budget')}>{fmt.money(p.budget)}</td>
          <td data-label={t('table.valueEffort')}>
            {p.valueScore === null ? '—' : `${p.valueScore} / ${p.effortScore ?? '—'}`}
            {p.valueVerdict === 'no_brainer' ? <span className="badge good">{t('badge.noBrainer')}</span> : null}
            {p.valueVerdict === 'effort_exceeds_value' ? <span className="badge warn">{t('badge.effortExceeds')}</span> : null}
          </td>
          <td data-label={t('table.targetLaunch')}>{fmt.date(p.targetLaunchDate)}</td>
          {extra ? <td data-label={extra.header}>{extra.cell(p)}</td> : null}
        </tr>
      ))}
    </DataTable>
  );
}
