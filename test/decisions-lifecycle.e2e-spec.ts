import { seedActors, type AccountName, type Actors } from './support/actors';
import { DecisionDriver } from './support/decisions';
import { expectStatus } from './support/projects';
import { startTestApp, type TestApp } from './support/test-app';

/** DOMAIN.md §6–7 from approval to retirement: conditions, risk acceptance, amendments, delivery, KPIs, reviews. */
describe('decisions: from approval to retirement', () => {
  let t: TestApp;
  let actors: Actors;
  let d: DecisionDriver;
  let heroId: string;
  let salesHeroId: string;

  beforeAll(async () => {
    t = await startTestApp();
    actors = await seedActors(t);
    d = new DecisionDriver(t, actors);
    for (const who of ['cio', 'advisor', 'manager', 'marketingManager', 'hero', 'salesHero'] as const) await d.projects.acknowledge(who);
    heroId = await actors.userId('hero');
    salesHeroId = await actors.userId('salesHero');
  }, 60_000);
  afterAll(() => t.close());

  const auth = (who: AccountName) => actors.auth(who);
  const today = () => new Date().toISOString().slice(0, 10);
  const daysFromNow = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

  async function conditions(id: string, who: AccountName = 'hero') {
    const res = await t.http
      .get(`/api/v1/projects/${id}/conditions`)
      .set(await auth(who))
      .expect(200);
    return res.body.items as { id: string; text: string; status: string; version: number; owner: { id: string }; dueDate: string }[];
  }

  async function closeCondition(id: string, conditionId: string, who: AccountName, body: Record<string, unknown>, version?: number) {
    const v = version ?? (await conditions(id, 'cio')).find((c) => c.id === conditionId)!.version;
    return t.http
      .patch(`/api/v1/projects/${id}/conditions/${conditionId}`)
      .set(await auth(who))
      .set('If-Match', `"${v}"`)
      .send(body);
  }

  async function measure(id: string, kpiId: string, who: AccountName | Record<string, string>, value: number, measuredOn = today()) {
    const headers = typeof who === 'string' ? await auth(who) : who;
    return t.http.post(`/api/v1/projects/${id}/kpis/${kpiId}/measurements`).set(headers).send({ measuredOn, value, note: 'weekly export' });
  }

  /** Moves the launch back in time (a test cannot wait 30 days). */
  async function launchedDaysAgo(id: string, days: number): Promise<void> {
    await t.dataSource.query(`UPDATE project SET launched_at = now() - make_interval(days => $2) WHERE id = $1`, [id, days]);
  }

  it('the full path: draft → assessed → approved with conditions → delivery → launched → reviewed → retired', async () => {
    const id = await d.awaitingDecision({
      body: { teamMemberIds: [salesHeroId], targetLaunchDate: daysFromNow(60) },
      level: 'medium',
      recommendation: 'proceed_with_conditions',
      proposedConditions: [
        { text: 'Sign a data processing agreement with Acme Chat' },
        { text: 'Add a human hand-over in the chat', ownerId: salesHeroId },
      ],
    });
    const listed = await t.http
      .get('/api/v1/projects?awaitingMyDecision=true')
      .set(await auth('marketingManager'))
      .expect(200);
    expect(listed.body.items.map((p: { id: string }) => p.id)).toContain(id);

    // Decide: no conditions in the request → the assessment's proposals, owners and due dates filled in.
    const decided = await d.decide(id, 'marketingManager', { outcome: 'approve_with_conditions', rationale: 'Good case; mind the data.' });
    expectStatus(decided, 200);
    expect(decided.headers.etag).toBe(`"${decided.body.version}"`);
    expect(decided.body).toMatchObject({
      state: 'approved',
      decision: { outcome: 'approve_with_conditions', inForce: true, cosign: 'not_required', conditions: { total: 2, open: 2 } },
    });
    const [dpa, handOver] = await conditions(id);
    expect(dpa).toMatchObject({
      text: 'Sign a data processing agreement with Acme Chat',
      owner: { id: heroId },
      dueDate: daysFromNow(60),
      status: 'open',
    });
    expect(handOver).toMatchObject({ owner: { id: salesHeroId }, status: 'open' });

    // The decision keeps its evidence.
    const history = await t.http
      .get(`/api/v1/projects/${id}/decisions`)
      .set(await auth('hero'))
      .expect(200);
    expect(history.body.items[0]).toMatchObject({
      outcome: 'approve_with_conditions',
      decidedBy: { displayName: 'Maxime Marketing-Manager' },
      assessor: { displayName: 'Ari Advisor' },
      snapshot: {
        budget: { amount: 1_200_000, currency: 'EUR' },
        dataCategories: ['personal'],
        technologies: ['web', 'ai'],
        vendors: [{ name: 'Acme Chat', service: 'Hosted chatbot', dataShared: 'Order number' }],
        riskLevel: 'medium',
        recommendation: 'proceed_with_conditions',
        assessmentRevision: 1,
      },
    });

    expectStatus(await d.post(id, 'start-delivery', 'hero'), 200);

    // Launch waits for every condition, and says which.
    const blocked = await d.post(id, 'launch', 'hero');
    expect(blocked.status).toBe(409);
    expect(blocked.body.type).toMatch(/open-conditions$/);
    expect(blocked.body.openConditions.map((c: { text: string }) => c.text)).toEqual([dpa.text, handOver.text]);
    expect(blocked.body.detail).toMatch(/data processing agreement/);

    // Only the owner meets a condition; only the deciding manager waives one.
    expect((await closeCondition(id, dpa.id, 'salesHero', { status: 'met', evidenceNote: 'DPA signed' })).status).toBe(403);
    expect((await closeCondition(id, dpa.id, 'hero', { status: 'met' })).status).toBe(400);
    expect((await closeCondition(id, dpa.id, 'hero', { status: 'met', evidenceNote: 'DPA signed' }, 99)).status).toBe(412);
    const met = await closeCondition(id, dpa.id, 'hero', { status: 'met', evidenceNote: 'DPA signed 2027-01-04, ticket LEGAL-42' });
    expectStatus(met, 200);
    expect(met.body).toMatchObject({ status: 'met', evidenceNote: 'DPA signed 2027-01-04, ticket LEGAL-42', closedBy: { id: heroId } });
    expect((await closeCondition(id, dpa.id, 'hero', { status: 'met', evidenceNote: 'again' })).status).toBe(409);
    expect((await closeCondition(id, handOver.id, 'hero', { status: 'waived', reason: 'not needed' })).status).toBe(403);
    expect((await closeCondition(id, handOver.id, 'manager', { status: 'waived', reason: 'not needed' })).status).toBe(403);
    const waived = await closeCondition(id, handOver.id, 'marketingManager', {
      status: 'waived',
      reason: 'The chat only answers tracking questions.',
    });
    expectStatus(waived, 200);

    const launched = await d.post(id, 'launch', 'salesHero');
    expectStatus(launched, 200);
    expect(launched.body.state).toBe('launched');
    expect(Date.parse(launched.body.launchedAt)).toBeGreaterThan(Date.now() - 60_000);

    // KPIs: the team and an integration key post measurements; each KPI says where it stands.
    const kpiId = launched.body.kpis[0].id as string;
    const key = { 'X-API-Key': (await actors.apiKey(['kpis:write'])).key };
    expectStatus(await measure(id, kpiId, 'hero', 1100, daysFromNow(-14)), 201);
    const second = await measure(id, kpiId, key, 950, daysFromNow(-7));
    expectStatus(second, 201);
    expect(second.body).toMatchObject({ trend: 'improving', status: 'on_track', latest: { value: 950, recordedByType: 'api_key' } });
    expect((await measure(id, kpiId, 'manager', 900)).status).toBe(403);
    expect((await measure(id, kpiId, { 'X-API-Key': (await actors.apiKey(['projects:read'])).key }, 900)).status).toBe(403);
    expect((await measure(id, kpiId, 'hero', 900, daysFromNow(2))).status).toBe(400);
    const worse = await measure(id, kpiId, 'hero', 1250);
    expect(worse.body).toMatchObject({ trend: 'worsening', status: 'off_track', previousValue: 950 });
    const report = await t.http
      .get(`/api/v1/projects/${id}/kpis`)
      .set(await auth('marketingManager'))
      .expect(200);
    expect(report.body.items[0]).toMatchObject({
      kpiId,
      name: 'Calls about delivery',
      latest: { value: 1250 },
      trend: 'worsening',
      status: 'off_track',
      targetMet: false,
      measurementCount: 3,
    });
    const offTrack = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM domain_event WHERE type = 'kpi.off_track' AND project_id = $1`,
      [id],
    );
    expect(offTrack[0].n).toBe(1);

    // Post-launch reviews: due at 30 and 90 days, recorded by the sponsoring manager.
    const early = await d.post(id, 'reviews', 'marketingManager', { milestone: 30, outcome: 'iterate', rationale: 'Too early to say.' });
    expect(early.status).toBe(409);
    expect(early.body.type).toMatch(/review-not-due$/);
    await launchedDaysAgo(id, 31);
    const schedule = await t.http
      .get(`/api/v1/projects/${id}/reviews`)
      .set(await auth('hero'))
      .expect(200);
    expect(schedule.body.items.map((r: { milestone: number; status: string }) => [r.milestone, r.status])).toEqual([
      [30, 'due'],
      [90, 'upcoming'],
    ]);
    expect((await d.post(id, 'reviews', 'hero', { milestone: 30, outcome: 'scale', rationale: 'Mine is great.' })).status).toBe(403);
    const review30 = await d.post(id, 'reviews', 'marketingManager', {
      milestone: 30,
      outcome: 'iterate',
      rationale: 'Calls went up again; fix the hand-over.',
    });
    expect(review30.status).toBe(201);
    expect(review30.body).toMatchObject({
      milestone: 30,
      outcome: 'iterate',
      projectState: 'launched',
      kpis: [{ kpiId, status: 'off_track' }],
    });
    expect((await d.post(id, 'reviews', 'marketingManager', { milestone: 30, outcome: 'scale', rationale: 'Again.' })).status).toBe(409);

    await launchedDaysAgo(id, 91);
    const stop = await d.post(id, 'reviews', 'marketingManager', {
      milestone: 90,
      outcome: 'stop',
      rationale: 'No improvement after 90 days.',
    });
    expect(stop.status).toBe(201);
    expect(stop.body).toMatchObject({ milestone: 90, outcome: 'stop', projectState: 'retired' });
    const retired = await d.get(id, 'hero');
    expect(retired).toMatchObject({ state: 'retired', retirementReason: expect.stringMatching(/90 days.*No improvement/) });
    expect(retired.retiredAt).toEqual(expect.any(String));
    expect((await measure(id, kpiId, 'hero', 800)).status).toBe(409);

    const audit = await t.http
      .get(`/api/v1/projects/${id}/history?limit=100`)
      .set(await auth('hero'))
      .expect(200);
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    for (const a of [
      'project.decide_approve',
      'decision.record',
      'condition.met',
      'condition.waived',
      'project.start_delivery',
      'project.launch',
      'kpi.measure',
      'kpi.off_track',
      'project.review',
      'project.retire',
    ]) {
      expect(actions).toContain(a);
    }
  }, 120_000);

  it('retire needs a reason; the team or a manager over the unit retires', async () => {
    const id = await d.approved();
    expectStatus(await d.post(id, 'start-delivery', 'hero'), 200);
    expectStatus(await d.post(id, 'launch', 'hero'), 200);
    expect((await d.post(id, 'retire', 'hero', {})).status).toBe(400);
    expect((await d.post(id, 'retire', 'salesHero', { reason: 'Not mine' })).status).toBe(409);
    const res = await d.post(id, 'retire', 'marketingManager', { reason: 'Replaced by the group-wide chatbot.' });
    expect(res.body).toMatchObject({ state: 'retired', retirementReason: 'Replaced by the group-wide chatbot.' });
  });

  it('decision input: the outcome decides what the body must say (400 naming the field)', async () => {
    const id = await d.awaitingDecision();
    const cases: [Record<string, unknown>, string][] = [
      [{ outcome: 'approve' }, 'rationale'],
      [{ outcome: 'maybe', rationale: 'Hmm.' }, 'outcome'],
      [
        { outcome: 'approve', rationale: 'Yes.', conditions: [{ text: 'Pen test', ownerId: heroId, dueDate: daysFromNow(30) }] },
        'conditions',
      ],
      [{ outcome: 'approve_with_conditions', rationale: 'Yes.' }, 'conditions'],
      [
        {
          outcome: 'approve_with_conditions',
          rationale: 'Yes.',
          conditions: [{ text: 'Pen test', ownerId: await actors.userId('manager'), dueDate: daysFromNow(30) }],
        },
        'conditions[0].ownerId',
      ],
      [
        {
          outcome: 'approve_with_conditions',
          rationale: 'Yes.',
          conditions: [{ text: 'Pen test', ownerId: heroId, dueDate: daysFromNow(-1) }],
        },
        'conditions[0].dueDate',
      ],
      [
        { outcome: 'approve_with_conditions', rationale: 'Yes.', conditions: [{ text: 'Pen test', ownerId: heroId }] },
        'conditions[0].dueDate',
      ],
      [
        {
          outcome: 'reject',
          rationale: 'No.',
          riskAcceptance: { statement: 'We accept it all.', acceptedLevel: 'high', expiresOn: daysFromNow(90) },
        },
        'riskAcceptance',
      ],
      [{ outcome: 'approve', rationale: 'Yes.', state: 'approved' }, 'state'],
    ];
    for (const [body, field] of cases) {
      const res = await d.decide(id, 'marketingManager', body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await d.get(id)).state).toBe('awaiting_decision');
    const ok = await d.decide(id, 'marketingManager', {
      outcome: 'approve_with_conditions',
      rationale: 'Yes, with a pen test.',
      conditions: [{ text: 'Pen test before launch', ownerId: await actors.userId('advisor'), dueDate: daysFromNow(30) }],
    });
    expect(ok.body).toMatchObject({ state: 'approved', decision: { conditions: { total: 1, open: 1 } } });
  });

  describe('approving against do_not_proceed', () => {
    const acceptance = () => ({
      statement: 'We accept the vendor risk until the security audit is done.',
      acceptedLevel: 'high',
      expiresOn: daysFromNow(180),
    });

    it('needs a risk acceptance (400 naming the missing field), and names each weak part', async () => {
      const id = await d.awaitingDecision({ level: 'medium', recommendation: 'do_not_proceed' });
      const missing = await d.decide(id, 'marketingManager', { outcome: 'approve', rationale: 'We want it anyway.' });
      expect(missing.status).toBe(400);
      expect(missing.body.errors).toEqual([
        expect.objectContaining({ field: 'riskAcceptance', message: expect.stringMatching(/do_not_proceed/) }),
      ]);
      const partial = await d.decide(id, 'marketingManager', {
        outcome: 'approve',
        rationale: 'Anyway.',
        riskAcceptance: { acceptedLevel: 'high' },
      });
      expect(partial.body.errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(['riskAcceptance.statement', 'riskAcceptance.expiresOn']),
      );
      const weak = await d.decide(id, 'marketingManager', {
        outcome: 'approve',
        rationale: 'Anyway.',
        riskAcceptance: { ...acceptance(), acceptedLevel: 'low', expiresOn: today() },
      });
      expect(weak.body.errors.map((e: { field: string }) => e.field)).toEqual(['riskAcceptance.acceptedLevel', 'riskAcceptance.expiresOn']);
      const ok = await d.decide(id, 'marketingManager', { outcome: 'approve', rationale: 'Anyway.', riskAcceptance: acceptance() });
      expectStatus(ok, 200);
      expect(ok.body.decision.riskAcceptance).toMatchObject({ acceptedLevel: 'high', expired: false });
    });

    it('rejecting do_not_proceed advice needs no acceptance', async () => {
      const id = await d.awaitingDecision({ recommendation: 'do_not_proceed' });
      expectStatus(await d.decide(id, 'marketingManager', { outcome: 'reject', rationale: 'IT is right.' }), 200);
    });

    it('lists risk acceptances, flags the expired ones and filters', async () => {
      const id = await d.awaitingDecision({ level: 'high', recommendation: 'do_not_proceed' });
      expectStatus(await d.decide(id, 'manager', { outcome: 'approve', rationale: 'Strategic.', riskAcceptance: acceptance() }), 200);
      expectStatus(await d.cosign(id, 'cio'), 200);
      const find = async (who: AccountName, query = '') => {
        const res = await t.http
          .get(`/api/v1/risk-acceptances?limit=100${query}`)
          .set(await auth(who))
          .expect(200);
        return (res.body.items as { projectId: string; expired: boolean; inForce: boolean }[]).find((a) => a.projectId === id);
      };
      expect(await find('hero')).toMatchObject({ expired: false, inForce: true, acceptedBy: { displayName: 'Morgan Manager' } });
      expect(await find('hero', '&expired=true')).toBeUndefined();
      // Visibility: Sales sees only the public portfolio (approved and later) — this one is approved.
      expect(await find('salesHero')).toBeDefined();
      // Time passes: the acceptance expires.
      await t.dataSource.query(`UPDATE risk_acceptance SET expires_on = current_date - 1 WHERE project_id = $1`, [id]);
      expect(await find('cio')).toMatchObject({ expired: true, inForce: false });
      expect(await find('cio', '&expired=true')).toBeDefined();
      expect(await find('cio', '&inForce=true')).toBeUndefined();
      expect((await d.get(id, 'hero')).decision.riskAcceptance).toMatchObject({ expired: true });
    });
  });

  describe('amendments', () => {
    async function patch(id: string, body: Record<string, unknown>, who: AccountName = 'hero') {
      const current = await d.get(id, 'hero');
      return t.http
        .patch(`/api/v1/projects/${id}`)
        .set(await auth(who))
        .set('If-Match', `"${current.version}"`)
        .send(body);
    }

    it('changing the approved scope sends the project back to review; a new revision and decision follow', async () => {
      const id = await d.approved(
        {},
        {
          outcome: 'approve_with_conditions',
          rationale: 'With a pen test.',
          conditions: [{ text: 'Pen test', ownerId: heroId, dueDate: daysFromNow(20) }],
        },
      );
      expectStatus(await d.post(id, 'start-delivery', 'hero'), 200);

      // Only the snapshotted fields may change after approval…
      const title = await patch(id, { title: 'A new name', budget: { amount: 1_500_000, currency: 'EUR' } });
      expect(title.status).toBe(400);
      expect(title.body.errors.map((e: { field: string }) => e.field)).toEqual(['title']);
      expect((await patch(id, { budget: { amount: 1_500_000, currency: 'EUR' } }, 'marketingManager')).status).toBe(403);
      // …the same values are no amendment…
      const same = await patch(id, { technologies: ['ai', 'web'] });
      expect(same.body).toMatchObject({ state: 'in_delivery' });
      // …a new vendor is.
      const amended = await patch(id, { vendors: [{ name: 'Acme Chat', service: 'Hosted chatbot', dataShared: 'Order number, e-mail' }] });
      expectStatus(amended, 200);
      expect(amended.body).toMatchObject({ state: 'in_review', decision: { outcome: 'approve_with_conditions', inForce: false } });
      expect((await d.post(id, 'launch', 'hero')).status).toBe(409);
      expect((await d.decide(id, 'marketingManager', { outcome: 'approve', rationale: 'Again.' })).status).toBe(409);

      // A new assessment revision and a new decision.
      await d.assess(id, { level: 'low' });
      const redecided = await d.decide(id, 'marketingManager', { outcome: 'approve', rationale: 'The e-mail address is fine.' });
      expectStatus(redecided, 200);
      expect(redecided.body).toMatchObject({
        state: 'approved',
        decision: { outcome: 'approve', assessmentRevision: 2, inForce: true, conditions: { total: 0 } },
      });
      const history = await t.http
        .get(`/api/v1/projects/${id}/decisions`)
        .set(await auth('hero'))
        .expect(200);
      expect(history.body.items).toHaveLength(2);
      expect(history.body.items[0].snapshot).toMatchObject({ assessmentRevision: 2, vendors: [{ dataShared: 'Order number, e-mail' }] });
      expect(history.body.items[1]).toMatchObject({
        inForce: false,
        supersededAt: expect.any(String),
        snapshot: { assessmentRevision: 1 },
      });
      // The old conditions no longer block: the decision in force has none.
      expectStatus(await d.post(id, 'start-delivery', 'hero'), 200);
      expectStatus(await d.post(id, 'launch', 'hero'), 200);
      // After launch nothing is amendable.
      expect((await patch(id, { budget: { amount: 2_000_000, currency: 'EUR' } })).status).toBe(409);
    });

    it('the history records the amendment with what changed', async () => {
      const id = await d.approved();
      expectStatus(await patch(id, { budget: { amount: 1_300_000, currency: 'EUR' } }), 200);
      const audit = await t.http
        .get(`/api/v1/projects/${id}/history`)
        .set(await auth('hero'))
        .expect(200);
      const event = audit.body.items.find((e: { action: string }) => e.action === 'project.amend');
      expect(event).toMatchObject({
        before: { state: 'approved', budget: { amount: 1_200_000 } },
        after: { state: 'in_review', budget: { amount: 1_300_000 } },
      });
    });
  });

  it('request changes → resubmit → a new revision is needed before the next decision', async () => {
    const id = await d.awaitingDecision();
    expectStatus(await d.decide(id, 'marketingManager', { outcome: 'request_changes', rationale: 'Say which carrier feeds.' }), 200);
    expect((await d.get(id)).state).toBe('changes_requested');
    expectStatus(await d.projects.action(id, 'submit', 'hero'), 200);
    expectStatus(await d.projects.action(id, 'assign', 'advisor'), 200);
    await d.assess(id);
    const res = await d.decide(id, 'marketingManager', { outcome: 'approve', rationale: 'Clear now.' });
    expect(res.body).toMatchObject({ state: 'approved', decision: { assessmentRevision: 2 } });
  });

  it('the lifecycle refuses delivery steps out of order (409 with the allowed actions)', async () => {
    const id = await d.awaitingDecision();
    const launch = await d.post(id, 'launch', 'hero');
    expect(launch.status).toBe(409);
    expect(launch.body).toMatchObject({ type: expect.stringMatching(/invalid-transition$/), allowedActions: ['withdraw'] });
    expect((await d.post(id, 'start-delivery', 'hero')).status).toBe(409);
    expect((await d.post(id, 'retire', 'hero', { reason: 'bored' })).status).toBe(409);
    const approved = await d.approved();
    expect((await d.post(approved, 'start-delivery', 'salesHero')).status).toBe(409);
    expect((await d.post(approved, 'start-delivery', 'marketingManager')).status).toBe(409);
    const key = { 'X-API-Key': (await actors.apiKey(['projects:write'])).key };
    expect((await t.http.post(`/api/v1/projects/${approved}/start-delivery`).set(key).send({})).status).toBe(403);
  });
});
