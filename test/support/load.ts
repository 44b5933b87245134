import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A bounded load loop for fault tests: `workers` concurrent loops, each sending one request at a
 * time, until `stop()` says so, the deadline passes or `maxRequests` is reached (whichever first).
 * Every outcome is kept, so a test can count exactly what clients were told.
 */
export interface Outcome {
  worker: number;
  kind: string;
  /** ms since the load started */
  startedAt: number;
  endedAt: number;
  status?: number;
  /** transport error code (ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET, TimeoutError, …) */
  error?: string;
  contentType?: string | null;
  retryAfter?: string | null;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface LoadOptions {
  workers: number;
  maxRequests: number;
  /** Requests per worker, at most. */
  perWorker?: number;
  maxDurationMs: number;
  stop?: () => boolean;
  /** ms since some start; defaults to the start of this load */
  clock?: () => number;
  /** One request; return its outcome (use `send`). May wait before returning (client back-off). */
  step(worker: number, seq: number, clock: () => number): Promise<Outcome>;
}

export async function runLoad(options: LoadOptions): Promise<{ outcomes: Outcome[]; durationMs: number }> {
  const t0 = Date.now();
  const clock = options.clock ?? ((): number => Date.now() - t0);
  const startedAt = clock();
  const outcomes: Outcome[] = [];
  let sent = 0;
  const more = (): boolean => !options.stop?.() && clock() - startedAt < options.maxDurationMs && sent < options.maxRequests;
  const worker = async (w: number): Promise<void> => {
    for (let seq = 0; more() && seq < (options.perWorker ?? Infinity); seq++) {
      sent++;
      outcomes.push(await options.step(w, seq, clock));
    }
  };
  await Promise.all(Array.from({ length: options.workers }, (_, w) => worker(w)));
  return { outcomes, durationMs: clock() - startedAt };
}

function errorCode(err: unknown): string {
  const e = err as { name?: string; code?: string; cause?: { code?: string; name?: string } };
  return e.cause?.code ?? e.code ?? e.cause?.name ?? e.name ?? 'Error';
}

/** fetch with a timeout, turned into an Outcome (the body parsed as JSON when it is JSON). */
export async function send(
  worker: number,
  kind: string,
  clock: () => number,
  url: string,
  init: RequestInit & { timeoutMs?: number } = {},
): Promise<Outcome> {
  const startedAt = clock();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(init.timeoutMs ?? 15_000) });
    const contentType = res.headers.get('content-type');
    const text = await res.text();
    let body: unknown = text;
    if (contentType?.includes('json')) body = JSON.parse(text) as unknown;
    const headers = Object.fromEntries(res.headers.entries());
    return {
      worker,
      kind,
      startedAt,
      endedAt: clock(),
      status: res.status,
      contentType,
      retryAfter: res.headers.get('retry-after'),
      headers,
      body,
    };
  } catch (err) {
    return { worker, kind, startedAt, endedAt: clock(), error: errorCode(err) };
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The promise's value, or undefined after `ms` (the timer is cleared either way). */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), ms);
    });
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Counts by a key, e.g. status or error code. */
export function tally<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

export const outcomeKey = (o: Outcome): string => (o.status !== undefined ? String(o.status) : `error:${o.error}`);

/** Writes a test's measured figures to test-results/resilience/<name>.json (git-ignored), quietly. */
export function writeReport(name: string, figures: Record<string, unknown>): void {
  const dir = join(__dirname, '..', '..', 'test-results', 'resilience');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify({ ...figures, at: new Date().toISOString() }, null, 2)}\n`);
}
