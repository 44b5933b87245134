import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { AssessmentDto, DecideDto, ProjectDto, RiskAcceptanceInputDto } from '../api/generated/api';
import { toApiProblem, type ApiProblem } from '../api/problem';
import { RiskBadge } from '../components/badges';
import { fieldId, ProblemSummary, SelectField, TextArea, TextField } from '../components/fields';
import { Loading, PageHeader } from '../components/layout';
import type { PlainKey } from '../i18n/catalog';
import { useI18n } from '../i18n/use-i18n';
import { RISK_LEVELS } from '../lib/format';
import { Link, navigate, usePageTitle } from '../lib/router';
import { useLoad } from '../lib/use-load';
import { CompactReminder } from './compact-reminder';
import { AssessmentSummary } from './project/assessment-summary';

type Outcome = DecideDto['outcome'];
type Level = RiskAcceptanceInputDto['acceptedLevel'];
const OUTCOMES: { value: Outcome; label: PlainKey; hint: PlainKey }[] = [
  { value: 'approve', label: 'decide.approve', hint: 'decide.approveHint' },
  { value: 'approve_with_conditions', label: 'decide.approveWithConditions', hint: 'decide.approveWithConditionsHint' },
  { value: 'request_changes', label: 'decide.requestChanges', hint: 'decide.requestChangesHint' },
  { value: 'reject', label: 'decide.reject', hint: 'decide.rejectHint' },
];

interface ConditionRow {
  text: string;
  ownerId: string;
  dueDate: string;
}

async function loadDecisionContext(projectId: string) {
  const project = await api.projects.projectsGet({ id: projectId });
  const assessments = await api.risk.assessmentsList({ id: projectId, limit: 20 });
  const assessment = assessments.items.find((a) => a.status === 'submitted');
  return { project, assessment };
}

function defaultConditions(project: ProjectDto, assessment: AssessmentDto | undefined): ConditionRow[] {
  return (assessment?.proposedConditions ?? []).map((c) => ({
    text: c.text,
    ownerId: c.ownerId ?? project.proposerId,
    dueDate: c.dueDate ?? project.targetLaunchDate ?? '',
  }));
}

/** Manager: the decision on a project awaiting it, with conditions and, against advice, a written risk acceptance. */
export function DecidePage({ projectId }: { projectId: string }) {
  const { t, tp, term, fmt } = useI18n();
  const ctx = useLoad(() => loadDecisionContext(projectId), [projectId]);
  usePageTitle(ctx.data ? t('decide.titleOf', { title: ctx.data.project.title }) : t('decide.title'));
  if (ctx.problem) return <ProblemSummary problem={ctx.problem} title={t('decide.cannotShow')} />;
  if (!ctx.data) return <Loading />;
  const { project, assessment } = ctx.data;
  return (
    <>
      <PageHeader
        title={t('decide.titleOf', { title: project.title })}
        eyebrow={<Link to={`/projects/${project.id}`}>{project.reference}</Link>}
      />
      <CompactReminder />
      <section className="card" aria-labelledby="case-title">
        <h2 id="case-title">{t('decide.case')}</h2>
        <dl className="details">
          <div>
            <dt>{t('projectField.customerTask')}</dt>
            <dd>{project.customerTask}</dd>
          </div>
          <div>
            <dt>{t('projectField.budget')}</dt>
            <dd>{fmt.money(project.budget)}</dd>
          </div>
          <div>
            <dt>{t('table.valueEffort')}</dt>
            <dd>
              {project.effortValue
                ? `${project.effortValue.valueScore} / ${project.effortValue.effortScore} (${term('verdict', project.effortValue.verdict)})`
                : '—'}
            </dd>
          </div>
          <div>
            <dt>{t('support.title')}</dt>
            <dd>{tp('support.count', project.supportCount)}</dd>
          </div>
          <div>
            <dt>{t('decide.overallRisk')}</dt>
            <dd>
              <RiskBadge level={assessment?.overallLevel ?? project.riskLevel} />
            </dd>
          </div>
          <div>
            <dt>{t('decide.advice')}</dt>
            <dd>{assessment?.recommendation ? term('recommendation', assessment.recommendation) : '—'}</dd>
          </div>
        </dl>
      </section>
      {project.allowedActions.some((a) => a.startsWith('decide_')) ? (
        <DecisionForm project={project} assessment={assessment} />
      ) : (
        <p className="notice">
          {t('decide.cannotNow', { state: term('state', project.state) })}{' '}
          <Link to={`/projects/${project.id}`}>{t('decide.backToProject')}</Link>
        </p>
      )}
      <AssessmentSummary project={project} refreshKey={0} />
    </>
  );
}

function DecisionForm({ project, assessment }: { project: ProjectDto; assessment: AssessmentDto | undefined }) {
  const { t, term } = useI18n();
  const againstAdvice = assessment?.recommendation === 'do_not_proceed';
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [rationale, setRationale] = useState('');
  const [conditions, setConditions] = useState<ConditionRow[]>(() => defaultConditions(project, assessment));
  const [acceptRisk, setAcceptRisk] = useState(againstAdvice);
  const [acceptance, setAcceptance] = useState<{ statement: string; acceptedLevel: string; expiresOn: string }>({
    statement: '',
    acceptedLevel: assessment?.overallLevel ?? 'high',
    expiresOn: '',
  });
  const [problem, setProblem] = useState<ApiProblem>();
  const [pending, setPending] = useState(false);
  const approving = outcome === 'approve' || outcome === 'approve_with_conditions';
  const owners = [project.proposer, ...project.team, ...(project.assignedAdvisor ? [project.assignedAdvisor] : [])];

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setPending(true);
    setProblem(undefined);
    try {
      const body: DecideDto = {
        outcome: outcome as Outcome,
        rationale,
        ...(outcome === 'approve_with_conditions' ? { conditions } : {}),
        ...(approving && acceptRisk ? { riskAcceptance: { ...acceptance, acceptedLevel: acceptance.acceptedLevel as Level } } : {}),
      };
      await api.decisions.decisionsDecide({ id: project.id }, body);
      navigate(`/projects/${project.id}`);
    } catch (err) {
      setProblem(toApiProblem(err));
    } finally {
      setPending(false);
    }
  };
  const setC = (i: number, patch: Partial<ConditionRow>) => setConditions(conditions.map((c, j) => (i === j ? { ...c, ...patch } : c)));

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="decision-title">
      <h2 id="decision-title">{t('decide.yours')}</h2>
      <ProblemSummary problem={problem} />
      <fieldset className={`field${problem?.names('outcome') ? ' field-invalid' : ''}`} id={fieldId('outcome')}>
        <legend>{t('decide.outcome')}</legend>
        {problem?.fieldMessages('outcome').length ? <p className="field-error">{problem.fieldMessages('outcome').join('. ')}</p> : null}
        {OUTCOMES.map((o) => (
          <label key={o.value} className="radio block-radio">
            <input type="radio" name="outcome" value={o.value} checked={outcome === o.value} onChange={() => setOutcome(o.value)} />
            <span>
              <strong>{t(o.label)}</strong> <span className="hint">{t(o.hint)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <TextArea
        name="rationale"
        label={t('decide.rationale')}
        hint={t('decide.rationaleHint')}
        value={rationale}
        onChange={setRationale}
        problem={problem}
        required
      />
      {outcome === 'approve_with_conditions' ? (
        <fieldset className="field">
          <legend>{t('conditions.title')}</legend>
          {problem?.fieldMessages('conditions').length ? (
            <p className="field-error" id={fieldId('conditions')}>
              {problem.fieldMessages('conditions').join('. ')}
            </p>
          ) : null}
          {conditions.map((c, i) => (
            <fieldset key={i} className="row-group">
              <legend>{t('decide.conditionN', { n: i + 1 })}</legend>
              <TextArea
                name={`conditions[${i}].text`}
                label={t('decide.condition')}
                rows={2}
                value={c.text}
                onChange={(text) => setC(i, { text })}
                problem={problem}
                required
              />
              <div className="inline-fields">
                <SelectField
                  name={`conditions[${i}].ownerId`}
                  label={t('decide.owner')}
                  value={c.ownerId}
                  onChange={(ownerId) => setC(i, { ownerId })}
                  options={owners.map((o) => ({ value: o.id, label: o.displayName }))}
                  problem={problem}
                />
                <TextField
                  name={`conditions[${i}].dueDate`}
                  label={t('decide.due')}
                  type="date"
                  value={c.dueDate}
                  onChange={(dueDate) => setC(i, { dueDate })}
                  problem={problem}
                  required
                />
              </div>
              <button type="button" className="link-button danger" onClick={() => setConditions(conditions.filter((_, j) => j !== i))}>
                {t('decide.removeCondition', { n: i + 1 })}
              </button>
            </fieldset>
          ))}
          <button
            type="button"
            onClick={() =>
              setConditions([...conditions, { text: '', ownerId: project.proposerId, dueDate: project.targetLaunchDate ?? '' }])
            }
          >
            {t('decide.addCondition')}
          </button>
        </fieldset>
      ) : null}
      {approving ? (
        <fieldset className="field risk-acceptance">
          <legend>{t('decide.riskAcceptance')}</legend>
          {againstAdvice ? (
            <p className="notice">{t('decide.againstAdvice')}</p>
          ) : (
            <label className="checkbox">
              <input type="checkbox" checked={acceptRisk} onChange={(e) => setAcceptRisk(e.target.checked)} />{' '}
              {t('decide.recordAcceptance')}
            </label>
          )}
          {acceptRisk ? (
            <>
              <TextArea
                name="riskAcceptance.statement"
                label={t('decide.statement')}
                hint={t('decide.statementHint')}
                value={acceptance.statement}
                onChange={(statement) => setAcceptance({ ...acceptance, statement })}
                problem={problem}
                alsoFor={['riskAcceptance']}
                required
              />
              <div className="inline-fields">
                <SelectField
                  name="riskAcceptance.acceptedLevel"
                  label={t('decide.levelAccepted')}
                  value={acceptance.acceptedLevel}
                  onChange={(acceptedLevel) => setAcceptance({ ...acceptance, acceptedLevel })}
                  options={RISK_LEVELS.map((l) => ({ value: l, label: term('risk', l) }))}
                  problem={problem}
                />
                <TextField
                  name="riskAcceptance.expiresOn"
                  label={t('decide.reviewBy')}
                  type="date"
                  value={acceptance.expiresOn}
                  onChange={(expiresOn) => setAcceptance({ ...acceptance, expiresOn })}
                  problem={problem}
                  required
                />
              </div>
            </>
          ) : null}
        </fieldset>
      ) : null}
      {approving && (assessment?.overallLevel === 'high' || assessment?.overallLevel === 'critical') ? (
        <p className="hint">{t('decide.cioCosigns', { level: term('risk', assessment.overallLevel).toLowerCase() })}</p>
      ) : null}
      <div className="button-row">
        <Link to={`/projects/${project.id}`} className="button">
          {t('common.cancel')}
        </Link>
        <button type="submit" className="primary" disabled={pending}>
          {t('decide.submit')}
        </button>
      </div>
    </form>
  );
}
