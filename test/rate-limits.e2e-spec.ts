import { Actors, seedActors } from './support/actors';
import { completeProject, ProjectDriver } from './support/projects';
import { startTestApp, TestApp } from './support/test-app';

/** OWASP API6 (sensitive business flows): one account cannot flood the advisors' queue or the API. */
describe('write rate limits per principal', () => {
  let t: TestApp;
  let actors: Actors;
  let drive: ProjectDriver;
  beforeAll(async () => {
    t = await startTestApp({ projectIntakeLimitPerHour: 3, writeRateLimitPerMinute: 8 });
    actors = await seedActors(t);
    drive = new ProjectDriver(t, actors);
  });
  afterAll(() => t.close());

  it('project intake (create + submit) is limited per account per hour, with 429 problem+json and Retry-After', async () => {
    await drive.acknowledge('hero');
    const auth = await actors.auth('hero');
    const { id } = await drive.create('hero');
    await drive.screen(id, 'hero');
    await t.http.post(`/api/v1/projects/${id}/submit`).set(auth).expect(200); // intake #2
    await drive.create('hero'); // intake #3
    const refused = await t.http.post('/api/v1/projects').set(auth).send(completeProject()).expect(429);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({ type: expect.stringMatching(/rate-limited$/), status: 429, retryAfter: expect.any(Number) });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(60); // an hour's window
    const [{ n }] = await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM project WHERE proposer_id = $1', [
      await actors.userId('hero'),
    ]);
    expect(n).toBe(2); // nothing stored for the refused call
  });

  it('is per principal: another HERO still proposes', async () => {
    await drive.create('salesHero');
  });

  it('every write counts against the per-minute budget; reads never do', async () => {
    const auth = await actors.auth('salesHero');
    const { id } = await drive.create('salesHero'); // writes so far: 2 creations
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push(
        (
          await t.http
            .post(`/api/v1/projects/${id}/comments`)
            .set(auth)
            .send({ body: `Comment ${i}` })
        ).status,
      );
    }
    expect(statuses.slice(0, 6)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(statuses.slice(6)).toEqual([429, 429]);
    await t.http.get(`/api/v1/projects/${id}/comments`).set(auth).expect(200);
    await t.http.get('/api/v1/projects').set(auth).expect(200);
  });
});

/** Behind a load balancer the per-IP sign-in limit must count clients, not the balancer (TRUST_PROXY). */
describe('per-IP sign-in limit and X-Forwarded-For', () => {
  const attempt = (t: TestApp, forwardedFor: string) =>
    t.http.post('/api/v1/auth/login').set('X-Forwarded-For', forwardedFor).send({ email: 'nobody@demo.local', password: 'wrong-password' });
  const limits = { loginRateLimitPerIp: 3, loginRateLimitPerAccount: 1000 };

  it('with the proxy trusted, each client behind it has its own budget', async () => {
    const t = await startTestApp({ ...limits, trustProxy: ['loopback'] });
    try {
      for (let i = 0; i < 3; i++) await attempt(t, '203.0.113.1').expect(401);
      await attempt(t, '203.0.113.1').expect(429);
      await attempt(t, '203.0.113.2').expect(401);
    } finally {
      await t.close();
    }
  });

  it('without it (the default), the header is ignored: a client cannot dodge the limit by forging it', async () => {
    const t = await startTestApp(limits);
    try {
      for (let i = 0; i < 3; i++) await attempt(t, `203.0.113.${i + 1}`).expect(401);
      await attempt(t, '203.0.113.9').expect(429);
    } finally {
      await t.close();
    }
  });
});
