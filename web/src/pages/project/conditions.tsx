import { useState, type FormEvent } from 'react';
import { api, ifMatch } from '../../api/client';
import type { ConditionDto, ProjectDto } from '../../api/generated/api';
import { ProblemSummary, TextArea } from '../../components/fields';
import { formatDate, formatDateTime } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useAction, useLoad } from '../../lib/use-load';

const STATUS: Record<string, string> = { open: 'Open', met: 'Met', waived: 'Waived' };

/** Conditions of approval: they block launch while open; the owner marks them met, the deciding manager may waive them. */
export function Conditions({ project, refreshKey, onChanged }: { project: ProjectDto; refreshKey: number; onChanged: () => void }) {
  const { me } = useSession();
  const conditions = useLoad(() => api.decisions.decisionsListConditions({ id: project.id }), [project.id, refreshKey]);
  const [open, setOpen] = useState<{ id: string; status: 'met' | 'waived' } | null>(null);
  const [text, setText] = useState('');
  const update = useAction(async (c: ConditionDto) => {
    if (!open) return;
    const body = open.status === 'met' ? { status: 'met' as const, evidenceNote: text } : { status: 'waived' as const, reason: text };
    await api.decisions.decisionsUpdateCondition({ id: project.id, conditionId: c.id }, body, ifMatch(c.version));
    setOpen(null);
    setText('');
    conditions.reload();
    onChanged();
  });
  const items = conditions.data?.items ?? [];
  if (items.length === 0) return null;
  const decidedById = project.decision?.decidedById;
  const openCount = items.filter((c) => c.status === 'open').length;

  return (
    <section className="card" aria-labelledby="conditions-title">
      <h2 id="conditions-title">Conditions of approval</h2>
      <p className={openCount ? 'hint' : 'ok'}>
        {openCount
          ? `${openCount} of ${items.length} still open: launch waits until each is met or waived.`
          : 'Every condition is met or waived.'}
      </p>
      <ul className="conditions">
        {items.map((c) => (
          <li key={c.id} className={`condition condition-${c.status}`}>
            <p>
              <span className={`badge ${c.status === 'open' ? 'warn' : 'good'}`}>{STATUS[c.status] ?? c.status}</span> {c.text}
            </p>
            <p className="hint">
              Owner {c.owner.displayName}, due {formatDate(c.dueDate)}
              {c.overdue ? ' — overdue' : ''}
              {c.closedBy ? ` · closed by ${c.closedBy.displayName} ${formatDateTime(c.closedAt)}` : ''}
            </p>
            {c.evidenceNote ? <p>Evidence: {c.evidenceNote}</p> : null}
            {c.waiverReason ? <p>Waived because: {c.waiverReason}</p> : null}
            {c.status === 'open' && open?.id !== c.id ? (
              <div className="button-row">
                {c.owner.id === me?.id ? (
                  <button aria-label={`Mark as met: ${c.text}`} type="button" onClick={() => setOpen({ id: c.id, status: 'met' })}>
                    Mark as met
                  </button>
                ) : null}
                {decidedById === me?.id ? (
                  <button aria-label={`Waive: ${c.text}`} type="button" onClick={() => setOpen({ id: c.id, status: 'waived' })}>
                    Waive
                  </button>
                ) : null}
              </div>
            ) : null}
            {open?.id === c.id ? (
              <form
                onSubmit={(e: FormEvent) => {
                  e.preventDefault();
                  void update.run(c);
                }}
                noValidate
              >
                <ProblemSummary problem={update.problem} />
                <TextArea
                  name={open.status === 'met' ? 'evidenceNote' : 'reason'}
                  label={open.status === 'met' ? 'How was it met? (link, ticket, document)' : 'Why does it no longer apply?'}
                  rows={2}
                  value={text}
                  onChange={setText}
                  problem={update.problem}
                  required
                />
                <div className="button-row">
                  <button type="button" onClick={() => setOpen(null)}>
                    Cancel
                  </button>
                  <button type="submit" className="primary" disabled={update.pending}>
                    {open.status === 'met' ? 'Confirm it is met' : 'Waive the condition'}
                  </button>
                </div>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
