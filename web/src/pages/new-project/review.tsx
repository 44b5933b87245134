import { useEffect, useRef } from 'react';
import { api } from '../../api/client';
import type { ProjectDto } from '../../api/generated/api';
import { DATA_LABELS, formatDate, formatMoney, TECHNOLOGY_LABELS } from '../../lib/format';
import { Link } from '../../lib/router';
import { useAction } from '../../lib/use-load';
import { ScreeningResult } from './screening';
import { STEPS, stepOfField, type StepKey } from './wizard-model';

/** Everything the HERO wrote, and the submit button; a refusal sends them to the step to fix. */
export function ReviewStep({
  project,
  goTo,
  onSubmitted,
}: {
  project: ProjectDto;
  goTo: (s: StepKey) => void;
  onSubmitted: (p: ProjectDto) => void;
}) {
  const submit = useAction(async () => onSubmitted(await api.projects.projectActionsSubmit({ id: project.id })));
  const problem = submit.problem;
  // Like ProblemSummary: the refusal takes the focus so it is announced.
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) alertRef.current?.focus();
  }, [problem]);
  const stepTitle = (key: StepKey) => STEPS.find((s) => s.key === key)?.title ?? key;

  return (
    <>
      {problem ? (
        <div className="problem" role="alert" tabIndex={-1} ref={alertRef}>
          <p className="problem-title">{problem.body.title}</p>
          {problem.body.detail ? <p>{problem.body.detail}</p> : null}
          {problem.code === 'compact-not-acknowledged' ? (
            <p>
              <Link to="/compact">Read and acknowledge the compact</Link>, then submit again.
            </p>
          ) : null}
          <ul>
            {problem.errors.map((e, i) => (
              <li key={i}>
                {e.message}{' '}
                <button type="button" className="link-button" onClick={() => goTo(stepOfField(e.field))}>
                  Go to “{stepTitle(stepOfField(e.field))}”
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <dl className="review">
        <dt>Customer problem</dt>
        <dd>{project.customerProblem || '—'}</dd>
        <dt>Customer task</dt>
        <dd>{project.customerTask || '—'}</dd>
        <dt>Target customers</dt>
        <dd>{project.targetCustomers || '—'}</dd>
        <dt>Solution</dt>
        <dd>{project.solution || '—'}</dd>
        <dt>Technologies</dt>
        <dd>{project.technologies.map((t) => TECHNOLOGY_LABELS[t] ?? t).join(', ') || '—'}</dd>
        <dt>Customer data</dt>
        <dd>{project.dataCategories.map((d) => DATA_LABELS[d] ?? d).join(', ') || '—'}</dd>
        <dt>Vendors</dt>
        <dd>{project.vendors.map((v) => `${v.name} (${v.service})`).join('; ') || 'None'}</dd>
        <dt>Budget</dt>
        <dd>{formatMoney(project.budget)}</dd>
        <dt>Target launch</dt>
        <dd>{formatDate(project.targetLaunchDate)}</dd>
        <dt>Value / effort</dt>
        <dd>{project.effortValue ? `${project.effortValue.valueScore} / ${project.effortValue.effortScore}` : '—'}</dd>
        <dt>KPIs</dt>
        <dd>{project.kpis.map((k) => `${k.name}: ${k.baseline} → ${k.target} ${k.unit}`).join('; ') || '—'}</dd>
      </dl>
      <ScreeningResult project={project} />
      <div className="button-row">
        <button type="button" onClick={() => goTo('screening')}>
          Back
        </button>
        <Link to={`/projects/${project.id}`} className="button">
          Save as draft and leave
        </Link>
        {project.allowedActions.includes('submit') ? (
          <button type="button" className="primary" disabled={submit.pending} onClick={() => void submit.run()}>
            {submit.pending ? 'Submitting…' : 'Submit for assessment'}
          </button>
        ) : null}
      </div>
    </>
  );
}
