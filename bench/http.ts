import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../src/database/embedded-postgres';
import { BENCH_DATA_DIR, MANIFEST_FILE, migrate, openBenchDatabase } from './lib/bench-db';
import { loadFixtures, type Fixtures } from './lib/fixtures';
import { measureRound, SETTINGS, summarize, table, TARGET, warmUp, type Run, type Summary } from './lib/http-runs';
import { writeResult } from './lib/report';
import { scenarios, type Scenario } from './lib/scenarios';
import { APP_MAIN, BASELINE_MAIN, rssMb, startServer, stopServer, waitReady, type Server } from './lib/servers';
import { firstDifference } from './lib/shape';
import { statCounter } from './lib/statements';

/**
 * npm run bench:http — the app (compiled, NODE_ENV=production, LOG_LEVEL=warn) and the baseline
 * (bench/baseline-server.ts) side by side on the seeded database; per hot path: a warm-up, then
 * BENCH_ROUNDS (3) rounds of BENCH_DURATION (10) s at BENCH_CONNECTIONS (32) connections per server
 * with autocannon, against 127.0.0.1 only. BENCH_PATHS=get,list picks paths.
 */
const ONLY = process.env.BENCH_PATHS?.split(',');
const SECRET = 'bench-only-jwt-secret-0123456789abcdefghijkl';
const APP_ENV_PREFIX = 'BENCH_APP_ENV_';

function appEnv(url: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: url,
    JWT_SECRET: SECRET,
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    RUN_MIGRATIONS: 'false',
    WORKERS_ENABLED: 'false',
    DB_POOL_MAX: '10',
    DATA_DIR: join(BENCH_DATA_DIR, 'app'),
    // Login is rate-limited per IP and account; the load comes from one IP.
    LOGIN_RATE_LIMIT_PER_IP: '100000000',
    LOGIN_RATE_LIMIT_PER_ACCOUNT: '100000000',
    // Likewise the per-principal write and project-intake limits (the load is one HERO).
    WRITE_RATE_LIMIT_PER_MINUTE: '100000000',
    PROJECT_INTAKE_LIMIT_PER_HOUR: '100000000',
    // BENCH_APP_ENV_<NAME>=value: an environment variable for the app only (e.g. LOG_LEVEL, MALLOC_ARENA_MAX).
    ...Object.fromEntries(
      Object.entries(process.env)
        .filter(([k, v]) => k.startsWith(APP_ENV_PREFIX) && v !== undefined)
        .map(([k, v]) => [k.slice(APP_ENV_PREFIX.length), v as string]),
    ),
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
  for (const s of list.filter((x) => !x.skipJsonCheck)) {
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

/** As package.json's start script (NODE_OPTIONS there): see docs/operations.md "Memory". */
const START_NODE_ARGS = ['--max-old-space-size=1024'];

async function run(url: string, client: Client, manifest: { password: string; accounts: Record<string, string> }): Promise<void> {
  const fixtures: Fixtures = await loadFixtures(client, SECRET, manifest);
  const [appPort, basePort] = [await freePort(), await freePort()];
  // The app runs with the heap flag `npm start` gives it; BENCH_APP_NODE_ARGS adds to it, e.g.
  // "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the app under load.
  const nodeArgs = [...START_NODE_ARGS, ...(process.env.BENCH_APP_NODE_ARGS?.split(' ').filter(Boolean) ?? [])];
  const app = startServer('app', APP_MAIN, appPort, appEnv(url), nodeArgs);
  const base = startServer('baseline', BASELINE_MAIN, basePort, { DATABASE_URL: url, JWT_SECRET: SECRET, DB_POOL_MAX: '10' });
  // BENCH_WAITS=1: what the database sessions wait on during each round, on a connection of its own.
  const waitsClient = process.env.BENCH_WAITS ? new Client({ connectionString: url }) : undefined;
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
    await waitsClient?.connect();
    const results: Record<string, { app: Summary; baseline: Summary; rounds: { app: Run[]; baseline: Run[] } }> = {};
    const servers = [app, base] as const;
    for (const s of list) {
      const runs: [Run[], Run[]] = [[], []];
      for (const i of [0, 1] as const) await warmUp(servers[i], i, s);
      for (let r = 0; r < SETTINGS.rounds; r++) {
        for (const i of r % 2 === 0 ? ([0, 1] as const) : ([1, 0] as const)) {
          const run = await measureRound(servers[i], i, s, stats, SETTINGS.rounds - r, waitsClient);
          runs[i].push(run);
          process.stderr.write(
            `${s.route} round ${r + 1} ${servers[i].name}: ${run.load.rps} req/s ${JSON.stringify(run.load.statusCodes)}` +
              `${run.waits ? ` sessions by wait: ${JSON.stringify(run.waits)}` : ''}\n`,
          );
        }
      }
      results[s.name] = { app: summarize(runs[0]), baseline: summarize(runs[1]), rounds: { app: runs[0], baseline: runs[1] } };
    }
    const md = table(list, results);
    const title =
      `## bench:http — ${fixtures.projectCount.toLocaleString('en')} projects, ${SETTINGS.connections} connections, ` +
      `median of ${SETTINGS.rounds} × ${SETTINGS.durationSeconds} s per path and server`;
    process.stdout.write(
      `${title}\n\n${md}\n\nIdle RSS: app ${idle.app} MB, baseline ${idle.baseline} MB. JSON checks: ${JSON.stringify(shapes)}\n`,
    );
    const name = process.env.BENCH_RESULT_NAME ?? `http-${fixtures.projectCount >= 100_000 ? '100k' : fixtures.projectCount}`;
    const file = writeResult(name, {
      command: `${Object.entries(process.env)
        .filter(([k]) => k.startsWith('BENCH_'))
        .map(([k, v]) => `${k}=${v} `)
        .join('')}npm run bench:http`,
      settings: { ...SETTINGS, targets: TARGET },
      projects: fixtures.projectCount,
      idleRssMb: idle,
      jsonChecks: shapes,
      results,
      markdown: md,
    });
    process.stderr.write(`Results: ${file}\n`);
  } finally {
    await waitsClient?.end().catch(() => undefined);
    await stopServer(app);
    await stopServer(base);
    // The servers' own output (warnings, errors behind any 5xx), for diagnosis.
    writeFileSync(join(BENCH_DATA_DIR, 'app.log'), app.log.join(''));
    writeFileSync(join(BENCH_DATA_DIR, 'baseline.log'), base.log.join(''));
  }
}

async function main(): Promise<void> {
  if (!existsSync(MANIFEST_FILE) && !process.env.DATABASE_URL) throw new Error('No benchmark database: run npm run bench:seed first.');
  const manifest = JSON.parse(readFileSync(MANIFEST_FILE, 'utf8')) as { password: string; accounts: Record<string, string> };
  const db = await openBenchDatabase({ fast: false });
  const client = new Client({ connectionString: db.url });
  try {
    // BENCH_NO_MIGRATE=1 measures the database as seeded (e.g. before a new index migration).
    const applied = process.env.BENCH_NO_MIGRATE ? [] : await migrate(db.url);
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
