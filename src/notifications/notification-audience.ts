import type { EventType } from './domain-events';

/**
 * DOMAIN.md §10 "in-app notifications for the people each event concerns": who hears about which
 * event, and what the notification says. The actor never gets a notification about their own act.
 */
export type Audience =
  /** proposer and team members */
  | 'project_team'
  | 'assigned_advisor'
  /** managers whose unit subtree holds the project's unit */
  | 'deciding_managers'
  | 'cio'
  | 'admins'
  /** every active user (a new compact version must be acknowledged by all) */
  | 'everyone';

const AUDIENCES: Record<EventType, readonly Audience[]> = {
  'project.submitted': ['project_team', 'cio'],
  'project.resubmitted': ['project_team', 'assigned_advisor', 'cio'],
  'project.assigned': ['project_team', 'assigned_advisor'],
  'project.info_requested': ['project_team'],
  'project.info_provided': ['project_team', 'assigned_advisor'],
  'assessment.submitted': ['project_team', 'deciding_managers'],
  'project.decided': ['project_team', 'assigned_advisor'],
  'project.cosigned': ['project_team', 'assigned_advisor', 'deciding_managers'],
  'condition.updated': ['project_team', 'deciding_managers'],
  'project.withdrawn': ['project_team', 'assigned_advisor'],
  'project.amended': ['project_team', 'assigned_advisor', 'deciding_managers'],
  'project.delivery_started': ['project_team'],
  'project.launched': ['project_team', 'assigned_advisor', 'deciding_managers'],
  'project.retired': ['project_team', 'deciding_managers'],
  'kpi.off_track': ['project_team', 'deciding_managers'],
  // The SLA job names the people it escalates to explicitly.
  'sla.breached': [],
  'compact.published': ['everyone'],
};

/** Who an event concerns. A decision that now awaits the co-sign also concerns the CIO. */
export function audienceOf(type: EventType, projectState?: string | null): Audience[] {
  const base = [...AUDIENCES[type]];
  if (type === 'project.decided' && projectState === 'awaiting_cosign') base.push('cio');
  return base;
}

const TITLES: Record<EventType, string> = {
  'project.submitted': 'submitted for assessment',
  'project.resubmitted': 'resubmitted after changes',
  'project.assigned': 'assigned to an advisor',
  'project.info_requested': 'the advisor asks a question',
  'project.info_provided': 'the team answered',
  'assessment.submitted': 'risk assessment submitted, awaiting decision',
  'project.decided': 'decided',
  'project.cosigned': 'co-sign decided',
  'condition.updated': 'a condition of approval changed',
  'project.withdrawn': 'withdrawn',
  'project.amended': 'amended, back in review',
  'project.delivery_started': 'delivery started',
  'project.launched': 'launched',
  'project.retired': 'retired',
  'kpi.off_track': 'a KPI is off track',
  'sla.breached': 'time limit exceeded',
  'compact.published': 'a new version of the HERO Compact',
};

const OUTCOME_WORDS: Record<string, string> = {
  approve: 'approved',
  reject: 'rejected',
  request_changes: 'changes requested',
  cosign: 'co-signed',
  decline: 'co-sign declined',
};

export interface NotificationText {
  title: string;
  body: string;
}

/** Short, human text for a notification; the event's data holds the details. */
export function notificationText(type: EventType, actorName: string, data: Record<string, unknown>): NotificationText {
  const project = data.project as { reference?: string; title?: string; state?: string } | undefined;
  const outcome = typeof data.outcome === 'string' ? OUTCOME_WORDS[data.outcome] : undefined;
  const what = outcome ?? TITLES[type];
  if (type === 'compact.published') {
    const v = data.compactVersion as { number?: number } | undefined;
    return {
      title: `HERO Compact version ${v?.number ?? ''} published`.replace('  ', ' '),
      body: 'Read and acknowledge it before your next submission, assessment or decision.',
    };
  }
  if (type === 'sla.breached') {
    const stage = typeof data.stage === 'string' ? data.stage : 'a stage';
    return {
      title: `${project?.reference ?? 'A project'}: ${stage} ${TITLES[type]}`,
      body: `${project?.title ?? ''} has waited longer than its ${stage} time limit.`.trim(),
    };
  }
  const title = project ? `${project.reference}: ${what}` : what;
  const body = project ? `${project.title} — ${what} by ${actorName}.` : `${what} by ${actorName}.`;
  return { title, body };
}
