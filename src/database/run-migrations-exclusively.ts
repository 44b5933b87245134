import { DataSource, Migration, MigrationExecutor } from 'typeorm';

/** pg_advisory_lock key held while migrations run (any constant unique to this app). */
export const MIGRATION_LOCK_KEY = 47_112_026;

/**
 * Runs pending migrations while holding a session advisory lock, so that replicas starting at the
 * same moment (RUN_MIGRATIONS=true on each) apply them once: the others wait, then find nothing
 * pending. Without it two instances create the same tables concurrently and one fails with
 * `duplicate key value violates unique constraint "pg_type_typname_nsp_index"`
 * (test/scale-out-two-instances.e2e-spec.ts). Lock and migrations share one connection, so a pool
 * of one (DB_POOL_MAX=1) cannot deadlock.
 */
export async function runMigrationsExclusively(dataSource: DataSource): Promise<Migration[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'each';
      return await executor.executePendingMigrations();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
