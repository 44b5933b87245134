import { createHash } from 'node:crypto';
import { ValidationProblem } from '../problem/problem';

/**
 * API.md "Concurrency and retries": `Idempotency-Key` on POST. A key is 1–255 visible ASCII
 * characters (the IETF draft's quoted form "…" is accepted too). The request fingerprint covers
 * method, path with query, and the body in a canonical form (object keys sorted), so the same JSON
 * written in another key order is the same request.
 */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const IDEMPOTENCY_TTL_HOURS = 24;
const KEY = /^[\x21-\x7e]{1,255}$/;

export function parseIdempotencyKey(raw: string | string[]): string {
  const value = (Array.isArray(raw) ? raw.join(',') : raw).trim().replace(/^"(.*)"$/, '$1');
  if (!KEY.test(value)) {
    throw new ValidationProblem([
      { field: 'Idempotency-Key', message: 'Idempotency-Key must be 1–255 visible ASCII characters (a UUID is a good choice)' },
    ]);
  }
  return value;
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function requestFingerprint(method: string, url: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()} ${url}\n${canonicalJson(body)}`)
    .digest('hex');
}
