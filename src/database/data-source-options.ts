import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface DataSourceSettings {
  url: string;
  poolMax?: number;
}

/**
 * The one definition of the TypeORM DataSource, used by the app (TypeOrmModule), the migration
 * CLI and the tests. Entities and migrations are explicit lists (no globs), so the same options
 * work from compiled JavaScript and from TypeScript under jest. synchronize is never on.
 */
export function buildDataSourceOptions({ url, poolMax = 10 }: DataSourceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    applicationName: 'hero-compact',
    extra: { max: poolMax, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 },
  };
}
