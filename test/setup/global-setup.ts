import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';

/**
 * One throwaway PostgreSQL cluster for the whole e2e run: fsync off, deleted at teardown, on a
 * free port. Each test file then gets its own database cloned from a migrated template
 * (test/support/test-database.ts). TEST_PG_ADMIN_URL can point at an existing server instead.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_PG_ADMIN_URL) return;
  // 0755 so the postgres OS user (when running as root) can reach the cluster folder.
  const dir = mkdtempSync(join(tmpdir(), 'hero-compact-test-'));
  const { chmodSync } = await import('node:fs');
  chmodSync(dir, 0o755);
  const db = await startEmbeddedPostgres({ dataDir: dir, database: 'postgres', fast: true, ephemeral: true });
  process.env.TEST_PG_ADMIN_URL = db.url;
  (globalThis as { __HERO_TEST_PG__?: unknown }).__HERO_TEST_PG__ = { db, dir };
}
