import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../migrations';
import { schemaDrift } from '../src/database/schema-drift';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { createTestDatabase } from './support/test-database';

describe('migrations', () => {
  it('lists every migration file in migrations/index.ts', () => {
    const files = readdirSync(join(__dirname, '..', 'migrations')).filter((f) => /^\d+-.+\.ts$/.test(f));
    expect(MIGRATIONS).toHaveLength(files.length);
    const names = MIGRATIONS.map((m) => m.name);
    for (const f of files) expect(names.some((n) => n.endsWith(f.match(/^(\d+)-/)![1]))).toBe(true);
  });

  it('run up on an empty database, leave nothing pending, and revert fully down', async () => {
    const db = await createTestDatabase({ empty: true });
    const ds = new DataSource(buildDataSourceOptions({ url: db.url, poolMax: 1 }));
    await ds.initialize();
    try {
      const applied = await ds.runMigrations({ transaction: 'each' });
      expect(applied).toHaveLength(MIGRATIONS.length);
      expect(await ds.showMigrations()).toBe(false);
      // The schema matches the entities: nothing left for migration:generate to write.
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(schemaDrift(pending.upQueries)).toEqual([]);
      for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      // typeorm_metadata is TypeORM's own, like schema_migrations: it creates it before every migration
      // run or undo as soon as an entity has a generated column (Project.searchTsv).
      const tables = await ds.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT IN ('schema_migrations', 'typeorm_metadata')`,
      );
      expect(tables).toEqual([]);
      const types = await ds.query(
        `SELECT typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e'`,
      );
      expect(types).toEqual([]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
