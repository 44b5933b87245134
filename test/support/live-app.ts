import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { INestApplication, Logger } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.setup';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { DEMO_PASSWORD, seedDemoData } from '../../src/database/demo-seed';
import { PasswordHasher } from '../../src/identity/auth/password-hasher';
import type { TestApp } from './test-app';

/**
 * The real app listening on a loopback port, for tests whose traffic must cross a real socket
 * (load, proxies, outages) rather than supertest's in-memory calls. Same wiring as main.ts.
 */
export interface LiveApp {
  app: INestApplication;
  dataSource: DataSource;
  config: AppConfig;
  /** http://127.0.0.1:<port> */
  base: string;
  close(): Promise<void>;
}

export const TEST_JWT_SECRET = 'resilience-tests-jwt-secret-0123456789';

/**
 * Environment of an app under load tests: one account writes far more than the per-principal
 * limits allow a person (OWASP API6), so those are raised; everything else is the default.
 */
export const LOAD_TEST_ENV: Record<string, string> = {
  JWT_SECRET: TEST_JWT_SECRET,
  LOGIN_RATE_LIMIT_PER_IP: '10000',
  LOGIN_RATE_LIMIT_PER_ACCOUNT: '10000',
  WRITE_RATE_LIMIT_PER_MINUTE: '100000',
  PROJECT_INTAKE_LIMIT_PER_HOUR: '100000',
};

/**
 * Applies the app's migrations to a database (what `npm run migration:run` does) and, unless told
 * otherwise, seeds the demo organisation and accounts (password DEMO_PASSWORD).
 */
export async function migrate(url: string, options: { seed?: boolean } = {}): Promise<void> {
  const ds = new DataSource(buildDataSourceOptions({ url, poolMax: 2 }));
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    // Quietly: Nest's default console logger would print the seed's progress into the test output
    // (an app created afterwards installs its own logger again).
    Logger.overrideLogger(false);
    if (options.seed !== false) await seedDemoData(ds, new PasswordHasher());
  } finally {
    await ds.destroy();
  }
}

export async function startLiveApp(databaseUrl: string, env: Record<string, string> = {}): Promise<LiveApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    ...LOAD_TEST_ENV,
    ...env,
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, config, dataSource: app.get<DataSource>(getDataSourceToken()), base: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** The live app seen as a TestApp, so that seedActors and ProjectDriver can drive it. */
export function asTestApp(live: LiveApp): TestApp {
  return { app: live.app, http: request(live.app.getHttpServer()), dataSource: live.dataSource, config: live.config, close: live.close };
}

/** Signs in through the HTTP API and returns an Authorization header. */
export async function bearer(base: string, email: string): Promise<{ Authorization: string }> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${email} → ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { accessToken: string };
  return { Authorization: `Bearer ${body.accessToken}` };
}
