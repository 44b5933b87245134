import { Actors, AccountName, seedActors } from './support/actors';
import { startTestApp, TestApp } from './support/test-app';

// Each test waits on real deliveries, retries and app start-ups: bounded, but longer than jest's default.
jest.setTimeout(60_000);

const FAST_OFF = {
  allowPrivateTargets: false,
  timeoutMs: 1_000,
  retryBaseMs: 200,
  retryMaxDelayMs: 800,
  retryWindowHours: 24,
  maxConsecutiveFailures: 50,
};

/** Webhook subscriptions (DOMAIN.md §10): who may manage them, validation, SSRF, secrets, concurrency. */
describe('webhooks: subscriptions', () => {
  let t: TestApp;
  let actors: Actors;
  let admin: Record<string, string>;
  const PUBLIC_URL = 'https://93.184.216.34/hooks';

  beforeAll(async () => {
    // Private targets refused, as in production; literal public addresses need no DNS.
    t = await startTestApp();
    actors = await seedActors(t);
    admin = await actors.auth('admin');
  }, 30_000);
  afterAll(() => t.close(), 30_000);

  describe('authorization', () => {
    it.each(['cio', 'advisor', 'manager', 'hero'] as AccountName[])('refuses %s (403) on every route', async (who) => {
      const auth = await actors.auth(who);
      const id = '00000000-0000-4000-8000-000000000000';
      for (const res of [
        await t.http.get('/api/v1/webhooks').set(auth),
        await t.http
          .post('/api/v1/webhooks')
          .set(auth)
          .send({ url: PUBLIC_URL, eventTypes: ['*'] }),
        await t.http.get(`/api/v1/webhooks/${id}`).set(auth),
        await t.http.patch(`/api/v1/webhooks/${id}`).set(auth).set('If-Match', '"1"').send({ description: 'x' }),
        await t.http.delete(`/api/v1/webhooks/${id}`).set(auth),
        await t.http.get(`/api/v1/webhooks/${id}/deliveries`).set(auth),
        await t.http.post(`/api/v1/webhooks/${id}/deliveries/${id}/redeliver`).set(auth),
      ]) {
        expect(res.status).toBe(403);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      }
    });

    it('refuses anonymous callers (401) and API keys without webhooks:manage (403)', async () => {
      await t.http.get('/api/v1/webhooks').expect(401);
      await t.http
        .post('/api/v1/webhooks')
        .send({ url: PUBLIC_URL, eventTypes: ['*'] })
        .expect(401);
      const key = await actors.apiKey(['projects:read', 'reports:read']);
      await t.http.get('/api/v1/webhooks').set('X-API-Key', key.key).expect(403);
      await t.http
        .post('/api/v1/webhooks')
        .set('X-API-Key', key.key)
        .send({ url: PUBLIC_URL, eventTypes: ['*'] })
        .expect(403);
    });

    it('lets an admin and a webhooks:manage key subscribe; a key sees only its own subscriptions', async () => {
      const byAdmin = await t.http
        .post('/api/v1/webhooks')
        .set(admin)
        .send({ url: PUBLIC_URL, eventTypes: ['*'] })
        .expect(201);
      expect(byAdmin.body.owner).toEqual({ type: 'user', id: await actors.userId('admin') });
      const keyA = await actors.apiKey(['webhooks:manage']);
      const keyB = await actors.apiKey(['webhooks:manage']);
      const byKey = await t.http
        .post('/api/v1/webhooks')
        .set('X-API-Key', keyA.key)
        .send({ url: PUBLIC_URL, eventTypes: ['project.submitted'] })
        .expect(201);
      expect(byKey.body).toMatchObject({ owner: { type: 'api_key', id: keyA.id }, orgUnitScope: null });

      const listA = await t.http.get('/api/v1/webhooks').set('X-API-Key', keyA.key).expect(200);
      expect(listA.body.items.map((s: { id: string }) => s.id)).toEqual([byKey.body.id]);
      await t.http.get(`/api/v1/webhooks/${byAdmin.body.id}`).set('X-API-Key', keyA.key).expect(404);
      await t.http.get(`/api/v1/webhooks/${byKey.body.id}`).set('X-API-Key', keyB.key).expect(404);
      await t.http.delete(`/api/v1/webhooks/${byKey.body.id}`).set('X-API-Key', keyB.key).expect(404);
      await t.http.get(`/api/v1/webhooks/${byKey.body.id}/deliveries`).set('X-API-Key', keyB.key).expect(404);
      const listAdmin = await t.http.get('/api/v1/webhooks').set(admin).expect(200);
      expect(listAdmin.body.items.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining([byAdmin.body.id, byKey.body.id]));
    });

    it('scopes a unit-bound key’s subscriptions to that unit', async () => {
      const key = await actors.apiKey(['webhooks:manage'], { orgUnitId: await actors.unitId('Sales') });
      const res = await t.http
        .post('/api/v1/webhooks')
        .set('X-API-Key', key.key)
        .send({ url: PUBLIC_URL, eventTypes: ['*'] })
        .expect(201);
      expect(res.body.orgUnitScope).toBe(await actors.unitId('Sales'));
    });
  });

  describe('targets (SSRF)', () => {
    it.each([
      'http://127.0.0.1:8080/hooks',
      'http://10.0.0.5/hooks',
      'http://10.255.255.255/',
      'http://169.254.169.254/latest/meta-data/',
      'http://localhost:3000/hooks',
      'http://[::1]:8080/hooks',
      'http://192.168.1.10/hooks',
      'http://172.16.0.1/hooks',
      'http://0.0.0.0/hooks',
      'http://[::ffff:127.0.0.1]/hooks',
      'http://2130706433/hooks',
      'ftp://93.184.216.34/hooks',
      'javascript:alert(1)',
      'https://user:secret@93.184.216.34/hooks',
    ])('refuses %s with a 400 naming url', async (url) => {
      const res = await t.http
        .post('/api/v1/webhooks')
        .set(admin)
        .send({ url, eventTypes: ['*'] });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        type: expect.stringMatching(/validation-error$/),
        errors: [{ field: 'url', message: expect.any(String) }],
      });
    });

    it('refuses a private target on PATCH too', async () => {
      const created = await t.http
        .post('/api/v1/webhooks')
        .set(admin)
        .send({ url: PUBLIC_URL, eventTypes: ['*'] })
        .expect(201);
      const res = await t.http
        .patch(`/api/v1/webhooks/${created.body.id}`)
        .set(admin)
        .set('If-Match', `"${created.body.version}"`)
        .send({ url: 'http://169.254.169.254/' });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('url');
    });
  });

  describe('validation and lifecycle', () => {
    it.each([
      [{ eventTypes: ['*'] }, 'url'],
      [{ url: PUBLIC_URL }, 'eventTypes'],
      [{ url: PUBLIC_URL, eventTypes: [] }, 'eventTypes'],
      [{ url: PUBLIC_URL, eventTypes: ['project.exploded'] }, 'eventTypes'],
      [{ url: PUBLIC_URL, eventTypes: ['*'], secret: 'not-a-whsec' }, 'secret'],
      [{ url: PUBLIC_URL, eventTypes: ['*'], secret: `whsec_${Buffer.alloc(8).toString('base64')}` }, 'secret'],
      [{ url: PUBLIC_URL, eventTypes: ['*'], enabled: false }, 'enabled'],
      [{ url: PUBLIC_URL, eventTypes: ['*'], consecutiveFailures: 0 }, 'consecutiveFailures'],
    ])('refuses %j naming %s', async (body, field) => {
      const res = await t.http.post('/api/v1/webhooks').set(admin).send(body);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('shows a generated secret once, accepts a supplied one, and never lists secrets', async () => {
      const generated = await t.http
        .post('/api/v1/webhooks')
        .set(admin)
        .send({ url: PUBLIC_URL, eventTypes: ['*'] })
        .expect(201);
      expect(generated.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      const mine = `whsec_${Buffer.alloc(24, 7).toString('base64')}`;
      const supplied = await t.http
        .post('/api/v1/webhooks')
        .set(admin)
        .send({ url: PUBLIC_URL, eventTypes: ['*'], secret: mine })
        .expect(201);
      expect(supplied.body.secret).toBe(mine);
      const one = await t.http.get(`/api/v1/webhooks/${generated.body.id}`).set(admin).expect(200);
      expect(one.body).not.toHaveProperty('secret');
      expect(one.headers.etag).toBe(`"${one.body.version}"`);
      const list = await t.http.get('/api/v1/webhooks?limit=100').set(admin).expect(200);
      expect(JSON.stringify(list.body)).not.toContain('whsec_');
      const audit = await t.http.get(`/api/v1/audit-events?entityId=${generated.body.id}`).set(admin).expect(200);
      expect(audit.body.items[0].action).toBe('webhook.create');
      expect(JSON.stringify(audit.body)).not.toContain('whsec_');
    });

    it('updates with If-Match (428 without, 412 stale), rotates the secret, disables, deletes', async () => {
      const created = await t.http
        .post('/api/v1/webhooks')
        .set(admin)
        .send({ url: PUBLIC_URL, eventTypes: ['*'] })
        .expect(201);
      const path = `/api/v1/webhooks/${created.body.id}`;
      await t.http.patch(path).set(admin).send({ description: 'x' }).expect(428);
      await t.http.patch(path).set(admin).set('If-Match', '"99"').send({ description: 'x' }).expect(412);
      const updated = await t.http
        .patch(path)
        .set(admin)
        .set('If-Match', `"${created.body.version}"`)
        .send({ description: 'CRM', eventTypes: ['project.decided', 'sla.breached'] })
        .expect(200);
      expect(updated.body).toMatchObject({
        description: 'CRM',
        eventTypes: ['project.decided', 'sla.breached'],
        version: created.body.version + 1,
      });
      expect(updated.body).not.toHaveProperty('secret');
      const rotated = await t.http
        .patch(path)
        .set(admin)
        .set('If-Match', `"${updated.body.version}"`)
        .send({ rotateSecret: true })
        .expect(200);
      expect(rotated.body.secret).toMatch(/^whsec_/);
      expect(rotated.body.secret).not.toBe(created.body.secret);
      const disabled = await t.http
        .patch(path)
        .set(admin)
        .set('If-Match', `"${rotated.body.version}"`)
        .send({ enabled: false })
        .expect(200);
      expect(disabled.body).toMatchObject({ enabled: false, disabledReason: 'disabled by Alex Admin' });
      await t.http.delete(path).set(admin).expect(204);
      await t.http.get(path).set(admin).expect(404);
      await t.http.delete(path).set(admin).expect(404);
    });

    it('lists with cursor pagination and refuses a forged cursor', async () => {
      const first = await t.http.get('/api/v1/webhooks?limit=2').set(admin).expect(200);
      expect(first.body.items).toHaveLength(2);
      const next = await t.http.get(`/api/v1/webhooks?limit=2&cursor=${first.body.nextCursor}`).set(admin).expect(200);
      expect(next.body.items[0].id).not.toBe(first.body.items[0].id);
      const forged = Buffer.from(JSON.stringify({ createdAt: 'yesterday', id: 'x' })).toString('base64url');
      const bad = await t.http.get(`/api/v1/webhooks?cursor=${forged}`).set(admin);
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('cursor');
    });
  });
});

// A separate app (own database): passport strategies are process-wide, so it must not run while
// the app above is still serving requests.
describe('webhooks: private targets allowed by configuration', () => {
  it('accepts private targets when WEBHOOK_ALLOW_PRIVATE_TARGETS is on', async () => {
    const open = await startTestApp({ webhook: { ...FAST_OFF, allowPrivateTargets: true } });
    try {
      const openActors = await seedActors(open);
      await open.http
        .post('/api/v1/webhooks')
        .set(await openActors.auth('admin'))
        .send({ url: 'http://127.0.0.1:9/hooks', eventTypes: ['*'] })
        .expect(201);
    } finally {
      await open.close();
    }
  }, 30_000);
});
