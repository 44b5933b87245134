import { useState, type FormEvent } from 'react';
import { api, ifMatch } from '../../api/client';
import type { ConditionDto, ProjectDto } from '../../api/generated/api';
import { ProblemSummary, TextArea } from '../../components/fields';
import { useI18n } from '../../i18n/use-i18n';
import { useSession } from '../../lib/session';
import { useAction, useLoad } from '../../lib/use-load';

/** Conditions of approval: they block launch while open; the owner marks them met, the deciding manager may waive them. */
export function Conditions({ project, refreshKey, onChanged }: { project: ProjectDto; refreshKey: number; onChanged: () => void }) {
  const { me } = useSession();
  const { t, tp, term, fmt } = useI18n();
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
      <h2 id="conditions-title">{t('conditions.title')}</h2>
      <p className={openCount ? 'hint' : 'ok'}>
        {openCount ? tp('conditions.open', openCount, { total: items.length }) : t('conditions.allClosed')}
      </p>
      <ul className="conditions">
        {items.map((c) => (
          <li key={c.id} className={`condition condition-${c.status}`}>
            <p>
              <span className={`badge ${c.status === 'open' ? 'warn' : 'good'}`}>{term('conditionStatus', c.status)}</span> {c.text}
            </p>
            <p className="hint">
              {t('conditions.ownerDue', { owner: c.owner.displayName, due: fmt.date(c.dueDate) })}
              {c.overdue ? ` — ${t('conditions.overdue')}` : ''}
              {c.closedBy ? ` · ${t('conditions.closedBy', { name: c.closedBy.displayName, when: fmt.dateTime(c.closedAt) })}` : ''}
            </p>
            {c.evidenceNote ? <p>{t('conditions.evidence', { note: c.evidenceNote })}</p> : null}
            {c.waiverReason ? <p>{t('conditions.waivedBecause', { reason: c.waiverReason })}</p> : null}
            {c.status === 'open' && open?.id !== c.id ? (
              <div className="button-row">
                {c.owner.id === me?.id ? (
                  <button
                    aria-label={t('conditions.markMetOf', { text: c.text })}
                    type="button"
                    onClick={() => setOpen({ id: c.id, status: 'met' })}
                  >
                    {t('conditions.markMet')}
                  </button>
                ) : null}
                {decidedById === me?.id ? (
                  <button
                    aria-label={t('conditions.waiveOf', { text: c.text })}
                    type="button"
                    onClick={() => setOpen({ id: c.id, status: 'waived' })}
                  >
                    {t('conditions.waive')}
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
                  label={open.status === 'met' ? t('conditions.howMet') : t('conditions.whyWaive')}
                  rows={2}
                  value={text}
                  onChange={setText}
                  problem={update.problem}
                  required
                />
                <div className="button-row">
                  <button type="button" onClick={() => setOpen(null)}>
                    {t('common.cancel')}
                  </button>
                  <button type="submit" className="primary" disabled={update.pending}>
                    {open.status === 'met' ? t('conditions.confirmMet') : t('conditions.confirmWaive')}
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
