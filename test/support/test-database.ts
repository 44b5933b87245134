import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { JOB_SCHEMA } from '../../src/notifications/job-queue.service';
import { buildDataSourceOptions } from '../../src/database/data-source-options';

const TEMPLATE = 'hc_test_template';
const LOCK_ID = 424242;

/** Tests refuse any database that is not a throwaway test database (STYLE.md "Tests refuse a non-test database"). */
function adminUrl(): URL {
  const raw = process.env.TEST_PG_ADMIN_URL;
  if (!raw) throw new Error('TEST_PG_ADMIN_URL is not set: run the e2e tests through jest (globalSetup starts PostgreSQL)');
  return new URL(raw);
}

export function databaseUrl(name: string): string {
  if (!name.startsWith('hc_test_')) throw new Error(`Refusing to use non-test database "${name}"`);
  const url = adminUrl();
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl().toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function buildTemplate(client: Client): Promise<void> {
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE]);
  if (exists.rowCount) return;
  await client.query(`CREATE DATABASE ${TEMPLATE}`);
  const ds = new DataSource(buildDataSourceOptions({ url: databaseUrl(TEMPLATE), poolMax: 1 }));
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
  // The job queue's own schema too, so each cloned database skips pg-boss's install at app start.
  const boss = new PgBoss({ connectionString: databaseUrl(TEMPLATE), schema: JOB_SCHEMA, supervise: false, schedule: false, max: 1 });
  await boss.start();
  await boss.stop({ graceful: false, wait: true });
}

/** A fresh, fully migrated database for one test file (cloned from a template built once per run). */
export async function createTestDatabase(
  options: { empty?: boolean } = {},
): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `hc_test_${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
  await withAdmin(async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_ID]);
    try {
      if (options.empty) await client.query(`CREATE DATABASE ${name}`);
      else {
        await buildTemplate(client);
        await client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`);
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [LOCK_ID]);
    }
  });
  return {
    name,
    url: databaseUrl(name),
    drop: () => withAdmin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
  };
}
