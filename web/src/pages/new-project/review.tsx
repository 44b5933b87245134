import { useEffect, useRef } from 'react';
import { api } from '../../api/client';
import type { ProjectDto } from '../../api/generated/api';
import { useI18n } from '../../i18n/use-i18n';
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
  const { t, rich, term, fmt } = useI18n();
  const submit = useAction(async () => onSubmitted(await api.projects.projectActionsSubmit({ id: project.id })));
  const problem = submit.problem;
  // Like ProblemSummary: the refusal takes the focus so it is announced.
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) alertRef.current?.focus();
  }, [problem]);
  const stepTitle = (key: StepKey) => {
    const step = STEPS.find((s) => s.key === key);
    return step ? t(step.title) : key;
  };

  return (
    <>
      {problem ? (
        <div className="problem" role="alert" tabIndex={-1} ref={alertRef}>
          <p className="problem-title">{problem.body.title}</p>
          {problem.body.detail ? <p>{problem.body.detail}</p> : null}
          {problem.code === 'compact-not-acknowledged' ? (
            <p>{rich('review.acknowledgeFirst', { link: <Link to="/compact">{t('review.acknowledgeLink')}</Link> })}</p>
          ) : null}
          <ul>
            {problem.errors.map((e, i) => (
              <li key={i}>
                {e.message}{' '}
                <button type="button" className="link-button" onClick={() => goTo(stepOfField(e.field))}>
                  {t('review.goTo', { step: stepTitle(stepOfField(e.field)) })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <dl className="review">
        <dt>{t('projectField.customerProblem')}</dt>
        <dd>{project.customerProblem || '—'}</dd>
        <dt>{t('projectField.customerTask')}</dt>
        <dd>{project.customerTask || '—'}</dd>
        <dt>{t('projectField.targetCustomers')}</dt>
        <dd>{project.targetCustomers || '—'}</dd>
        <dt>{t('projectField.solution')}</dt>
        <dd>{project.solution || '—'}</dd>
        <dt>{t('projectField.technologies')}</dt>
        <dd>{project.technologies.map((x) => term('tech', x)).join(', ') || '—'}</dd>
        <dt>{t('projectField.dataCategories')}</dt>
        <dd>{project.dataCategories.map((d) => term('data', d)).join(', ') || '—'}</dd>
        <dt>{t('projectField.vendors')}</dt>
        <dd>{project.vendors.map((v) => `${v.name} (${v.service})`).join('; ') || t('common.none')}</dd>
        <dt>{t('projectField.budget')}</dt>
        <dd>{fmt.money(project.budget)}</dd>
        <dt>{t('projectField.targetLaunchDate')}</dt>
        <dd>{fmt.date(project.targetLaunchDate)}</dd>
        <dt>{t('table.valueEffort')}</dt>
        <dd>{project.effortValue ? `${project.effortValue.valueScore} / ${project.effortValue.effortScore}` : '—'}</dd>
        <dt>{t('kpis.title')}</dt>
        <dd>{project.kpis.map((k) => `${k.name}: ${fmt.number(k.baseline)} → ${fmt.number(k.target)} ${k.unit}`).join('; ') || '—'}</dd>
      </dl>
      <ScreeningResult project={project} />
      <div className="button-row">
        <button type="button" onClick={() => goTo('screening')}>
          {t('common.back')}
        </button>
        <Link to={`/projects/${project.id}`} className="button">
          {t('review.saveLeave')}
        </Link>
        {project.allowedActions.includes('submit') ? (
          <button type="button" className="primary" disabled={submit.pending} onClick={() => void submit.run()}>
            {submit.pending ? t('review.submitting') : t('action.submit')}
          </button>
        ) : null}
      </div>
    </>
  );
}
