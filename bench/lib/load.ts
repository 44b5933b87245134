/**
 * autocannon runs, always against 127.0.0.1 and always bounded: a fixed duration, a fixed number of
 * connections, and optionally a request budget (`amount`) for paths that consume data.
 */
interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: AutocannonRequest) => AutocannonRequest;
}
interface Histogram {
  average: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}
interface AutocannonResult {
  latency: Histogram;
  requests: Histogram & { total: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  statusCodeStats: Record<string, { count: number }>;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- autocannon ships no types; the shape used is declared above
const autocannon = require('autocannon') as Autocannon;

export interface LoadSpec {
  port: number;
  connections: number;
  durationSeconds: number;
  /** Stop after this many requests (paths whose requests consume seeded rows). */
  amount?: number;
  /** A request slower than this counts as an error (autocannon's timeout). */
  timeoutSeconds?: number;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  /** Called for every request: its path and body (rotating ids, filters, emails). */
  next: () => { path: string; body?: string };
}

export interface LoadResult {
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
  seconds: number;
  rps: number;
  latencyMs: { avg: number; p50: number; p90: number; p99: number; max: number };
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const host = '127.0.0.1';
  const result = await autocannon({
    url: `http://${host}:${spec.port}`,
    // autocannon refuses more connections than requests.
    connections: spec.amount === undefined ? spec.connections : Math.max(1, Math.min(spec.connections, spec.amount)),
    duration: spec.durationSeconds,
    // A cap that, unlike `amount`, still ends the run at `duration`.
    maxOverallRequests: spec.amount,
    timeout: spec.timeoutSeconds ?? 10,
    requests: [
      {
        method: spec.method,
        headers: spec.headers,
        setupRequest: (req: AutocannonRequest) => {
          const { path, body } = spec.next();
          return { ...req, path, ...(body === undefined ? {} : { body }) };
        },
      },
    ],
  });
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]));
  const ok = result['2xx'];
  return {
    requests: result.requests.total,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    statusCodes,
    seconds: result.duration,
    rps: Math.round((ok / result.duration) * 10) / 10,
    latencyMs: {
      avg: result.latency.average,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
  };
}
