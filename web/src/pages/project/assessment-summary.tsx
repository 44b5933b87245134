import { api } from '../../api/client';
import type { AssessmentDto, ProjectDto } from '../../api/generated/api';
import { RiskBadge } from '../../components/badges';
import { formatDate, formatDateTime } from '../../lib/format';
import { Link } from '../../lib/router';
import { RECOMMENDATION_LABELS } from '../../lib/risk';
import { useLoad } from '../../lib/use-load';

/** The advisor's advice as the manager and the HERO read it: the latest submitted revision. */
export function AssessmentSummary({ project, refreshKey }: { project: ProjectDto; refreshKey: number }) {
  const data = useLoad(async () => {
    const list = await api.risk.assessmentsList({ id: project.id, limit: 20 });
    const latest = list.items.find((a) => a.status === 'submitted') ?? list.items[0];
    if (!latest) return null;
    const framework = await api.risk.riskFrameworksGet({ id: latest.framework.id });
    return { assessment: latest, framework };
  }, [project.id, refreshKey]);
  if (!data.data) return null;
  const { assessment: a, framework } = data.data;
  const nameOf = (key: string) => framework.dimensions.find((d) => d.key === key)?.name ?? key;

  return (
    <section className="card" aria-labelledby="assessment-title">
      <h2 id="assessment-title">Risk assessment</h2>
      <p>
        Revision {a.revision} · {a.status === 'submitted' ? `submitted ${formatDateTime(a.submittedAt)}` : 'draft, not submitted yet'}
        {a.light ? ' · light (fast track)' : ''} · overall <RiskBadge level={a.overallLevel} />
      </p>
      {a.recommendation ? (
        <p className={`recommendation rec-${a.recommendation}`}>
          Advice: <strong>{RECOMMENDATION_LABELS[a.recommendation] ?? a.recommendation}</strong>
        </p>
      ) : null}
      {a.summary ? <p>{a.summary}</p> : null}
      <RatingsTable assessment={a} nameOf={nameOf} />
      {a.mitigations.length ? (
        <>
          <h3>Mitigations</h3>
          <ul>
            {a.mitigations.map((m, i) => (
              <li key={i}>
                {m.text} — {m.owner}
                {m.dueDate ? `, by ${formatDate(m.dueDate)}` : ''} ({m.status})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {a.proposedConditions.length ? (
        <>
          <h3>Proposed conditions</h3>
          <ul>
            {a.proposedConditions.map((c, i) => (
              <li key={i}>
                {c.text}
                {c.dueDate ? ` (by ${formatDate(c.dueDate)})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {project.allowedActions.includes('complete_assessment') ? (
        <Link to={`/projects/${project.id}/assessment`}>Open the assessment form</Link>
      ) : null}
    </section>
  );
}

export function RatingsTable({ assessment, nameOf }: { assessment: AssessmentDto; nameOf: (key: string) => string }) {
  if (assessment.ratings.length === 0) return <p className="empty">No dimension rated yet.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Ratings per risk dimension</caption>
        <thead>
          <tr>
            <th scope="col">Dimension</th>
            <th scope="col">Before mitigation</th>
            <th scope="col">After mitigation</th>
            <th scope="col">Rationale</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}
