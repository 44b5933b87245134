/**
 * In-app notification texts (DOMAIN.md §10) in English. A notification stores a message id (the
 * part before `.title` / `.body`) and its parameters; it is rendered when read, in the reader's
 * language (src/notifications/notification-message.ts builds them from the event).
 */
export const NOTIFICATIONS_EN = {
  'notification.project.title': '{reference}: {what}',
  'notification.project.body': '{projectTitle} — {what} by {actor}.',
  'notification.projectBudget.title': '{reference}: {what}',
  'notification.projectBudget.body': '{projectTitle} ({budget}) — {what} by {actor}.',
  'notification.general.title': '{what}',
  'notification.general.body': '{what} by {actor}.',
  'notification.compactPublished.title': 'HERO Compact version {number} published',
  'notification.compactPublished.body':
    'Published on {publishedAt}. Read and acknowledge it before your next submission, assessment or decision.',
  'notification.compactPublishedUndated.title': 'HERO Compact version {number} published',
  'notification.compactPublishedUndated.body': 'Read and acknowledge it before your next submission, assessment or decision.',
  'notification.slaBreached.title': '{reference}: {stage} time limit exceeded',
  'notification.slaBreached.body': '{projectTitle} has waited longer than its {stage} time limit (due {dueAt}).',
  'notification.webhookDisabled.title': 'A webhook subscription was disabled',
  'notification.webhookDisabled.body':
    'Deliveries to {url} failed {failures} times in a row, so the subscription was disabled. Fix the receiver, re-enable it (PATCH /api/v1/webhooks/{subscriptionId} with {"enabled": true}) and redeliver what it missed.',

  'notification.what.project.submitted': 'submitted for assessment',
  'notification.what.project.resubmitted': 'resubmitted after changes',
  'notification.what.project.assigned': 'assigned to an advisor',
  'notification.what.project.info_requested': 'the advisor asks a question',
  'notification.what.project.info_provided': 'the team answered',
  'notification.what.assessment.submitted': 'risk assessment submitted, awaiting decision',
  'notification.what.project.decided': 'decided',
  'notification.what.project.cosigned': 'co-sign decided',
  'notification.what.condition.updated': 'a condition of approval changed',
  'notification.what.project.withdrawn': 'withdrawn',
  'notification.what.project.amended': 'amended, back in review',
  'notification.what.project.delivery_started': 'delivery started',
  'notification.what.project.launched': 'launched',
  'notification.what.project.retired': 'retired',
  'notification.what.kpi.off_track': 'a KPI is off track',
  'notification.what.sla.breached': 'time limit exceeded',
  'notification.what.compact.published': 'a new version of the HERO Compact',

  'notification.outcome.approve': 'approved',
  'notification.outcome.reject': 'rejected',
  'notification.outcome.request_changes': 'changes requested',
  'notification.outcome.cosign': 'co-signed',
  'notification.outcome.decline': 'co-sign declined',
} as const;
