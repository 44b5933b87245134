/**
 * DOMAIN.md §4 and §10: every lifecycle transition, and a few other facts (a condition changes, a
 * KPI goes off track, an SLA is breached, a compact version is published), is a domain event. The
 * event is written in the transaction of the change (the outbox), notifies the people concerned and
 * is delivered to webhook subscribers. Types and payload shapes are a public contract, versioned by
 * `EVENT_SCHEMA_VERSION` and documented in docs/webhooks.md.
 */

/** The §10 catalogue, plus the transitions §4 says also emit an event (withdrawn, amended, …). */
export const EVENT_TYPES = [
  'project.submitted',
  'project.resubmitted',
  'project.assigned',
  'project.info_requested',
  'project.info_provided',
  'assessment.submitted',
  'project.decided',
  'project.cosigned',
  'condition.updated',
  'project.withdrawn',
  'project.amended',
  'project.delivery_started',
  'project.launched',
  'project.retired',
  'kpi.off_track',
  'sla.breached',
  'compact.published',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Bumped when a payload changes incompatibly; receivers read `version` in the envelope. */
export const EVENT_SCHEMA_VERSION = 1;

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}

/** What an event says about its project: enough to act on without calling back. */
export interface ProjectRef {
  id: string;
  reference: string;
  title: string;
  state: string;
  orgUnitId: string;
  proposerId: string;
  assignedAdvisorId: string | null;
  riskLevel?: string | null;
  fastTrack?: boolean;
  /** Not in the event payload: shown, formatted per reader, in the notification text. */
  budgetAmount?: string | number | null;
  budgetCurrency?: string | null;
}

export interface ProjectSnapshot {
  id: string;
  reference: string;
  title: string;
  state: string;
  orgUnitId: string;
  proposerId: string;
  assignedAdvisorId: string | null;
  riskLevel: string | null;
  fastTrack: boolean;
}

export function projectSnapshot(p: ProjectRef): ProjectSnapshot {
  return {
    id: p.id,
    reference: p.reference,
    title: p.title,
    state: p.state,
    orgUnitId: p.orgUnitId,
    proposerId: p.proposerId,
    assignedAdvisorId: p.assignedAdvisorId,
    riskLevel: p.riskLevel ?? null,
    fastTrack: p.fastTrack ?? false,
  };
}

const ACTION_EVENTS: Record<string, EventType> = {
  submit: 'project.submitted',
  assign: 'project.assigned',
  request_info: 'project.info_requested',
  respond: 'project.info_provided',
  complete_assessment: 'assessment.submitted',
  decide_approve: 'project.decided',
  decide_reject: 'project.decided',
  decide_request_changes: 'project.decided',
  cosign: 'project.cosigned',
  decline_cosign: 'project.cosigned',
  withdraw: 'project.withdrawn',
  amend: 'project.amended',
  start_delivery: 'project.delivery_started',
  launch: 'project.launched',
  retire: 'project.retired',
};

const OUTCOMES: Record<string, string> = {
  decide_approve: 'approve',
  decide_reject: 'reject',
  decide_request_changes: 'request_changes',
  cosign: 'cosign',
  decline_cosign: 'decline',
};

/** The event a lifecycle action emits; a resubmission after changes_requested is its own type. */
export function lifecycleEventType(action: string, from: string): EventType | null {
  if (action === 'submit' && from === 'changes_requested') return 'project.resubmitted';
  return ACTION_EVENTS[action] ?? null;
}

/** `data` of a lifecycle event (docs/webhooks.md "project.*"). */
export function lifecycleEventData(action: string, from: string, project: ProjectRef): Record<string, unknown> {
  const data: Record<string, unknown> = { action, previousState: from, project: projectSnapshot(project) };
  if (OUTCOMES[action]) data.outcome = OUTCOMES[action];
  return data;
}

export interface EventActor {
  type: 'user' | 'api_key' | 'system';
  id: string | null;
  name: string;
}

/** The JSON body of a webhook: the same bytes for every attempt of a delivery. */
export interface EventEnvelope {
  id: string;
  type: string;
  version: number;
  timestamp: string;
  actor: EventActor;
  data: Record<string, unknown>;
}

export function eventEnvelope(row: {
  id: string;
  type: string;
  schemaVersion: number;
  occurredAt: Date;
  actor: EventActor;
  data: Record<string, unknown>;
}): EventEnvelope {
  return {
    id: row.id,
    type: row.type,
    version: row.schemaVersion,
    timestamp: row.occurredAt.toISOString(),
    actor: row.actor,
    data: row.data,
  };
}

/** Does a subscription's filter (event types, or ['*']) select this type? */
export function filterMatches(filter: readonly string[], type: string): boolean {
  return filter.includes('*') || filter.includes(type);
}
