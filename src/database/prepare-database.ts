import { INestApplication, Logger } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { PasswordHasher } from '../identity/auth/password-hasher';
import { seedDemoProjects } from './demo-projects';
import { seedDemoData } from './demo-seed';
import { runMigrationsExclusively } from './run-migrations-exclusively';

/** Runs pending migrations (unless RUN_MIGRATIONS=false) and seeds the demo data, before the app takes traffic. */
export async function prepareDatabase(app: INestApplication, config: AppConfig): Promise<void> {
  const logger = new Logger('Database');
  const dataSource = app.get<DataSource>(getDataSourceToken());
  if (config.runMigrations) {
    const applied = await runMigrationsExclusively(dataSource);
    logger.log(
      applied.length > 0 ? `Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}` : 'Schema is up to date',
    );
  } else if (await dataSource.showMigrations()) {
    logger.warn('Pending migrations are not applied (RUN_MIGRATIONS=false): run "npm run migration:run"');
  }
  if (config.seedDemo && (await seedDemoData(dataSource, app.get(PasswordHasher)))) await seedDemoProjects(app);
}
