import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { ProjectDto, ReviewInputDto } from '../../api/generated/api';
import { ProblemSummary, SelectField, TextArea } from '../../components/fields';
import { formatDate, formatDateTime, humanize } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useAction, useLoad } from '../../lib/use-load';

const STATUS: Record<string, string> = { upcoming: 'Upcoming', due: 'Due', done: 'Done', skipped: 'Skipped' };
const OUTCOMES = [
  { value: 'scale', label: 'Scale — it works, do more of it' },
  { value: 'iterate', label: 'Iterate — keep going, change course' },
  { value: 'stop', label: 'Stop — retire it' },
];

/** Post-launch reviews 30 and 90 days after launch: the sponsoring manager decides scale, iterate or stop. */
export function Reviews({ project, refreshKey, onChanged }: { project: ProjectDto; refreshKey: number; onChanged: () => void }) {
  const { can } = useSession();
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
      <h2 id="reviews-title">Post-launch reviews</h2>
      <p className="hint">Launched {formatDate(schedule.data.launchedOn)}: test fast, kill what fails, scale what works.</p>
      <ul className="conditions">
        {schedule.data.items.map((r) => (
          <li key={r.milestone} className="condition">
            <p>
              <span className={`badge ${r.status === 'done' ? 'good' : r.status === 'due' ? 'warn' : ''}`}>
                {STATUS[r.status] ?? r.status}
              </span>{' '}
              {r.milestone}-day review, due {formatDate(r.dueOn)}
            </p>
            {r.review ? (
              <p>
                <strong>{humanize(r.review.outcome)}</strong> — {r.review.rationale} ({r.review.reviewer.displayName},{' '}
                {formatDateTime(r.review.recordedAt)})
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
          <h3>Record the {due.milestone}-day review</h3>
          <ProblemSummary problem={record.problem} />
          <SelectField
            name="outcome"
            label="Outcome"
            value={form.outcome}
            onChange={(outcome) => setForm({ ...form, outcome })}
            options={OUTCOMES}
            problem={record.problem}
          />
          <TextArea
            name="rationale"
            label="Why, looking at the KPIs"
            value={form.rationale}
            onChange={(rationale) => setForm({ ...form, rationale })}
            problem={record.problem}
            required
          />
          <button type="submit" className="primary" disabled={record.pending}>
            Record the review
          </button>
        </form>
      ) : null}
    </section>
  );
}
