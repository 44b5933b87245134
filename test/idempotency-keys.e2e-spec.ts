import { keyDigest, requestFingerprint } from '../src/common/http/idempotency-key';
import { IdempotencyStore } from '../src/common/http/idempotency.store';
import { requestContext } from '../src/common/http/request-context';
import { Actors, seedActors } from './support/actors';
import { completeProject, ProjectDriver } from './support/projects';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(30_000);

/** Idempotency-Key on POST (API.md "Concurrency and retries"). */
describe('Idempotency-Key', () => {
  let t: TestApp;
  let actors: Actors;
  let drive: ProjectDriver;
  let hero: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    actors = await seedActors(t);
    drive = new ProjectDriver(t, actors);
    await drive.acknowledge('hero');
    hero = await actors.auth('hero');
  }, 30_000);
  afterAll(() => t.close(), 30_000);

  const projectsTitled = async (title: string) =>
    (await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM project WHERE title = $1', [title]))[0].n;
  const post = (path: string, key: string, body: object, auth = hero) => t.http.post(path).set(auth).set('Idempotency-Key', key).send(body);

  it('replays the first response for the same key and body, without running the request again', async () => {
    const body = completeProject({ title: 'Idempotent chatbot' });
    const first = await post('/api/v1/projects', 'create-1', body);
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    // The same JSON with its keys in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await post('/api/v1/projects', 'create-1', reordered);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await projectsTitled('Idempotent chatbot')).toBe(1);
  });

  it('answers 422 when the key comes back with another body', async () => {
    await post('/api/v1/projects', 'create-2', completeProject({ title: 'First body' })).expect(201);
    const res = await post('/api/v1/projects', 'create-2', completeProject({ title: 'Second body' }));
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 422, type: expect.stringMatching(/idempotency-key-reused$/) });
    expect(await projectsTitled('Second body')).toBe(0);
    // Another path with the same key is another request too.
    const elsewhere = await post('/api/v1/compact/acknowledgements', 'create-2', { versionId: '00000000-0000-4000-8000-000000000000' });
    expect(elsewhere.status).toBe(422);
  });

  it('keeps keys per principal', async () => {
    await drive.acknowledge('salesHero');
    const mine = await post('/api/v1/projects', 'shared-key', completeProject({ title: 'Per principal' })).expect(201);
    const theirs = await post(
      '/api/v1/projects',
      'shared-key',
      completeProject({ title: 'Per principal' }),
      await actors.auth('salesHero'),
    ).expect(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(await projectsTitled('Per principal')).toBe(2);
  });

  it('lets only one of several concurrent duplicates run; the others get 409 or the replay', async () => {
    const body = completeProject({ title: 'Raced' });
    const results = await Promise.all(Array.from({ length: 6 }, () => post('/api/v1/projects', 'race-1', body)));
    const statuses = results.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const created = results.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => String(r.body.id))).size).toBe(1);
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.body.type).toMatch(/idempotency-key-in-use$/);
      expect(r.headers['retry-after']).toBe('1');
    }
    expect(await projectsTitled('Raced')).toBe(1);
  });

  it('answers 409 while the first request with the key is still in flight', async () => {
    const body = { versionId: '00000000-0000-4000-8000-000000000000' };
    const principal = `user:${await actors.userId('hero')}`;
    // The claim a request in progress holds, made by hand so the test is deterministic.
    await t.dataSource.query(
      `INSERT INTO idempotency_key (principal, key, fingerprint, method, path, expires_at) VALUES ($1, $2, $3, 'POST', $4, now() + interval '1 day')`,
      [
        principal,
        keyDigest(principal, 'in-flight'),
        requestFingerprint(t.config.jwtSecret, 'POST', '/api/v1/compact/acknowledgements', body),
        '/api/v1/compact/acknowledgements',
      ],
    );
    const res = await post('/api/v1/compact/acknowledgements', 'in-flight', body);
    expect(res.status).toBe(409);
    expect(res.body.type).toMatch(/idempotency-key-in-use$/);
    // An abandoned claim (its process died) is taken over after a while.
    await t.dataSource.query(`UPDATE idempotency_key SET created_at = now() - interval '10 minutes' WHERE key = $1`, [
      keyDigest(principal, 'in-flight'),
    ]);
    expect((await post('/api/v1/compact/acknowledgements', 'in-flight', body)).status).toBe(404);
  });

  it('forgets a key whose request failed, so the same request may be retried', async () => {
    const { id } = await drive.create('hero', { title: 'Not ready yet' });
    const failed = await post(`/api/v1/projects/${id}/submit`, 'submit-1', {});
    expect(failed.status).toBe(400);
    const current = await t.http.get(`/api/v1/projects/${id}`).set(hero).expect(200);
    const full = completeProject({ title: 'Not ready yet' });
    await t.http
      .patch(`/api/v1/projects/${id}`)
      .set(hero)
      .set('If-Match', `"${current.body.version}"`)
      .send({
        summary: full.summary,
        customerProblem: full.customerProblem,
        customerTask: full.customerTask,
        solution: full.solution,
        technologies: full.technologies,
        dataCategories: full.dataCategories,
        budget: full.budget,
        kpis: full.kpis,
      })
      .expect(200);
    await drive.screen(id, 'hero');
    const retried = await post(`/api/v1/projects/${id}/submit`, 'submit-1', {});
    expect(retried.status).toBe(200);
    expect(retried.body.state).toBe('submitted');
    const replayed = await post(`/api/v1/projects/${id}/submit`, 'submit-1', {});
    expect(replayed.status).toBe(200);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.headers.etag).toBe(retried.headers.etag);
    expect(replayed.body).toEqual(retried.body);
    // Replayed, not re-run: one submit in the history, one project.submitted event.
    const events = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM domain_event WHERE project_id = $1 AND type = 'project.submitted'`,
      [id],
    );
    expect(events[0].n).toBe(1);
  });

  it('never runs twice a request that committed but could not store its response', async () => {
    const store = t.app.get(IdempotencyStore);
    // The database goes away right after the project's transaction committed: the response is not stored.
    const complete = jest.spyOn(store, 'complete').mockRejectedValueOnce(new Error('connection terminated'));
    const body = completeProject({ title: 'Committed, response lost' });
    try {
      expect((await post('/api/v1/projects', 'lost-response', body)).status).toBe(201);
    } finally {
      complete.mockRestore();
    }
    const principal = `user:${await actors.userId('hero')}`;
    const key = keyDigest(principal, 'lost-response');
    const status = async () =>
      (await t.dataSource.query<{ status: string }[]>('SELECT status FROM idempotency_key WHERE key = $1', [key]))[0]?.status;
    // Marked in the project's own transaction.
    expect(await status()).toBe('committed');
    expect((await post('/api/v1/projects', 'lost-response', body)).status).toBe(409);
    // Long after (when an in-progress claim would be presumed abandoned and taken over): still not re-run.
    await t.dataSource.query(`UPDATE idempotency_key SET created_at = now() - interval '10 minutes' WHERE key = $1`, [key]);
    const later = await post('/api/v1/projects', 'lost-response', body);
    expect(later.status).toBe(409);
    expect(later.body.type).toMatch(/idempotency-key-unreplayable$/);
    expect(later.body.detail).toMatch(/could not be stored/);
    expect(await projectsTitled('Committed, response lost')).toBe(1);
  });

  it('marks the key committed only in a transaction that wrote something', async () => {
    const store = t.app.get(IdempotencyStore);
    const principal = `user:${await actors.userId('hero')}`;
    const key = keyDigest(principal, 'marker');
    await store.claim(principal, 'marker', 'fingerprint', 'POST', '/api/v1/test');
    const status = async () =>
      (await t.dataSource.query<{ status: string }[]>('SELECT status FROM idempotency_key WHERE key = $1', [key]))[0].status;
    await requestContext.run({ requestId: 'marker-test' }, async () => {
      requestContext.setIdempotencyClaim({ principal, key });
      await t.dataSource.transaction((em) => em.query('SELECT count(*) FROM project'));
      expect(await status()).toBe('in_progress');
      await expect(
        t.dataSource.transaction(async (em) => {
          await em.query(`UPDATE project SET title = title WHERE false`);
          await em.query(`INSERT INTO project_reference_counter (year, last_number) VALUES (1900, 0) ON CONFLICT (year) DO NOTHING`);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await status()).toBe('in_progress');
      await t.dataSource.transaction((em) =>
        em.query(`INSERT INTO project_reference_counter (year, last_number) VALUES (1900, 0) ON CONFLICT (year) DO NOTHING`),
      );
      expect(await status()).toBe('committed');
    });
  });

  it('stores responses sealed: a secret shown once never sits in the table in clear', async () => {
    const admin = await actors.auth('admin');
    const first = await post('/api/v1/api-keys', 'key-create', { name: 'CRM', scopes: ['projects:read'] }, admin).expect(201);
    const rows = await t.dataSource.query<{ key: string; response_body: unknown }[]>('SELECT key, response_body FROM idempotency_key');
    expect(JSON.stringify(rows)).not.toContain(first.body.key as string);
    expect(JSON.stringify(rows)).not.toContain('key-create');
    const again = await post('/api/v1/api-keys', 'key-create', { name: 'CRM', scopes: ['projects:read'] }, admin).expect(201);
    expect(again.body).toEqual(first.body);
    const keys = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM api_key WHERE name = 'CRM'`);
    expect(keys[0].n).toBe(1);
  });

  it('expires keys after 24 hours', async () => {
    await post('/api/v1/projects', 'old-key', completeProject({ title: 'Yesterday' })).expect(201);
    await t.dataSource.query(`UPDATE idempotency_key SET expires_at = now() - interval '1 second' WHERE key = $1`, [
      keyDigest(`user:${await actors.userId('hero')}`, 'old-key'),
    ]);
    const res = await post('/api/v1/projects', 'old-key', completeProject({ title: 'Today' }));
    expect(res.status).toBe(201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    const [{ expires }] = await t.dataSource.query<{ expires: boolean }[]>(
      `SELECT expires_at BETWEEN now() + interval '23 hours' AND now() + interval '25 hours' AS expires FROM idempotency_key WHERE key = $1`,
      [keyDigest(`user:${await actors.userId('hero')}`, 'old-key')],
    );
    expect(expires).toBe(true);
  });

  it('the hourly purge deletes expired keys only, and says how many', async () => {
    await post('/api/v1/projects', 'purge-me', completeProject({ title: 'Purged key' })).expect(201);
    const digest = keyDigest(`user:${await actors.userId('hero')}`, 'purge-me');
    await t.dataSource.query(`UPDATE idempotency_key SET expires_at = now() - interval '1 second' WHERE key = $1`, [digest]);
    const before = await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM idempotency_key');
    expect(await t.app.get(IdempotencyStore).purgeExpired()).toBe(1);
    const after = await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM idempotency_key');
    expect(after[0].n).toBe(before[0].n - 1);
    expect(await t.dataSource.query('SELECT 1 FROM idempotency_key WHERE key = $1', [digest])).toEqual([]);
    expect(await t.app.get(IdempotencyStore).purgeExpired()).toBe(0);
  });

  it('refuses a malformed key with a 400 naming the header, and ignores keys on other methods', async () => {
    const res = await post('/api/v1/projects', 'has spaces', completeProject());
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);
    expect((await post('/api/v1/projects', 'x'.repeat(256), completeProject())).status).toBe(400);
    await t.http.get('/api/v1/projects').set(hero).set('Idempotency-Key', 'has spaces').expect(200);
  });
});
