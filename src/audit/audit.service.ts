import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { requestContext } from '../common/http/request-context';
import { decodeCursor, DEFAULT_PAGE_SIZE, Page, PageQueryDto, toPage } from '../common/pagination/pagination';
import { ValidationProblem } from '../common/problem/problem';
import type { ActorRef } from '../identity/auth/principal';
import { changedFields, type ChainedEvent, eventHash, GENESIS_HASH, verifySegment } from './audit-chain';
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

/** The hash-chained audit trail (DOMAIN.md §9): append inside the caller's transaction, read, verify. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends an event in the caller's transaction (`em` must be transactional). The advisory lock
   * is held until that transaction ends, so the next writer reads this event's hash: concurrent
   * writers queue here rather than fork the chain.
   */
  async record(em: EntityManager, input: AuditInput): Promise<void> {
    if (!em.queryRunner?.isTransactionActive) throw new Error('AuditService.record needs a transactional EntityManager');
    await em.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK_KEY]);
    const last: { hash: string }[] = await em.query('SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1');
    const prevHash = last[0]?.hash ?? GENESIS_HASH;
    const { before, after } = changedFields(input.before, input.after);
    const content = {
      occurredAt: new Date().toISOString(),
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
    };
    const hash = eventHash(prevHash, content);
    await em.query(
      `INSERT INTO audit_event (occurred_at, actor_type, actor_id, actor_name, action, entity_type, entity_id, project_id, before, after, request_id, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        content.occurredAt,
        content.actorType,
        content.actorId,
        content.actorName,
        content.action,
        content.entityType,
        content.entityId,
        content.projectId,
        before === null ? null : JSON.stringify(before),
        after === null ? null : JSON.stringify(after),
        content.requestId,
        prevHash,
        hash,
      ],
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
