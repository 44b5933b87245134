import { api } from '../../api/client';
import type { AssessmentDto, ProjectDto } from '../../api/generated/api';
import { RiskBadge } from '../../components/badges';
import { useI18n } from '../../i18n/use-i18n';
import { Link } from '../../lib/router';
import { useLoad } from '../../lib/use-load';
import { DataTable } from '../../components/data-table';

/** The advisor's advice as the manager and the HERO read it: the latest submitted revision. */
export function AssessmentSummary({ project, refreshKey }: { project: ProjectDto; refreshKey: number }) {
  const { t, term, known, rich, fmt } = useI18n();
  const data = useLoad(async () => {
    const list = await api.risk.assessmentsList({ id: project.id, limit: 20 });
    const latest = list.items.find((a) => a.status === 'submitted') ?? list.items[0];
    if (!latest) return null;
    const framework = await api.risk.riskFrameworksGet({ id: latest.framework.id });
    return { assessment: latest, framework };
  }, [project.id, refreshKey]);
  if (!data.data) return null;
  const { assessment: a, framework } = data.data;
  const nameOf = (key: string) => {
    const name = framework.dimensions.find((d) => d.key === key)?.name;
    return name ? known(`dimension.${key}.name`, name) : key;
  };
  const parts = [
    t('summary.revision', { revision: a.revision }),
    a.status === 'submitted' ? t('summary.submitted', { when: fmt.dateTime(a.submittedAt) }) : t('summary.draft'),
    ...(a.light ? [t('summary.light')] : []),
  ];

  return (
    <section className="card" aria-labelledby="assessment-title">
      <h2 id="assessment-title">{t('summary.title')}</h2>
      <p>
        {parts.join(' · ')} · {rich('summary.overall', { level: <RiskBadge level={a.overallLevel} /> })}
      </p>
      {a.recommendation ? (
        <p className={`recommendation rec-${a.recommendation}`}>
          {rich('summary.advice', { advice: <strong>{term('recommendation', a.recommendation)}</strong> })}
        </p>
      ) : null}
      {a.summary ? <p>{a.summary}</p> : null}
      <RatingsTable assessment={a} nameOf={nameOf} />
      {a.mitigations.length ? (
        <>
          <h3>{t('summary.mitigations')}</h3>
          <ul>
            {a.mitigations.map((m, i) => (
              <li key={i}>
                {m.text} — {m.owner}
                {m.dueDate ? `, ${t('summary.by', { date: fmt.date(m.dueDate) })}` : ''} ({term('mitigationStatus', m.status)})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {a.proposedConditions.length ? (
        <>
          <h3>{t('summary.conditions')}</h3>
          <ul>
            {a.proposedConditions.map((c, i) => (
              <li key={i}>
                {c.text}
                {c.dueDate ? ` (${t('summary.by', { date: fmt.date(c.dueDate) })})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {project.allowedActions.includes('complete_assessment') ? (
        <Link to={`/projects/${project.id}/assessment`}>{t('summary.openForm')}</Link>
      ) : null}
    </section>
  );
}

export function RatingsTable({ assessment, nameOf }: { assessment: AssessmentDto; nameOf: (key: string) => string }) {
  const { t } = useI18n();
  if (assessment.ratings.length === 0) return <p className="empty">{t('summary.noRatings')}</p>;
  return (
    <DataTable
      caption={t('summary.ratingsCaption')}
      columns={[t('summary.dimension'), t('summary.before'), t('summary.after'), t('decide.rationale')]}
    >
      {assessment.ratings.map((r) => (
        <tr key={r.dimension}>
          <th scope="row">{nameOf(r.dimension)}</th>
          <td>
            {r.likelihood} × {r.impact} = {r.inherentScore} <RiskBadge level={r.inherentLevel} />
          </td>
          <td>
            {r.residualLikelihood} × {r.residualImpact} = {r.residualScore} <RiskBadge level={r.residualLevel} />
          </td>
          <td>{r.rationale || '—'}</td>
        </tr>
      ))}
    </DataTable>
  );
}
