import { SYSTEM_ACTOR } from '../src/identity/auth/principal';
import { DomainEvents } from '../src/notifications/domain-events.service';
import { Actors, AccountName, seedActors } from './support/actors';
import { completeProject, ProjectDriver, RISKY_SCREENING } from './support/projects';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(30_000);

/** In-app notifications (DOMAIN.md §10): who hears about what, and everyone reads only their own. */
describe('notifications', () => {
  let t: TestApp;
  let actors: Actors;
  let drive: ProjectDriver;

  beforeAll(async () => {
    t = await startTestApp();
    actors = await seedActors(t);
    drive = new ProjectDriver(t, actors);
    for (const who of ['hero', 'cio', 'advisor'] as const) await drive.acknowledge(who);
  }, 30_000);
  afterAll(() => t.close(), 30_000);

  const inbox = async (who: AccountName, query = '') =>
    (
      await t.http
        .get(`/api/v1/notifications${query}`)
        .set(await actors.auth(who))
        .expect(200)
    ).body as {
      items: { id: string; type: string; title: string; body: string; projectId: string | null; readAt: string | null }[];
      nextCursor: string | null;
    };
  const unread = async (who: AccountName) =>
    (
      await t.http
        .get('/api/v1/notifications/unread-count')
        .set(await actors.auth(who))
        .expect(200)
    ).body.count as number;
  const typesOf = async (who: AccountName, projectId: string) =>
    (await inbox(who, '?limit=100')).items.filter((n) => n.projectId === projectId).map((n) => n.type);

  it('notifies the people a transition concerns, never the actor', async () => {
    const salesHero = await actors.userId('salesHero');
    const { id } = await drive.create('hero', completeProject({ teamMemberIds: [salesHero] }));
    await drive.screen(id, 'hero', RISKY_SCREENING);
    expect((await drive.action(id, 'submit', 'hero')).status).toBe(200);
    // Submitted: the CIO (who assigns) and the team member; not the proposer who acted.
    expect(await typesOf('cio', id)).toEqual(['project.submitted']);
    expect(await typesOf('salesHero', id)).toEqual(['project.submitted']);
    expect(await typesOf('hero', id)).toEqual([]);
    expect(await typesOf('advisor', id)).toEqual([]);

    expect((await drive.action(id, 'assign', 'cio', { advisorId: await actors.userId('advisor') })).status).toBe(200);
    expect(await typesOf('advisor', id)).toEqual(['project.assigned']);
    expect(await typesOf('hero', id)).toEqual(['project.assigned']);
    expect(await typesOf('cio', id)).toEqual(['project.submitted']);

    expect((await drive.action(id, 'request-info', 'advisor', { question: 'Which carrier feeds?' })).status).toBe(200);
    expect(await typesOf('hero', id)).toEqual(['project.info_requested', 'project.assigned']);
    expect((await drive.action(id, 'respond', 'salesHero', { answer: 'DHL only.' })).status).toBe(200);
    expect(await typesOf('advisor', id)).toEqual(['project.info_provided', 'project.assigned']);
    expect((await typesOf('hero', id))[0]).toBe('project.info_provided');

    const [latest] = (await inbox('advisor')).items;
    expect(latest).toMatchObject({
      type: 'project.info_provided',
      title: expect.stringMatching(/^HC-\d{4}-\d{4}: the team answered$/),
      readAt: null,
    });
    expect(latest.body).toContain('Sam Sales-Hero');
  });

  it('notifies the deciding managers (the unit’s subtree) of project events published by other modules', async () => {
    const id = await drive.submitted('hero');
    const project = await t.dataSource.query<{ reference: string; title: string; org_unit_id: string; proposer_id: string }[]>(
      'SELECT reference, title, org_unit_id, proposer_id FROM project WHERE id = $1',
      [id],
    );
    await t.dataSource.transaction((em) =>
      t.app.get(DomainEvents).publish(em, {
        type: 'kpi.off_track',
        actor: SYSTEM_ACTOR,
        project: {
          id,
          reference: project[0].reference,
          title: project[0].title,
          state: 'launched',
          orgUnitId: project[0].org_unit_id,
          proposerId: project[0].proposer_id,
          assignedAdvisorId: null,
        },
        data: { kpi: { name: 'Calls about delivery' } },
      }),
    );
    // hero works in Marketing: the Marketing manager and the company manager decide there; not Sales.
    expect(await typesOf('marketingManager', id)).toEqual(['kpi.off_track']);
    expect(await typesOf('manager', id)).toEqual(['kpi.off_track']);
    expect(await typesOf('hero', id)).toContain('kpi.off_track');
    expect(await typesOf('salesHero', id)).toEqual([]);
    expect(await typesOf('admin', id)).toEqual([]);
    // The publisher did not add the project to `data`: the outbox does, for webhooks and texts alike.
    const [event] = await t.dataSource.query<{ data: Record<string, unknown> }[]>(
      `SELECT data FROM domain_event WHERE project_id = $1 AND type = 'kpi.off_track'`,
      [id],
    );
    expect(event.data).toMatchObject({
      kpi: { name: 'Calls about delivery' },
      project: { id, reference: project[0].reference, state: 'launched' },
    });
    expect((await inbox('manager')).items[0].title).toBe(`${project[0].reference}: a KPI is off track`);
  });

  it('tells every active user about a new compact version', async () => {
    const cio = await actors.auth('cio');
    const draft = await t.http
      .post('/api/v1/compact/versions')
      .set(cio)
      .send({
        title: 'HERO Compact 2027',
        intro: 'What we promise each other.',
        commitments: { hero: ['Describe the customer problem.'], manager: ['Decide within a week.'], it: ['Advise, do not block.'] },
      })
      .expect(201);
    await t.http.post(`/api/v1/compact/versions/${draft.body.id}/publish`).set(cio).expect(200);
    for (const who of ['admin', 'hero', 'salesHero', 'manager', 'advisor'] as const) {
      expect((await inbox(who)).items[0]).toMatchObject({
        type: 'compact.published',
        title: 'HERO Compact version 2 published',
        projectId: null,
      });
    }
    expect((await inbox('cio')).items.map((n) => n.type)).not.toContain('compact.published');
  });

  it('pages newest first, filters unread, and counts unread', async () => {
    const all = await inbox('hero', '?limit=100');
    expect(all.items.length).toBeGreaterThanOrEqual(4);
    const first = await inbox('hero', '?limit=2');
    expect(first.items.map((n) => n.id)).toEqual(all.items.slice(0, 2).map((n) => n.id));
    const second = await inbox('hero', `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((n) => n.id)).toEqual(all.items.slice(2, 4).map((n) => n.id));
    expect(await unread('hero')).toBe(all.items.length);
    expect((await inbox('hero', '?unread=false')).items).toEqual([]);
  });

  it('marks one of my notifications read, idempotently', async () => {
    const before = await unread('hero');
    const [n] = (await inbox('hero')).items;
    const read = await t.http
      .post(`/api/v1/notifications/${n.id}/read`)
      .set(await actors.auth('hero'))
      .expect(200);
    expect(read.body).toMatchObject({ id: n.id, readAt: expect.any(String) });
    expect(await unread('hero')).toBe(before - 1);
    const again = await t.http
      .post(`/api/v1/notifications/${n.id}/read`)
      .set(await actors.auth('hero'))
      .expect(200);
    expect(again.body.readAt).toBe(read.body.readAt);
    expect((await inbox('hero', '?unread=false')).items.map((x) => x.id)).toEqual([n.id]);
    expect((await inbox('hero', '?unread=true')).items.map((x) => x.id)).not.toContain(n.id);
  });

  it('never lets anyone read or mark someone else’s notifications', async () => {
    const [theirs] = (await inbox('cio')).items;
    for (const who of ['hero', 'admin', 'advisor'] as const) {
      const res = await t.http.post(`/api/v1/notifications/${theirs.id}/read`).set(await actors.auth(who));
      expect(res.status).toBe(404);
      expect(res.body.type).toMatch(/not-found$/);
    }
    expect((await inbox('cio')).items.find((n) => n.id === theirs.id)?.readAt).toBeNull();
  });

  it('refuses API keys (403), anonymous callers (401), bad ids and forged cursors (400)', async () => {
    const key = await actors.apiKey(['projects:read', 'webhooks:manage']);
    await t.http.get('/api/v1/notifications').set('X-API-Key', key.key).expect(403);
    await t.http.get('/api/v1/notifications/unread-count').set('X-API-Key', key.key).expect(403);
    await t.http.get('/api/v1/notifications').expect(401);
    await t.http.get('/api/v1/notifications/unread-count').expect(401);
    await t.http.post('/api/v1/notifications/00000000-0000-4000-8000-000000000000/read').expect(401);
    const hero = await actors.auth('hero');
    await t.http.post('/api/v1/notifications/not-a-uuid/read').set(hero).expect(400);
    await t.http.post('/api/v1/notifications/00000000-0000-4000-8000-000000000000/read').set(hero).expect(404);
    const forged = Buffer.from(JSON.stringify({ createdAt: '2026-01-01T00:00:00Z', id: "x' OR 1=1 --" })).toString('base64url');
    const bad = await t.http.get(`/api/v1/notifications?cursor=${forged}`).set(hero);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('cursor');
    const unknown = await t.http.get('/api/v1/notifications?unread=maybe').set(hero);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('unread');
  });

  it('writes notifications in the transaction of the change: a refused action notifies nobody', async () => {
    await drive.acknowledge('hero'); // compact version 2 was published above
    const { id } = await drive.create('hero', { title: 'Half an idea' });
    expect((await drive.action(id, 'submit', 'hero')).status).toBe(400);
    const rows = await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM notification WHERE project_id = $1', [id]);
    expect(rows[0].n).toBe(0);
  });
});
