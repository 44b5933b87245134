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
/** The database bench:seed fills and bench:http reads; bench:growth uses one per size. */
export const BENCH_DATABASE = process.env.BENCH_DATABASE ?? 'hero_bench';
export const manifestFile = (database: string): string =>
  join(BENCH_DATA_DIR, database === 'hero_bench' ? 'manifest.json' : `manifest-${database}.json`);
export const MANIFEST_FILE = manifestFile(BENCH_DATABASE);

export interface BenchDatabase {
  url: string;
  external: boolean;
  stop(): Promise<void>;
}

/** `fast`: fsync and synchronous_commit off (seeding); the HTTP runs keep PostgreSQL's durable defaults. */
export async function openBenchDatabase(options: { fast: boolean; database?: string }): Promise<BenchDatabase> {
  ensureDataDir();
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, external: true, stop: () => Promise.resolve() };
  const port = process.env.BENCH_PG_PORT ? Number(process.env.BENCH_PG_PORT) : undefined;
  const start = () =>
    startEmbeddedPostgres({
      dataDir: BENCH_DATA_DIR,
      database: options.database ?? BENCH_DATABASE,
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
 * Benchmark cluster settings: pg_stat_statements (statements per request), track_io_timing (I/O
 * time in EXPLAIN BUFFERS) and shared_buffers 512MB (the default 128MB is smaller than the 100k
 * database's hot set; a managed PostgreSQL gives a quarter of its memory). True when a restart is
 * needed to apply them. Only on the embedded cluster under .bench-data/.
 */
const CLUSTER_SETTINGS: Record<string, string> = {
  shared_preload_libraries: 'pg_stat_statements',
  track_io_timing: 'on',
  shared_buffers: '512MB',
};

async function enableStatStatements(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    let restart = false;
    for (const [name, value] of Object.entries(CLUSTER_SETTINGS)) {
      const { rows } = await client.query<Record<string, string>>(`SHOW ${name}`);
      if (rows[0][name] === value) continue;
      await client.query(`ALTER SYSTEM SET ${name} = '${value}'`);
      restart = true;
    }
    return restart;
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
