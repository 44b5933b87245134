import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntitySubscriberInterface, type TransactionCommitEvent } from 'typeorm';
import { requestContext } from './request-context';
import { AppConfig } from '../../config/app-config';
import { ProblemError } from '../problem/problem';
import { IDEMPOTENCY_TTL_HOURS, keyDigest, openResponse, sealResponse, type SealedResponse } from './idempotency-key';

/** An in-progress claim older than this is presumed abandoned (its process died) and may be taken over. */
const STALE_CLAIM_SECONDS = 120;
const CLAIM_TRIES = 3;

export type Claim = { kind: 'claimed' } | { kind: 'replay'; status: number; body: unknown; headers: Record<string, string> };

interface StoredKey {
  fingerprint: string;
  status: 'in_progress' | 'committed' | 'completed';
  stale: boolean;
  response_status: number | null;
  response_body: SealedResponse | null;
  response_headers: Record<string, string> | null;
}

/**
 * Idempotency keys in PostgreSQL, per principal, for 24 hours. The claim is a committed row written
 * before the request runs: of two concurrent requests with one key, exactly one inserts it; the
 * other gets 409 (or, once the first finished, its replay). The key is stored as a digest and the
 * response sealed with it (idempotency-key.ts).
 *
 * `in_progress` → `committed` → `completed`: the first transaction of the request that writes
 * marks the key `committed` in that same transaction (a `beforeTransactionCommit` subscriber), so
 * whether the request changed anything is known even if storing its response fails afterwards (the
 * database gone right after the commit). Only an `in_progress` key is released on failure or taken
 * over once stale — a committed request is never run twice.
 */
@Injectable()
export class IdempotencyStore implements EntitySubscriberInterface {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    dataSource.subscribers.push(this);
  }

  /** In the request's writing transactions: its key is `committed` together with its change. */
  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const claim = requestContext.idempotencyClaim();
    if (!claim) return;
    // txid_current_if_assigned() is null until the transaction has written: a read-only one marks nothing.
    await event.queryRunner.query(
      `UPDATE idempotency_key SET status = 'committed'
       WHERE principal = $1 AND key = $2 AND status = 'in_progress' AND txid_current_if_assigned() IS NOT NULL`,
      [claim.principal, claim.key],
    );
  }

  async claim(principal: string, rawKey: string, fingerprint: string, method: string, path: string): Promise<Claim> {
    const key = keyDigest(principal, rawKey);
    for (let i = 0; i < CLAIM_TRIES; i++) {
      const claimed = await this.dataSource.query<unknown[]>(
        `INSERT INTO idempotency_key (principal, key, fingerprint, method, path, expires_at)
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(hours => $6))
         ON CONFLICT (principal, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, method = EXCLUDED.method, path = EXCLUDED.path,
           status = 'in_progress', response_status = NULL, response_body = NULL, response_headers = NULL, created_at = now(), expires_at = EXCLUDED.expires_at
         WHERE idempotency_key.expires_at < now()
            OR (idempotency_key.status = 'in_progress' AND idempotency_key.created_at < now() - make_interval(secs => $7))
         RETURNING 1`,
        [principal, key, fingerprint, method, path, IDEMPOTENCY_TTL_HOURS, STALE_CLAIM_SECONDS],
      );
      if (claimed.length > 0) {
        requestContext.setIdempotencyClaim({ principal, key });
        return { kind: 'claimed' };
      }
      const [existing] = await this.dataSource.query<StoredKey[]>(
        `SELECT fingerprint, status, response_status, response_body, response_headers,
           created_at < now() - make_interval(secs => $3) AS stale
         FROM idempotency_key WHERE principal = $1 AND key = $2`,
        [principal, key, STALE_CLAIM_SECONDS],
      );
      if (!existing) continue; // released in between: try to claim again
      if (existing.fingerprint !== fingerprint) throw reused();
      // Committed long ago without a stored response: it ran; its answer is lost, never re-run.
      if (existing.status === 'committed' && existing.stale) throw unreplayable(UNSTORED);
      if (existing.status !== 'completed' || !existing.response_body) throw inFlight();
      const opened = openResponse(this.config.jwtSecret, principal, rawKey, existing.response_body);
      if (!opened) throw unreplayable(SECRET_CHANGED);
      return { kind: 'replay', status: existing.response_status ?? 200, body: opened.body, headers: existing.response_headers ?? {} };
    }
    throw inFlight();
  }

  /** Stores the response to replay (a request that wrote nothing goes from in_progress straight to completed). */
  async complete(principal: string, rawKey: string, status: number, body: unknown, headers: Record<string, string>): Promise<void> {
    const sealed = sealResponse(this.config.jwtSecret, principal, rawKey, body ?? null);
    await this.dataSource.query(
      `UPDATE idempotency_key SET status = 'completed', response_status = $3, response_body = $4::jsonb, response_headers = $5::jsonb
       WHERE principal = $1 AND key = $2`,
      [principal, keyDigest(principal, rawKey), status, JSON.stringify(sealed), JSON.stringify(headers)],
    );
  }

  /** A failed request changed nothing (one transaction per command): forget the key so a retry runs. */
  async release(principal: string, rawKey: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_key WHERE principal = $1 AND key = $2 AND status = 'in_progress'`, [
      principal,
      keyDigest(principal, rawKey),
    ]);
  }

  /** Removes expired keys, a bounded batch at a time; returns how many went. */
  async purgeExpired(limit = 5_000): Promise<number> {
    // TypeORM answers a DELETE with [rows, row count] (the rows' length was always 2).
    const [, deleted] = await this.dataSource.query<[unknown[], number]>(
      `DELETE FROM idempotency_key WHERE ctid IN (SELECT ctid FROM idempotency_key WHERE expires_at < now() LIMIT $1)`,
      [limit],
    );
    return deleted;
  }
}

function reused(): ProblemError {
  return new ProblemError(
    422,
    'idempotency-key-reused',
    'Idempotency key reused',
    'This Idempotency-Key was used with a different request (method, path or body) in the last 24 hours. Use a new key for a new request.',
  );
}

const SECRET_CHANGED =
  'The request with this Idempotency-Key was processed, but its stored response can no longer be read (the server secret changed). Check the resource, and use a new key to retry.';
const UNSTORED =
  'The request with this Idempotency-Key was processed, but its response could not be stored. Check the resource; it will not be processed again.';

function unreplayable(detail: string): ProblemError {
  return new ProblemError(409, 'idempotency-key-unreplayable', 'Response cannot be replayed', detail);
}

function inFlight(): ProblemError {
  return new ProblemError(
    409,
    'idempotency-key-in-use',
    'Request already in progress',
    'A request with this Idempotency-Key is still being processed. Retry in a moment to get its result.',
    { retryAfter: 1 },
    undefined,
    { 'Retry-After': '1' },
  );
}
