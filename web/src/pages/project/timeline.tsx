import { api } from '../../api/client';
import type { AuditEventDto } from '../../api/generated/api';
import { ProblemSummary } from '../../components/fields';
import { Loading } from '../../components/layout';
import { formatDateTime, humanize, stateLabel } from '../../lib/format';
import { useLoad } from '../../lib/use-load';

const ACTION_TEXT: Record<string, string> = {
  'project.create': 'created the project',
  'project.edit': 'edited the project',
  'project.self_screen': 'answered the self-screening',
  'project.fast_track_remove': 'took the project off the fast track',
  'project.submit': 'submitted it for assessment',
  'project.assign': 'assigned an advisor',
  'project.request_info': 'asked for more information',
  'project.respond': 'answered the question',
  'project.question': 'asked a question',
  'project.answer': 'answered',
  'project.comment': 'commented',
  'project.withdraw': 'withdrew the project',
  'project.complete_assessment': 'completed the assessment',
  'project.decide_approve': 'approved',
  'project.decide_reject': 'rejected the project',
  'project.decide_request_changes': 'requested changes',
  'project.cosign': 'co-signed the approval',
  'project.decline_cosign': 'declined to co-sign',
  'project.amend': 'amended the approved project',
  'project.start_delivery': 'started delivery',
  'project.launch': 'launched the project',
  'project.retire': 'retired the project',
  'project.review': 'recorded a post-launch review',
  'assessment.create': 'started a risk assessment',
  'assessment.edit': 'updated the risk assessment',
  'assessment.submit': 'submitted the risk assessment',
  'decision.record': 'recorded a decision',
  'decision.approve': 'recorded an approval',
  'decision.approve_with_conditions': 'recorded an approval with conditions',
  'decision.reject': 'recorded a rejection',
  'decision.request_changes': 'asked for changes',
  'decision.cosign': 'co-signed the decision',
  'decision.decline': 'declined the decision',
  'condition.met': 'marked a condition as met',
  'condition.waived': 'waived a condition',
  'kpi.measure': 'recorded a KPI measurement',
  'kpi.off_track': 'flagged a KPI off track',
  'attachment.uploaded': 'attached a file',
  'attachment.deleted': 'removed an attachment',
  'sla.breach': 'missed a time limit',
};

function transition(e: AuditEventDto): string | null {
  const from: unknown = e.before?.state;
  const to: unknown = e.after?.state;
  return typeof from === 'string' && typeof to === 'string' && from !== to ? `${stateLabel(from)} → ${stateLabel(to)}` : null;
}

function changedFields(e: AuditEventDto): string[] {
  if (e.action !== 'project.edit' || !e.after) return [];
  return Object.keys(e.after).map(humanize);
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
  const history = useLoad(() => api.projects.projectConversationHistory({ id: projectId, limit: 100 }), [projectId, refreshKey]);
  if (history.problem) return <ProblemSummary problem={history.problem} />;
  if (!history.data) return <Loading what="Loading the timeline" />;
  return (
    <ol className="timeline">
      {group(history.data.items).map(({ first, last, count, fields }) => {
        const move = transition(first);
        return (
          <li key={first.seq}>
            <p>
              <strong>{first.actor.name}</strong> {ACTION_TEXT[first.action] ?? humanize(first.action)}
              {count > 1 ? ` (${count} times)` : ''}
              {move ? <span className="transition"> ({move})</span> : null}
            </p>
            {fields.size ? <p className="hint">Changed: {[...fields].join(', ')}</p> : null}
            <time dateTime={last.occurredAt}>{formatDateTime(last.occurredAt)}</time>
          </li>
        );
      })}
    </ol>
  );
}
