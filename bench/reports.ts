import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../src/database/embedded-postgres';
import { BENCH_DATA_DIR, MANIFEST_FILE, migrate, openBenchDatabase } from './lib/bench-db';
import { loadFixtures } from './lib/fixtures';
import { markdownTable, writeResult } from './lib/report';
import { APP_MAIN, startServer, stopServer, waitReady } from './lib/servers';

/**
 * npm run bench:reports — times every report endpoint (issue "Portfolio insight": each under 1 s
 * with 100,000 projects) against the seeded benchmark database, as the CIO (everything) and as a
 * board-level manager (a subtree predicate), JSON and CSV. Sequential requests: this measures the
 * latency of one report, not throughput.
 */
const SECRET = 'bench-only-jwt-secret-0123456789abcdefghijkl';
const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 5);
const TARGET_MS = 1000;
const REPORTS = ['portfolio', 'risk-heatmap', 'cycle-times', 'decisions', 'hero-index', 'sla', 'kpis', 'risk-acceptances'];

async function time(url: string, token: string, accept: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, { headers: { Authorization: `Bearer ${token}`, Accept: accept } });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return performance.now() - started;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  if (!existsSync(MANIFEST_FILE) && !process.env.DATABASE_URL) throw new Error('No benchmark database: run npm run bench:seed first.');
  const manifest = JSON.parse(readFileSync(MANIFEST_FILE, 'utf8')) as { password: string; accounts: Record<string, string> };
  const db = await openBenchDatabase({ fast: false });
  const client = new Client({ connectionString: db.url });
  const port = await freePort();
  const app = startServer('app', APP_MAIN, port, {
    NODE_ENV: 'production',
    DATABASE_URL: db.url,
    JWT_SECRET: SECRET,
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    RUN_MIGRATIONS: 'false',
    WORKERS_ENABLED: 'false',
    DATA_DIR: join(BENCH_DATA_DIR, 'app'),
  });
  try {
    await migrate(db.url);
    await client.connect();
    const fixtures = await loadFixtures(client, SECRET, manifest);
    await waitReady(app, '/health/ready');
    const rows: (string | number)[][] = [];
    const results: Record<string, unknown>[] = [];
    for (const report of REPORTS) {
      for (const [who, token] of [
        ['cio', fixtures.cioToken],
        ['manager', fixtures.managerToken],
      ] as const) {
        for (const accept of ['application/json', 'text/csv']) {
          const url = `http://127.0.0.1:${port}/api/v1/reports/${report}`;
          await time(url, token, accept); // warm-up: plans and caches
          const samples: number[] = [];
          for (let i = 0; i < RUNS; i++) samples.push(await time(url, token, accept));
          const med = Math.round(median(samples));
          const max = Math.round(Math.max(...samples));
          rows.push([report, who, accept, med, max, max < TARGET_MS ? 'yes' : 'NO']);
          results.push({ report, who, accept, medianMs: med, maxMs: max, samples: samples.map(Math.round) });
        }
      }
    }
    const table = markdownTable(['report', 'as', 'format', 'median ms', 'max ms', `< ${TARGET_MS} ms`], rows);
    process.stdout.write(
      `\nReports on ${fixtures.projectCount.toLocaleString('en')} projects, ${RUNS} runs each after a warm-up:\n\n${table}\n`,
    );
    const file = writeResult('reports', { command: 'npm run bench:reports', projects: fixtures.projectCount, runs: RUNS, results });
    process.stdout.write(`\nWritten to ${file}\n`);
  } finally {
    await stopServer(app);
    await client.end().catch(() => undefined);
    await db.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:reports failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
