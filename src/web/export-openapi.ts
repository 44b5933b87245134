import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppModule } from '../app.module';
import { API_PREFIX } from '../app.setup';
import { loadConfig } from '../config/app-config';
import { buildOpenApiDocument } from '../common/openapi/swagger';

/**
 * Build step (`npm run build:web`): writes the same OpenAPI document as /docs-json to a file, so the
 * web app's API types are generated from the compiled app. Run from dist/ (the @nestjs/swagger CLI
 * plugin only runs in `nest build`). Nest's preview mode wires the modules without instantiating
 * any provider, so no database is needed.
 */
async function exportOpenApi(outFile: string): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', DATABASE_URL: 'postgres://build@127.0.0.1:1/none' });
  const app = await NestFactory.create(AppModule.forRoot(config), { preview: true, logger: false, abortOnError: false });
  // Same prefix and exclusions as createApp (src/app.setup.ts).
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health/live', 'health/ready', 'metrics'] });
  const document = buildOpenApiDocument(app);
  await app.close();
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(document, null, 2)}\n`);
  process.stderr.write(`OpenAPI document written to ${outFile} (${Object.keys(document.paths).length} paths)\n`);
}

const target = process.argv[2];
if (!target) {
  process.stderr.write('usage: node dist/src/web/export-openapi.js <out.json>\n');
  process.exit(2);
}
exportOpenApi(resolve(target)).catch((err: unknown) => {
  process.stderr.write(`OpenAPI export failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
