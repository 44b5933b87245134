import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { AssessmentDto, DecideDto, ProjectDto, RiskAcceptanceInputDto } from '../api/generated/api';
import { toApiProblem, type ApiProblem } from '../api/problem';
import { RiskBadge } from '../components/badges';
import { fieldId, ProblemSummary, SelectField, TextArea, TextField } from '../components/fields';
import { Loading, PageHeader } from '../components/layout';
import { formatMoney, RISK_LEVELS, humanize } from '../lib/format';
import { Link, navigate, usePageTitle } from '../lib/router';
import { RECOMMENDATION_LABELS } from '../lib/risk';
import { useLoad } from '../lib/use-load';
import { CompactReminder } from './compact-reminder';
import { AssessmentSummary } from './project/assessment-summary';

type Outcome = DecideDto['outcome'];
type Level = RiskAcceptanceInputDto['acceptedLevel'];
const OUTCOMES: { value: Outcome; label: string; hint: string }[] = [
  { value: 'approve', label: 'Approve', hint: 'Go ahead as proposed.' },
  {
    value: 'approve_with_conditions',
    label: 'Approve with conditions',
    hint: 'Go ahead; launch waits until every condition is met or waived.',
  },
  { value: 'request_changes', label: 'Request changes', hint: 'The HERO revises and resubmits; a new assessment follows.' },
  { value: 'reject', label: 'Reject', hint: 'The project stops here.' },
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
  const ctx = useLoad(() => loadDecisionContext(projectId), [projectId]);
  usePageTitle(ctx.data ? `Decide on ${ctx.data.project.title}` : 'Decision');
  if (ctx.problem) return <ProblemSummary problem={ctx.problem} title="This decision cannot be shown" />;
  if (!ctx.data) return <Loading />;
  const { project, assessment } = ctx.data;
  return (
    <>
      <PageHeader title={`Decide: ${project.title}`} eyebrow={<Link to={`/projects/${project.id}`}>{project.reference}</Link>} />
      <CompactReminder />
      <section className="card" aria-labelledby="case-title">
        <h2 id="case-title">The case</h2>
        <dl className="details">
          <div>
            <dt>Customer task</dt>
            <dd>{project.customerTask}</dd>
          </div>
          <div>
            <dt>Budget</dt>
            <dd>{formatMoney(project.budget)}</dd>
          </div>
          <div>
            <dt>Value / effort</dt>
            <dd>
              {project.effortValue
                ? `${project.effortValue.valueScore} / ${project.effortValue.effortScore} (${humanize(project.effortValue.verdict)})`
                : '—'}
            </dd>
          </div>
          <div>
            <dt>Overall risk</dt>
            <dd>
              <RiskBadge level={assessment?.overallLevel ?? project.riskLevel} />
            </dd>
          </div>
          <div>
            <dt>Advice</dt>
            <dd>{assessment?.recommendation ? RECOMMENDATION_LABELS[assessment.recommendation] : '—'}</dd>
          </div>
        </dl>
      </section>
      {project.allowedActions.some((a) => a.startsWith('decide_')) ? (
        <DecisionForm project={project} assessment={assessment} />
      ) : (
        <p className="notice">
          You cannot decide on this project now (it is {humanize(project.state)}).{' '}
          <Link to={`/projects/${project.id}`}>Back to the project</Link>
        </p>
      )}
      <AssessmentSummary project={project} refreshKey={0} />
    </>
  );
}

function DecisionForm({ project, assessment }: { project: ProjectDto; assessment: AssessmentDto | undefined }) {
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
      <h2 id="decision-title">Your decision</h2>
      <ProblemSummary problem={problem} />
      <fieldset className={`field${problem?.names('outcome') ? ' field-invalid' : ''}`} id={fieldId('outcome')}>
        <legend>Outcome</legend>
        {problem?.fieldMessages('outcome').length ? <p className="field-error">{problem.fieldMessages('outcome').join('. ')}</p> : null}
        {OUTCOMES.map((o) => (
          <label key={o.value} className="radio block-radio">
            <input type="radio" name="outcome" value={o.value} checked={outcome === o.value} onChange={() => setOutcome(o.value)} />
            <span>
              <strong>{o.label}</strong> <span className="hint">{o.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <TextArea
        name="rationale"
        label="Rationale"
        hint="Why: written for the HERO and the record."
        value={rationale}
        onChange={setRationale}
        problem={problem}
        required
      />
      {outcome === 'approve_with_conditions' ? (
        <fieldset className="field">
          <legend>Conditions of approval</legend>
          {problem?.fieldMessages('conditions').length ? (
            <p className="field-error" id={fieldId('conditions')}>
              {problem.fieldMessages('conditions').join('. ')}
            </p>
          ) : null}
          {conditions.map((c, i) => (
            <fieldset key={i} className="row-group">
              <legend>Condition {i + 1}</legend>
              <TextArea
                name={`conditions[${i}].text`}
                label="Condition"
                rows={2}
                value={c.text}
                onChange={(text) => setC(i, { text })}
                problem={problem}
                required
              />
              <div className="inline-fields">
                <SelectField
                  name={`conditions[${i}].ownerId`}
                  label="Owner"
                  value={c.ownerId}
                  onChange={(ownerId) => setC(i, { ownerId })}
                  options={owners.map((o) => ({ value: o.id, label: o.displayName }))}
                  problem={problem}
                />
                <TextField
                  name={`conditions[${i}].dueDate`}
                  label="Due"
                  type="date"
                  value={c.dueDate}
                  onChange={(dueDate) => setC(i, { dueDate })}
                  problem={problem}
                  required
                />
              </div>
              <button type="button" className="link-button danger" onClick={() => setConditions(conditions.filter((_, j) => j !== i))}>
                Remove condition {i + 1}
              </button>
            </fieldset>
          ))}
          <button
            type="button"
            onClick={() =>
              setConditions([...conditions, { text: '', ownerId: project.proposerId, dueDate: project.targetLaunchDate ?? '' }])
            }
          >
            Add a condition
          </button>
        </fieldset>
      ) : null}
      {approving ? (
        <fieldset className="field risk-acceptance">
          <legend>Risk acceptance</legend>
          {againstAdvice ? (
            <p className="notice">
              The advisor recommends not to proceed. Approving needs your written acceptance of the residual risk, with an expiry date.
            </p>
          ) : (
            <label className="checkbox">
              <input type="checkbox" checked={acceptRisk} onChange={(e) => setAcceptRisk(e.target.checked)} /> Record a written risk
              acceptance with this approval
            </label>
          )}
          {acceptRisk ? (
            <>
              <TextArea
                name="riskAcceptance.statement"
                label="Statement"
                hint="In your words: which residual risk you accept, and why."
                value={acceptance.statement}
                onChange={(statement) => setAcceptance({ ...acceptance, statement })}
                problem={problem}
                alsoFor={['riskAcceptance']}
                required
              />
              <div className="inline-fields">
                <SelectField
                  name="riskAcceptance.acceptedLevel"
                  label="Level accepted"
                  value={acceptance.acceptedLevel}
                  onChange={(acceptedLevel) => setAcceptance({ ...acceptance, acceptedLevel })}
                  options={RISK_LEVELS.map((l) => ({ value: l, label: humanize(l) }))}
                  problem={problem}
                />
                <TextField
                  name="riskAcceptance.expiresOn"
                  label="Review by"
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
        <p className="hint">The overall risk is {assessment.overallLevel}: after your approval the CIO co-signs.</p>
      ) : null}
      <div className="button-row">
        <Link to={`/projects/${project.id}`} className="button">
          Cancel
        </Link>
        <button type="submit" className="primary" disabled={pending}>
          Record the decision
        </button>
      </div>
    </form>
  );
}
