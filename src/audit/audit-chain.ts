/**
 * The audit trail's hash chain (DOMAIN.md §9), as plain functions: each event's
 * `hash = sha256(prevHash + canonical(event))`, where canonical is JSON with keys sorted at every
 * level. Verification walks events in chain order and names the first link that does not hold.
 */
import { createHash } from 'node:crypto';

/** The hash that precedes the first event of the chain. */
export const GENESIS_HASH = '0'.repeat(64);

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface ChainedEventContent {
  occurredAt: string;
  actorType: string;
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string | null;
  projectId: string | null;
  before: JsonValue | null;
  after: JsonValue | null;
  requestId: string | null;
}

export interface ChainedEvent extends ChainedEventContent {
  seq: string;
  prevHash: string;
  hash: string;
}

/** JSON with object keys sorted recursively: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Turns dates and other JSON-able values into the plain JSON that jsonb will store and return. */
export function toJson(value: unknown): JsonValue | null {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}

export function eventHash(prevHash: string, event: ChainedEventContent): string {
  const content: Record<keyof ChainedEventContent, unknown> = {
    occurredAt: event.occurredAt,
    actorType: event.actorType,
    actorId: event.actorId,
    actorName: event.actorName,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    projectId: event.projectId,
    before: event.before,
    after: event.after,
    requestId: event.requestId,
  };
  return createHash('sha256').update(prevHash).update(canonicalJson(content)).digest('hex');
}

/**
 * Keeps only the fields whose value changed (DOMAIN.md §9: "before/after of changed fields").
 * Without a `before` (a creation) the whole `after` is kept.
 */
export function changedFields(
  before: object | undefined,
  after: object | undefined,
): { before: Record<string, JsonValue> | null; after: Record<string, JsonValue> | null } {
  const b = toJson(before) as Record<string, JsonValue> | null;
  const a = toJson(after) as Record<string, JsonValue> | null;
  if (!b || !a) return { before: b, after: a };
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  const outBefore: Record<string, JsonValue> = {};
  const outAfter: Record<string, JsonValue> = {};
  for (const key of keys) {
    if (canonicalJson(b[key] ?? null) === canonicalJson(a[key] ?? null)) continue;
    outBefore[key] = b[key] ?? null;
    outAfter[key] = a[key] ?? null;
  }
  return { before: outBefore, after: outAfter };
}

export type BrokenLinkReason = 'hash-mismatch' | 'prev-hash-mismatch';

export interface BrokenLink {
  seq: string;
  reason: BrokenLinkReason;
  expected: string;
  found: string;
}

/**
 * Checks one run of consecutive events that follows `prevHash`. Returns the first broken link,
 * or null and the hash the next run must follow.
 */
export function verifySegment(prevHash: string, events: readonly ChainedEvent[]): { broken: BrokenLink | null; lastHash: string } {
  let expectedPrev = prevHash;
  for (const event of events) {
    if (event.prevHash !== expectedPrev) {
      return {
        broken: { seq: event.seq, reason: 'prev-hash-mismatch', expected: expectedPrev, found: event.prevHash },
        lastHash: expectedPrev,
      };
    }
    const recomputed = eventHash(event.prevHash, event);
    if (recomputed !== event.hash) {
      return { broken: { seq: event.seq, reason: 'hash-mismatch', expected: recomputed, found: event.hash }, lastHash: expectedPrev };
    }
    expectedPrev = event.hash;
  }
  return { broken: null, lastHash: expectedPrev };
}
