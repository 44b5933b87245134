import SwaggerParser from '@apidevtools/swagger-parser';
import { startTestApp, TestApp } from './support/test-app';

const PROBLEM_JSON = /application\/problem\+json/;

describe('foundation: health, problem+json, OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('GET /health/live is 200 without touching the database', async () => {
    const res = await t.http.get('/health/live').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('GET /health/ready checks the database', async () => {
    const res = await t.http.get('/health/ready').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.details.database.status).toBe('up');
  });

  it('echoes a well-formed X-Request-Id and generates one otherwise', async () => {
    const echoed = await t.http.get('/health/live').set('X-Request-Id', 'trace-42.a').expect(200);
    expect(echoed.headers['x-request-id']).toBe('trace-42.a');
    const generated = await t.http.get('/health/live').set('X-Request-Id', 'bad id with spaces').expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets security headers (helmet)', async () => {
    const res = await t.http.get('/health/live');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it.each(['/nope', '/api/v1/nope', '/api/v1'])('unknown route %s is a 404 problem', async (path) => {
    const res = await t.http.get(path).set('X-Request-Id', 'req-404').expect(404).expect('Content-Type', PROBLEM_JSON);
    expect(res.body).toMatchObject({
      type: expect.stringMatching(/\/problems\/not-found$/),
      status: 404,
      title: 'Not found',
      instance: path,
      requestId: 'req-404',
    });
  });

  it('malformed JSON is a 400 problem', async () => {
    const res = await t.http
      .post('/api/v1/anything')
      .set('Content-Type', 'application/json')
      .send('{"a": ')
      .expect(400)
      .expect('Content-Type', PROBLEM_JSON);
    expect(res.body.type).toMatch(/\/problems\/malformed-json$/);
    expect(res.body.detail).not.toMatch(/at position|SyntaxError/);
  });

  it('a body over the limit is a 413 problem', async () => {
    const res = await t.http
      .post('/api/v1/anything')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ blob: 'x'.repeat(300 * 1024) }))
      .expect(413)
      .expect('Content-Type', PROBLEM_JSON);
    expect(res.body.type).toMatch(/\/problems\/payload-too-large$/);
  });

  it('a non-JSON body is a 415 problem', async () => {
    const res = await t.http
      .post('/api/v1/anything')
      .set('Content-Type', 'text/plain')
      .send('hello')
      .expect(415)
      .expect('Content-Type', PROBLEM_JSON);
    expect(res.body.type).toMatch(/\/problems\/unsupported-media-type$/);
  });

  it('serves metrics in Prometheus format with route templates and pool gauges', async () => {
    await t.http.get('/health/ready').expect(200);
    const res = await t.http.get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.text).toMatch(/http_request_duration_seconds_bucket\{[^}]*route="\/health\/ready"[^}]*status="200"/);
    expect(res.text).toMatch(/db_pool_connections_total \d+/);
  });

  it('serves Swagger UI at /docs', async () => {
    const res = await t.http.get('/docs').redirects(1).expect(200);
    expect(res.text).toMatch(/swagger-ui/i);
  });

  it('/docs-json is a valid OpenAPI 3 document with bearer and API-key schemes', async () => {
    const res = await t.http.get('/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(res.body.components.securitySchemes).toMatchObject({
      bearer: { type: 'http', scheme: 'bearer' },
      apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
    });
    await expect(SwaggerParser.validate(structuredClone(res.body))).resolves.toBeDefined();
  });
});
