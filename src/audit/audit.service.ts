import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataSource,
  EntityManager,
  type EntitySubscriberInterface,
  type QueryRunner,
  SelectQueryBuilder,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';
import { requestContext } from '../common/http/request-context';
import { decodeCursor, DEFAULT_PAGE_SIZE, Page, PageQueryDto, toPage } from '../common/pagination/pagination';
import { ValidationProblem } from '../common/problem/problem';
import type { ActorRef } from '../identity/auth/principal';
import { changedFields, type ChainedEvent, type ChainedEventContent, eventHash, GENESIS_HASH, verifySegment } from './audit-chain';
import { AuditEvent } from './audit-event.entity';
import { AuditEventDto, AuditEventQueryDto, AuditVerificationDto } from './dto/audit-event.dto';

export interface AuditInput {
  actor: ActorRef;
  action: string;
  entityType: string;
  entityId: string | null;
  projectId?: string | null;
  /** Any JSON-able view; only the fields that differ from `after` are kept. */
  before?: object;
  after?: object;
}

/** One constant advisory-lock key: appends to the chain are serialized, so it never forks. */
const CHAIN_LOCK_KEY = 7_204_918_331;
const VERIFY_BATCH = 1000;
/** An event waiting for its transaction's commit; it is stamped when appended. */
type QueuedEvent = Omit<ChainedEventContent, 'occurredAt'>;
/** A savepoint (nested transaction) has depth > 1; only the outermost commit appends. */
const depthOf = (qr: QueryRunner): number => (qr as unknown as { transactionDepth?: number }).transactionDepth ?? 1;

const toDto = (e: AuditEvent): AuditEventDto => ({
  seq: e.seq,
  occurredAt: e.occurredAt.toISOString(),
  actor: { type: e.actorType, id: e.actorId, name: e.actorName },
  action: e.action,
  entityType: e.entityType,
  entityId: e.entityId,
  projectId: e.projectId,
  before: e.before as Record<string, unknown> | null,
  after: e.after as Record<string, unknown> | null,
  requestId: e.requestId,
  prevHash: e.prevHash,
  hash: e.hash,
});

const toChained = (e: AuditEvent): ChainedEvent => ({ ...e, occurredAt: e.occurredAt.toISOString() });

/**
 * The hash-chained audit trail (DOMAIN.md §9): append inside the caller's transaction, read, verify.
 *
 * `record` does not write at once: it queues the event on the transaction, and the queue is
 * appended just before that transaction commits (a TypeORM `beforeTransactionCommit` subscriber).
 * Appending takes the chain's advisory lock, which every audited write in the system queues on;
 * taking it last means it is held for the append and the commit only, not for the rest of the
 * command's work. The events still commit or roll back with the change they describe.
 */
@Injectable()
export class AuditService implements EntitySubscriberInterface {
  private readonly pending = new WeakMap<QueryRunner, QueuedEvent[]>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    dataSource.subscribers.push(this);
  }

  /** Queues an event in the caller's transaction (`em` must be transactional); see the class comment. */
  record(em: EntityManager, input: AuditInput): Promise<void> {
    const qr = em.queryRunner;
    if (!qr?.isTransactionActive) throw new Error('AuditService.record needs a transactional EntityManager');
    const { before, after } = changedFields(input.before, input.after);
    const queue = this.pending.get(qr) ?? [];
    this.pending.set(qr, queue);
    queue.push({
      actorType: input.actor.type,
      actorId: input.actor.id,
      actorName: input.actor.name,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      projectId: input.projectId ?? null,
      before,
      after,
      requestId: requestContext.requestId() ?? null,
    });
    return Promise.resolve();
  }

  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const qr = event.queryRunner;
    const queue = this.pending.get(qr);
    if (!queue?.length || depthOf(qr) > 1) return;
    this.pending.delete(qr);
    await this.append(qr.manager, queue);
  }

  beforeTransactionRollback(event: TransactionRollbackEvent): void {
    // A rolled-back savepoint would drop its caller's events too; the app does not nest transactions.
    if (depthOf(event.queryRunner) <= 1) this.pending.delete(event.queryRunner);
  }

  /** Chains the events after the last one under the lock (held to commit) and inserts them in one statement. */
  private async append(em: EntityManager, queued: QueuedEvent[]): Promise<void> {
    await em.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK_KEY]);
    const last: { hash: string }[] = await em.query('SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1');
    let prevHash = last[0]?.hash ?? GENESIS_HASH;
    // Stamped under the lock, as before: occurred_at never goes backwards along the chain.
    const occurredAt = new Date().toISOString();
    const values: unknown[] = [];
    const rows: string[] = [];
    for (const q of queued) {
      const e: ChainedEventContent = { ...q, occurredAt };
      const hash = eventHash(prevHash, e);
      const base = values.length;
      rows.push(`(${Array.from({ length: 13 }, (_, i) => `$${base + i + 1}`).join(', ')})`);
      values.push(
        e.occurredAt,
        e.actorType,
        e.actorId,
        e.actorName,
        e.action,
        e.entityType,
        e.entityId,
        e.projectId,
        e.before === null ? null : JSON.stringify(e.before),
        e.after === null ? null : JSON.stringify(e.after),
        e.requestId,
        prevHash,
        hash,
      );
      prevHash = hash;
    }
    // Multi-row VALUES insert in list order, so seq follows the chain.
    await em.query(
      `INSERT INTO audit_event (occurred_at, actor_type, actor_id, actor_name, action, entity_type, entity_id, project_id, before, after, request_id, prev_hash, hash)
       VALUES ${rows.join(', ')}`,
      values,
    );
  }

  /** All events, newest first, filtered (CIO, admin, `audit:read` keys). */
  async list(query: AuditEventQueryDto): Promise<Page<AuditEventDto>> {
    const qb = this.dataSource.getRepository(AuditEvent).createQueryBuilder('e');
    if (query.projectId) qb.andWhere('e.projectId = :projectId', { projectId: query.projectId });
    if (query.entityType) qb.andWhere('e.entityType = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('e.entityId = :entityId', { entityId: query.entityId });
    if (query.actorId) qb.andWhere('e.actorId = :actorId', { actorId: query.actorId });
    if (query.actorType) qb.andWhere('e.actorType = :actorType', { actorType: query.actorType });
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    if (query.from) qb.andWhere('e.occurredAt >= :from', { from: query.from });
    if (query.to) qb.andWhere('e.occurredAt < :to', { to: query.to });
    return this.page(qb, query, 'DESC');
  }

  /** One project's trail, oldest first (the project's timeline). Access is the caller's to check. */
  async projectHistory(projectId: string, query: PageQueryDto): Promise<Page<AuditEventDto>> {
    const qb = this.dataSource.getRepository(AuditEvent).createQueryBuilder('e').where('e.projectId = :projectId', { projectId });
    return this.page(qb, query, 'ASC');
  }

  /** Recomputes the whole chain in seq order, a batch at a time, and names the first broken link. */
  async verify(): Promise<AuditVerificationDto> {
    const repo = this.dataSource.getRepository(AuditEvent);
    let prevHash = GENESIS_HASH;
    let afterSeq = '0';
    let checked = 0;
    for (;;) {
      const batch = await repo
        .createQueryBuilder('e')
        .where('e.seq > :afterSeq', { afterSeq })
        .orderBy('e.seq', 'ASC')
        .limit(VERIFY_BATCH)
        .getMany();
      if (batch.length === 0) break;
      const { broken, lastHash } = verifySegment(prevHash, batch.map(toChained));
      if (broken) {
        checked += batch.findIndex((e) => e.seq === broken.seq) + 1;
        return { valid: false, checked, firstBrokenLink: broken, verifiedAt: new Date().toISOString() };
      }
      checked += batch.length;
      prevHash = lastHash;
      afterSeq = batch[batch.length - 1].seq;
    }
    return { valid: true, checked, firstBrokenLink: null, verifiedAt: new Date().toISOString() };
  }

  private async page(qb: SelectQueryBuilder<AuditEvent>, query: PageQueryDto, direction: 'ASC' | 'DESC'): Promise<Page<AuditEventDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor<{ seq: string }>(query.cursor, ['seq']);
    if (after) {
      if (!/^\d{1,19}$/.test(after.seq))
        throw new ValidationProblem([{ field: 'cursor', message: 'cursor is not a cursor returned by this list' }]);
      qb.andWhere(`e.seq ${direction === 'ASC' ? '>' : '<'} :seq`, { seq: after.seq });
    }
    qb.orderBy('e.seq', direction).limit(limit + 1);
    return toPage(await qb.getMany(), limit, toDto, (e) => ({ seq: e.seq }));
  }
}
