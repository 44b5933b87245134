import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { ProjectDto } from '../../api/generated/api';
import { ProblemSummary, TextArea } from '../../components/fields';
import { useI18n } from '../../i18n/use-i18n';
import { CLOSED_STATES } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useAction, useLoad } from '../../lib/use-load';

/**
 * Colleagues' support ("my customers need this"): the count, who supports it and why, and for a
 * colleague outside the team a button with an optional note. One support per person; supporting
 * again replaces the note.
 */
export function Support({ project, onChanged }: { project: ProjectDto; onChanged: () => void }) {
  const { t, tp, fmt } = useI18n();
  const { me, can } = useSession();
  const list = useLoad(() => api.supports.supportsList({ id: project.id, limit: 100 }), [project.id, project.supportCount]);
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const items = list.data?.items ?? [];
  const mine = items.find((s) => s.supporter.id === me?.id);
  const save = useAction(async () => {
    await api.supports.supportsSupport({ id: project.id }, note.trim() ? { note } : {});
    setOpen(false);
    onChanged();
    list.reload();
  });
  const withdraw = useAction(async () => {
    await api.supports.supportsWithdraw({ id: project.id });
    onChanged();
    list.reload();
  });
  const isTeam = project.proposerId === me?.id || project.team.some((m) => m.id === me?.id);
  const mayAct = can('project.support') && !isTeam && !CLOSED_STATES.includes(project.state);
  const start = (): void => {
    setNote(mine?.note ?? '');
    save.clear();
    setOpen(true);
  };
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void save.run();
  };
  if (!mayAct && items.length === 0) return null;

  return (
    <section className="card" aria-labelledby="support-title">
      <h2 id="support-title">{t('support.title')}</h2>
      <p className="support-count">{tp('support.count', project.supportCount)}</p>
      <ProblemSummary problem={list.problem ?? withdraw.problem} />
      {items.length ? (
        <ul className="supports">
          {items.map((s) => (
            <li key={s.id}>
              <strong>{s.supporter.displayName}</strong>
              {s.supporter.orgUnitName ? <span className="hint"> · {s.supporter.orgUnitName}</span> : null}
              <span className="hint"> · {fmt.date(s.updatedAt)}</span>
              {s.note ? <p>{s.note}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {mayAct && !open ? (
        <div className="button-row">
          {mine ? (
            <>
              <p className="ok">{t('support.yours')}</p>
              <button type="button" className="small" onClick={start}>
                {t('support.changeNote')}
              </button>
              <button type="button" className="small" disabled={withdraw.pending} onClick={() => void withdraw.run()}>
                {t('support.withdraw')}
              </button>
            </>
          ) : (
            <button type="button" className="primary" onClick={start}>
              {t('support.support')}
            </button>
          )}
        </div>
      ) : null}
      {open ? (
        <form onSubmit={submit} noValidate>
          <ProblemSummary problem={save.problem} />
          <TextArea
            name="note"
            label={t('support.note')}
            hint={t('support.noteHint')}
            rows={3}
            value={note}
            onChange={setNote}
            problem={save.problem}
            maxLength={1000}
          />
          <div className="button-row">
            <button type="button" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="primary" disabled={save.pending}>
              {mine ? t('support.saveNote') : t('support.support')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
