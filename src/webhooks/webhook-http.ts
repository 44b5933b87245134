import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Webhook } from 'standardwebhooks';
import { checkUrlShape, guardedLookup } from './webhook-target';

export const USER_AGENT = 'HERO-Compact-Webhooks/1';

/**
 * Standard Webhooks headers: the message id (the event id: the same for every attempt, so a
 * receiver de-duplicates on it), the attempt time, and `v1,<base64 HMAC-SHA256>` of
 * `${id}.${timestamp}.${body}` keyed with the secret (the standardwebhooks package).
 */
export function signedHeaders(secret: string, messageId: string, at: Date, body: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': USER_AGENT,
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(messageId, at, body),
  };
}

export interface AttemptResult {
  ok: boolean;
  status: number | null;
  durationMs: number;
  error: string | null;
}

export interface PostOptions {
  timeoutMs: number;
  allowPrivate: boolean;
}

const ERROR_MAX = 500;

/**
 * One POST: a 2xx is success; anything else (3xx included: redirects are not followed, they could
 * lead anywhere), a network error or the timeout is a failure. A fresh connection per attempt,
 * whose address is checked as it is resolved. The response body is drained and discarded.
 */
export function postWebhook(url: string, body: string, headers: Record<string, string>, options: PostOptions): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  const shape = checkUrlShape(url, options.allowPrivate);
  if (!shape.ok) return Promise.resolve({ ok: false, status: null, durationMs: 0, error: shape.reason });
  const target = shape.url;
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<AttemptResult, 'durationMs'>): void => {
      if (settled) return;
      settled = true;
      resolve({ ...result, error: result.error?.slice(0, ERROR_MAX) ?? null, durationMs: elapsed() });
    };
    const req = send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        agent: false,
        lookup: options.allowPrivate ? undefined : guardedLookup,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        res.on('error', () => undefined);
        res.resume();
        const ok = status >= 200 && status < 300;
        finish({ ok, status, error: ok ? null : `HTTP ${status}` });
      },
    );
    // The whole attempt (connect, send, response headers, draining) is bounded by the timeout.
    const timer = setTimeout(() => req.destroy(new Error(`timed out after ${options.timeoutMs} ms`)), options.timeoutMs);
    timer.unref();
    req.on('close', () => clearTimeout(timer));
    req.on('error', (err) => finish({ ok: false, status: null, error: err.message || String(err) }));
    req.end(body);
  });
}
