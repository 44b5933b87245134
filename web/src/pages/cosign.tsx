import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { CosignDto } from '../api/generated/api';
import { toApiProblem, type ApiProblem } from '../api/problem';
import { fieldId, ProblemSummary, TextArea } from '../components/fields';
import { Loading, PageHeader } from '../components/layout';
import { useI18n } from '../i18n/use-i18n';
import { Link, navigate, usePageTitle } from '../lib/router';
import { useLoad } from '../lib/use-load';
import { CompactReminder } from './compact-reminder';
import { AssessmentSummary } from './project/assessment-summary';
import { DecisionRecord } from './project/decision-record';

/** CIO: co-sign (or decline) a manager's approval of a high- or critical-risk project. */
export function CosignPage({ projectId }: { projectId: string }) {
  const { t } = useI18n();
  const project = useLoad(() => api.projects.projectsGet({ id: projectId }), [projectId]);
  usePageTitle(project.data ? t('cosign.titleOf', { title: project.data.title }) : t('nav.cosign'));
  const [outcome, setOutcome] = useState<CosignDto['outcome'] | ''>('');
  const [rationale, setRationale] = useState('');
  const [problem, setProblem] = useState<ApiProblem>();
  const [pending, setPending] = useState(false);
  if (project.problem) return <ProblemSummary problem={project.problem} title={t('problem.cannotShowProject')} />;
  if (!project.data) return <Loading />;
  const p = project.data;
  const canAct = p.allowedActions.includes('cosign') || p.allowedActions.includes('decline_cosign');

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setPending(true);
    setProblem(undefined);
    try {
      await api.decisions.decisionsCosign({ id: p.id }, { outcome: outcome as CosignDto['outcome'], rationale });
      navigate(`/projects/${p.id}`);
    } catch (err) {
      setProblem(toApiProblem(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <PageHeader title={t('cosign.titleOf', { title: p.title })} eyebrow={<Link to={`/projects/${p.id}`}>{p.reference}</Link>} />
      <CompactReminder />
      <DecisionRecord project={p} refreshKey={0} />
      {canAct ? (
        <form className="card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="cosign-title">
          <h2 id="cosign-title">{t('cosign.yours')}</h2>
          <ProblemSummary problem={problem} />
          <fieldset className={`field${problem?.names('outcome') ? ' field-invalid' : ''}`} id={fieldId('outcome')}>
            <legend>{t('decide.outcome')}</legend>
            {problem?.fieldMessages('outcome').length ? <p className="field-error">{problem.fieldMessages('outcome').join('. ')}</p> : null}
            <label className="radio block-radio">
              <input type="radio" name="outcome" checked={outcome === 'cosign'} onChange={() => setOutcome('cosign')} />
              <span>
                <strong>{t('cosign.cosign')}</strong> <span className="hint">{t('cosign.cosignHint')}</span>
              </span>
            </label>
            <label className="radio block-radio">
              <input type="radio" name="outcome" checked={outcome === 'decline'} onChange={() => setOutcome('decline')} />
              <span>
                <strong>{t('cosign.decline')}</strong> <span className="hint">{t('cosign.declineHint')}</span>
              </span>
            </label>
          </fieldset>
          <TextArea name="rationale" label={t('decide.rationale')} value={rationale} onChange={setRationale} problem={problem} required />
          <div className="button-row">
            <button type="submit" className="primary" disabled={pending}>
              {t('cosign.submit')}
            </button>
          </div>
        </form>
      ) : (
        <p className="notice">{t('cosign.nothing')}</p>
      )}
      <AssessmentSummary project={p} refreshKey={0} />
    </>
  );
}
