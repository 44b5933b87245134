import { Actors, seedActors } from './support/actors';
import { DecisionDriver } from './support/decisions';
import { completeProject, expectStatus, ProjectDriver } from './support/projects';
import { startTestApp, TestApp } from './support/test-app';

describe('colleagues’ support', () => {
  let t: TestApp;
  let actors: Actors;
  let drive: ProjectDriver;
  let decisions: DecisionDriver;
  /** Approved: with the public portfolio, every employee sees it. */
  let approved: string;

  beforeAll(async () => {
    t = await startTestApp();
    actors = await seedActors(t);
    drive = new ProjectDriver(t, actors);
    decisions = new DecisionDriver(t, actors);
    for (const who of ['hero', 'advisor', 'marketingManager', 'manager', 'cio'] as const) await drive.acknowledge(who);
    approved = await decisions.approved({ body: completeProject({ title: 'Parcel tracking chatbot' }) });
  }, 60_000);
  afterAll(() => t.close());

  const supportsUrl = (id: string) => `/api/v1/projects/${id}/supports`;
  const project = async (id: string, who: Parameters<Actors['auth']>[0] = 'cio') =>
    (
      await t.http
        .get(`/api/v1/projects/${id}`)
        .set(await actors.auth(who))
        .expect(200)
    ).body as { supportCount: number };

  it('any employee who can see the project supports it, once: a second support replaces the note', async () => {
    const sales = await actors.auth('salesHero');
    expect((await project(approved)).supportCount).toBe(0);
    const first = await t.http.post(supportsUrl(approved)).set(sales).send({ note: '  My customers in Lille ask for this.  ' }).expect(201);
    expect(first.body).toMatchObject({
      projectId: approved,
      supporter: { id: await actors.userId('salesHero'), displayName: expect.any(String), orgUnitName: 'Sales' },
      note: 'My customers in Lille ask for this.',
    });
    const again = await t.http.post(supportsUrl(approved)).set(sales).send({ note: 'Lille and Lyon.' }).expect(200);
    expect(again.body).toMatchObject({ id: first.body.id, note: 'Lille and Lyon.', createdAt: first.body.createdAt });
    await t.http
      .post(supportsUrl(approved))
      .set(await actors.auth('advisor'))
      .send({})
      .expect(201);

    const list = await t.http.get(supportsUrl(approved)).set(sales).expect(200);
    expect(list.body.items.map((s: { supporter: { id: string }; note: string | null }) => [s.supporter.id, s.note])).toEqual([
      [await actors.userId('salesHero'), 'Lille and Lyon.'],
      [await actors.userId('advisor'), null],
    ]);
    expect((await project(approved, 'salesHero')).supportCount).toBe(2);
    const listed = await t.http.get('/api/v1/projects?limit=100').set(sales).expect(200);
    expect(listed.body.items.find((p: { id: string }) => p.id === approved)).toMatchObject({ supportCount: 2 });
  });

  it('is one row per person even when the same person supports several times at once', async () => {
    const cio = await actors.auth('cio');
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        t.http
          .post(supportsUrl(approved))
          .set(cio)
          .send({ note: `try ${n}` }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    const rows = await t.dataSource.query('SELECT count(*)::int AS n FROM project_support WHERE project_id = $1 AND user_id = $2', [
      approved,
      await actors.userId('cio'),
    ]);
    expect(rows[0].n).toBe(1);
    await t.http
      .delete(`${supportsUrl(approved)}/mine`)
      .set(cio)
      .expect(204);
  });

  it('withdrawing removes my support and lowers the count; a second withdrawal is a 404', async () => {
    const manager = await actors.auth('manager');
    await t.http.post(supportsUrl(approved)).set(manager).send({ note: 'Company-wide need.' }).expect(201);
    const before = (await project(approved)).supportCount;
    await t.http
      .delete(`${supportsUrl(approved)}/mine`)
      .set(manager)
      .expect(204);
    expect((await project(approved)).supportCount).toBe(before - 1);
    const again = await t.http
      .delete(`${supportsUrl(approved)}/mine`)
      .set(manager)
      .expect(404);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('records support in the project history', async () => {
    const history = await t.http
      .get(`/api/v1/projects/${approved}/history?limit=100`)
      .set(await actors.auth('cio'))
      .expect(200);
    const actions = history.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['project.supported', 'project.support_updated', 'project.support_withdrawn']));
    const updated = history.body.items.find((e: { action: string }) => e.action === 'project.support_updated');
    expect(updated).toMatchObject({ before: { note: 'My customers in Lille ask for this.' }, after: { note: 'Lille and Lyon.' } });
  });

  it('shows the count to the manager deciding, in the inbox and on the project', async () => {
    const waiting = await decisions.awaitingDecision({ body: completeProject({ title: 'Store-locator app' }) });
    // The company-wide manager sees the Marketing project (a manager over its unit) and backs it.
    await t.http
      .post(supportsUrl(waiting))
      .set(await actors.auth('manager'))
      .send({ note: 'Our stores need it.' })
      .expect(201);
    const inbox = await t.http
      .get('/api/v1/projects?awaitingMyDecision=true')
      .set(await actors.auth('marketingManager'))
      .expect(200);
    expect(inbox.body.items.find((p: { id: string }) => p.id === waiting)).toMatchObject({ supportCount: 1 });
    expect((await project(waiting, 'marketingManager')).supportCount).toBe(1);
  });

  it('the proposer and the team do not support their own project (403)', async () => {
    const teamProject = await drive.create('hero', completeProject({ teamMemberIds: [await actors.userId('salesHero')] }));
    const mine = await t.http
      .post(supportsUrl(approved))
      .set(await actors.auth('hero'))
      .send({})
      .expect(403);
    expect(mine.body.type).toMatch(/\/problems\/forbidden$/);
    await t.http
      .post(supportsUrl(teamProject.id))
      .set(await actors.auth('salesHero'))
      .send({})
      .expect(403);
  });

  it('a project the caller cannot see is a 404 for support, withdrawal and the list', async () => {
    const draft = (await drive.create('hero')).id;
    const sales = await actors.auth('salesHero');
    await t.http.post(supportsUrl(draft)).set(sales).send({ note: 'x' }).expect(404);
    await t.http
      .delete(`${supportsUrl(draft)}/mine`)
      .set(sales)
      .expect(404);
    await t.http.get(supportsUrl(draft)).set(sales).expect(404);
    await t.http.get(supportsUrl('00000000-0000-4000-8000-000000000000')).set(sales).expect(404);
  });

  it('a closed project takes no new support (409 project-closed)', async () => {
    const { id } = await drive.create('hero');
    expectStatus(await drive.action(id, 'withdraw', 'hero'), 200);
    const res = await t.http
      .post(supportsUrl(id))
      .set(await actors.auth('marketingManager'))
      .send({})
      .expect(409);
    expect(res.body.type).toMatch(/\/problems\/project-closed$/);
  });

  it('API keys cannot support (403) but a projects:read key lists supporters', async () => {
    const key = { 'X-API-Key': (await actors.apiKey(['projects:read', 'projects:write'])).key };
    await t.http.post(supportsUrl(approved)).set(key).send({}).expect(403);
    await t.http
      .delete(`${supportsUrl(approved)}/mine`)
      .set(key)
      .expect(403);
    const list = await t.http.get(supportsUrl(approved)).set(key).expect(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    await t.http.post(supportsUrl(approved)).send({}).expect(401);
  });

  it('validates the note and refuses unknown fields, naming them', async () => {
    const sales = await actors.auth('salesHero');
    const long = await t.http
      .post(supportsUrl(approved))
      .set(sales)
      .send({ note: 'x'.repeat(1001) })
      .expect(400);
    expect(long.body.errors).toEqual([expect.objectContaining({ field: 'note' })]);
    const extra = await t.http
      .post(supportsUrl(approved))
      .set(sales)
      .send({ userId: await actors.userId('cio') })
      .expect(400);
    expect(extra.body.errors).toEqual([expect.objectContaining({ field: 'userId' })]);
    const wrongType = await t.http.post(supportsUrl(approved)).set(sales).send({ note: 42 }).expect(400);
    expect(wrongType.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['note']));
    expect(wrongType.body.errors.every((e: { field: string }) => e.field === 'note')).toBe(true);
  });

  it('pages supporters with a cursor, oldest first', async () => {
    const first = await t.http
      .get(`${supportsUrl(approved)}?limit=1`)
      .set(await actors.auth('cio'))
      .expect(200);
    expect(first.body.items).toHaveLength(1);
    const second = await t.http
      .get(`${supportsUrl(approved)}?limit=1&cursor=${first.body.nextCursor}`)
      .set(await actors.auth('cio'))
      .expect(200);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    expect(second.body.items[0].createdAt >= first.body.items[0].createdAt).toBe(true);
  });
});
