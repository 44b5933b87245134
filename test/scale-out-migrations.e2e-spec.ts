import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../migrations';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { runMigrationsExclusively } from '../src/database/run-migrations-exclusively';
import { createTestDatabase } from './support/test-database';

/**
 * Issue 11 §6 "migrations run once": replicas that start together with RUN_MIGRATIONS=true all
 * migrate the same empty database at the same moment. Plain `runMigrations` from two connections
 * makes one of them fail (duplicate pg_type entry); under the advisory lock exactly one applies
 * every migration and the others find nothing pending.
 */
describe('migrations started by several replicas at once', () => {
  it('are applied once, and every replica starts', async () => {
    const db = await createTestDatabase({ empty: true });
    const replicas = [0, 1, 2].map(() => new DataSource(buildDataSourceOptions({ url: db.url, poolMax: 1 })));
    try {
      await Promise.all(replicas.map((r) => r.initialize()));
      const applied = await Promise.all(replicas.map((r) => runMigrationsExclusively(r)));
      const counts = applied.map((a) => a.length).sort((a, b) => b - a);
      expect(counts).toEqual([MIGRATIONS.length, 0, 0]);
      const rows: { n: string }[] = await replicas[0].query('SELECT count(*) AS n FROM schema_migrations');
      expect(Number(rows[0].n)).toBe(MIGRATIONS.length);
      expect(await replicas[1].showMigrations()).toBe(false);
    } finally {
      await Promise.all(replicas.filter((r) => r.isInitialized).map((r) => r.destroy()));
      await db.drop();
    }
  });
});
