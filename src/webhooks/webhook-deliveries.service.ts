import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { decodeCursor, DEFAULT_PAGE_SIZE, Page, toPage } from '../common/pagination/pagination';
import { NotFoundProblem, ProblemError } from '../common/problem/problem';
import { actorOf, type Principal } from '../identity/auth/principal';
import { JobQueue } from '../notifications/job-queue.service';
import { DeliveryAttemptDto, DeliveryQueryDto, WebhookDeliveryDto } from './dto/webhook.dto';
import { DELIVER_QUEUE } from './webhook-delivery.worker';
import { WebhooksService } from './webhooks.service';

const ATTEMPTS_SHOWN = 20;

interface DeliveryRow {
  id: string;
  event_id: string;
  event_type: string;
  status: string;
  attempts: number;
  next_attempt_at: Date | null;
  last_attempt_at: Date | null;
  last_response_status: number | null;
  last_duration_ms: number | null;
  last_error: string | null;
  created_at: Date;
}

interface AttemptRow {
  delivery_id: string;
  attempt: number;
  manual: boolean;
  started_at: Date;
  duration_ms: number;
  response_status: number | null;
  succeeded: boolean;
  error: string | null;
}

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

/** The delivery log of a subscription, and manual redelivery (DOMAIN.md §10). */
@Injectable()
export class WebhookDeliveriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly webhooks: WebhooksService,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
  ) {}

  async list(principal: Principal, subscriptionId: string, query: DeliveryQueryDto): Promise<Page<WebhookDeliveryDto>> {
    await this.webhooks.find(this.dataSource.manager, principal, subscriptionId);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor<{ at: string; id: string }>(query.cursor, ['at', 'id']);
    const params: unknown[] = [subscriptionId, limit + 1, query.status ?? null];
    let keyset = '';
    if (after) {
      params.push(after.at, after.id);
      keyset = 'AND (d.created_at, d.id) < ($4::timestamptz, $5::uuid)';
    }
    const rows = await this.dataSource.query<DeliveryRow[]>(
      `SELECT d.*, e.type AS event_type FROM webhook_delivery d JOIN domain_event e ON e.id = d.event_id
       WHERE d.subscription_id = $1 AND ($3::text IS NULL OR d.status = $3) ${keyset}
       ORDER BY d.created_at DESC, d.id DESC LIMIT $2`,
      params,
    );
    const attempts = await this.attemptsOf(rows.slice(0, limit).map((r) => r.id));
    return toPage(
      rows,
      limit,
      (r) => this.toDto(r, attempts.get(r.id) ?? []),
      (r) => ({ at: new Date(r.created_at).toISOString(), id: r.id }),
    );
  }

  /**
   * One more attempt now, whatever the delivery's state. It supersedes a scheduled retry (that
   * job finds its token replaced and does nothing); the receiver gets the same webhook-id.
   */
  async redeliver(principal: Principal, subscriptionId: string, deliveryId: string): Promise<WebhookDeliveryDto> {
    await this.dataSource.transaction(async (em) => {
      const subscription = await this.webhooks.find(em, principal, subscriptionId, true);
      if (!subscription.enabled) {
        throw new ProblemError(
          409,
          'webhook-disabled',
          'Webhook subscription disabled',
          'Re-enable the subscription before redelivering.',
          {
            disabledReason: subscription.disabledReason,
          },
        );
      }
      const token = randomUUID();
      const updated = await em.query<[unknown[], number]>(
        `UPDATE webhook_delivery SET status = 'pending', pending_job_token = $3, next_attempt_at = now(), updated_at = now()
         WHERE id = $1 AND subscription_id = $2`,
        [deliveryId, subscriptionId, token],
      );
      if (updated[1] === 0) throw new NotFoundProblem('Delivery');
      await this.jobs.sendInTransaction(em, DELIVER_QUEUE, { deliveryId, token, manual: true });
      await this.audit.record(em, {
        actor: actorOf(principal),
        action: 'webhook.redeliver',
        entityType: 'webhook_delivery',
        entityId: deliveryId,
      });
    });
    return this.one(deliveryId);
  }

  private async one(deliveryId: string): Promise<WebhookDeliveryDto> {
    const [row] = await this.dataSource.query<DeliveryRow[]>(
      'SELECT d.*, e.type AS event_type FROM webhook_delivery d JOIN domain_event e ON e.id = d.event_id WHERE d.id = $1',
      [deliveryId],
    );
    if (!row) throw new NotFoundProblem('Delivery');
    return this.toDto(row, (await this.attemptsOf([deliveryId])).get(deliveryId) ?? []);
  }

  private async attemptsOf(deliveryIds: string[]): Promise<Map<string, DeliveryAttemptDto[]>> {
    const byDelivery = new Map<string, DeliveryAttemptDto[]>();
    if (deliveryIds.length === 0) return byDelivery;
    const rows = await this.dataSource.query<AttemptRow[]>(
      `SELECT * FROM (
         SELECT a.*, row_number() OVER (PARTITION BY a.delivery_id ORDER BY a.attempt DESC) AS n
         FROM webhook_delivery_attempt a WHERE a.delivery_id = ANY($1::uuid[])) x
       WHERE n <= $2 ORDER BY delivery_id, attempt DESC`,
      [deliveryIds, ATTEMPTS_SHOWN],
    );
    for (const a of rows) {
      const list = byDelivery.get(a.delivery_id) ?? [];
      list.push({
        attempt: a.attempt,
        manual: a.manual,
        startedAt: new Date(a.started_at).toISOString(),
        durationMs: a.duration_ms,
        responseStatus: a.response_status,
        succeeded: a.succeeded,
        error: a.error,
      });
      byDelivery.set(a.delivery_id, list);
    }
    return byDelivery;
  }

  private toDto(r: DeliveryRow, attemptLog: DeliveryAttemptDto[]): WebhookDeliveryDto {
    return {
      id: r.id,
      eventId: r.event_id,
      eventType: r.event_type,
      status: r.status,
      attempts: r.attempts,
      nextAttemptAt: iso(r.next_attempt_at),
      lastAttemptAt: iso(r.last_attempt_at),
      lastResponseStatus: r.last_response_status,
      lastDurationMs: r.last_duration_ms,
      lastError: r.last_error,
      createdAt: new Date(r.created_at).toISOString(),
      attemptLog,
    };
  }
}
