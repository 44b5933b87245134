import { Actors, seedActors } from './support/actors';
import { expectStatus, ProjectDriver } from './support/projects';
import { AssessmentDriver, DIMENSIONS, lowRatings } from './support/risk';
import { startTestApp, TestApp } from './support/test-app';

const STRICT = { low: { min: 1, max: 2 }, medium: { min: 3, max: 5 }, high: { min: 6, max: 11 }, critical: { min: 12, max: 25 } };

describe('risk: frameworks', () => {
  let t: TestApp;
  let actors: Actors;
  let drive: ProjectDriver;
  let assess: AssessmentDriver;

  beforeAll(async () => {
    t = await startTestApp();
    actors = await seedActors(t);
    drive = new ProjectDriver(t, actors);
    assess = new AssessmentDriver(t, actors);
    for (const who of ['cio', 'advisor'] as const) await drive.acknowledge(who);
  }, 30_000);
  afterAll(() => t.close());

  const draft = async (body: Record<string, unknown>, who: 'cio' | 'advisor' | 'hero' | 'admin' = 'cio') =>
    t.http
      .post('/api/v1/risk-frameworks')
      .set(await actors.auth(who))
      .send(body);

  it('version 1 is seeded by the migration: eight dimensions with plain-language guidance, the 5×5 scale and the thresholds', async () => {
    const res = await t.http
      .get('/api/v1/risk-frameworks/current')
      .set(await actors.auth('hero'))
      .expect(200);
    expect(res.body).toMatchObject({
      number: 1,
      status: 'published',
      thresholds: { low: { min: 1, max: 4 }, medium: { min: 5, max: 9 }, high: { min: 10, max: 16 }, critical: { min: 17, max: 25 } },
    });
    expect(res.body.dimensions.map((d: { key: string }) => d.key)).toEqual(DIMENSIONS);
    expect(res.body.dimensions.map((d: { name: string }) => d.name)).toEqual([
      'Security',
      'Privacy & data protection',
      'Regulatory compliance',
      'Brand & reputation',
      'Operations & support',
      'Vendor & third party',
      'Financial',
      'Integration with core systems',
    ]);
    for (const d of res.body.dimensions as { guidance: string; raisedBy: string[] }[]) {
      expect(d.guidance.length).toBeGreaterThan(40);
      expect(d.raisedBy.length).toBeGreaterThanOrEqual(3);
    }
    expect(res.body.scale.likelihood.map((s: { label: string }) => s.label)).toEqual([
      'Rare',
      'Unlikely',
      'Possible',
      'Likely',
      'Almost certain',
    ]);
    expect(res.body.scale.impact.map((s: { value: number }) => s.value)).toEqual([1, 2, 3, 4, 5]);

    const key = (await actors.apiKey(['projects:read'])).key;
    await t.http.get('/api/v1/risk-frameworks/current').set('X-API-Key', key).expect(200);
  });

  it('only the CIO drafts a version (403 for advisor, hero, admin)', async () => {
    for (const who of ['advisor', 'hero', 'admin'] as const) expect((await draft({ title: 'Mine' }, who)).status).toBe(403);
  });

  it.each([
    ['a gap in the thresholds', { thresholds: { ...STRICT, medium: { min: 4, max: 5 } } }, 'thresholds'],
    ['a threshold above 25', { thresholds: { ...STRICT, critical: { min: 12, max: 30 } } }, 'thresholds.critical.max'],
    [
      'a duplicate dimension key',
      {
        dimensions: [
          { key: 'security', name: 'Security', guidance: 'Could someone break in?', raisedBy: ['logins'] },
          { key: 'security', name: 'Again', guidance: 'Could someone break in?', raisedBy: ['logins'] },
        ],
      },
      'dimensions[1].key',
    ],
    [
      'a scale step missing',
      {
        scale: {
          likelihood: [1, 2, 3, 4, 4].map((value) => ({ value, label: `L${value}`, description: 'd' })),
          impact: [1, 2, 3, 4, 5].map((value) => ({ value, label: `I${value}`, description: 'd' })),
        },
      },
      'scale.likelihood',
    ],
  ])('refuses %s (400 naming the field)', async (_what, body, field) => {
    const res = await draft({ title: 'Broken', ...body });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('an assessment started on v1 stays on v1 after v2 is published; new ones use v2', async () => {
    const onV1 = await drive.inReview('hero');
    const v1DraftId = (await assess.start(onV1)).body.id;

    const created = await draft({ title: 'Stricter framework', thresholds: STRICT });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', number: null, dimensions: expect.any(Array) });
    expect(created.body.dimensions).toHaveLength(8);
    const v2Id = created.body.id as string;
    // Drafts are the CIO's own: invisible to others until published.
    expect((await t.http.get(`/api/v1/risk-frameworks/${v2Id}`).set(await actors.auth('hero'))).status).toBe(404);
    const forHero = await t.http
      .get('/api/v1/risk-frameworks')
      .set(await actors.auth('hero'))
      .expect(200);
    expect(forHero.body.items.map((v: { id: string }) => v.id)).not.toContain(v2Id);

    const published = await t.http
      .post(`/api/v1/risk-frameworks/${v2Id}/publish`)
      .set(await actors.auth('cio'))
      .expect(200);
    expect(published.body).toMatchObject({ number: 2, status: 'published' });
    const again = await t.http.post(`/api/v1/risk-frameworks/${v2Id}/publish`).set(await actors.auth('cio'));
    expect(again.status).toBe(409);
    expect(again.body.type).toMatch(/risk-framework-immutable$/);
    expect(
      (
        await t.http
          .get('/api/v1/risk-frameworks/current')
          .set(await actors.auth('hero'))
          .expect(200)
      ).body.number,
    ).toBe(2);

    // 3 × 4 = 12: high under v1, critical under v2.
    const ratings = lowRatings();
    ratings[0] = { dimension: 'security', likelihood: 3, impact: 4, rationale: 'Public login page' };
    const onV1Rated = await assess.patch(v1DraftId, { ratings, recommendation: 'proceed' });
    expect(onV1Rated.body).toMatchObject({ framework: { number: 1 }, overallLevel: 'high' });
    expect(onV1Rated.body.ratings[0]).toMatchObject({ inherentScore: 12, inherentLevel: 'high' });
    expectStatus(await assess.submit(v1DraftId), 200);
    expect((await assess.get(v1DraftId)).body).toMatchObject({ framework: { number: 1 }, overallLevel: 'high' });

    const onV2 = await drive.inReview('hero');
    const v2Draft = await assess.start(onV2);
    expect(v2Draft.body.framework).toEqual({ id: v2Id, number: 2 });
    const onV2Rated = await assess.patch(v2Draft.body.id, { ratings, recommendation: 'proceed' });
    expect(onV2Rated.body.ratings[0]).toMatchObject({ inherentScore: 12, inherentLevel: 'critical' });
    expect(onV2Rated.body.overallLevel).toBe('critical');

    const events: { action: string }[] = await t.dataSource.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY seq`, [
      v2Id,
    ]);
    expect(events.map((e) => e.action)).toEqual(['risk_framework.draft', 'risk_framework.publish']);
  });

  it('the database refuses to change a published version or a submitted assessment', async () => {
    await expect(t.dataSource.query(`UPDATE risk_framework_version SET title = 'edited' WHERE number = 1`)).rejects.toThrow(/immutable/);
    const id = await drive.inReview('hero');
    const assessmentId = await assess.ready(id);
    expectStatus(await assess.submit(assessmentId), 200);
    await expect(t.dataSource.query(`UPDATE risk_assessment SET summary = 'edited' WHERE id = $1`, [assessmentId])).rejects.toThrow(
      /immutable/,
    );
    await expect(
      t.dataSource.query(`UPDATE risk_assessment_rating SET likelihood = 5 WHERE assessment_id = $1`, [assessmentId]),
    ).rejects.toThrow(/immutable/);
  });
});
