import { AuditService } from '../src/audit/audit.service';
import { Actors, seedActors } from './support/actors';
import { completeProject, ProjectDriver } from './support/projects';
import { startTestApp, TestApp } from './support/test-app';

describe('audit trail: append-only, hash-chained, verifiable', () => {
  let t: TestApp;
  let actors: Actors;
  let drive: ProjectDriver;
  beforeAll(async () => {
    t = await startTestApp();
    actors = await seedActors(t);
    drive = new ProjectDriver(t, actors);
  });
  afterAll(() => t.close());

  it('records who did what, with the request id and only the changed fields', async () => {
    const { id } = await drive.create('hero', completeProject({ title: 'Loyalty app' }));
    const auth = await actors.auth('hero');
    const { body: before, headers } = await t.http.get(`/api/v1/projects/${id}`).set(auth).expect(200);
    await t.http
      .patch(`/api/v1/projects/${id}`)
      .set({ ...auth, 'If-Match': headers.etag, 'X-Request-Id': 'req-audit-1' })
      .send({ title: 'Loyalty app v2' })
      .expect(200);
    expect(before.title).toBe('Loyalty app');
    const res = await t.http
      .get('/api/v1/audit-events')
      .query({ projectId: id, action: 'project.edit' })
      .set(await actors.auth('cio'))
      .expect(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({
      action: 'project.edit',
      entityType: 'project',
      entityId: id,
      projectId: id,
      requestId: 'req-audit-1',
      actor: { type: 'user', id: await actors.userId('hero'), name: expect.any(String) },
      before: { title: 'Loyalty app' },
      after: { title: 'Loyalty app v2' },
    });
    expect(Object.keys(res.body.items[0].after)).toEqual(['title']);
  });

  it.each([
    ['admin', 200],
    ['cio', 200],
    ['advisor', 403],
    ['manager', 403],
    ['hero', 403],
  ] as const)('GET /audit-events and /verify as %s → %i', async (who, status) => {
    const auth = await actors.auth(who);
    await t.http.get('/api/v1/audit-events').set(auth).expect(status);
    await t.http.get('/api/v1/audit-events/verify').set(auth).expect(status);
  });

  it('API keys need the audit:read scope; anonymous is 401', async () => {
    const reader = await actors.apiKey(['audit:read']);
    const other = await actors.apiKey(['projects:read']);
    await t.http.get('/api/v1/audit-events').set('X-API-Key', reader.key).expect(200);
    await t.http.get('/api/v1/audit-events').set('X-API-Key', other.key).expect(403);
    await t.http.get('/api/v1/audit-events').expect(401);
  });

  it('rejects bad filters with problem+json naming the field', async () => {
    const auth = await actors.auth('cio');
    for (const [field, value] of [
      ['projectId', 'nope'],
      ['from', 'yesterday'],
      ['actorType', 'robot'],
      ['limit', '500'],
      ['cursor', 'garbage'],
    ]) {
      const res = await t.http
        .get('/api/v1/audit-events')
        .query({ [field]: value })
        .set(auth)
        .expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('pages newest first with a cursor, without repeats', async () => {
    const auth = await actors.auth('admin');
    const seen = new Set<string>();
    let cursor: string | null = null;
    let last = Infinity;
    do {
      const page: { body: { items: { seq: string }[]; nextCursor: string | null } } = await t.http
        .get('/api/v1/audit-events')
        .query({ limit: 5, ...(cursor ? { cursor } : {}) })
        .set(auth)
        .expect(200);
      for (const e of page.body.items) {
        expect(seen.has(e.seq)).toBe(false);
        expect(Number(e.seq)).toBeLessThan(last);
        last = Number(e.seq);
        seen.add(e.seq);
      }
      cursor = page.body.nextCursor;
    } while (cursor);
    const [{ n }] = await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM audit_event');
    expect(seen.size).toBe(n);
  });

  it('project history: participants read it oldest first; others cannot', async () => {
    const { id } = await drive.create('hero');
    const history = await t.http
      .get(`/api/v1/projects/${id}/history`)
      .set(await actors.auth('hero'))
      .expect(200);
    expect(history.body.items[0]).toMatchObject({ action: 'project.create', projectId: id });
    await t.http
      .get(`/api/v1/projects/${id}/history`)
      .set(await actors.auth('salesHero'))
      .expect(404);
  });

  it('the database refuses UPDATE, DELETE and TRUNCATE on the audit table', async () => {
    await expect(t.dataSource.query(`UPDATE audit_event SET actor_name = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
  });

  it('concurrent writers never fork the chain', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => drive.create(i % 2 ? 'hero' : 'salesHero', completeProject({ title: `Parallel ${i}` }))),
    );
    const forks = await t.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM (SELECT prev_hash FROM audit_event GROUP BY prev_hash HAVING count(*) > 1) f',
    );
    expect(forks[0].n).toBe(0);
    const res = await t.http
      .get('/api/v1/audit-events/verify')
      .set(await actors.auth('cio'))
      .expect(200);
    expect(res.body).toMatchObject({ valid: true, firstBrokenLink: null });
    expect(res.body.checked).toBeGreaterThan(20);
  });

  it('events are appended at commit, in order; a rolled-back transaction leaves none', async () => {
    const audit = t.app.get(AuditService);
    const actor = { type: 'system' as const, id: null, name: 'test' };
    const event = (action: string) => ({ actor, action, entityType: 'test', entityId: null, after: { action } });
    const lastSeq = async () => (await t.dataSource.query<{ seq: string }[]>('SELECT max(seq)::text AS seq FROM audit_event'))[0].seq;
    const before = await lastSeq();
    await t.dataSource.transaction(async (em) => {
      await audit.record(em, event('test.first'));
      await audit.record(em, event('test.second'));
      // Queued, not yet written: the chain's lock is not taken until the commit.
      const locks = await em.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()`,
      );
      expect(locks[0].n).toBe(0);
    });
    await expect(
      t.dataSource.transaction(async (em) => {
        await audit.record(em, event('test.rolled-back'));
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    const rows = await t.dataSource.query<{ action: string }[]>('SELECT action FROM audit_event WHERE seq > $1 ORDER BY seq', [before]);
    expect(rows.map((r) => r.action)).toEqual(['test.first', 'test.second']);
    await expect(t.dataSource.manager.transaction(() => Promise.resolve())).resolves.toBeUndefined();
    const res = await t.http
      .get('/api/v1/audit-events/verify')
      .set(await actors.auth('cio'))
      .expect(200);
    expect(res.body).toMatchObject({ valid: true });
    expect(() => audit.record(t.dataSource.manager, event('test.outside'))).toThrow(/transactional/);
  });

  it('a row tampered with directly in SQL (superuser, trigger bypassed) is named by verify', async () => {
    const [{ seq }] = await t.dataSource.query<{ seq: string }[]>(
      `SELECT seq::text AS seq FROM audit_event WHERE action = 'project.create' ORDER BY seq LIMIT 1 OFFSET 2`,
    );
    await t.dataSource.transaction(async (em) => {
      await em.query(`SET LOCAL session_replication_role = replica`);
      await em.query(`UPDATE audit_event SET after = jsonb_set(after, '{title}', '"Forged title"') WHERE seq = $1`, [seq]);
    });
    const res = await t.http
      .get('/api/v1/audit-events/verify')
      .set(await actors.auth('admin'))
      .expect(200);
    expect(res.body).toMatchObject({ valid: false, firstBrokenLink: { seq, reason: 'hash-mismatch' } });
  });
});
