import { Injectable } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { DataSource } from 'typeorm';

/** What @nestjs/throttler reads back from a storage (its record type is not exported). */
export type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** One counter to bump: at most `limit` hits per `ttlMs` window, then refused for `blockMs`. */
export interface Hit {
  key: string;
  ttlMs: number;
  limit: number;
  blockMs: number;
}

export interface CounterRow {
  key: string;
  hits: number;
  expires_in: number;
  blocked_for: number | null;
}

/**
 * A counter per key: a fixed window that starts at the first hit; the hit that goes over the
 * limit blocks the key for `block_ms`, and while blocked hits are refused without being counted;
 * once the block or the window is over, the next hit starts a new window. Keys are bumped in key
 * order, so two statements bumping the same keys cannot deadlock. Times come from PostgreSQL's
 * clock (`now()`), the same for every instance.
 */
const INCREMENT_SQL = `
  INSERT INTO rate_limit_counter AS r (key, hits, window_ends_at, blocked_until, hit_limit, block_ms)
  SELECT h.key, 1, now() + h.ttl_ms * interval '1 millisecond',
         CASE WHEN 1 > h.hit_limit THEN now() + h.block_ms * interval '1 millisecond' END, h.hit_limit, h.block_ms
  FROM unnest($1::text[], $2::int[], $3::int[], $4::int[]) AS h(key, ttl_ms, hit_limit, block_ms)
  ORDER BY h.key
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN r.blocked_until > now() THEN r.hits
                WHEN r.window_ends_at <= now() OR r.blocked_until <= now() THEN 1
                ELSE r.hits + 1 END,
    window_ends_at = CASE WHEN r.blocked_until > now() THEN r.window_ends_at
                          WHEN r.window_ends_at <= now() OR r.blocked_until <= now() THEN EXCLUDED.window_ends_at
                          ELSE r.window_ends_at END,
    blocked_until = CASE WHEN r.blocked_until > now() THEN r.blocked_until
                         WHEN (CASE WHEN r.window_ends_at <= now() OR r.blocked_until <= now() THEN 1 ELSE r.hits + 1 END) > EXCLUDED.hit_limit
                           THEN now() + EXCLUDED.block_ms * interval '1 millisecond'
                         END,
    hit_limit = EXCLUDED.hit_limit,
    block_ms = EXCLUDED.block_ms
  RETURNING key, hits,
    extract(epoch FROM window_ends_at - now())::float8 AS expires_in,
    CASE WHEN blocked_until > now() THEN extract(epoch FROM blocked_until - now())::float8 END AS blocked_for`;

/**
 * Rate-limit counters in PostgreSQL (`rate_limit_counter`, an UNLOGGED table), shared by every
 * instance: N replicas allow the configured attempts, not N times them. Serves @nestjs/throttler's
 * sign-in guard (ThrottlerStorage) and the write limits (`incrementAll`: one statement for all the
 * counters a request bumps). A database outage fails the request as any other query does (503).
 */
@Injectable()
export class PgThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly dataSource: DataSource) {}

  /** ThrottlerStorage: the guard's key already names the route, the tracker and the throttler. */
  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord> {
    const [record] = await this.incrementAll([{ key, ttlMs: ttl, limit, blockMs: blockDuration }]);
    return record;
  }

  /** Bumps every counter in one statement; the records come back in the order of `hits`. */
  async incrementAll(hits: readonly Hit[]): Promise<ThrottlerStorageRecord[]> {
    const [sql, parameters] = counterStatement(hits);
    return toRecords(hits, await this.dataSource.query<CounterRow[]>(sql, parameters));
  }

  /** Deletes counters whose window and block are both over (hourly job `rate-limit-purge`), a batch at a time. */
  async purgeExpired(limit = 5_000): Promise<number> {
    // TypeORM answers a DELETE with [rows, row count].
    const [, deleted] = await this.dataSource.query<[unknown[], number]>(
      `DELETE FROM rate_limit_counter WHERE ctid IN (
         SELECT ctid FROM rate_limit_counter WHERE window_ends_at < now() AND (blocked_until IS NULL OR blocked_until < now()) LIMIT $1)`,
      [limit],
    );
    return deleted;
  }
}

/** The statement that bumps `hits` (each key at most once) and its parameters. */
export function counterStatement(hits: readonly Hit[]): [string, unknown[]] {
  if (new Set(hits.map((h) => h.key)).size !== hits.length) throw new Error('incrementAll: each key at most once');
  const ms = (n: number) => Math.min(2 ** 31 - 1, Math.max(0, Math.round(n)));
  return [
    INCREMENT_SQL,
    [hits.map((h) => h.key), hits.map((h) => ms(h.ttlMs)), hits.map((h) => ms(h.limit)), hits.map((h) => ms(h.blockMs))],
  ];
}

/** The statement's rows as @nestjs/throttler's records, in the order of `hits`. */
export function toRecords(hits: readonly Hit[], rows: readonly CounterRow[]): ThrottlerStorageRecord[] {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return hits.map((h) => {
    const row = byKey.get(h.key)!;
    return {
      totalHits: row.hits,
      timeToExpire: Math.max(0, Math.ceil(row.expires_in)),
      isBlocked: row.blocked_for !== null,
      timeToBlockExpire: row.blocked_for === null ? 0 : Math.max(1, Math.ceil(row.blocked_for)),
    };
  });
}
