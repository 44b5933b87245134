import type { EventType } from './domain-events';
import { notificationMessage, renderNotificationMessage, type NotificationText } from './notification-message';

export type { NotificationText } from './notification-message';

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

/**
 * Short, human text for a notification, in English (the stored fallback). The texts live in the
 * message catalogs (src/i18n/catalogs/notifications.*.ts); notification-message.ts picks the message.
 */
export function notificationText(type: EventType, actorName: string, data: Record<string, unknown>): NotificationText {
  const message = notificationMessage(type, actorName, data);
  return renderNotificationMessage(message.id, message.params, 'en')!;
}
