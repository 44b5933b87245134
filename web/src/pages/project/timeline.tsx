import { api } from '../../api/client';
import type { AuditEventDto } from '../../api/generated/api';
import { ProblemSummary } from '../../components/fields';
import { Loading } from '../../components/layout';
import { useI18n } from '../../i18n/use-i18n';
import { useLoad } from '../../lib/use-load';

/** The state an event moved the project from and to, when it did. */
function transition(e: AuditEventDto): { from: string; to: string } | null {
  const from: unknown = e.before?.state;
  const to: unknown = e.after?.state;
  return typeof from === 'string' && typeof to === 'string' && from !== to ? { from, to } : null;
}

function changedFields(e: AuditEventDto): string[] {
  if (e.action !== 'project.edit' || !e.after) return [];
  return Object.keys(e.after);
}

interface Entry {
  first: AuditEventDto;
  last: AuditEventDto;
  count: number;
  fields: Set<string>;
}

/** Runs of the same person doing the same thing (saving each wizard step) read as one line. */
function group(events: AuditEventDto[]): Entry[] {
  const entries: Entry[] = [];
  for (const e of events) {
    const prev = entries.at(-1);
    if (prev && prev.last.action === e.action && prev.last.actor.id === e.actor.id && !transition(e) && !transition(prev.last)) {
      prev.last = e;
      prev.count += 1;
      for (const f of changedFields(e)) prev.fields.add(f);
    } else {
      entries.push({ first: e, last: e, count: 1, fields: new Set(changedFields(e)) });
    }
  }
  return entries;
}

/** The project's history from the audit trail, oldest first, as a readable timeline. */
export function Timeline({ projectId, refreshKey }: { projectId: string; refreshKey: number }) {
  const { t, tp, term, fmt } = useI18n();
  const history = useLoad(() => api.projects.projectConversationHistory({ id: projectId, limit: 100 }), [projectId, refreshKey]);
  if (history.problem) return <ProblemSummary problem={history.problem} />;
  if (!history.data) return <Loading what={t('timeline.loading')} />;
  return (
    <ol className="timeline">
      {group(history.data.items).map(({ first, last, count, fields }) => {
        const move = transition(first);
        return (
          <li key={first.seq}>
            <p>
              <strong>{first.actor.name}</strong> {term('audit', first.action)}
              {count > 1 ? ` ${tp('timeline.times', count)}` : ''}
              {move ? <span className="transition"> ({`${term('state', move.from)} → ${term('state', move.to)}`})</span> : null}
            </p>
            {fields.size ? (
              <p className="hint">{t('timeline.changed', { fields: [...fields].map((f) => term('projectField', f)).join(', ') })}</p>
            ) : null}
            <time dateTime={last.occurredAt}>{fmt.dateTime(last.occurredAt)}</time>
          </li>
        );
      })}
    </ol>
  );
}
