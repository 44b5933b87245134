import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';
import { schemaDrift } from './schema-drift';
import { EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres';
import { runMigrationsExclusively } from './run-migrations-exclusively';

/**
 * Migration commands on the same DataSource definition as the app:
 *   run | revert | show | generate <Name>
 * With DATABASE_URL unset they start (and stop) the embedded PostgreSQL under DATA_DIR.
 */
async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const config = loadConfig();
  let embedded: EmbeddedDatabase | undefined;
  const url = config.databaseUrl ?? (embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort })).url;
  const dataSource = new DataSource(buildDataSourceOptions({ url }));
  await dataSource.initialize();
  try {
    switch (command) {
      case 'run': {
        const applied = await runMigrationsExclusively(dataSource);
        console.log(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}` : 'No pending migrations.');
        break;
      }
      case 'revert':
        await dataSource.undoLastMigration({ transaction: 'each' });
        console.log('Reverted the last migration.');
        break;
      case 'show':
        console.log((await dataSource.showMigrations()) ? 'There are pending migrations.' : 'Schema is up to date.');
        break;
      case 'generate':
        generate(await dataSource.driver.createSchemaBuilder().log(), name);
        break;
      default:
        throw new Error('Usage: cli.js run | revert | show | generate <Name>');
    }
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}

type Query = { query: string; parameters?: unknown[] };
/** Writes the statements that bring the schema to the entities; hand-managed indexes and constraints are left alone (schema-drift.ts). */
function generate(sql: { upQueries: Query[]; downQueries: Query[] }, name?: string): void {
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name))
    throw new Error('generate needs a PascalCase name, e.g. npm run migration:generate -- AddComments');
  const drift = schemaDrift(sql.upQueries);
  if (drift.length === 0) {
    console.log('The entities match the schema: nothing to generate.');
    return;
  }
  // downQueries mirror upQueries one to one; keep the undo of each kept statement.
  const kept = sql.upQueries.flatMap((q, i) => (drift.includes(q.query) && sql.downQueries[i] ? [sql.downQueries[i]] : [])).reverse();
  const timestamp = Date.now();
  const line = (q: Query): string =>
    `    await queryRunner.query(${JSON.stringify(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`;
  const file = join(process.cwd(), 'migrations', `${timestamp}-${name}.ts`);
  writeFileSync(
    file,
    `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  async up(queryRunner: QueryRunner): Promise<void> {
${sql.upQueries
  .filter((q) => drift.includes(q.query))
  .map(line)
  .join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${kept.map(line).join('\n')}
  }
}
`,
  );
  console.log(`Wrote ${file}. Review it, then add ${name}${timestamp} to migrations/index.ts.`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
