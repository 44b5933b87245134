import type { Response } from 'supertest';
import { Actors, seedActors } from './support/actors';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Security misconfiguration (OWASP API8:2023): helmet's headers on every kind of response, the CORS
 * allow-list from CORS_ORIGINS, no X-Powered-By, and error bodies that never carry a stack trace,
 * SQL or driver text — including a real 500, forced by breaking the test database under the app.
 */
const PROBLEM_JSON = /^application\/problem\+json/;
const ALLOWED = 'https://app.example.com';
const LEAKS = /\n\s+at |QueryFailedError|\bSELECT\b|\bFROM\b|relation "|column "|postgres|node_modules|\.ts:\d+/i;

/** What helmet 8 sends by default; each line is a browser protection an API response should carry. */
function expectSecurityHeaders(res: Response): void {
  const h = res.headers;
  expect(h['x-powered-by']).toBeUndefined();
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['x-frame-options']).toBe('SAMEORIGIN');
  expect(h['content-security-policy']).toMatch(/default-src 'self'/);
  expect(h['content-security-policy']).toMatch(/frame-ancestors 'self'/);
  expect(h['content-security-policy']).toMatch(/object-src 'none'/);
  expect(h['strict-transport-security']).toMatch(/max-age=\d{8,}/);
  expect(h['referrer-policy']).toBe('no-referrer');
  expect(h['cross-origin-opener-policy']).toBe('same-origin');
  expect(h['cross-origin-resource-policy']).toBe('same-origin');
  expect(h['x-permitted-cross-domain-policies']).toBe('none');
  expect(h['x-dns-prefetch-control']).toBe('off');
}

describe('security misconfiguration', () => {
  let t: TestApp;
  let actors: Actors;
  beforeAll(async () => {
    t = await startTestApp({ corsOrigins: [ALLOWED, 'http://localhost:5173'] });
    actors = await seedActors(t);
  }, 60_000);
  afterAll(() => t.close());

  describe('security headers', () => {
    const requests: [string, (t: TestApp, a: Actors) => Promise<Response>][] = [
      ['a JSON 200', async (t, a) => t.http.get('/api/v1/me').set(await a.auth('hero'))],
      [
        'a login with tokens',
        async (t) => t.http.post('/api/v1/auth/login').send({ email: 'hero@demo.local', password: 'hero-compact-demo' }),
      ],
      ['a 401 problem', async (t) => t.http.get('/api/v1/me')],
      ['a 403 problem', async (t, a) => t.http.get('/api/v1/audit-events').set(await a.auth('hero'))],
      ['a 404 problem outside the API prefix', async (t) => t.http.get('/nope')],
      [
        'a 400 problem from the body parser',
        async (t) => t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{'),
      ],
      ['a 415 problem', async (t) => t.http.post('/api/v1/auth/login').set('Content-Type', 'text/plain').send('x')],
      ['the health probe', async (t) => t.http.get('/health/live')],
      ['the metrics', async (t) => t.http.get('/metrics')],
      ['the OpenAPI document', async (t) => t.http.get('/docs-json')],
      ['Swagger UI', async (t) => t.http.get('/docs').redirects(1)],
      [
        'a CORS preflight',
        async (t) => t.http.options('/api/v1/projects').set('Origin', ALLOWED).set('Access-Control-Request-Method', 'POST'),
      ],
    ];
    it.each(requests)('%s carries them, and no X-Powered-By', async (_name, send) => {
      expectSecurityHeaders(await send(t, actors));
    });
  });

  describe('CORS allow-list (CORS_ORIGINS)', () => {
    it('allows a listed origin, with the headers the API needs and no credentials mode', async () => {
      const res = await t.http
        .options('/api/v1/projects/00000000-0000-4000-8000-000000000000')
        .set('Origin', ALLOWED)
        .set('Access-Control-Request-Method', 'PATCH')
        .set('Access-Control-Request-Headers', 'authorization,if-match,content-type,idempotency-key');
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
      expect(res.headers['access-control-allow-headers']).toMatch(/Authorization.*If-Match.*Idempotency-Key/);
      // Tokens travel in headers, never cookies: no credentialed CORS to misconfigure.
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
      expect(res.headers.vary).toMatch(/Origin/);
      const get = await t.http
        .get('/api/v1/me')
        .set(await actors.auth('hero'))
        .set('Origin', ALLOWED)
        .expect(200);
      expect(get.headers['access-control-allow-origin']).toBe(ALLOWED);
      expect(get.headers['access-control-expose-headers']).toMatch(/ETag/);
    });

    it.each([
      'https://evil.example.com',
      'https://app.example.com.evil.com', // suffix trick
      'https://evilapp.example.com',
      'http://app.example.com', // same host, other scheme
      'https://app.example.com:8443', // other port
      'null', // sandboxed iframes and file: pages
    ])('gives %s no Access-Control-Allow-Origin (preflight or request)', async (origin) => {
      const preflight = await t.http.options('/api/v1/projects').set('Origin', origin).set('Access-Control-Request-Method', 'POST');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      const get = await t.http
        .get('/api/v1/me')
        .set(await actors.auth('hero'))
        .set('Origin', origin);
      expect(get.headers['access-control-allow-origin']).toBeUndefined();
      expect(get.headers['access-control-allow-credentials']).toBeUndefined();
    });
  });

  describe('error verbosity', () => {
    it('a real 500 is a generic problem with the request id, and leaks no stack, SQL or driver text', async () => {
      const admin = await actors.auth('admin');
      await t.http.get('/api/v1/org-units').set(admin).expect(200);
      // Break the schema under the running app (this file's own throwaway database), then restore it.
      await t.dataSource.query('ALTER TABLE org_unit RENAME COLUMN name TO name_broken_by_test');
      let res: Response;
      try {
        res = await t.http.get('/api/v1/org-units').set(admin).set('X-Request-Id', 'forced-500');
      } finally {
        await t.dataSource.query('ALTER TABLE org_unit RENAME COLUMN name_broken_by_test TO name');
      }
      expect(res.status).toBe(500);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body).toEqual({
        type: 'https://hero-compact.dev/problems/internal-error',
        title: 'Internal server error',
        status: 500,
        detail: 'An unexpected error occurred. Quote the request id when reporting it.',
        instance: '/api/v1/org-units',
        requestId: 'forced-500',
      });
      expect(res.text).not.toMatch(LEAKS);
      expectSecurityHeaders(res);
      await t.http.get('/api/v1/org-units').set(admin).expect(200);
    });

    it.each([
      ['a forged token', { Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.x' }, 401],
      ['an unknown API key', { 'X-API-Key': 'hck_000000000000_nope' }, 401],
      ['a malformed API key', { 'X-API-Key': "' OR 1=1--" }, 401],
    ])('%s gets a 401 that does not say what was wrong with it', async (_name, headers, status) => {
      const res = await t.http.get('/api/v1/projects').set(headers);
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.text).not.toMatch(LEAKS);
      expect(res.text).not.toMatch(/signature|jwt (malformed|expired)|invalid token|prefix|hash/i);
    });

    it('TRACE and unknown methods are 404 problems, never an echo of the request', async () => {
      const auth = await actors.auth('hero');
      const trace = await t.http.trace('/api/v1/me').set(auth);
      expect(trace.status).toBe(404);
      expect(trace.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(trace.text).not.toContain(auth.Authorization);
    });

    it('X-HTTP-Method-Override does not turn a GET into a write', async () => {
      const admin = await actors.auth('admin');
      const keys = await t.http.get('/api/v1/api-keys').set(admin).expect(200);
      const res = await t.http.get('/api/v1/api-keys').set(admin).set('X-HTTP-Method-Override', 'DELETE');
      expect(res.status).toBe(200);
      expect((await t.http.get('/api/v1/api-keys').set(admin)).body.items.length).toBe(keys.body.items.length);
    });
  });
});

// Its own top-level block: two apps alive in one process share passport's global strategies, so the
// first app's authenticated calls would run through the second (see the report of issue 11).
describe('CORS with CORS_ORIGINS unset (the default)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(() => t.close());

  it('allows no origin at all', async () => {
    for (const origin of [ALLOWED, 'http://localhost:5173', 'null']) {
      const res = await t.http.options('/api/v1/projects').set('Origin', origin).set('Access-Control-Request-Method', 'GET');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      const get = await t.http.get('/health/live').set('Origin', origin);
      expect(get.headers['access-control-allow-origin']).toBeUndefined();
    }
  });
});
