import { AssessmentsService } from '../src/risk/assessments.service';
import { Actors, seedActors } from './support/actors';
import { completeProject, expectStatus, NO_RISK_SCREENING, ProjectDriver, RISKY_SCREENING } from './support/projects';
import { AssessmentDriver, DIMENSIONS, lowRatings, type Who } from './support/risk';
import { startTestApp, TestApp } from './support/test-app';

describe('risk: assessments', () => {
  let t: TestApp;
  let actors: Actors;
  let drive: ProjectDriver;
  let assess: AssessmentDriver;
  let otherAdvisor: { Authorization: string };
  let otherAdvisorId: string;
  let apiKey: { 'X-API-Key': string };

  beforeAll(async () => {
    t = await startTestApp();
    actors = await seedActors(t);
    drive = new ProjectDriver(t, actors);
    assess = new AssessmentDriver(t, actors);
    for (const who of ['cio', 'advisor', 'hero', 'salesHero'] as const) await drive.acknowledge(who);
    const created = await t.http
      .post('/api/v1/users')
      .set(await actors.auth('admin'))
      .send({
        email: 'other.advisor@demo.local',
        displayName: 'Olu Other-Advisor',
        orgUnitId: await actors.unitId('IT'),
        roles: ['it_advisor'],
        password: 'another-advisor-passphrase',
      })
      .expect(201);
    otherAdvisorId = created.body.id;
    const login = await t.http
      .post('/api/v1/auth/login')
      .send({ email: 'other.advisor@demo.local', password: 'another-advisor-passphrase' })
      .expect(200);
    otherAdvisor = { Authorization: `Bearer ${login.body.accessToken}` };
    apiKey = { 'X-API-Key': (await actors.apiKey(['projects:read', 'projects:write'])).key };
  }, 30_000);
  afterAll(() => t.close());

  /** In review, assigned to the demo advisor, with salesHero on the team. */
  async function inReview(body: Record<string, unknown> = {}, screening = RISKY_SCREENING): Promise<string> {
    const { id } = await drive.create('hero', completeProject({ teamMemberIds: [await actors.userId('salesHero')], ...body }));
    await drive.screen(id, 'hero', screening);
    expectStatus(await drive.action(id, 'submit', 'hero'), 200);
    expectStatus(await drive.action(id, 'assign', 'advisor'), 200);
    return id;
  }

  const project = async (id: string): Promise<Record<string, unknown>> => {
    const res = await t.http
      .get(`/api/v1/projects/${id}`)
      .set(await actors.auth('cio'))
      .expect(200);
    return res.body as Record<string, unknown>;
  };

  describe('who may write', () => {
    const REFUSED: [string, number, () => Who][] = [
      ['another advisor (cannot see the project)', 404, () => otherAdvisor],
      ['the proposer', 403, () => 'hero'],
      ['a team member', 403, () => 'salesHero'],
      ['a manager', 403, () => 'manager'],
      ['an admin', 403, () => 'admin'],
      ['an API key', 403, () => apiKey],
    ];

    it('the assigned advisor starts a revision; the CIO may edit it', async () => {
      const id = await inReview();
      const started = await assess.start(id, 'advisor');
      expect(started.status).toBe(201);
      expect(started.headers.location).toBe(`/api/v1/assessments/${started.body.id}`);
      expect(started.body).toMatchObject({ revision: 1, status: 'draft', framework: { number: 1 }, light: false });
      const byCio = await assess.patch(started.body.id, { summary: 'Looked at by the CIO' }, 'cio');
      expect(byCio.status).toBe(200);
    });

    it('the CIO may start a revision on any project in review', async () => {
      const id = await inReview();
      expect((await assess.start(id, 'cio')).status).toBe(201);
    });

    it.each(REFUSED)('%s may not start one (%i)', async (_name, status, who) => {
      const id = await inReview();
      const res = await assess.start(id, who());
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    });

    it.each(REFUSED)('%s may not edit or submit a draft (%i)', async (_name, status, who) => {
      const id = await inReview();
      const draftId = await assess.ready(id);
      expect((await assess.patch(draftId, { summary: 'mine now' }, who())).status).toBe(status);
      expect((await assess.submit(draftId, who())).status).toBe(status);
      expect((await assess.get(draftId, 'cio')).body).toMatchObject({ status: 'draft', summary: '' });
    });

    it('the CIO on the project team may not write it (403), even with the permission', async () => {
      const id = await inReview({ teamMemberIds: [await actors.userId('cio')] });
      const res = await assess.start(id, 'cio');
      expect(res.status).toBe(403);
      expect(res.body.detail).toMatch(/proposer and the project team/);
    });

    it('drafts are hidden from the project team; submitted revisions are readable by them', async () => {
      const id = await inReview();
      const draftId = await assess.ready(id);
      expect((await assess.get(draftId, 'hero')).status).toBe(404);
      const listed = await t.http
        .get(`/api/v1/projects/${id}/assessments`)
        .set(await actors.auth('hero'))
        .expect(200);
      expect(listed.body.items).toEqual([]);
      expectStatus(await assess.submit(draftId), 200);
      expect((await assess.get(draftId, 'hero')).status).toBe(200);
      expect((await assess.get(draftId, otherAdvisor)).status).toBe(404);
    });
  });

  describe('input', () => {
    let draftId: string;
    beforeAll(async () => {
      draftId = (await assess.start(await inReview())).body.id;
    });

    it.each([
      ['score', { ratings: [{ dimension: 'security', likelihood: 2, impact: 2, score: 25 }] }, 'ratings[0].score'],
      ['level', { ratings: [{ dimension: 'security', likelihood: 2, impact: 2, residualLevel: 'low' }] }, 'ratings[0].residualLevel'],
      ['overall level', { overallLevel: 'low' }, 'overallLevel'],
      ['status', { status: 'submitted' }, 'status'],
    ])('refuses a client-supplied %s (400 naming it)', async (_what, body, field) => {
      const res = await assess.patch(draftId, body);
      expect(res.status).toBe(400);
      expect(res.body.type).toMatch(/validation-error$/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it.each([
      ['likelihood 0', { likelihood: 0 }, 'ratings[0].likelihood'],
      ['likelihood 6', { likelihood: 6 }, 'ratings[0].likelihood'],
      ['likelihood "3"', { likelihood: '3' }, 'ratings[0].likelihood'],
      ['impact 2.5', { impact: 2.5 }, 'ratings[0].impact'],
      ['residual impact 6', { residualImpact: 6 }, 'ratings[0].residualImpact'],
      ['an unknown dimension', { dimension: 'weather' }, 'ratings[0].dimension'],
    ])('refuses %s (400 naming the field)', async (_what, override, field) => {
      const res = await assess.patch(draftId, { ratings: [{ dimension: 'security', likelihood: 2, impact: 2, ...override }] });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('computes scores and levels on the server', async () => {
      const res = await assess.patch(draftId, {
        ratings: [
          { dimension: 'privacy', likelihood: 4, impact: 5, residualLikelihood: 2, residualImpact: 3, rationale: 'Customer emails' },
          { dimension: 'security', likelihood: 2, impact: 2 },
        ],
      });
      expect(res.status).toBe(200);
      expect(res.body.ratings).toEqual([
        expect.objectContaining({ dimension: 'security', inherentScore: 4, inherentLevel: 'low', residualScore: 4, residualLevel: 'low' }),
        expect.objectContaining({
          dimension: 'privacy',
          inherentScore: 20,
          inherentLevel: 'critical',
          residualScore: 6,
          residualLevel: 'medium',
        }),
      ]);
      expect(res.body.overallLevel).toBe('medium');
    });

    it('requires If-Match (428) and a fresh one (412)', async () => {
      const auth = await actors.auth('advisor');
      const missing = await t.http.patch(`/api/v1/assessments/${draftId}`).set(auth).send({ summary: 'x' });
      expect(missing.status).toBe(428);
      const stale = await t.http.patch(`/api/v1/assessments/${draftId}`).set(auth).set('If-Match', '"1"').send({ summary: 'x' });
      expect(stale.status).toBe(412);
    });

    it('checks mitigations and proposed conditions', async () => {
      const res = await assess.patch(draftId, {
        mitigations: [{ text: 'Pseudonymise emails', owner: 'Acme Chat', dueDate: '31/01/2027' }],
        proposedConditions: [{ text: 'DPA signed before launch', ownerId: '00000000-0000-4000-8000-000000000000' }],
      });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['mitigations[0].dueDate']));
      const ok = await assess.patch(draftId, {
        mitigations: [{ text: 'Pseudonymise emails', owner: 'Acme Chat', dueDate: '2027-01-31', dimension: 'privacy' }],
        proposedConditions: [{ text: 'DPA signed before launch', ownerId: await actors.userId('hero'), dueDate: '2027-02-15' }],
      });
      expect(ok.status).toBe(200);
      expect(ok.body.mitigations).toEqual([
        { text: 'Pseudonymise emails', owner: 'Acme Chat', dueDate: '2027-01-31', status: 'open', dimension: 'privacy' },
      ]);
    });
  });

  describe('pre-fill', () => {
    it('flags the dimensions the self-screening touches', async () => {
      const res = await assess.start(await inReview());
      // RISKY_SCREENING: personal data, new vendor, budget above the fast track.
      const flagged = res.body.scope.filter((s: { attention: boolean }) => s.attention).map((s: { dimension: string }) => s.dimension);
      expect(flagged).toEqual(['security', 'privacy', 'compliance', 'vendor', 'financial']);
      expect(res.body.scope.map((s: { dimension: string }) => s.dimension)).toEqual(DIMENSIONS);
    });

    it('one draft at a time (409), and nothing to copy on a first revision (409)', async () => {
      const id = await inReview();
      expect((await assess.start(id, 'advisor', { copyFrom: 'previous' })).body.type).toMatch(/no-previous-assessment$/);
      await assess.start(id);
      const again = await assess.start(id);
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ type: expect.stringMatching(/assessment-draft-exists$/), assessmentId: expect.any(String) });
    });
  });

  describe('submission', () => {
    it('moves the project to awaiting_decision with its overall level, in one audited transaction', async () => {
      const id = await inReview();
      const draftId = await assess.ready(id);
      const ratings = lowRatings();
      ratings[1] = { dimension: 'privacy', likelihood: 4, impact: 4, residualLikelihood: 3, residualImpact: 4, rationale: 'Customer data' };
      await assess.patch(draftId, { ratings });
      const res = await assess.submit(draftId);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'submitted', overallLevel: 'high', assessorId: await actors.userId('advisor') });
      expect(await project(id)).toMatchObject({ state: 'awaiting_decision', riskLevel: 'high' });
      const history = await t.http
        .get(`/api/v1/projects/${id}/history`)
        .set(await actors.auth('cio'))
        .expect(200);
      const actions = history.body.items.map((e: { action: string }) => e.action);
      expect(actions).toEqual(
        expect.arrayContaining(['assessment.create', 'assessment.edit', 'assessment.submit', 'project.complete_assessment']),
      );

      // Immutable once submitted; and it cannot be submitted twice.
      expect((await assess.patch(draftId, { summary: 'later' })).body.type).toMatch(/assessment-submitted$/);
      expect((await assess.submit(draftId)).status).toBe(409);
    });

    it('the CIO may submit for the advisor; the CIO becomes the assessor', async () => {
      const id = await inReview();
      const draftId = await assess.ready(id);
      const res = await assess.submit(draftId, 'cio');
      expect(res.body).toMatchObject({ status: 'submitted', assessorId: await actors.userId('cio') });
    });

    it('requires a rationale from medium up, naming the rating', async () => {
      const id = await inReview();
      const draftId = await assess.ready(id);
      const ratings = lowRatings();
      ratings[2] = { dimension: 'compliance', likelihood: 1, impact: 5 };
      const saved = await assess.patch(draftId, { ratings });
      // A draft may hold the problem (shown on the rating); submission may not.
      expect(saved.body.ratings[2]).toMatchObject({
        inherentLevel: 'medium',
        problems: [{ field: 'rationale', code: 'rationale_required' }],
      });
      const refused = await assess.submit(draftId);
      expect(refused.status).toBe(400);
      expect(refused.body.type).toMatch(/assessment-incomplete$/);
      expect(refused.body.errors).toEqual([{ field: 'ratings[2].rationale', message: expect.stringContaining('compliance') }]);
      expect((await project(id)).state).toBe('in_review');

      ratings[2] = { ...ratings[2], rationale: 'Marketing consent rules apply' };
      await assess.patch(draftId, { ratings });
      expect((await assess.submit(draftId)).status).toBe(200);
    });

    it('requires every dimension rated and a recommendation', async () => {
      const id = await inReview();
      const draftId = (await assess.start(id)).body.id;
      await assess.patch(draftId, { ratings: lowRatings().slice(0, 6) });
      const res = await assess.submit(draftId);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['ratings', 'recommendation']);
      expect(res.body.errors[0].message).toMatch(/financial, integration/);
    });

    it('needs the compact acknowledged by the submitter (403 compact-not-acknowledged)', async () => {
      const { id } = await drive.create('hero');
      await drive.screen(id, 'hero');
      expectStatus(await drive.action(id, 'submit', 'hero'), 200);
      expectStatus(await drive.action(id, 'assign', 'cio', { advisorId: otherAdvisorId }), 200);
      const draftId = await assess.ready(id, otherAdvisor);
      const refused = await assess.submit(draftId, otherAdvisor);
      expect(refused.status).toBe(403);
      expect(refused.body.type).toMatch(/compact-not-acknowledged$/);
      const current = await t.http.get('/api/v1/compact/current').set(otherAdvisor).expect(200);
      await t.http.post('/api/v1/compact/acknowledgements').set(otherAdvisor).send({ versionId: current.body.version.id }).expect(201);
      expect((await assess.submit(draftId, otherAdvisor)).status).toBe(200);
    });

    it('is refused while the HERO is asked for information (409 invalid-transition)', async () => {
      const id = await inReview();
      const draftId = await assess.ready(id);
      expectStatus(await drive.action(id, 'request-info', 'advisor', { question: 'Which vendor exactly?' }), 200);
      const res = await assess.submit(draftId);
      expect(res.status).toBe(409);
      expect(res.body.type).toMatch(/invalid-transition$/);
    });

    it('concurrent submissions: exactly one wins, the other gets 409', async () => {
      for (let i = 0; i < 3; i++) {
        const id = await inReview();
        const draftId = await assess.ready(id);
        const results = await Promise.all([assess.submit(draftId, 'advisor'), assess.submit(draftId, 'cio')]);
        expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
        const events: { n: string }[] = await t.dataSource.query(
          `SELECT count(*) AS n FROM audit_event WHERE project_id = $1 AND action = 'project.complete_assessment'`,
          [id],
        );
        expect(Number(events[0].n)).toBe(1);
      }
    });

    it('concurrent starts: one draft, the other gets 409', async () => {
      const id = await inReview();
      const results = await Promise.all([assess.start(id, 'advisor'), assess.start(id, 'cio')]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    });

    it('exports the latest submitted revision for the decision (AssessmentsService.latestSubmitted)', async () => {
      const id = await inReview();
      const service = t.app.get(AssessmentsService);
      expect(await service.latestSubmitted(t.dataSource.manager, id)).toBeNull();
      const draftId = await assess.ready(id, 'advisor', {
        recommendation: 'proceed_with_conditions',
        proposedConditions: [{ text: 'Pen test before launch', dueDate: '2027-02-01' }],
      });
      await assess.submit(draftId);
      expect(await service.latestSubmitted(t.dataSource.manager, id)).toEqual({
        id: draftId,
        revision: 1,
        assessorId: await actors.userId('advisor'),
        recommendation: 'proceed_with_conditions',
        overallLevel: 'low',
        frameworkVersionId: expect.any(String),
        proposedConditions: [{ text: 'Pen test before launch', ownerId: null, dueDate: '2027-02-01' }],
      });
    });
  });

  describe('revisions', () => {
    it('a resubmitted project gets a new revision that may copy the last submitted one', async () => {
      const id = await inReview();
      const ratings = lowRatings();
      ratings[0] = { dimension: 'security', likelihood: 3, impact: 3, rationale: 'Public login page' };
      const firstId = await assess.ready(id, 'advisor', {
        ratings,
        mitigations: [{ text: 'MFA for staff', owner: 'IT', status: 'done' }],
        proposedConditions: [{ text: 'Pen test before launch' }],
      });
      expectStatus(await assess.submit(firstId), 200);
      // The manager asks for changes (decisions are another module: set the state they produce).
      await t.dataSource.query(`UPDATE project SET state = 'changes_requested' WHERE id = $1`, [id]);
      expectStatus(await drive.action(id, 'submit', 'hero'), 200);
      expectStatus(await drive.action(id, 'assign', 'advisor'), 200);

      const copy = await assess.start(id, 'advisor', { copyFrom: 'previous' });
      expect(copy.status).toBe(201);
      const first = (await assess.get(firstId)).body;
      expect(copy.body).toMatchObject({
        revision: 2,
        status: 'draft',
        copiedFromId: firstId,
        recommendation: null,
        mitigations: first.mitigations,
        proposedConditions: first.proposedConditions,
      });
      expect(copy.body.ratings).toEqual(first.ratings);
      const listed = await t.http
        .get(`/api/v1/projects/${id}/assessments`)
        .set(await actors.auth('advisor'))
        .expect(200);
      expect(listed.body.items.map((a: { revision: number }) => a.revision)).toEqual([2, 1]);
    });
  });

  describe('fast track', () => {
    const fastTrackBody = { budget: { amount: 500_000, currency: 'EUR' } };

    it('gets a light assessment: nothing in scope, submitted with no ratings at low', async () => {
      const id = await inReview(fastTrackBody, NO_RISK_SCREENING);
      expect((await project(id)).fastTrack).toBe(true);
      const started = await assess.start(id);
      expect(started.body).toMatchObject({ light: true, scope: [] });
      const outOfScope = await assess.patch(started.body.id, { ratings: [{ dimension: 'security', likelihood: 1, impact: 1 }] });
      expect(outOfScope.status).toBe(400);
      expect(outOfScope.body.errors[0]).toMatchObject({ field: 'ratings[0].dimension', message: expect.stringMatching(/fast track/) });
      await assess.patch(started.body.id, { recommendation: 'proceed' });
      const submitted = await assess.submit(started.body.id);
      expect(submitted.body).toMatchObject({ status: 'submitted', light: true, overallLevel: 'low', ratings: [] });
      expect(await project(id)).toMatchObject({ state: 'awaiting_decision', riskLevel: 'low' });
    });

    it('the advisor takes a project off the fast track with a reason: the draft becomes a full assessment', async () => {
      const id = await inReview(fastTrackBody, NO_RISK_SCREENING);
      const draftId = (await assess.start(id)).body.id;
      expect((await drive.action(id, 'fast-track/remove', 'advisor', {})).status).toBe(400);
      expect((await drive.action(id, 'fast-track/remove', 'hero', { reason: 'I want it slower' })).status).toBe(403);
      expect((await drive.action(id, 'fast-track/remove', 'manager', { reason: 'Too fast' })).status).toBe(403);
      const removed = await drive.action(id, 'fast-track/remove', 'advisor', { reason: 'The chatbot answers customers on its own' });
      expect(removed.status).toBe(200);
      expect(removed.body).toMatchObject({
        fastTrack: false,
        selfScreening: { fastTrack: false, fastTrackRemovedReason: 'The chatbot answers customers on its own' },
      });
      expect((await drive.action(id, 'fast-track/remove', 'advisor', { reason: 'again' })).body.type).toMatch(/not-fast-track$/);

      const draft = (await assess.get(draftId)).body;
      expect(draft).toMatchObject({ light: false });
      expect(draft.scope).toHaveLength(8);
      await assess.patch(draftId, { recommendation: 'proceed' });
      expect((await assess.submit(draftId)).status).toBe(400);

      const history = await t.http
        .get(`/api/v1/projects/${id}/history`)
        .set(await actors.auth('hero'))
        .expect(200);
      expect(history.body.items.map((e: { action: string }) => e.action)).toContain('project.fast_track_remove');
    });
  });

  describe('advisor queues', () => {
    it('assignedToMe lists the advisor’s projects; the unassigned queue is oldest submission first', async () => {
      const { id: createdFirst } = await drive.create('hero');
      await drive.screen(createdFirst, 'hero');
      const { id: createdSecond } = await drive.create('hero');
      await drive.screen(createdSecond, 'hero');
      expectStatus(await drive.action(createdSecond, 'submit', 'hero'), 200);
      expectStatus(await drive.action(createdFirst, 'submit', 'hero'), 200);

      const queue = await t.http
        .get('/api/v1/projects?unassigned=true&limit=100')
        .set(await actors.auth('cio'))
        .expect(200);
      const ids = queue.body.items.map((p: { id: string }) => p.id);
      expect(ids.indexOf(createdSecond)).toBeLessThan(ids.indexOf(createdFirst));
      const submittedAts = queue.body.items.map((p: { submittedAt: string }) => p.submittedAt);
      expect([...submittedAts].sort()).toEqual(submittedAts);

      const page1 = await t.http
        .get('/api/v1/projects?unassigned=true&limit=1')
        .set(await actors.auth('cio'))
        .expect(200);
      const page2 = await t.http
        .get(`/api/v1/projects?unassigned=true&limit=1&cursor=${page1.body.nextCursor}`)
        .set(await actors.auth('cio'))
        .expect(200);
      expect([page1.body.items[0].id, page2.body.items[0].id]).toEqual(ids.slice(0, 2));

      const mine = await t.http
        .get('/api/v1/projects?assignedToMe=true&limit=100')
        .set(await actors.auth('advisor'))
        .expect(200);
      expect(mine.body.items.length).toBeGreaterThan(0);
      expect(
        mine.body.items.every((p: { assignedAdvisorId: string }) => p.assignedAdvisorId === mine.body.items[0].assignedAdvisorId),
      ).toBe(true);
      expect(mine.body.items[0].assignedAdvisorId).toBe(await actors.userId('advisor'));
    });
  });
});
