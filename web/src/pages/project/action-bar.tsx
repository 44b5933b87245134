import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { ProjectDto } from '../../api/generated/api';
import { ProblemSummary, SelectField, TextArea } from '../../components/fields';
import type { PlainKey } from '../../i18n/catalog';
import { useI18n } from '../../i18n/use-i18n';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useAction, useLoad } from '../../lib/use-load';

type Run = (id: string, text: string, advisorId: string) => Promise<ProjectDto>;

interface ActionSpec {
  label: PlainKey;
  /** A page of its own (assessment, decision, co-sign). */
  page?: string;
  /** The text the action needs, with the API field it goes in. */
  input?: { name: string; label: PlainKey; required: boolean };
  run?: Run;
  danger?: boolean;
  primary?: boolean;
}

/**
 * One button per lifecycle action the API says the caller may take now (ProjectDto.allowedActions,
 * derived on the server from the lifecycle table): the buttons can never offer a refused action.
 */
const ACTIONS: Record<string, ActionSpec> = {
  submit: { label: 'action.submit', primary: true, run: (id) => api.projects.projectActionsSubmit({ id }) },
  assign: {
    label: 'action.assign',
    primary: true,
    run: (id, _t, advisorId) => api.projects.projectActionsAssign({ id }, advisorId ? { advisorId } : {}),
  },
  request_info: {
    label: 'action.request_info',
    input: { name: 'question', label: 'action.request_info.input', required: true },
    run: (id, question) => api.projects.projectActionsRequestInfo({ id }, { question }),
  },
  respond: {
    label: 'action.respond',
    primary: true,
    input: { name: 'answer', label: 'action.respond.input', required: true },
    run: (id, answer) => api.projects.projectActionsRespond({ id }, { answer }),
  },
  complete_assessment: { label: 'action.complete_assessment', page: 'assessment', primary: true },
  decide_approve: { label: 'action.decide', page: 'decide', primary: true },
  decide_reject: { label: 'action.decide', page: 'decide' },
  decide_request_changes: { label: 'action.decide', page: 'decide' },
  cosign: { label: 'action.cosign', page: 'cosign', primary: true },
  decline_cosign: { label: 'action.cosign', page: 'cosign' },
  // Changing what the decision approved (budget, data, technologies, vendors) sends it back to review.
  amend: { label: 'action.amend', page: 'edit' },
  start_delivery: { label: 'action.start_delivery', primary: true, run: (id) => api.delivery.deliveryStartDelivery({ id }) },
  launch: { label: 'action.launch', primary: true, run: (id) => api.delivery.deliveryLaunch({ id }) },
  retire: {
    label: 'action.retire',
    danger: true,
    input: { name: 'reason', label: 'action.retire.input', required: true },
    run: (id, reason) => api.delivery.deliveryRetire({ id }, { reason }),
  },
  withdraw: {
    label: 'action.withdraw',
    danger: true,
    input: { name: 'reason', label: 'action.withdraw.input', required: false },
    run: (id, reason) => api.projects.projectActionsWithdraw({ id }, reason ? { reason } : {}),
  },
};

function AdvisorPicker({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useI18n();
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
      label={t('action.assign.advisor')}
      value={value}
      onChange={onChange}
      placeholder={t('action.assign.myself')}
      options={(advisors.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
    />
  );
}

export function ActionBar({ project, onChanged }: { project: ProjectDto; onChanged: (p: ProjectDto) => void }) {
  const { me, can } = useSession();
  const { t } = useI18n();
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
    <section className="action-bar" aria-label={t('action.bar')}>
      <div className="button-row">
        {editable ? (
          <Link to={`/projects/${project.id}/edit`} className="button">
            {t('action.edit')}
          </Link>
        ) : null}
        {keys.map((key) => {
          const s = ACTIONS[key];
          const cls = s.danger ? 'danger' : s.primary ? 'primary' : undefined;
          return s.page ? (
            <Link key={key} to={`/projects/${project.id}/${s.page}`} className={`button ${cls ?? ''}`}>
              {t(s.label)}
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
              {t(s.label)}
            </button>
          );
        })}
      </div>
      {!open ? <ProblemSummary problem={action.problem} /> : null}
      {open && spec ? (
        <form className="action-form card" onSubmit={submit} noValidate>
          <h2>{t(spec.label)}</h2>
          <ProblemSummary problem={action.problem} />
          {open === 'assign' ? <AdvisorPicker value={advisorId} onChange={setAdvisorId} /> : null}
          {spec.input ? (
            <TextArea
              name={spec.input.name}
              label={t(spec.input.label)}
              required={spec.input.required}
              value={text}
              onChange={setText}
              problem={action.problem}
            />
          ) : null}
          <div className="button-row">
            <button type="button" onClick={() => setOpen(null)}>
              {t('common.cancel')}
            </button>
            <button type="submit" className={spec.danger ? 'danger' : 'primary'} disabled={action.pending}>
              {t(spec.label)}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
