import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { ProjectDto, ReviewInputDto } from '../../api/generated/api';
import { ProblemSummary, SelectField, TextArea } from '../../components/fields';
import type { PlainKey } from '../../i18n/catalog';
import { useI18n } from '../../i18n/use-i18n';
import { useSession } from '../../lib/session';
import { useAction, useLoad } from '../../lib/use-load';

const OUTCOMES: { value: ReviewInputDto['outcome']; label: PlainKey }[] = [
  { value: 'scale', label: 'reviews.scale' },
  { value: 'iterate', label: 'reviews.iterate' },
  { value: 'stop', label: 'reviews.stop' },
];

/** Post-launch reviews 30 and 90 days after launch: the sponsoring manager decides scale, iterate or stop. */
export function Reviews({ project, refreshKey, onChanged }: { project: ProjectDto; refreshKey: number; onChanged: () => void }) {
  const { can } = useSession();
  const { t, term, fmt } = useI18n();
  const schedule = useLoad(() => api.delivery.deliverySchedule({ id: project.id }), [project.id, refreshKey]);
  const [form, setForm] = useState({ outcome: 'iterate', rationale: '' });
  const due = schedule.data?.items.find((r) => r.status === 'due');
  const record = useAction(async () => {
    if (!due) return;
    await api.delivery.deliveryRecord(
      { id: project.id },
      {
        milestone: due.milestone,
        outcome: form.outcome as ReviewInputDto['outcome'],
        rationale: form.rationale,
      },
    );
    schedule.reload();
    onChanged();
  });
  if (!schedule.data?.launchedOn) return null;

  return (
    <section className="card" aria-labelledby="reviews-title">
      <h2 id="reviews-title">{t('reviews.title')}</h2>
      <p className="hint">{t('reviews.lead', { date: fmt.date(schedule.data.launchedOn) })}</p>
      <ul className="conditions">
        {schedule.data.items.map((r) => (
          <li key={r.milestone} className="condition">
            <p>
              <span className={`badge ${r.status === 'done' ? 'good' : r.status === 'due' ? 'warn' : ''}`}>
                {term('reviewStatus', r.status)}
              </span>{' '}
              {t('reviews.milestone', { days: r.milestone, due: fmt.date(r.dueOn) })}
            </p>
            {r.review ? (
              <p>
                <strong>{term('reviewOutcome', r.review.outcome)}</strong> — {r.review.rationale} ({r.review.reviewer.displayName},{' '}
                {fmt.dateTime(r.review.recordedAt)})
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {due && can('project.decide') ? (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void record.run();
          }}
          noValidate
        >
          <h3>{t('reviews.record', { days: due.milestone })}</h3>
          <ProblemSummary problem={record.problem} />
          <SelectField
            name="outcome"
            label={t('decide.outcome')}
            value={form.outcome}
            onChange={(outcome) => setForm({ ...form, outcome })}
            options={OUTCOMES.map((o) => ({ value: o.value, label: t(o.label) }))}
            problem={record.problem}
          />
          <TextArea
            name="rationale"
            label={t('reviews.why')}
            value={form.rationale}
            onChange={(rationale) => setForm({ ...form, rationale })}
            problem={record.problem}
            required
          />
          <button type="submit" className="primary" disabled={record.pending}>
            {t('reviews.submit')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
