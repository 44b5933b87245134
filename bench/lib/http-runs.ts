import { loadavg } from 'node:os';
import { runLoad, type LoadResult } from './load';
import { markdownTable } from './report';
import type { Scenario } from './scenarios';
import { cpuMs, sampleRss, type Server } from './servers';
import type { Client } from 'pg';
import { perRequest, sampleWaits, type StatCounter } from './statements';

/**
 * Measuring one path on both servers: ROUNDS rounds, the order alternating (app, baseline, then
 * baseline, app…), so a change in the shared machine's load hits both sides alike; the medians
 * are reported, every round is kept in the JSON.
 */
export const SETTINGS = {
  durationSeconds: Number(process.env.BENCH_DURATION ?? 10),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 32),
  warmupSeconds: Number(process.env.BENCH_WARMUP ?? 3),
  rounds: Number(process.env.BENCH_ROUNDS ?? 3),
  settleMs: 3_000,
  timeoutSeconds: 30,
};
export const TARGET = { read: 0.5, write: 0.4, p99Ms: 100, rssMb: 300 };

export interface Run {
  load: LoadResult;
  rssPeakMb: number;
  /** CPU time the server process used per completed request: robust to the shared machine's load. */
  cpuMsPerRequest: number;
  statementsPerRequest: number | null;
  loadAvg1m: number;
  /** BENCH_WAITS=1: database sessions by wait event, averaged over the run (sampleWaits). */
  waits?: Record<string, number>;
}

export interface Summary {
  rps: number;
  p50: number;
  p99: number;
  rssPeakMb: number;
  cpuMsPerRequest: number;
  statementsPerRequest: number | null;
  failures: number;
  roundsRps: number[];
  loadAvg1m: number[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : 0;
  return Math.round(m * 100) / 100;
};

export async function warmUp(server: Server, index: 0 | 1, s: Scenario): Promise<void> {
  const budget = s.budget ? Math.min(50, Math.floor(s.budget(index) / 10)) : undefined;
  const warm = await runLoad({
    ...{ port: server.port, connections: SETTINGS.connections, method: s.method, headers: s.headers },
    ...{ durationSeconds: SETTINGS.warmupSeconds, amount: budget, timeoutSeconds: SETTINGS.timeoutSeconds, next: s.requests(index) },
  });
  await sleep(Math.min(30_000, warm.latencyMs.p99));
}

export async function measureRound(
  server: Server,
  index: 0 | 1,
  s: Scenario,
  stats: StatCounter | null,
  rounds: number,
  waitsClient?: Client,
): Promise<Run> {
  const budget = s.budget ? Math.floor(s.budget(index) / rounds) : undefined;
  await stats?.reset();
  const cpuBefore = cpuMs(server.proc.pid!);
  const stop = sampleRss(server.proc.pid!);
  const stopWaits = waitsClient ? sampleWaits(waitsClient) : undefined;
  const load = await runLoad({
    ...{ port: server.port, connections: SETTINGS.connections, method: s.method, headers: s.headers },
    ...{ durationSeconds: SETTINGS.durationSeconds, amount: budget, timeoutSeconds: SETTINGS.timeoutSeconds, next: s.requests(index) },
  });
  const rssPeakMb = stop();
  const waits = await stopWaits?.();
  const cpuMsPerRequest = Math.round(((cpuMs(server.proc.pid!) - cpuBefore) / Math.max(1, load.ok)) * 100) / 100;
  // Let requests still queued in the server (argon2 hashes) drain before the next run starts.
  await sleep(Math.min(30_000, Math.max(SETTINGS.settleMs, load.latencyMs.p99 * 1.5)));
  const statements = stats ? await stats.count() : null;
  if (process.env.BENCH_DEBUG && stats) {
    process.stderr.write(`  statements ${statements}, requests ${load.requests}, ok ${load.ok}\n  ${(await stats.top()).join('\n  ')}\n`);
  }
  const statementsPerRequest = statements === null ? null : perRequest(statements, load.requests);
  return { load, rssPeakMb, cpuMsPerRequest, statementsPerRequest, loadAvg1m: Number(loadavg()[0].toFixed(2)), ...(waits && { waits }) };
}

export function summarize(runs: Run[]): Summary {
  const spr = runs.map((r) => r.statementsPerRequest).filter((x): x is number => x !== null);
  return {
    rps: median(runs.map((r) => r.load.rps)),
    p50: median(runs.map((r) => r.load.latencyMs.p50)),
    p99: median(runs.map((r) => r.load.latencyMs.p99)),
    rssPeakMb: Math.max(...runs.map((r) => r.rssPeakMb)),
    cpuMsPerRequest: median(runs.map((r) => r.cpuMsPerRequest)),
    statementsPerRequest: spr.length ? median(spr) : null,
    failures: runs.reduce((n, r) => n + r.load.non2xx + r.load.errors, 0),
    roundsRps: runs.map((r) => r.load.rps),
    loadAvg1m: runs.map((r) => r.loadAvg1m),
  };
}

export function verdict(s: Scenario, app: Summary, base: Summary): string {
  const ratio = app.rps / base.rps;
  const misses: string[] = [];
  if (ratio < (s.kind === 'read' ? TARGET.read : TARGET.write)) misses.push(`throughput ${(ratio * 100).toFixed(0)} %`);
  if (app.p99 > TARGET.p99Ms) misses.push(`p99 ${app.p99} ms`);
  if (app.rssPeakMb > TARGET.rssMb) misses.push(`RSS ${app.rssPeakMb} MB`);
  if (app.failures) misses.push(`${app.failures} failed requests`);
  return misses.length ? `miss: ${misses.join(', ')}` : 'meets';
}

export function table(list: Scenario[], results: Record<string, { app: Summary; baseline: Summary }>): string {
  const rows = list
    .filter((s) => results[s.name])
    .map((s) => {
      const { app, baseline: base } = results[s.name];
      const spr = (r: Summary) => (r.statementsPerRequest === null ? '–' : r.statementsPerRequest.toFixed(1));
      return [
        s.route,
        app.rps,
        base.rps,
        `${((app.rps / base.rps) * 100).toFixed(0)} % (≥ ${s.kind === 'read' ? 50 : 40} %)`,
        `${app.p50} / ${app.p99}`,
        `${base.p50} / ${base.p99}`,
        `${app.rssPeakMb} / ${base.rssPeakMb}`,
        `${app.cpuMsPerRequest} / ${base.cpuMsPerRequest}`,
        `${spr(app)} / ${spr(base)}`,
        verdict(s, app, base),
      ];
    });
  return markdownTable(
    [
      'path',
      'app req/s',
      'baseline req/s',
      'app/baseline',
      'app p50/p99 ms',
      'baseline p50/p99 ms',
      'peak RSS MB app/baseline',
      'CPU ms/req app/baseline',
      'SQL stmts/req app/baseline',
      'targets (app)',
    ],
    rows,
  );
}
