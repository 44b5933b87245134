import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';

/**
 * The benchmark database: DATABASE_URL when set, else a dedicated embedded PostgreSQL under
 * .bench-data/ (never the app's .data/), database `hero_bench`, on 127.0.0.1 only.
 */
export const BENCH_DATA_DIR = resolve(process.env.BENCH_DATA_DIR ?? '.bench-data');
export const MANIFEST_FILE = join(BENCH_DATA_DIR, 'manifest.json');

export interface BenchDatabase {
  url: string;
  external: boolean;
  stop(): Promise<void>;
}

/** `fast`: fsync and synchronous_commit off (seeding); the HTTP runs keep PostgreSQL's durable defaults. */
export async function openBenchDatabase(options: { fast: boolean }): Promise<BenchDatabase> {
  ensureDataDir();
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, external: true, stop: () => Promise.resolve() };
  const port = process.env.BENCH_PG_PORT ? Number(process.env.BENCH_PG_PORT) : undefined;
  const start = () =>
    startEmbeddedPostgres({
      dataDir: BENCH_DATA_DIR,
      database: 'hero_bench',
      fast: options.fast,
      port,
      log: process.env.BENCH_VERBOSE ? (m) => process.stderr.write(`[pg] ${m}\n`) : undefined,
    });
  let db = await start();
  if (await enableStatStatements(db.url)) {
    await db.stop();
    db = await start();
  }
  const started = db;
  return { url: started.url, external: false, stop: () => started.stop() };
}

/**
 * pg_stat_statements (statements per request) and track_io_timing (I/O time in EXPLAIN BUFFERS)
 * on the benchmark cluster only; true when a restart is needed to load them.
 */
async function enableStatStatements(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ shared_preload_libraries: string }>('SHOW shared_preload_libraries');
    if (rows[0].shared_preload_libraries.includes('pg_stat_statements')) return false;
    await client.query(`ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`);
    await client.query(`ALTER SYSTEM SET track_io_timing = on`);
    return true;
  } finally {
    await client.end();
  }
}

/** .bench-data/ holds a cluster, a manifest and logs: keep it out of git without touching the shared .gitignore. */
function ensureDataDir(): void {
  mkdirSync(BENCH_DATA_DIR, { recursive: true });
  const ignore = join(BENCH_DATA_DIR, '.gitignore');
  if (!existsSync(ignore)) writeFileSync(ignore, '*\n');
}

/** Seeding drops the schema: refuse a DATABASE_URL that does not look like a benchmark database. */
export function assertWipeable(url: string): void {
  const name = new URL(url).pathname.replace(/^\//, '');
  if (!/bench/i.test(name) && process.env.BENCH_ALLOW_WIPE !== '1') {
    throw new Error(`Refusing to wipe database "${name}": its name must contain "bench" (or set BENCH_ALLOW_WIPE=1).`);
  }
}

/** Empty schema: the app's tables, the audit trigger and pg-boss's schema all go. */
export async function wipe(client: Client): Promise<void> {
  await client.query('DROP SCHEMA IF EXISTS pgboss CASCADE');
  await client.query('DROP SCHEMA public CASCADE');
  await client.query('CREATE SCHEMA public');
}

/** The app's own migrations, on the app's own DataSource definition. */
export async function migrate(url: string): Promise<string[]> {
  const dataSource = new DataSource(buildDataSourceOptions({ url, poolMax: 2 }));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
