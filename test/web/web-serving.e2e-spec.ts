import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../support/test-app';
import { ensureWebBuild } from './browser-harness';

const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const PROBLEM_JSON = /application\/problem\+json/;

/** The built web app at / next to the API: page URLs get index.html, API paths keep problem+json. */
describe('web app serving', () => {
  let t: TestApp;
  beforeAll(async () => {
    ensureWebBuild();
    t = await startTestApp();
  }, 120_000);
  afterAll(() => t.close());

  it.each(['/', '/projects/3f0e0d4e-1111-4b5c-9a0e-5d8a6f1c2b3a', '/admin/webhooks'])(
    'a browser navigating to %s gets the app',
    async (path) => {
      const res = await t.http
        .get(path)
        .set('Accept', HTML)
        .expect(200)
        .expect('Content-Type', /text\/html/);
      expect(res.text).toContain('<div id="root"></div>');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    },
  );

  it('serves the hashed bundles with a long cache lifetime', async () => {
    const asset = readdirSync(join(__dirname, '..', '..', 'dist', 'web', 'assets')).find((f) => f.endsWith('.js'))!;
    const res = await t.http
      .get(`/assets/${asset}`)
      .expect(200)
      .expect('Content-Type', /javascript/);
    expect(res.headers['cache-control']).toMatch(/max-age=31536000.*immutable/);
  });

  it.each(['/api/v1/nope', '/api/v1/projects/not-a-route/deeper', '/health/nope'])(
    'an unknown API path %s stays a problem+json 404, even when HTML is accepted',
    async (path) => {
      const res = await t.http.get(path).set('Accept', HTML).expect(404).expect('Content-Type', PROBLEM_JSON);
      expect(res.body.type).toMatch(/\/problems\/not-found$/);
    },
  );

  it.each(['/nope', '/assets/missing.js', '/favicon.ico'])('%s without an HTML navigation is a problem+json 404', async (path) => {
    await t.http.get(path).expect(404).expect('Content-Type', PROBLEM_JSON);
  });

  it('does not serve files outside the build folder', async () => {
    await t.http
      .get('/..%2f..%2fpackage.json')
      .set('Accept', HTML)
      .expect((res) => expect(res.text).not.toContain('"name": "hero-compact"'));
  });

  it('the API keeps answering JSON at /api/v1', async () => {
    const res = await t.http.get('/api/v1/me').set('Accept', HTML).expect(401).expect('Content-Type', PROBLEM_JSON);
    expect(res.body.status).toBe(401);
  });
});
