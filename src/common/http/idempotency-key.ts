import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
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

/** Deeper than any request body of this API; a deeper one is refused before it can exhaust the stack. */
export const MAX_BODY_DEPTH = 64;

export function canonicalJson(value: unknown, depth = 0): string {
  if (depth > MAX_BODY_DEPTH) {
    throw new ValidationProblem([{ field: 'body', message: `the body is nested deeper than ${MAX_BODY_DEPTH} levels` }]);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v, depth + 1)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const entries = Object.keys(record)
      .sort()
      .filter((k) => record[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k], depth + 1)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** HMAC, not a bare hash: bodies may hold passwords, which a stored hash would expose to guessing. */
export function requestFingerprint(serverSecret: string, method: string, url: string, body: unknown): string {
  return createHmac('sha256', serverSecret)
    .update(`${method.toUpperCase()} ${url}\n${canonicalJson(body)}`)
    .digest('hex');
}

/**
 * Stored response bodies can hold secrets shown once (a new API key, a webhook secret), so they
 * are sealed: AES-256-GCM under a key derived from the server secret and the Idempotency-Key itself,
 * which is stored only as a hash. Reading the table alone reveals no response.
 */
export interface SealedResponse {
  v: 1;
  iv: string;
  tag: string;
  data: string;
}

export function keyDigest(principal: string, key: string): string {
  return createHash('sha256').update(`${principal}\n${key}`).digest('hex');
}

function sealingKey(serverSecret: string, principal: string, key: string): Buffer {
  return createHmac('sha256', serverSecret).update(`idempotency-response\n${principal}\n${key}`).digest();
}

export function sealResponse(serverSecret: string, principal: string, key: string, body: unknown): SealedResponse {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(serverSecret, principal, key), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify({ body }), 'utf8'), cipher.final()]);
  return { v: 1, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** The response body (in `{ body }`), or null if it cannot be opened (tampered, or the server secret changed). */
export function openResponse(serverSecret: string, principal: string, key: string, sealed: SealedResponse): { body: unknown } | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(serverSecret, principal, key), Buffer.from(sealed.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const text = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
    return JSON.parse(text) as { body: unknown };
  } catch {
    return null;
  }
}
