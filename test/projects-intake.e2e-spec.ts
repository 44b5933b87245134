import type { Response } from 'supertest';
import { Actors, seedActors } from './support/actors';
import { completeProject, NO_RISK_SCREENING, ProjectDriver, RISKY_SCREENING } from './support/projects';
import { startTestApp, TestApp } from './support/test-app';

describe('projects: intake, editing, self-screening, listing', () => {
  let t: TestApp;
  let actors: Actors;
  let drive: ProjectDriver;
  beforeAll(async () => {
    t = await startTestApp();
    actors = await seedActors(t);
    drive = new ProjectDriver(t, actors);
  });
  afterAll(() => t.close());

  describe('create', () => {
    it('creates a draft with a HC-YYYY-NNNN reference, scores and the caller as proposer', async () => {
      const res = await t.http
        .post('/api/v1/projects')
        .set(await actors.auth('hero'))
        .send(completeProject())
        .expect(201);
      expect(res.body).toMatchObject({
        reference: expect.stringMatching(new RegExp(`^HC-${new Date().getUTCFullYear()}-\\d{4}$`)),
        state: 'draft',
        riskLevel: null,
        proposer: { displayName: 'Hana Hero' },
        orgUnit: { name: 'Marketing' },
        budget: { amount: 1_200_000, currency: 'EUR' },
        effortValue: { valueScore: expect.any(Number), effortScore: expect.any(Number), verdict: 'no_brainer' },
        allowedActions: expect.arrayContaining(['submit', 'withdraw']),
      });
      expect(res.body.effortValue.valueScore - res.body.effortValue.effortScore).toBeGreaterThanOrEqual(25);
      expect(res.headers.location).toBe(`/api/v1/projects/${res.body.id}`);
      expect(res.headers.etag).toBe(`"${res.body.version}"`);
    });

    it.each(['state', 'riskLevel', 'proposerId', 'version', 'reference', 'assignedAdvisorId', 'fastTrack'])(
      'refuses the server-owned field %s',
      async (field) => {
        const res = await t.http
          .post('/api/v1/projects')
          .set(await actors.auth('hero'))
          .send({ ...completeProject(), [field]: 'x' })
          .expect(400);
        expect(res.body.errors).toContainEqual({ field, message: `${field} is not an allowed field` });
      },
    );

    it('names every bad field', async () => {
      const res = await t.http
        .post('/api/v1/projects')
        .set(await actors.auth('hero'))
        .send({
          title: '',
          technologies: ['hologram'],
          budget: { amount: -5, currency: 'EURO' },
          kpis: [{ name: 'x', unit: 'u', baseline: 1, target: 2, direction: 'sideways' }],
          targetLaunchDate: 'soon',
          teamMemberIds: ['nope'],
        })
        .expect(400);
      const fields = res.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          'title',
          'technologies',
          'budget.amount',
          'budget.currency',
          'kpis[0].direction',
          'targetLaunchDate',
          'teamMemberIds',
        ]),
      );
    });

    it('refuses a unit outside the proposer’s own subtree', async () => {
      const res = await t.http
        .post('/api/v1/projects')
        .set(await actors.auth('hero'))
        .send(completeProject({ orgUnitId: await actors.unitId('Sales') }))
        .expect(400);
      expect(res.body.errors[0].field).toBe('orgUnitId');
      await t.http
        .post('/api/v1/projects')
        .set(await actors.auth('hero'))
        .send(completeProject({ orgUnitId: await actors.unitId('Digital Marketing') }))
        .expect(201);
    });

    it('API keys cannot propose', async () => {
      const { key } = await actors.apiKey(['projects:write']);
      await t.http.post('/api/v1/projects').set('X-API-Key', key).send(completeProject()).expect(403);
    });

    it('gives 50 concurrent creations 50 distinct, consecutive references', async () => {
      const auth = await actors.auth('salesHero');
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          t.http
            .post('/api/v1/projects')
            .set(auth)
            .send({ title: `Idea ${i}` }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
      const numbers = results.map((r) => Number(String(r.body.reference).slice(-4))).sort((a, b) => a - b);
      expect(new Set(numbers).size).toBe(50);
      expect(numbers[49] - numbers[0]).toBe(49);
    });
  });

  describe('edit', () => {
    it('PATCH needs If-Match (428), refuses a stale one (412) and bumps the ETag', async () => {
      const auth = await actors.auth('hero');
      const { id, version } = await drive.create();
      await t.http.patch(`/api/v1/projects/${id}`).set(auth).send({ title: 'New title' }).expect(428);
      const stale = await t.http
        .patch(`/api/v1/projects/${id}`)
        .set(auth)
        .set('If-Match', `"${version + 5}"`)
        .send({ title: 'x' })
        .expect(412);
      expect(stale.body.currentVersion).toBe(version);
      const ok = await t.http
        .patch(`/api/v1/projects/${id}`)
        .set(auth)
        .set('If-Match', `"${version}"`)
        .send({ title: 'New title', kpis: [] })
        .expect(200);
      expect(ok.body).toMatchObject({ title: 'New title', kpis: [] });
      expect(ok.headers.etag).toBe(`"${version + 1}"`);
      await t.http
        .patch(`/api/v1/projects/${id}`)
        .set(auth)
        .set('If-Match', `"${version + 1}"`)
        .send({ state: 'approved' })
        .expect(400);
    });

    it('two edits sent at once with the same If-Match: one wins, the other gets 412 (no lost update)', async () => {
      const teammate = await actors.userId('salesHero');
      const { id, version } = await drive.create('hero', completeProject({ teamMemberIds: [teammate] }));
      for (let round = 0; round < 5; round++) {
        const current = version + round;
        const edits = await Promise.all(
          (['hero', 'salesHero'] as const).map(async (who) =>
            t.http
              .patch(`/api/v1/projects/${id}`)
              .set(await actors.auth(who))
              .set('If-Match', `"${current}"`)
              .send({ summary: `Round ${round} by ${who}` }),
          ),
        );
        expect(edits.map((r) => r.status).sort()).toEqual([200, 412]);
        const winner = edits.find((r) => r.status === 200)!;
        const { body } = await t.http
          .get(`/api/v1/projects/${id}`)
          .set(await actors.auth('hero'))
          .expect(200);
        expect(body).toMatchObject({ version: current + 1, summary: winner.body.summary });
      }
    });

    it('only the proposer and team edit; others who cannot see it get 404', async () => {
      const teammate = await actors.userId('salesHero');
      const { id, version } = await drive.create('hero', completeProject({ teamMemberIds: [teammate] }));
      await t.http
        .patch(`/api/v1/projects/${id}`)
        .set(await actors.auth('salesHero'))
        .set('If-Match', `"${version}"`)
        .send({ summary: 'Edited by the team' })
        .expect(200);
      await t.http
        .patch(`/api/v1/projects/${id}`)
        .set(await actors.auth('manager'))
        .set('If-Match', `"${version + 1}"`)
        .send({ summary: 'Manager edit' })
        .expect(403);
      await t.http
        .patch(`/api/v1/projects/${id}`)
        .set(await actors.auth('advisor'))
        .set('If-Match', `"${version + 1}"`)
        .send({ summary: 'x' })
        .expect(404);
    });

    it('refuses edits once submitted (409 project-not-editable)', async () => {
      const id = await drive.submitted();
      const { body } = await t.http
        .get(`/api/v1/projects/${id}`)
        .set(await actors.auth('hero'))
        .expect(200);
      const res = await t.http
        .patch(`/api/v1/projects/${id}`)
        .set(await actors.auth('hero'))
        .set('If-Match', `"${body.version}"`)
        .send({ title: 'x' })
        .expect(409);
      expect(res.body.type).toMatch(/project-not-editable$/);
    });
  });

  describe('self-screening', () => {
    it('no "yes" is fast track with a low tier; several are not', async () => {
      const { id } = await drive.create('hero', completeProject({ budget: { amount: 500_000, currency: 'EUR' } }));
      const auth = await actors.auth('hero');
      const low = await t.http.put(`/api/v1/projects/${id}/self-screening`).set(auth).send(NO_RISK_SCREENING).expect(200);
      expect(low.body.selfScreening).toMatchObject({ indicativeTier: 'low', fastTrack: true });
      expect(low.body.fastTrack).toBe(true);
      const high = await t.http.put(`/api/v1/projects/${id}/self-screening`).set(auth).send(RISKY_SCREENING).expect(200);
      expect(high.body.selfScreening).toMatchObject({ indicativeTier: 'high', fastTrack: false });
    });

    it('cannot deny a budget above the fast-track threshold', async () => {
      const { id } = await drive.create('hero', completeProject({ budget: { amount: 2_000_000, currency: 'EUR' } }));
      const res = await t.http
        .put(`/api/v1/projects/${id}/self-screening`)
        .set(await actors.auth('hero'))
        .send(NO_RISK_SCREENING)
        .expect(400);
      expect(res.body.errors[0].field).toBe('budgetAboveFastTrack');
    });

    it('needs every answer', async () => {
      const { id } = await drive.create();
      const res = await t.http
        .put(`/api/v1/projects/${id}/self-screening`)
        .set(await actors.auth('hero'))
        .send({ payments: 'maybe' })
        .expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(['payments', 'personalOrSensitiveData', 'budgetAboveFastTrack']),
      );
    });
  });

  describe('visibility and listing', () => {
    it('a Sales hero never sees a Marketing draft: not by id, not in lists, not in search', async () => {
      const { id } = await drive.create('hero', completeProject({ title: 'Secret marketing zeppelin' }));
      const sales = await actors.auth('salesHero');
      await t.http.get(`/api/v1/projects/${id}`).set(sales).expect(404);
      const all: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Response = await t.http
          .get('/api/v1/projects')
          .query({ limit: 100, ...(cursor ? { cursor } : {}) })
          .set(sales)
          .expect(200);
        all.push(...page.body.items.map((p: { id: string }) => p.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(all).not.toContain(id);
      const search = await t.http.get('/api/v1/projects').query({ q: 'zeppelin' }).set(sales).expect(200);
      expect(search.body.items).toEqual([]);
      // The Marketing manager and the CIO do see it; the proposer finds it by full text.
      await t.http
        .get(`/api/v1/projects/${id}`)
        .set(await actors.auth('marketingManager'))
        .expect(200);
      await t.http
        .get(`/api/v1/projects/${id}`)
        .set(await actors.auth('cio'))
        .expect(200);
      const mine = await t.http
        .get('/api/v1/projects')
        .query({ q: 'zeppelin', mine: 'true' })
        .set(await actors.auth('hero'))
        .expect(200);
      expect(mine.body.items.map((p: { id: string }) => p.id)).toEqual([id]);
    });

    it('filters by state, technology and unit subtree, and pages with a stable cursor', async () => {
      const auth = await actors.auth('cio');
      const video = await drive.create(
        'hero',
        completeProject({ title: 'Video onboarding', technologies: ['video'], orgUnitId: await actors.unitId('Digital Marketing') }),
      );
      const byTech = await t.http.get('/api/v1/projects').query({ technology: 'video' }).set(auth).expect(200);
      expect(byTech.body.items.map((p: { id: string }) => p.id)).toEqual([video.id]);
      const bySubtree = await t.http
        .get('/api/v1/projects')
        .query({ orgUnitId: await actors.unitId('Marketing'), limit: 100 })
        .set(auth)
        .expect(200);
      expect(bySubtree.body.items.map((p: { id: string }) => p.id)).toContain(video.id);
      const sales = await t.http
        .get('/api/v1/projects')
        .query({ orgUnitId: await actors.unitId('Sales'), limit: 100 })
        .set(auth)
        .expect(200);
      expect(sales.body.items.map((p: { id: string }) => p.id)).not.toContain(video.id);

      const seen = new Set<string>();
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Response = await t.http
          .get('/api/v1/projects')
          .query({ limit: 7, sort: 'createdAt', ...(cursor ? { cursor } : {}) })
          .set(auth)
          .expect(200);
        for (const p of page.body.items) {
          expect(seen.has(p.id)).toBe(false);
          seen.add(p.id);
        }
        cursor = page.body.nextCursor;
        pages++;
      } while (cursor);
      const total = await t.dataSource.query('SELECT count(*)::int AS n FROM project');
      expect(seen.size).toBe(total[0].n);
      expect(pages).toBeGreaterThan(1);
    });

    it('rejects bad list parameters with the field named', async () => {
      const auth = await actors.auth('hero');
      for (const [param, value] of [
        ['limit', '0'],
        ['limit', '101'],
        ['riskLevel', 'extreme'],
        ['sort', 'title'],
        ['cursor', 'garbage'],
        ['createdFrom', 'yesterday'],
      ]) {
        const res = await t.http
          .get('/api/v1/projects')
          .query({ [param]: value })
          .set(auth)
          .expect(400);
        expect(res.body.errors[0].field).toBe(param);
      }
    });
  });
});
