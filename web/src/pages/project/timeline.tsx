import { api } from '../../api/client';
import type { AuditEventDto } from '../../api/generated/api';
import { ProblemSummary } from '../../components/fields';
import { Loading } from '../../components/layout';
import { formatDateTime, humanize, stateLabel } from '../../lib/format';
import { useLoad } from '../../lib/use-load';

const ACTION_TEXT: Record<string, string> = {
  'project.create': 'created the project',
  'project.update': 'edited the project',
  'project.self_screen': 'answered the self-screening',
  'project.submit': 'submitted it for assessment',
  'project.resubmit': 'resubmitted it',
  'project.assign': 'assigned an advisor',
  'project.request_info': 'asked for more information',
  'project.respond': 'answered the question',
  'project.question': 'asked a question',
  'project.answer': 'answered',
  'project.comment': 'commented',
  'project.withdraw': 'withdrew the project',
  'project.complete_assessment': 'completed the assessment',
  'project.start_delivery': 'started delivery',
  'project.launch': 'launched the project',
  'project.retire': 'retired the project',
  'project.amend': 'amended the approved project',
  'assessment.create': 'started a risk assessment',
  'assessment.update': 'updated the risk assessment',
  'assessment.submit': 'submitted the risk assessment',
  'decision.create': 'recorded a decision',
  'project.decide': 'decided',
  'project.cosign': 'co-signed the approval',
  'project.decline_cosign': 'declined to co-sign',
  'condition.update': 'updated a condition',
  'kpi.measurement': 'recorded a KPI measurement',
};

function transition(e: AuditEventDto): string | null {
  const from: unknown = e.before?.state;
  const to: unknown = e.after?.state;
  return typeof from === 'string' && typeof to === 'string' && from !== to ? `${stateLabel(from)} → ${stateLabel(to)}` : null;
}

function changedFields(e: AuditEventDto): string[] {
  if (e.action !== 'project.update' || !e.after) return [];
  return Object.keys(e.after).map(humanize);
}

/** The project's history from the audit trail, newest last, as a readable timeline. */
export function Timeline({ projectId, refreshKey }: { projectId: string; refreshKey: number }) {
  const history = useLoad(() => api.projects.projectConversationHistory({ id: projectId, limit: 100 }), [projectId, refreshKey]);
  if (history.problem) return <ProblemSummary problem={history.problem} />;
  if (!history.data) return <Loading what="Loading the timeline" />;
  return (
    <ol className="timeline">
      {history.data.items.map((e) => {
        const move = transition(e);
        const fields = changedFields(e);
        return (
          <li key={e.seq}>
            <p>
              <strong>{e.actor.name}</strong> {ACTION_TEXT[e.action] ?? humanize(e.action)}
              {move ? <span className="transition"> ({move})</span> : null}
            </p>
            {fields.length ? <p className="hint">Changed: {fields.join(', ')}</p> : null}
            <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time>
          </li>
        );
      })}
    </ol>
  );
}
