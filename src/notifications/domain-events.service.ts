import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { requestContext } from '../common/http/request-context';
import type { ActorRef } from '../identity/auth/principal';
import {
  eventEnvelope,
  EVENT_SCHEMA_VERSION,
  lifecycleEventData,
  lifecycleEventType,
  projectSnapshot,
  type EventEnvelope,
  type EventType,
  type ProjectRef,
} from './domain-events';
import { audienceOf, type Audience } from './notification-audience';
import { notificationMessage, renderNotificationMessage } from './notification-message';
import { JobQueue } from './job-queue.service';

/** The outbox queue: one job per domain event, enqueued in the event's own transaction. */
export const OUTBOX_QUEUE = 'outbox-dispatch';

export interface PublishInput {
  type: EventType;
  actor: ActorRef;
  /** The project the event is about (omit for e.g. compact.published). */
  project?: ProjectRef | null;
  /** The type's payload (docs/webhooks.md); `project` is added from `project` when absent. */
  data: Record<string, unknown>;
  /** People to notify on top of the type's audience (e.g. whom an SLA breach escalates to). */
  notify?: readonly string[];
}

export interface LifecycleTransition {
  action: string;
  from: string;
  project: ProjectRef;
  actor: ActorRef;
}

/** Called by the outbox worker for each committed event; must be idempotent (at-least-once). */
export type OutboxSubscriber = (event: EventEnvelope & { projectId: string | null; orgUnitId: string | null }) => Promise<void>;

interface EventRow {
  id: string;
  type: string;
  schema_version: number;
  occurred_at: Date;
  actor_type: 'user' | 'api_key' | 'system';
  actor_id: string | null;
  actor_name: string;
  project_id: string | null;
  org_unit_id: string | null;
  data: Record<string, unknown>;
}

const NO_USER = '00000000-0000-0000-0000-000000000000';

/**
 * The one way to say "this happened" (DOMAIN.md §4, §10). `publish(em, …)` runs inside the caller's
 * transaction and writes, atomically with the change: the event row (outbox), the notifications of
 * the people it concerns, and the job that hands it to subscribers (webhook fan-out) after commit.
 * Other modules call it right after their `AuditService.record(em, …)`; see docs/webhooks.md.
 */
@Injectable()
export class DomainEvents implements OnModuleInit {
  private readonly logger = new Logger('DomainEvents');
  private readonly subscribers: { name: string; fn: OutboxSubscriber }[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.jobs.define<{ eventId: string }>(OUTBOX_QUEUE, {
      handler: (data) => this.dispatch(data.eventId),
      retryLimit: 20,
      retryDelaySeconds: 5,
      expireInSeconds: 120,
    });
  }

  /** Registers a consumer of committed events (call in onModuleInit). */
  subscribe(name: string, fn: OutboxSubscriber): void {
    this.subscribers.push({ name, fn });
  }

  /** The event of a lifecycle transition, if the action has one (ProjectLifecycleService.run). */
  async publishTransition(em: EntityManager, t: LifecycleTransition): Promise<void> {
    const type = lifecycleEventType(t.action, t.from);
    if (!type) return;
    await this.publish(em, { type, actor: t.actor, project: t.project, data: lifecycleEventData(t.action, t.from, t.project) });
  }

  async publish(em: EntityManager, input: PublishInput): Promise<string> {
    if (!em.queryRunner?.isTransactionActive) throw new Error('DomainEvents.publish needs a transactional EntityManager');
    const project = input.project ?? null;
    // Every project event carries the project's snapshot, whether or not the publisher added it.
    const data = project && input.data.project === undefined ? { ...input.data, project: projectSnapshot(project) } : input.data;
    const [row] = await em.query<{ id: string }[]>(
      `INSERT INTO domain_event (type, schema_version, actor_type, actor_id, actor_name, project_id, org_unit_id, data, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        input.type,
        EVENT_SCHEMA_VERSION,
        input.actor.type,
        input.actor.id,
        input.actor.name,
        project?.id ?? null,
        project?.orgUnitId ?? null,
        JSON.stringify(data),
        requestContext.requestId() ?? null,
      ],
    );
    await this.notify(em, row.id, { ...input, data }, audienceOf(input.type, project?.state));
    await this.jobs.sendInTransaction(em, OUTBOX_QUEUE, { eventId: row.id });
    return row.id;
  }

  /** Loads a committed event as its webhook envelope (null if it no longer exists). */
  async load(
    eventId: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<(EventEnvelope & { projectId: string | null; orgUnitId: string | null }) | null> {
    const rows = await em.query<EventRow[]>('SELECT * FROM domain_event WHERE id = $1', [eventId]);
    const r = rows[0];
    if (!r) return null;
    const envelope = eventEnvelope({
      id: r.id,
      type: r.type,
      schemaVersion: r.schema_version,
      occurredAt: new Date(r.occurred_at),
      actor: { type: r.actor_type, id: r.actor_id, name: r.actor_name },
      data: r.data,
    });
    return { ...envelope, projectId: r.project_id, orgUnitId: r.org_unit_id };
  }

  private async dispatch(eventId: string): Promise<void> {
    const event = await this.load(eventId);
    if (!event) return;
    for (const s of this.subscribers) {
      await s.fn(event).catch((err: Error) => {
        this.logger.warn(`outbox subscriber ${s.name} failed for event ${eventId}: ${err.message}`);
        throw err;
      });
    }
  }

  /** One INSERT … SELECT over active users: the audience rules become SQL predicates. */
  private async notify(em: EntityManager, eventId: string, input: PublishInput, audience: Audience[]): Promise<void> {
    const project = input.project ?? null;
    const has = (a: Audience): boolean => audience.includes(a);
    const explicit = [...(input.notify ?? [])];
    if (project && has('project_team')) explicit.push(project.proposerId);
    if (project?.assignedAdvisorId && has('assigned_advisor')) explicit.push(project.assignedAdvisorId);
    // Stored as a catalog message, rendered in each reader's language when read (docs/i18n.md).
    const message = notificationMessage(input.type, input.actor.name, input.data, project);
    const text = renderNotificationMessage(message.id, message.params, 'en')!;
    await em.query(
      `INSERT INTO notification (user_id, event_id, type, title, body, project_id, message_key, message_params)
       SELECT u.id, $1, $2, $3, $4, $5, $14, $15 FROM app_user u
       WHERE u.status = 'active' AND u.id <> $6::uuid AND (
         u.id = ANY($7::uuid[])
         OR ($8 AND u.id IN (SELECT tm.user_id FROM project_team_member tm WHERE tm.project_id = $5))
         OR ($9 AND 'cio' = ANY(u.roles))
         OR ($10 AND 'admin' = ANY(u.roles))
         OR $11
         OR ($12 AND 'manager' = ANY(u.roles) AND EXISTS (
           SELECT 1 FROM org_unit mu JOIN org_unit pu ON pu.id = $13 WHERE mu.id = u.org_unit_id AND pu.path LIKE mu.path || '%')))
       ON CONFLICT (user_id, event_id) DO NOTHING`,
      [
        eventId,
        input.type,
        text.title,
        text.body,
        project?.id ?? null,
        input.actor.type === 'user' && input.actor.id ? input.actor.id : NO_USER,
        explicit,
        project !== null && has('project_team'),
        has('cio'),
        has('admins'),
        has('everyone'),
        project !== null && has('deciding_managers'),
        project?.orgUnitId ?? null,
        message.id,
        JSON.stringify(message.params),
      ],
    );
  }
}
