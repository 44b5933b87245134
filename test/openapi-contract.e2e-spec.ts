import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, TestApp } from './support/test-app';

const run = promisify(execFile);

/** Express 5 router layers → "METHOD /path" with OpenAPI-style {params}. */
function servedRoutes(t: TestApp): string[] {
  type Layer = { route?: { path: string; methods: Record<string, boolean> } };
  const express = t.app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } };
  return express.router.stack.flatMap((layer) =>
    // Layers answering every method are middleware (request logging, the 404 handler), not routes.
    layer.route && Object.keys(layer.route.methods).length < 10
      ? Object.keys(layer.route.methods)
          .filter((m) => m !== 'head')
          .map((m) => `${m.toUpperCase()} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`)
      : [],
  );
}

describe('OpenAPI contract', () => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, unknown>> };
  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.http.get('/docs-json').expect(200)).body;
  });
  afterAll(() => t.close());

  it('documents every route the app serves, and serves every documented route (API inventory)', () => {
    const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => METHODS.includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    const served = servedRoutes(t).filter((r) => !/ \/docs/.test(r));
    expect(served.length).toBeGreaterThan(30);
    expect([...new Set(served)].sort()).toEqual([...new Set(documented)].sort());
  });

  it('passes `redocly lint` with the recommended rules', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    const bin = join(__dirname, '..', 'node_modules', '.bin', 'redocly');
    const result = await run(bin, ['lint', file, '--extends=recommended', '--format=stylish'], { timeout: 60_000 }).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );
    expect({ code: result.code, out: result.code === 0 ? '' : result.out }).toEqual({ code: 0, out: '' });
  });
});
