import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { ProjectDto } from '../../api/generated/api';
import { ProblemSummary, SelectField, TextArea } from '../../components/fields';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useAction, useLoad } from '../../lib/use-load';

type Run = (id: string, text: string, advisorId: string) => Promise<ProjectDto>;

interface ActionSpec {
  label: string;
  /** A page of its own (assessment, decision, co-sign). */
  page?: string;
  /** The text the action needs, with the API field it goes in. */
  input?: { name: string; label: string; required: boolean };
  run?: Run;
  danger?: boolean;
  primary?: boolean;
}

/**
 * One button per lifecycle action the API says the caller may take now (ProjectDto.allowedActions,
 * derived on the server from the lifecycle table): the buttons can never offer a refused action.
 */
const ACTIONS: Record<string, ActionSpec> = {
  submit: { label: 'Submit for assessment', primary: true, run: (id) => api.projects.projectActionsSubmit({ id }) },
  assign: {
    label: 'Assign advisor',
    primary: true,
    run: (id, _t, advisorId) => api.projects.projectActionsAssign({ id }, advisorId ? { advisorId } : {}),
  },
  request_info: {
    label: 'Ask the proposer',
    input: { name: 'question', label: 'Your question for the proposer', required: true },
    run: (id, question) => api.projects.projectActionsRequestInfo({ id }, { question }),
  },
  respond: {
    label: 'Answer the question',
    primary: true,
    input: { name: 'answer', label: 'Your answer', required: true },
    run: (id, answer) => api.projects.projectActionsRespond({ id }, { answer }),
  },
  complete_assessment: { label: 'Open the assessment', page: 'assessment', primary: true },
  decide_approve: { label: 'Decide', page: 'decide', primary: true },
  decide_reject: { label: 'Decide', page: 'decide' },
  decide_request_changes: { label: 'Decide', page: 'decide' },
  cosign: { label: 'Co-sign or decline', page: 'cosign', primary: true },
  decline_cosign: { label: 'Co-sign or decline', page: 'cosign' },
  // Changing what the decision approved (budget, data, technologies, vendors) sends it back to review.
  amend: { label: 'Amend the project', page: 'edit' },
  start_delivery: { label: 'Start delivery', primary: true, run: (id) => api.delivery.deliveryStartDelivery({ id }) },
  launch: { label: 'Launch', primary: true, run: (id) => api.delivery.deliveryLaunch({ id }) },
  retire: {
    label: 'Retire',
    danger: true,
    input: { name: 'reason', label: 'Why is it retired?', required: true },
    run: (id, reason) => api.delivery.deliveryRetire({ id }, { reason }),
  },
  withdraw: {
    label: 'Withdraw',
    danger: true,
    input: { name: 'reason', label: 'Why are you withdrawing it? (optional)', required: false },
    run: (id, reason) => api.projects.projectActionsWithdraw({ id }, reason ? { reason } : {}),
  },
};

function AdvisorPicker({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const advisors = useLoad(async () => {
    const [a, c] = await Promise.all([
      api.people.usersList({ role: 'it_advisor', limit: 100 }),
      api.people.usersList({ role: 'cio', limit: 100 }),
    ]);
    return [...a.items, ...c.items].filter((u, i, all) => all.findIndex((x) => x.id === u.id) === i);
  }, []);
  return (
    <SelectField
      name="advisorId"
      label="Advisor"
      value={value}
      onChange={onChange}
      placeholder="Myself"
      options={(advisors.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
    />
  );
}

export function ActionBar({ project, onChanged }: { project: ProjectDto; onChanged: (p: ProjectDto) => void }) {
  const { me, can } = useSession();
  const [open, setOpen] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [advisorId, setAdvisorId] = useState('');
  const action = useAction(async (key: string) => {
    const spec = ACTIONS[key];
    if (!spec?.run) return;
    const updated = await spec.run(project.id, text.trim(), advisorId);
    setOpen(null);
    setText('');
    onChanged(updated);
  });

  const isTeam = project.proposerId === me?.id || project.team.some((t) => t.id === me?.id);
  const editable = isTeam && ['draft', 'info_requested', 'changes_requested'].includes(project.state);
  // Several decision actions share one page: show each page link once.
  const seen = new Set<string>();
  const keys = project.allowedActions.filter((a) => {
    const spec = ACTIONS[a];
    if (!spec) return false;
    const id = spec.page ?? a;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const needsForm = (key: string): boolean => Boolean(ACTIONS[key].input) || (key === 'assign' && can('project.assign'));

  const start = (key: string): void => {
    action.clear();
    if (needsForm(key)) setOpen(key);
    else void action.run(key);
  };
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (open) void action.run(open);
  };
  const spec = open ? ACTIONS[open] : undefined;

  if (keys.length === 0 && !editable) return null;
  return (
    <section className="action-bar" aria-label="What you can do now">
      <div className="button-row">
        {editable ? (
          <Link to={`/projects/${project.id}/edit`} className="button">
            Edit project
          </Link>
        ) : null}
        {keys.map((key) => {
          const s = ACTIONS[key];
          const cls = s.danger ? 'danger' : s.primary ? 'primary' : undefined;
          return s.page ? (
            <Link key={key} to={`/projects/${project.id}/${s.page}`} className={`button ${cls ?? ''}`}>
              {s.label}
            </Link>
          ) : (
            <button
              key={key}
              type="button"
              className={cls}
              disabled={action.pending}
              aria-expanded={needsForm(key) ? open === key : undefined}
              onClick={() => start(key)}
            >
              {s.label}
            </button>
          );
        })}
      </div>
      {!open ? <ProblemSummary problem={action.problem} /> : null}
      {open && spec ? (
        <form className="action-form card" onSubmit={submit} noValidate>
          <h2>{spec.label}</h2>
          <ProblemSummary problem={action.problem} />
          {open === 'assign' ? <AdvisorPicker value={advisorId} onChange={setAdvisorId} /> : null}
          {spec.input ? (
            <TextArea
              name={spec.input.name}
              label={spec.input.label}
              required={spec.input.required}
              value={text}
              onChange={setText}
              problem={action.problem}
            />
          ) : null}
          <div className="button-row">
            <button type="button" onClick={() => setOpen(null)}>
              Cancel
            </button>
            <button type="submit" className={spec.danger ? 'danger' : 'primary'} disabled={action.pending}>
              {spec.label}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
