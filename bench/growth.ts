import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../src/database/embedded-postgres';
import { userPrincipal, type UserRow } from './baseline/auth';
import { buildListQuery, listStatements, type ListQuery } from './baseline/projects';
import { BENCH_DATA_DIR, manifestFile, migrate, openBenchDatabase } from './lib/bench-db';
import { measureAlternatives, type Alternative } from './lib/alternatives';
import { explainHotQueries } from './lib/explain';
import { loadFixtures } from './lib/fixtures';
import { markdownTable, RESULTS_DIR, writeResult } from './lib/report';
import { APP_MAIN, startServer, stopServer, waitReady } from './lib/servers';

/**
 * npm run bench:growth — the same list and search queries at 10k and 100k projects (one database
 * per size, seeded once by bench:seed's code): end-to-end latency through the app (one connection,
 * sequential, bounded count) and the SQL execution time (EXPLAIN ANALYZE), and their growth. Also
 * writes the EXPLAIN (ANALYZE, BUFFERS) of every hot query at the largest size.
 */
const SIZES = (process.env.BENCH_GROWTH_SIZES ?? '10000,100000').split(',').map(Number);
const REQUESTS = Number(process.env.BENCH_GROWTH_REQUESTS ?? 200);
const WARMUP = 30;
const SQL_REPEATS = 7;
const SECRET = 'bench-only-jwt-secret-0123456789abcdefghijkl';
const LIMIT = 1.5;

interface Measure {
  query: string;
  httpP50: number;
  httpP95: number;
  sqlMs: number;
  /** The same query with migration 1795401100000's indexes dropped (in a transaction rolled back): the plan before the fix. */
  sqlMsBeforeFix: number;
}

const LIST_ORDER_INDEXES = ['project_created_desc_nl_idx', 'project_updated_desc_nl_idx', 'project_state_created_desc_nl_idx'];

const dbName = (size: number) => `hero_bench_g${size}`;
const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const round = (x: number) => Math.round(x * 100) / 100;

/** Seeds the size's database unless a seed of that size is already there (separate process: it owns the cluster while it runs). */
function ensureSeeded(size: number): void {
  const file = manifestFile(dbName(size));
  if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { sizes: { projects: number } }).sizes.projects === size) return;
  process.stderr.write(`Seeding ${size} projects into ${dbName(size)}…\n`);
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_PROJECTS: String(size), BENCH_DATABASE: dbName(size) };
  if (process.env.DATABASE_URL) env.DATABASE_URL = withDatabase(process.env.DATABASE_URL, dbName(size));
  const r = spawnSync(process.execPath, ['--max-semi-space-size=64', join(__dirname, 'seed.js')], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`seeding ${size} projects failed`);
}

/** SQL time of what the app runs for a list query: one statement, or a search's walk and then its index read. */
async function sumOver(c: Client, list: ListQuery, time: (c: Client, text: string, values: unknown[]) => Promise<number>): Promise<number> {
  let total = 0;
  for (const { text, values } of await listStatements(c, list)) total += await time(c, text, values);
  return round(total);
}

async function sqlMsBeforeFix(c: Client, text: string, values: unknown[]): Promise<number> {
  await c.query('BEGIN');
  try {
    for (const index of LIST_ORDER_INDEXES) await c.query(`DROP INDEX IF EXISTS ${index}`);
    return await sqlMs(c, text, values);
  } finally {
    await c.query('ROLLBACK');
  }
}

async function sqlMs(c: Client, text: string, values: unknown[]): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < SQL_REPEATS; i++) {
    const { rows } = await c.query<{ 'QUERY PLAN': { 'Execution Time': number }[] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${text}`, values);
    times.push(rows[0]['QUERY PLAN'][0]['Execution Time']);
  }
  return round(pct(times, 0.5));
}

/** Sequential requests, timed one by one (bounded: `count`). */
async function timeRequests(port: number, token: string, query: string, count: number): Promise<number[]> {
  const url = `http://127.0.0.1:${port}/api/v1/projects?${query}`;
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    times.push(performance.now() - t);
  }
  return times;
}

interface Side {
  size: number;
  port: number;
  token: string;
  client: Client;
  queries: (ListQuery & { query: string })[];
  projects: number;
  stop: () => Promise<void>;
}

/** One database per size, each with its own app (started side by side, so both see the same machine load). */
async function prepare(url: string, size: number): Promise<Side> {
  const dbUrl = withDatabase(url, dbName(size));
  await migrate(dbUrl);
  const client = new Client({ connectionString: dbUrl });
  await client.connect();
  const port = await freePort();
  const app = startServer('app', APP_MAIN, port, {
    ...{ NODE_ENV: 'production', DATABASE_URL: dbUrl, JWT_SECRET: SECRET, LOG_LEVEL: 'warn', SEED_DEMO: 'false' },
    ...{ RUN_MIGRATIONS: 'false', WORKERS_ENABLED: 'false', DATA_DIR: join(BENCH_DATA_DIR, 'app') },
  });
  const manifest = JSON.parse(readFileSync(manifestFile(dbName(size)), 'utf8')) as { password: string; accounts: Record<string, string> };
  const f = await loadFixtures(client, SECRET, manifest);
  const hero = (await client.query<UserRow>('SELECT * FROM app_user WHERE id = $1', [f.heroId])).rows[0];
  await waitReady(app, '/health/ready');
  if (size === Math.max(...SIZES)) {
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(join(RESULTS_DIR, `explain-${size}.md`), await explainHotQueries(client, manifest));
  }
  const queries: Side['queries'] = [];
  for (const query of [...f.listQueries, ...f.searchQueries]) {
    queries.push({ query, ...(await buildListQuery(client, userPrincipal(hero), new URLSearchParams(query))) });
  }
  return {
    size,
    port,
    token: f.heroToken,
    client,
    queries,
    projects: f.projectCount,
    stop: () => stopServer(app).then(() => client.end()),
  };
}

/** Per query: warm both, then alternate chunks of requests between the sizes; p50/p95 per size, SQL time per size. */
async function measure(sides: Side[]): Promise<Measure[][]> {
  const out: Measure[][] = sides.map(() => []);
  for (const side of sides) for (const q of side.queries) await timeRequests(side.port, side.token, q.query, 10);
  for (let i = 0; i < sides[0].queries.length; i++) {
    const times: number[][] = sides.map(() => []);
    for (const side of sides) await timeRequests(side.port, side.token, side.queries[i].query, WARMUP);
    for (let chunk = 0; chunk < 4; chunk++) {
      for (const [k, side] of sides.entries())
        times[k].push(...(await timeRequests(side.port, side.token, side.queries[i].query, REQUESTS / 4)));
    }
    for (const [k, side] of sides.entries()) {
      const q = side.queries[i];
      const m = {
        query: q.query.replace(/orgUnitId=[0-9a-f-]+/, 'orgUnitId=<hero’s division>'),
        httpP50: round(pct(times[k], 0.5)),
        httpP95: round(pct(times[k], 0.95)),
        sqlMs: await sumOver(side.client, q, sqlMs),
        sqlMsBeforeFix: await sumOver(side.client, q, sqlMsBeforeFix),
      };
      out[k].push(m);
      process.stderr.write(`  ${side.size}: ${m.query.slice(0, 50)} → ${m.httpP50} ms (SQL ${m.sqlMs} ms)\n`);
    }
  }
  return out;
}

function growthTable(sides: Side[], measures: Measure[][]): string {
  const [small, large] = [0, sides.length - 1];
  const rows = measures[small].map((m, i) => {
    const l = measures[large][i];
    const gh = l.httpP50 / m.httpP50;
    const gs = l.sqlMs / m.sqlMs;
    const before = `${m.sqlMsBeforeFix} → ${l.sqlMsBeforeFix} (${(l.sqlMsBeforeFix / m.sqlMsBeforeFix).toFixed(2)}×)`;
    return [m.query, m.httpP50, l.httpP50, `${gh.toFixed(2)}×`, m.sqlMs, l.sqlMs, `${gs.toFixed(2)}×`, before, gh <= LIMIT ? 'yes' : 'no'];
  });
  const [a, b] = [sides[small].size / 1000, sides[large].size / 1000];
  const head = [
    'query (as a HERO)',
    `HTTP p50 ms ${a}k`,
    `HTTP p50 ms ${b}k`,
    'growth',
    `SQL ms ${a}k`,
    `SQL ms ${b}k`,
    'SQL growth',
    `SQL ms ${a}k → ${b}k before the list-order indexes`,
    `≤ ${LIMIT}×`,
  ];
  return markdownTable(head, rows);
}

/** The proposed SQL for the misses, at each size (BENCH_GROWTH_ALTERNATIVES=0 skips it). */
async function alternatives(url: string): Promise<{ md: string; bySize: Alternative[][] }> {
  const bySize: Alternative[][] = [];
  for (const size of SIZES) {
    const manifest = JSON.parse(readFileSync(manifestFile(dbName(size)), 'utf8')) as { password: string; accounts: Record<string, string> };
    bySize.push(await measureAlternatives(withDatabase(url, 'postgres'), dbName(size), manifest));
  }
  const [first, last] = [bySize[0], bySize[bySize.length - 1]];
  const rows = first.map((alt, i) => [alt.name, alt.ms, last[i].ms, `${(last[i].ms / alt.ms).toFixed(2)}×`]);
  const md = markdownTable(['SQL (as a HERO)', `ms ${SIZES[0] / 1000}k`, `ms ${SIZES[SIZES.length - 1] / 1000}k`, 'growth'], rows);
  return { md, bySize };
}

async function main(): Promise<void> {
  for (const size of SIZES) ensureSeeded(size);
  const db = await openBenchDatabase({ fast: false, database: dbName(SIZES[0]) });
  const sides: Side[] = [];
  try {
    let md: string;
    let measures: Measure[][];
    try {
      for (const size of SIZES) sides.push(await prepare(db.url, size));
      measures = await measure(sides);
      md = growthTable(sides, measures);
      process.stdout.write(
        `## bench:growth — ${SIZES.join(' vs ')} projects (${REQUESTS} sequential requests per query and size)\n\n${md}\n`,
      );
    } finally {
      for (const side of sides) await side.stop();
    }
    const alt = process.env.BENCH_GROWTH_ALTERNATIVES === '0' ? null : await alternatives(db.url);
    if (alt) process.stdout.write(`\n## The list statements before and now (on copies of the same databases)\n\n${alt.md}\n`);
    writeResult('growth', {
      command: 'npm run bench:growth',
      sizes: sides.map((s, k) => ({ size: s.size, projects: s.projects, measures: measures[k], alternatives: alt?.bySize[k] })),
      requestsPerQuery: REQUESTS,
      limit: LIMIT,
      markdown: md,
      alternativesMarkdown: alt?.md,
    });
  } finally {
    await db.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:growth failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
