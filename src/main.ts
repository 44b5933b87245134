import 'reflect-metadata';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { INestApplication } from '@nestjs/common';
import { createApp } from './app.setup';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './database/demo-seed';
import { prepareDatabase } from './database/prepare-database';

const SHUTDOWN_TIMEOUT_MS = 10_000;

async function bootstrap(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\n`);
    process.exit(1);
  }

  let embedded: EmbeddedDatabase | undefined;
  let app: INestApplication | undefined;
  let stopping = false;
  const shutdown = async (reason: string, code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`Shutting down (${reason})…\n`);
    const timer = setTimeout(() => process.exit(code || 1), SHUTDOWN_TIMEOUT_MS).unref();
    try {
      // HTTP first (stop accepting, finish in-flight requests, close the pool), database last.
      await app?.close();
    } finally {
      await embedded?.stop().catch(() => undefined);
      clearTimeout(timer);
      process.exit(code);
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shutdown(signal, 0));

  try {
    if (config.usesEmbeddedDatabase) {
      process.stderr.write(`Starting embedded PostgreSQL (data in ${config.dataDir}/pg)…\n`);
      embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort });
      config = config.withDatabaseUrl(embedded.url);
    }
    app = await createApp(config);
    closeConnectionsWhenStopping(app.getHttpServer() as Server, () => stopping);
    await prepareDatabase(app, config);
    await app.listen(config.port);
    const base = `http://localhost:${config.port}`;
    process.stderr.write(
      [
        '',
        `HERO Compact is running on ${base}`,
        `  API docs:   ${base}/docs   (OpenAPI: ${base}/docs-json)`,
        `  Health:     ${base}/health/ready`,
        `  Database:   ${embedded ? `embedded PostgreSQL on 127.0.0.1:${embedded.port}` : 'DATABASE_URL'}`,
        ...(config.seedDemo
          ? [
              '',
              `Demo accounts (password "${DEMO_PASSWORD}"):`,
              ...DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(30)} ${a.roles.join(', ')}`),
            ]
          : []),
        '',
      ].join('\n') + '\n',
    );
  } catch (err) {
    process.stderr.write(`Startup failed: ${err instanceof Error ? err.message : String(err)}\n`);
    await shutdown('startup failure', 1);
  }
}

/**
 * server.close() waits for every open connection, and a keep-alive client under load (a proxy, a
 * load balancer) never leaves one idle: shutdown then hit the 10 s timeout and exited 1, dropping
 * whatever was in flight (found by test/resilience-sigterm.e2e-spec.ts). Once stopping, each
 * response asks the client to close its connection, so the server drains and closes by itself.
 */
function closeConnectionsWhenStopping(server: Server, stopping: () => boolean): void {
  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
    if (stopping()) res.setHeader('Connection', 'close');
  });
}

void bootstrap();
