import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../src/database/embedded-postgres';
import { BENCH_DATA_DIR, MANIFEST_FILE, migrate, openBenchDatabase } from './lib/bench-db';
import { loadFixtures, type Fixtures } from './lib/fixtures';
import { runLoad, type LoadResult } from './lib/load';
import { markdownTable, writeResult } from './lib/report';
import { scenarios, type Scenario } from './lib/scenarios';
import { APP_MAIN, BASELINE_MAIN, sampleRss, rssMb, startServer, stopServer, waitReady, type Server } from './lib/servers';
import { firstDifference } from './lib/shape';
import { statementsSince, type StatCounter, statCounter } from './lib/statements';

/**
 * npm run bench:http — the app (compiled, NODE_ENV=production, LOG_LEVEL=warn) and the baseline
 * (bench/baseline-server.ts) side by side on the seeded database; per hot path: a warm-up, then
 * BENCH_DURATION s at BENCH_CONNECTIONS connections with autocannon, against 127.0.0.1 only.
 */
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const ONLY = process.env.BENCH_PATHS?.split(',');
const SECRET = 'bench-only-jwt-secret-0123456789abcdefghijkl';
const SETTLE_MS = 3_000;
const TARGET = { read: 0.5, write: 0.4, p99Ms: 100, rssMb: 300 };

interface Run {
  server: 'app' | 'baseline';
  load: LoadResult;
  rssPeakMb: number;
  statementsPerRequest: number | null;
  loadAvg: number[];
}

function appEnv(url: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: url,
    JWT_SECRET: SECRET,
    LOG_LEVEL: process.env.BENCH_APP_LOG_LEVEL ?? 'warn',
    SEED_DEMO: 'false',
    RUN_MIGRATIONS: 'false',
    WORKERS_ENABLED: 'false',
    DB_POOL_MAX: '10',
    DATA_DIR: join(BENCH_DATA_DIR, 'app'),
    // Login is rate-limited per IP and account; the load comes from one IP.
    LOGIN_RATE_LIMIT_PER_IP: '100000000',
    LOGIN_RATE_LIMIT_PER_ACCOUNT: '100000000',
  };
}

async function call(port: number, s: Scenario, server: 0 | 1): Promise<unknown> {
  const { path, body } = s.requests(server)();
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { method: s.method, headers: s.headers, body });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${s.name} on port ${port}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}

/** Same JSON from both for the same request (reads: value by value; writes: shape). */
async function shapeCheck(servers: Server[], list: Scenario[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const s of list) {
    const diffs: string[] = [];
    const samples = s.exact ? (s.name === 'get' ? 40 : 10) : 1;
    const gens = [s.requests(0), s.requests(0)];
    for (let i = 0; i < samples; i++) {
      const req = gens[0]();
      const probe: Scenario = { ...s, requests: () => () => req };
      const a = await call(servers[0].port, s.exact ? probe : s, 0);
      const b = await call(servers[1].port, s.exact ? probe : s, 1);
      const d = firstDifference(a, b, s.exact);
      if (d) diffs.push(`${req.path}: ${d}`);
    }
    out[s.name] = diffs.length ? `DIFFERENT: ${diffs[0]}` : s.exact ? `identical (${samples} requests)` : 'same shape';
  }
  return out;
}

async function measure(server: Server, index: 0 | 1, s: Scenario, stats: StatCounter | null): Promise<Run> {
  const base = { port: server.port, connections: CONNECTIONS, method: s.method, headers: s.headers };
  const warmBudget = s.budget ? Math.min(50, Math.floor(s.budget(index) / 10)) : undefined;
  await runLoad({ ...base, durationSeconds: WARMUP, amount: warmBudget, next: s.requests(index) });
  const budget = s.budget?.(index);
  const before = stats ? await stats.snapshot() : null;
  const stop = sampleRss(server.proc.pid!);
  const load = await runLoad({ ...base, durationSeconds: DURATION, amount: budget, next: s.requests(index) });
  const rssPeakMb = stop();
  // Let requests still queued in the server (argon2 hashes) drain before the next run starts.
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const statementsPerRequest = stats && before !== null ? statementsSince(await stats.snapshot(), before, load.requests) : null;
  return {
    server: server.name as Run['server'],
    load,
    rssPeakMb,
    statementsPerRequest,
    loadAvg: loadavg().map((l) => Number(l.toFixed(2))),
  };
}

function verdict(s: Scenario, app: Run, base: Run): string {
  const ratio = app.load.rps / base.load.rps;
  const misses: string[] = [];
  if (ratio < (s.kind === 'read' ? TARGET.read : TARGET.write)) misses.push(`throughput ${(ratio * 100).toFixed(0)} %`);
  if (app.load.latencyMs.p99 > TARGET.p99Ms) misses.push(`p99 ${app.load.latencyMs.p99} ms`);
  if (app.rssPeakMb > TARGET.rssMb) misses.push(`RSS ${app.rssPeakMb} MB`);
  if (app.load.non2xx || app.load.errors) misses.push(`${app.load.non2xx} non-2xx, ${app.load.errors} errors`);
  return misses.length ? `miss: ${misses.join(', ')}` : 'meets';
}

function table(list: Scenario[], runs: Record<string, Run[]>): string {
  const rows = list
    .filter((s) => runs[s.name])
    .map((s) => {
      const [app, base] = runs[s.name];
      const spr = (r: Run) => (r.statementsPerRequest === null ? '–' : r.statementsPerRequest.toFixed(1));
      return [
        s.route,
        app.load.rps,
        base.load.rps,
        `${((app.load.rps / base.load.rps) * 100).toFixed(0)} % (≥ ${s.kind === 'read' ? 50 : 40} %)`,
        `${app.load.latencyMs.p50} / ${app.load.latencyMs.p99}`,
        `${base.load.latencyMs.p50} / ${base.load.latencyMs.p99}`,
        `${app.rssPeakMb} / ${base.rssPeakMb}`,
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
      'RSS MB app/baseline',
      'SQL stmts/req app/baseline',
      'targets',
    ],
    rows,
  );
}

async function run(url: string, client: Client, manifest: { password: string; accounts: Record<string, string> }): Promise<void> {
  const fixtures: Fixtures = await loadFixtures(client, SECRET, manifest);
  const [appPort, basePort] = [await freePort(), await freePort()];
  // BENCH_APP_NODE_ARGS: e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the app under load.
  const app = startServer('app', APP_MAIN, appPort, appEnv(url), process.env.BENCH_APP_NODE_ARGS?.split(' ').filter(Boolean));
  const base = startServer('baseline', BASELINE_MAIN, basePort, { DATABASE_URL: url, JWT_SECRET: SECRET, DB_POOL_MAX: '10' });
  try {
    await waitReady(app, '/health/ready');
    await waitReady(base, '/health/ready');
    const idle = { app: rssMb(app.proc.pid!), baseline: rssMb(base.proc.pid!) };
    const firstPage = (await (
      await fetch(`http://127.0.0.1:${basePort}/api/v1/projects?limit=20`, { headers: { authorization: `Bearer ${fixtures.heroToken}` } })
    ).json()) as { nextCursor: string | null };
    if (firstPage.nextCursor) fixtures.listQueries.push(`limit=20&cursor=${firstPage.nextCursor}`);
    const list = scenarios(fixtures).filter((s) => !ONLY || ONLY.includes(s.name));
    const decide = list.find((s) => s.name === 'decide');
    if (decide && Math.min(...([0, 1] as const).map((i) => decide.budget!(i))) < 100) {
      process.stderr.write('Not enough projects awaiting a decision left: re-run npm run bench:seed to benchmark the decision path.\n');
      list.splice(list.indexOf(decide), 1);
    }
    const shapes = await shapeCheck([app, base], list);
    process.stderr.write(`JSON checks: ${JSON.stringify(shapes, null, 1)}\n`);
    const stats = await statCounter(client);
    const runs: Record<string, Run[]> = {};
    for (const s of list) {
      process.stderr.write(`${s.route}: app…`);
      const a = await measure(app, 0, s, stats);
      process.stderr.write(` ${a.load.rps} req/s ${JSON.stringify(a.load.statusCodes)}; baseline…`);
      const b = await measure(base, 1, s, stats);
      process.stderr.write(` ${b.load.rps} req/s ${JSON.stringify(b.load.statusCodes)}\n`);
      runs[s.name] = [a, b];
    }
    const md = table(list, runs);
    const title = `## bench:http — ${fixtures.projectCount.toLocaleString('en')} projects, ${CONNECTIONS} connections, ${DURATION} s per path`;
    process.stdout.write(
      `${title}\n\n${md}\n\nIdle RSS: app ${idle.app} MB, baseline ${idle.baseline} MB. JSON checks: ${JSON.stringify(shapes)}\n`,
    );
    const file = writeResult(`http-${fixtures.projectCount >= 100_000 ? '100k' : fixtures.projectCount}`, {
      command: 'npm run bench:http',
      settings: { durationSeconds: DURATION, connections: CONNECTIONS, warmupSeconds: WARMUP, targets: TARGET },
      projects: fixtures.projectCount,
      idleRssMb: idle,
      jsonChecks: shapes,
      runs,
      markdown: md,
    });
    process.stderr.write(`Results: ${file}\n`);
  } finally {
    await stopServer(app);
    await stopServer(base);
  }
}

async function main(): Promise<void> {
  if (!existsSync(MANIFEST_FILE) && !process.env.DATABASE_URL) throw new Error('No benchmark database: run npm run bench:seed first.');
  const manifest = JSON.parse(readFileSync(MANIFEST_FILE, 'utf8')) as { password: string; accounts: Record<string, string> };
  const db = await openBenchDatabase({ fast: false });
  const client = new Client({ connectionString: db.url });
  try {
    const applied = await migrate(db.url);
    if (applied.length) process.stderr.write(`Applied migrations added since the seed: ${applied.join(', ')} (their tables are empty)\n`);
    await client.connect();
    await run(db.url, client, manifest);
  } finally {
    await client.end().catch(() => undefined);
    await db.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:http failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
