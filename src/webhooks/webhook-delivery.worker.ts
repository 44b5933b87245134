import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/app-config';
import { SYSTEM_ACTOR } from '../identity/auth/principal';
import type { EventEnvelope } from '../notifications/domain-events';
import { DomainEvents } from '../notifications/domain-events.service';
import { JobQueue } from '../notifications/job-queue.service';
import { NotificationsService } from '../notifications/notifications.service';
import { postWebhook, signedHeaders, type AttemptResult } from './webhook-http';
import { nextAttemptAt, type RetryPolicy } from './webhook-retry';

export const DELIVER_QUEUE = 'webhook-deliver';

export interface DeliverJob {
  deliveryId: string;
  /** Must equal the delivery's pending_job_token, else this job was superseded (e.g. by a redelivery). */
  token: string;
  manual?: boolean;
}

interface Target {
  url: string;
  secret: string;
  enabled: boolean;
  eventId: string;
}

interface Locked {
  attempts: number;
  created_at: Date;
  pending_job_token: string | null;
  subscription_id: string;
  url: string;
  enabled: boolean;
  consecutive_failures: number;
}

/**
 * A delivery job may stay active for twice the HTTP timeout plus this before pg-boss presumes its
 * worker dead and retries it. Generous, because a live but slow handler (a loaded database) that
 * overruns it would be retried while still running: a duplicate delivery.
 */
const EXPIRY_SLACK_SECONDS = 5;

/**
 * Delivers webhooks from the outbox (DOMAIN.md §10), at least once:
 * 1. fan-out (an outbox subscriber): one delivery row per matching subscription, and its job, in
 *    one transaction; the unique (subscription, event) makes a re-run harmless;
 * 2. deliver (a job per attempt): POST the signed envelope, then record the attempt and schedule
 *    the next one with backoff, in one transaction. A worker that dies between the POST and that
 *    commit leaves its job active; pg-boss expires and retries it, and the receiver sees the same
 *    `webhook-id` again. Each job is fetched by one worker only (SKIP LOCKED), so several app
 *    instances never send the same attempt twice.
 */
@Injectable()
export class WebhookDeliveryWorker implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly jobs: JobQueue,
    private readonly events: DomainEvents,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.events.subscribe('webhooks', (event) => this.fanOut(event));
    this.jobs.define<DeliverJob>(DELIVER_QUEUE, {
      handler: (job) => this.deliver(job),
      retryLimit: 10,
      retryDelaySeconds: 2,
      expireInSeconds: 2 * Math.ceil(this.config.webhook.timeoutMs / 1000) + EXPIRY_SLACK_SECONDS,
    });
  }

  private get policy(): RetryPolicy {
    const w = this.config.webhook;
    return { baseMs: w.retryBaseMs, maxDelayMs: w.retryMaxDelayMs, windowMs: w.retryWindowHours * 3_600_000 };
  }

  async fanOut(event: EventEnvelope & { orgUnitId: string | null }): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const rows = await em.query<{ id: string; pending_job_token: string }[]>(
        `INSERT INTO webhook_delivery (subscription_id, event_id, pending_job_token, next_attempt_at)
         SELECT s.id, $1, gen_random_uuid(), now() FROM webhook_subscription s
         WHERE s.enabled AND s.created_at <= $2
           AND ($3 = ANY(s.event_types) OR '*' = ANY(s.event_types))
           AND (s.org_unit_scope IS NULL OR $4::uuid IS NULL OR EXISTS (
             SELECT 1 FROM org_unit su JOIN org_unit eu ON eu.id = $4::uuid WHERE su.id = s.org_unit_scope AND eu.path LIKE su.path || '%'))
         ON CONFLICT (subscription_id, event_id) DO NOTHING
         RETURNING id, pending_job_token`,
        [event.id, event.timestamp, event.type, event.orgUnitId],
      );
      for (const r of rows) await this.jobs.sendInTransaction(em, DELIVER_QUEUE, { deliveryId: r.id, token: r.pending_job_token });
    });
  }

  async deliver(job: DeliverJob): Promise<void> {
    const target = await this.target(job);
    if (!target) return;
    const event = await this.events.load(target.eventId);
    if (!event) return;
    const { projectId: _p, orgUnitId: _o, ...envelope } = event;
    const body = JSON.stringify(envelope);
    const startedAt = new Date();
    const result = target.enabled
      ? await postWebhook(target.url, body, signedHeaders(target.secret, event.id, startedAt, body), {
          timeoutMs: this.config.webhook.timeoutMs,
          allowPrivate: this.config.webhook.allowPrivateTargets,
        })
      : null;
    await this.dataSource.transaction((em) => this.record(em, job, startedAt, result));
  }

  /** The delivery's target if this job still holds the delivery's token. */
  private async target(job: DeliverJob): Promise<Target | null> {
    const rows = await this.dataSource.query<Target[]>(
      `SELECT s.url, s.secret, s.enabled, d.event_id AS "eventId" FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
       WHERE d.id = $1 AND d.pending_job_token = $2 AND d.status = 'pending'`,
      [job.deliveryId, job.token],
    );
    return rows[0] ?? null;
  }

  /** Logs the attempt and decides what next, under a lock on the delivery and its subscription. `result` null: not sent (disabled). */
  private async record(em: EntityManager, job: DeliverJob, startedAt: Date, result: AttemptResult | null): Promise<void> {
    const [d] = await em.query<Locked[]>(
      `SELECT d.attempts, d.created_at, d.pending_job_token, d.subscription_id, s.url, s.enabled, s.consecutive_failures
       FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id WHERE d.id = $1 FOR UPDATE OF d, s`,
      [job.deliveryId],
    );
    if (!d) return;
    const current = d.pending_job_token === job.token;
    if (!result) {
      if (current) await this.close(em, job.deliveryId, 'failed', 'subscription is disabled');
      return;
    }
    const attempt = d.attempts + 1;
    await em.query(
      `INSERT INTO webhook_delivery_attempt (delivery_id, attempt, manual, started_at, duration_ms, response_status, succeeded, error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [job.deliveryId, attempt, job.manual ?? false, startedAt, result.durationMs, result.status, result.ok, result.error],
    );
    await em.query(
      `UPDATE webhook_delivery SET attempts = $2, last_attempt_at = $3, last_response_status = $4, last_duration_ms = $5, last_error = $6, updated_at = now()
       WHERE id = $1`,
      [job.deliveryId, attempt, startedAt, result.status, result.durationMs, result.error],
    );
    const enabled = await this.countOutcome(em, d, result.ok);
    if (!current) return;
    if (result.ok) return this.close(em, job.deliveryId, 'succeeded', null);
    if (!enabled) return this.close(em, job.deliveryId, 'failed', `${result.error} (subscription disabled)`);
    const next = nextAttemptAt(new Date(d.created_at), new Date(), attempt, this.policy);
    if (!next) return this.close(em, job.deliveryId, 'failed', `${result.error} (retry window over)`);
    const token = randomUUID();
    await em.query(`UPDATE webhook_delivery SET pending_job_token = $2, next_attempt_at = $3 WHERE id = $1`, [
      job.deliveryId,
      token,
      next.at,
    ]);
    await this.jobs.sendInTransaction(em, DELIVER_QUEUE, { deliveryId: job.deliveryId, token }, { startAfterMs: next.delayMs });
  }

  private async close(em: EntityManager, deliveryId: string, status: 'succeeded' | 'failed', error: string | null): Promise<void> {
    await em.query(
      `UPDATE webhook_delivery SET status = $2, pending_job_token = NULL, next_attempt_at = NULL,
         last_error = CASE WHEN $3::text IS NULL THEN last_error ELSE $3 END WHERE id = $1`,
      [deliveryId, status, status === 'succeeded' ? null : error],
    );
  }

  /** Success resets the subscription's failure run; the Nth failure in a row disables it and tells the admins. Returns whether it is still enabled. */
  private async countOutcome(em: EntityManager, d: Locked, ok: boolean): Promise<boolean> {
    if (ok) {
      await em.query('UPDATE webhook_subscription SET consecutive_failures = 0 WHERE id = $1 AND consecutive_failures <> 0', [
        d.subscription_id,
      ]);
      return d.enabled;
    }
    const failures = d.consecutive_failures + 1;
    const max = this.config.webhook.maxConsecutiveFailures;
    if (!d.enabled || failures < max) {
      await em.query('UPDATE webhook_subscription SET consecutive_failures = $2 WHERE id = $1', [d.subscription_id, failures]);
      return d.enabled;
    }
    const reason = `${failures} consecutive failed deliveries`;
    await em.query(
      `UPDATE webhook_subscription SET consecutive_failures = $2, enabled = false, disabled_reason = $3, disabled_at = now(),
         version = version + 1, updated_at = now() WHERE id = $1`,
      [d.subscription_id, failures, reason],
    );
    await this.audit.record(em, {
      actor: SYSTEM_ACTOR,
      action: 'webhook.auto_disable',
      entityType: 'webhook_subscription',
      entityId: d.subscription_id,
      before: { enabled: true },
      after: { enabled: false, disabledReason: reason },
    });
    await this.notifications.notifyRole(em, 'admin', {
      type: 'webhook.disabled',
      message: { id: 'notification.webhookDisabled', params: { url: d.url, failures, subscriptionId: d.subscription_id } },
    });
    return false;
  }
}
