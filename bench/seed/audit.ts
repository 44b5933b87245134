import type { Client } from 'pg';
import type { BulkInserter } from '../lib/bulk-insert';
import { MinHeap } from '../lib/min-heap';
import { type ChainedEvent, eventHash, GENESIS_HASH, verifySegment } from '../../src/audit/audit-chain';
import type { AuditDraft } from './lifecycle';

/**
 * Appends audit events in time order, each hashed onto the previous one with the app's own
 * eventHash (src/audit/audit-chain.ts), so GET /audit-events/verify holds. Projects are generated
 * in creation order and nothing happens before its project exists, so every event older than the
 * project being generated is final: those are released (hashed and COPYed) while generation goes
 * on. COPY keeps the rows' order, which is the order seq is assigned in.
 */
export class AuditChainWriter {
  private readonly pending = new MinHeap<AuditDraft>((d) => d.at);
  private prevHash = GENESIS_HASH;
  written = 0;

  constructor(private readonly ins: BulkInserter) {}

  /** Continues an existing chain (the migrations or a previous run may have written events). */
  async start(client: Client): Promise<void> {
    const last = await client.query<{ hash: string }>('SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1');
    this.prevHash = last.rows[0]?.hash ?? GENESIS_HASH;
  }

  add(draft: AuditDraft): void {
    this.pending.push(draft);
  }

  /** Writes every pending event that happened before `ms`. */
  async releaseUntil(ms: number): Promise<void> {
    while (this.pending.size > 0 && this.pending.peek()!.at < ms) await this.write(this.pending.pop()!);
  }

  async drain(): Promise<number> {
    await this.releaseUntil(Number.POSITIVE_INFINITY);
    await this.ins.finish();
    return this.written;
  }

  private async write(d: AuditDraft): Promise<void> {
    const content = {
      occurredAt: new Date(d.at).toISOString(),
      actorType: 'user',
      actorId: d.actor.id,
      actorName: d.actor.displayName,
      action: d.action,
      entityType: d.entityType,
      entityId: d.entityId,
      projectId: d.projectId,
      before: d.before,
      after: d.after,
      requestId: null,
    };
    const hash = eventHash(this.prevHash, content);
    await this.ins.add('audit_event', {
      ...{ occurred_at: content.occurredAt, actor_type: content.actorType, actor_id: content.actorId, actor_name: content.actorName },
      ...{ action: content.action, entity_type: content.entityType, entity_id: content.entityId, project_id: content.projectId },
      ...{ before: content.before, after: content.after, request_id: null, prev_hash: this.prevHash, hash },
    });
    this.prevHash = hash;
    this.written++;
  }
}

interface EventRow {
  seq: string;
  occurred_at: Date;
  actor_type: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  project_id: string | null;
  before: ChainedEvent['before'];
  after: ChainedEvent['after'];
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

/** The same walk as AuditService.verify, straight over pg: the seeded chain must hold. */
export async function verifyAuditChain(client: Client): Promise<{ valid: boolean; checked: number }> {
  let prevHash = GENESIS_HASH;
  let afterSeq = '0';
  let checked = 0;
  for (;;) {
    const { rows } = await client.query<EventRow>('SELECT * FROM audit_event WHERE seq > $1 ORDER BY seq LIMIT 20000', [afterSeq]);
    if (rows.length === 0) return { valid: true, checked };
    const events: ChainedEvent[] = rows.map((r) => ({
      seq: r.seq,
      occurredAt: r.occurred_at.toISOString(),
      actorType: r.actor_type,
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      projectId: r.project_id,
      before: r.before,
      after: r.after,
      requestId: r.request_id,
      prevHash: r.prev_hash,
      hash: r.hash,
    }));
    const { broken, lastHash } = verifySegment(prevHash, events);
    if (broken) return { valid: false, checked: checked + events.findIndex((e) => e.seq === broken.seq) };
    checked += events.length;
    prevHash = lastHash;
    afterSeq = rows[rows.length - 1].seq;
  }
}
