import { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.setup';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { createTestDatabase } from './test-database';

export interface TestApp {
  app: INestApplication;
  http: TestAgent;
  dataSource: DataSource;
  config: AppConfig;
  close(): Promise<void>;
}

/** The real app (same wiring as main.ts) on a fresh database of its own. */
export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  // Generous login limits by default; the rate-limit test sets its own.
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: db.url,
    LOGIN_RATE_LIMIT_PER_IP: '10000',
    LOGIN_RATE_LIMIT_PER_ACCOUNT: '10000',
    WRITE_RATE_LIMIT_PER_MINUTE: '100000',
    PROJECT_INTAKE_LIMIT_PER_HOUR: '100000',
  }).with(overrides);
  const app = await createApp(config);
  return {
    app,
    http: request(app.getHttpServer()),
    dataSource: app.get<DataSource>(getDataSourceToken()),
    config,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
