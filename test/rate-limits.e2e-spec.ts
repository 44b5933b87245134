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
