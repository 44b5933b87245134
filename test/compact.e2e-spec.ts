import { Actors, seedActors } from './support/actors';
import { startTestApp, TestApp } from './support/test-app';

const commitments = { hero: ['Describe the customer task.'], manager: ['Decide on time.'], it: ['Advise, do not block.'] };

describe('compact', () => {
  let t: TestApp;
  let actors: Actors;
  beforeAll(async () => {
    t = await startTestApp();
    actors = await seedActors(t);
  });
  afterAll(() => t.close());

  it('version 1 is seeded and published, with commitments for every group', async () => {
    const res = await t.http
      .get('/api/v1/compact/current')
      .set(await actors.auth('hero'))
      .expect(200);
    expect(res.body.version).toMatchObject({ number: 1, status: 'published' });
    for (const group of ['hero', 'manager', 'it']) expect(res.body.version.commitments[group].length).toBeGreaterThan(2);
    expect(res.body.acknowledgement).toMatchObject({ required: true, groups: ['hero'], missingGroups: ['hero'], acknowledgedAt: null });
  });

  it('a manager acknowledges as hero and manager; acknowledging again changes nothing', async () => {
    const auth = await actors.auth('marketingManager');
    const { body: current } = await t.http.get('/api/v1/compact/current').set(auth).expect(200);
    expect(current.acknowledgement.missingGroups).toEqual(['hero', 'manager']);
    const first = await t.http.post('/api/v1/compact/acknowledgements').set(auth).send({ versionId: current.version.id }).expect(201);
    expect(first.body.map((a: { group: string }) => a.group).sort()).toEqual(['hero', 'manager']);
    await t.http.post('/api/v1/compact/acknowledgements').set(auth).send({ versionId: current.version.id }).expect(200);
    const after = await t.http.get('/api/v1/compact/current').set(auth).expect(200);
    expect(after.body.acknowledgement).toMatchObject({ required: false, missingGroups: [] });
    const mine = await t.http.get('/api/v1/me/acknowledgements').set(auth).expect(200);
    expect(mine.body).toHaveLength(2);
  });

  it('acknowledgements are immutable in the database', async () => {
    await expect(t.dataSource.query(`UPDATE compact_acknowledgement SET compact_group = 'it'`)).rejects.toThrow(/append-only/);
  });

  it('only the CIO drafts, edits and publishes; a new version requires a new acknowledgement', async () => {
    const cio = await actors.auth('cio');
    for (const who of ['hero', 'admin', 'manager', 'advisor'] as const) {
      await t.http
        .post('/api/v1/compact/versions')
        .set(await actors.auth(who))
        .send({ title: 'v2', intro: 'x', commitments })
        .expect(403);
    }
    const key = await actors.apiKey(['projects:read']);
    await t.http.post('/api/v1/compact/versions').set('X-API-Key', key.key).send({ title: 'v2', intro: 'x', commitments }).expect(403);
    await t.http.get('/api/v1/compact/current').set('X-API-Key', key.key).expect(200);

    const draft = await t.http
      .post('/api/v1/compact/versions')
      .set(cio)
      .send({ title: 'Compact v2', intro: 'Second edition', commitments })
      .expect(201);
    expect(draft.body).toMatchObject({ status: 'draft', number: null });
    // Drafts are visible to the CIO only.
    const heroList = await t.http
      .get('/api/v1/compact/versions')
      .set(await actors.auth('hero'))
      .expect(200);
    expect(heroList.body.items.map((v: { id: string }) => v.id)).not.toContain(draft.body.id);
    const cioList = await t.http.get('/api/v1/compact/versions').set(cio).expect(200);
    expect(cioList.body.items.map((v: { id: string }) => v.id)).toContain(draft.body.id);

    await t.http.patch(`/api/v1/compact/versions/${draft.body.id}`).set(cio).send({ intro: 'no if-match' }).expect(428);
    await t.http.patch(`/api/v1/compact/versions/${draft.body.id}`).set(cio).set('If-Match', '"99"').send({ intro: 'stale' }).expect(412);
    await t.http
      .patch(`/api/v1/compact/versions/${draft.body.id}`)
      .set(cio)
      .set('If-Match', `"${draft.body.version}"`)
      .send({ intro: 'Edited' })
      .expect(200);

    const published = await t.http.post(`/api/v1/compact/versions/${draft.body.id}/publish`).set(cio).expect(200);
    expect(published.body).toMatchObject({ status: 'published', number: 2, intro: 'Edited' });
    const again = await t.http.post(`/api/v1/compact/versions/${draft.body.id}/publish`).set(cio).expect(409);
    expect(again.body.type).toMatch(/compact-version-immutable$/);
    await t.http
      .patch(`/api/v1/compact/versions/${draft.body.id}`)
      .set(cio)
      .set('If-Match', `"${published.body.version}"`)
      .send({ intro: 'x' })
      .expect(409);
    await expect(t.dataSource.query(`UPDATE compact_version SET intro = 'sneaky' WHERE number = 1`)).rejects.toThrow(/immutable/);

    // The marketing manager acknowledged v1 only: v2 is required now, and v1 can no longer be acknowledged.
    const mm = await actors.auth('marketingManager');
    const current = await t.http.get('/api/v1/compact/current').set(mm).expect(200);
    expect(current.body).toMatchObject({ version: { number: 2 }, acknowledgement: { required: true } });
    const v1 = (await t.http.get('/api/v1/compact/versions').set(mm).expect(200)).body.items.find(
      (v: { number: number }) => v.number === 1,
    );
    const old = await t.http.post('/api/v1/compact/acknowledgements').set(mm).send({ versionId: v1.id }).expect(409);
    expect(old.body).toMatchObject({ type: expect.stringMatching(/compact-version-not-current$/), currentVersionId: draft.body.id });
  });

  it('validates drafts field by field', async () => {
    const res = await t.http
      .post('/api/v1/compact/versions')
      .set(await actors.auth('cio'))
      .send({ title: '', intro: 'x', commitments: { hero: [], manager: ['ok ok'], it: [42] }, number: 7 })
      .expect(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'commitments.hero', 'commitments.it', 'number']));
  });

  it.each([
    ['missing', undefined],
    ['an array', [[]]],
    ['a string', 'be nice'],
  ])('refuses commitments that are %s (400 naming commitments)', async (_what, commitments) => {
    const res = await t.http
      .post('/api/v1/compact/versions')
      .set(await actors.auth('cio'))
      .send({ title: 'v9', intro: 'New intro', commitments })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('commitments');
  });

  it('acknowledging needs a valid, existing version id', async () => {
    const auth = await actors.auth('hero');
    await t.http.post('/api/v1/compact/acknowledgements').set(auth).send({ versionId: 'nope' }).expect(400);
    await t.http.post('/api/v1/compact/acknowledgements').set(auth).send({ versionId: '00000000-0000-4000-8000-000000000000' }).expect(404);
    await t.http.post('/api/v1/compact/acknowledgements').send({ versionId: '00000000-0000-4000-8000-000000000000' }).expect(401);
  });
});
