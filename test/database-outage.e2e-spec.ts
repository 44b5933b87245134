import { seedActors } from './support/actors';
import { startTestApp, TestApp } from './support/test-app';
import { TcpProxy } from './support/tcp-proxy';
import { createTestDatabase } from './support/test-database';

describe('database outage', () => {
  let t: TestApp;
  let proxy: TcpProxy;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const db = await createTestDatabase();
    drop = db.drop;
    const target = new URL(db.url);
    proxy = new TcpProxy(target.hostname, Number(target.port));
    await proxy.start();
    target.port = String(proxy.port);
    t = await startTestApp({ databaseUrl: target.toString() });
  });
  afterAll(async () => {
    await t.close();
    await drop();
  });

  it('answers 503 problem+json with Retry-After while PostgreSQL is unreachable, and the process survives', async () => {
    await t.http.get('/health/ready').expect(200);
    const actors = await seedActors(t);
    const auth = await actors.auth('hero');
    await proxy.cut();
    // An authenticated route fails in the guard (loading the user): still a 503, not a 500.
    const guarded = await t.http.get('/api/v1/projects').set(auth).expect(503);
    expect(guarded.headers['retry-after']).toBeDefined();
    const res = await t.http
      .get('/health/ready')
      .expect(503)
      .expect('Content-Type', /application\/problem\+json/);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body).toMatchObject({ status: 503, type: expect.stringMatching(/service-unavailable$/) });
    expect(JSON.stringify(res.body)).not.toMatch(/ECONN|password|postgres:\/\//);
    await t.http.get('/health/live').expect(200);
  });
});
