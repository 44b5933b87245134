import { DEMO_PASSWORD } from '../src/database/demo-seed';
import { seedActors, type Actors } from './support/actors';
import { DecisionDriver, type ProjectSetup } from './support/decisions';
import { expectStatus } from './support/projects';
import { startTestApp, type TestApp } from './support/test-app';

/** DOMAIN.md §6: who may decide and co-sign, made impossible to get around through the API. */
describe('decisions: authority and separation of duties', () => {
  let t: TestApp;
  let actors: Actors;
  let d: DecisionDriver;
  /** Extra people the demo org lacks, by name → Authorization header. */
  const extra: Record<string, { Authorization: string }> = {};
  const extraIds: Record<string, string> = {};
  let apiKey: { 'X-API-Key': string };

  async function person(name: string, unit: string, roles: string[], limit: { amount: number; currency: string } | null, ack = true) {
    const email = `${name}@demo.local`;
    const created = await t.http
      .post('/api/v1/users')
      .set(await actors.auth('admin'))
      .send({ email, displayName: name, orgUnitId: await actors.unitId(unit), roles, approvalLimit: limit, password: DEMO_PASSWORD });
    expectStatus(created, 201);
    extraIds[name] = created.body.id;
    const login = await t.http.post('/api/v1/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200);
    extra[name] = { Authorization: `Bearer ${login.body.accessToken}` };
    d.register(name, extra[name], created.body.id);
    if (ack) {
      const current = await t.http.get('/api/v1/compact/current').set(extra[name]).expect(200);
      await t.http.post('/api/v1/compact/acknowledgements').set(extra[name]).send({ versionId: current.body.version.id });
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    actors = await seedActors(t);
    d = new DecisionDriver(t, actors);
    for (const who of ['cio', 'advisor', 'manager', 'marketingManager', 'hero', 'salesHero', 'admin'] as const) {
      await d.projects.acknowledge(who);
    }
    const EUR = (euros: number) => ({ amount: euros * 100, currency: 'EUR' });
    await person('advisor.manager', 'Demo Corp', ['it_advisor', 'manager'], EUR(1_000_000));
    await person('cio.manager', 'Demo Corp', ['cio', 'manager'], EUR(1_000_000));
    await person('usd.manager', 'Marketing', ['manager'], { amount: 100_000_00, currency: 'USD' });
    await person('digital.manager', 'Digital Marketing', ['manager'], EUR(100_000));
    await person('new.manager', 'Marketing', ['manager'], EUR(100_000), false);
    apiKey = { 'X-API-Key': (await actors.apiKey(['projects:read', 'projects:write', 'kpis:write', 'reports:read'])).key };
  }, 60_000);
  afterAll(() => t.close());

  const APPROVE = { outcome: 'approve', rationale: 'Good value for customers.' };
  const SMALL = { budget: { amount: 1_200_000, currency: 'EUR' } }; // 12,000.00 EUR
  const LARGE = { budget: { amount: 12_000_000, currency: 'EUR' } }; // 120,000.00 EUR
  const VERY_LARGE = { budget: { amount: 60_000_000, currency: 'EUR' } }; // 600,000.00 EUR
  const HUGE = { budget: { amount: 200_000_000, currency: 'EUR' } }; // 2,000,000.00 EUR: above every limit

  /** A demo account (AccountName), an extra person registered above, or 'apiKey'. */
  type Who = string;
  const headers = async (who: Who): Promise<Record<string, string>> => (who === 'apiKey' ? apiKey : d.headers(who));

  interface Row {
    name: string;
    who: Who;
    setup: () => ProjectSetup | Promise<ProjectSetup>;
    body?: Record<string, unknown>;
    status: number;
    type?: string;
    reason?: string;
    decidingUnit?: string | null;
  }

  const MATRIX: Row[] = [
    { name: 'the Marketing manager, within limit', who: 'marketingManager', setup: () => ({ body: SMALL }), status: 200 },
    { name: 'the company manager, within limit', who: 'manager', setup: () => ({ body: SMALL }), status: 200 },
    {
      name: 'self-approval: the Marketing manager on their own project',
      who: 'marketingManager',
      setup: () => ({ proposer: 'marketingManager', body: SMALL }),
      status: 403,
      type: 'separation-of-duties',
      reason: 'is_proposer',
      // Another Marketing manager (new.manager) has the authority: the nearest level that can decide.
      decidingUnit: 'Marketing',
    },
    {
      name: 'a team member who is a manager',
      who: 'marketingManager',
      setup: async () => ({ body: { ...SMALL, teamMemberIds: [await actors.userId('marketingManager')] } }),
      status: 403,
      type: 'separation-of-duties',
      reason: 'is_team_member',
    },
    {
      name: 'the assessor who is also a manager',
      who: 'advisor.manager',
      setup: () => ({ body: SMALL, assignee: 'advisor.manager' }),
      status: 403,
      type: 'separation-of-duties',
      reason: 'is_assessor',
    },
    {
      name: 'the CIO-manager who wrote the assessment in the assigned advisor’s stead',
      who: 'cio.manager',
      setup: () => ({ body: SMALL, assignee: 'advisor', assessor: 'cio.manager' }),
      status: 403,
      type: 'separation-of-duties',
      reason: 'is_assessor',
    },
    {
      name: 'an out-of-unit manager (Marketing, project in Sales)',
      who: 'marketingManager',
      setup: () => ({ proposer: 'salesHero', body: SMALL }),
      status: 404,
    },
    { name: 'a manager below the project’s unit', who: 'digital.manager', setup: () => ({ body: SMALL }), status: 404 },
    {
      name: 'limit too low: Marketing (50,000 EUR) on 120,000 EUR',
      who: 'marketingManager',
      setup: () => ({ body: LARGE }),
      status: 403,
      type: 'insufficient-authority',
      reason: 'limit_too_low',
      decidingUnit: 'Demo Corp',
    },
    {
      name: 'limit too low applies to rejecting too',
      who: 'marketingManager',
      setup: () => ({ body: LARGE }),
      body: { outcome: 'reject', rationale: 'Not now.' },
      status: 403,
      type: 'insufficient-authority',
      reason: 'limit_too_low',
    },
    { name: 'escalation: the company manager decides 120,000 EUR', who: 'manager', setup: () => ({ body: LARGE }), status: 200 },
    {
      name: 'limit too low at the same level: the company manager (500,000 EUR) on 600,000 EUR',
      who: 'manager',
      setup: () => ({ body: VERY_LARGE }),
      status: 403,
      type: 'insufficient-authority',
      reason: 'limit_too_low',
      decidingUnit: 'Demo Corp',
    },
    {
      name: 'nobody has 2,000,000 EUR authority (no deciding unit)',
      who: 'manager',
      setup: () => ({ body: HUGE }),
      status: 403,
      type: 'insufficient-authority',
      reason: 'limit_too_low',
      decidingUnit: null,
    },
    {
      name: 'a limit in another currency (USD limit, EUR budget)',
      who: 'usd.manager',
      setup: () => ({ body: SMALL }),
      status: 403,
      type: 'insufficient-authority',
      reason: 'currency_mismatch',
      decidingUnit: 'Marketing',
    },
    {
      name: 'a manager who has not acknowledged the compact',
      who: 'new.manager',
      setup: () => ({ body: SMALL }),
      status: 403,
      type: 'compact-not-acknowledged',
    },
    { name: 'the proposer (a hero)', who: 'hero', setup: () => ({ body: SMALL }), status: 403, type: 'forbidden' },
    { name: 'the assigned advisor', who: 'advisor', setup: () => ({ body: SMALL }), status: 403, type: 'forbidden' },
    { name: 'the CIO (co-signs, does not decide)', who: 'cio', setup: () => ({ body: SMALL }), status: 403, type: 'forbidden' },
    { name: 'an admin', who: 'admin', setup: () => ({ body: SMALL }), status: 403, type: 'forbidden' },
    { name: 'an API key with every scope', who: 'apiKey', setup: () => ({ body: SMALL }), status: 403, type: 'forbidden' },
  ];

  it.each(MATRIX.map((row) => [row.name, row] as const))('decide: %s', async (_name, row) => {
    const id = await d.awaitingDecision(await row.setup());
    const res = await t.http
      .post(`/api/v1/projects/${id}/decision`)
      .set(await headers(row.who))
      .send(row.body ?? APPROVE);
    expect(res.status).toBe(row.status);
    const after = await d.get(id);
    if (row.status === 200) {
      expect(after.state).toBe('approved');
      expect(after.decision).toMatchObject({ outcome: 'approve', inForce: true });
      return;
    }
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    if (row.type) expect(res.body.type).toMatch(new RegExp(`/${row.type}$`));
    if (row.reason) expect(res.body.reason).toBe(row.reason);
    if (row.decidingUnit !== undefined) expect(res.body.decidingUnit?.name ?? null).toBe(row.decidingUnit);
    // Refused means nothing happened: still awaiting, no decision on record.
    expect(after.state).toBe('awaiting_decision');
    expect(after.decision).toBeNull();
  });

  it('insufficient-authority names the budget, the limit and the level that can decide', async () => {
    const id = await d.awaitingDecision({ body: LARGE });
    const res = await d.decide(id, 'marketingManager', APPROVE);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      type: expect.stringMatching(/insufficient-authority$/),
      budget: { amount: 12_000_000, currency: 'EUR' },
      approvalLimit: { amount: 5_000_000, currency: 'EUR' },
      decidingUnit: { name: 'Demo Corp', kind: 'company' },
    });
    expect(res.body.detail).toMatch(/Demo Corp/);
  });

  describe('awaitingMyDecision', () => {
    const MANAGERS: Who[] = ['manager', 'marketingManager', 'advisor.manager', 'cio.manager', 'usd.manager', 'digital.manager'];

    async function ids(who: Who, query: string): Promise<string[]> {
      const found: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await t.http
          .get(`/api/v1/projects?${query}&limit=100${cursor ? `&cursor=${cursor}` : ''}`)
          .set(await headers(who))
          .expect(200);
        found.push(...res.body.items.map((p: { id: string }) => p.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      return found.sort();
    }

    it('shows each manager exactly the projects they may decide (agrees with allowedActions)', async () => {
      // A spread of projects awaiting a decision, on top of those the matrix left behind.
      await d.awaitingDecision({ body: SMALL });
      await d.awaitingDecision({ body: LARGE });
      await d.awaitingDecision({ body: HUGE });
      await d.awaitingDecision({ proposer: 'salesHero', body: SMALL });
      await d.awaitingDecision({ body: { budget: { amount: 0, currency: 'USD' } } });
      await d.awaitingDecision({ body: SMALL, assignee: 'advisor.manager' });
      await d.awaitingDecision({ body: SMALL, assignee: 'advisor', assessor: 'cio.manager' });
      await d.awaitingDecision({ body: VERY_LARGE });
      await d.awaitingDecision({ proposer: 'marketingManager', body: SMALL });
      for (const who of MANAGERS) {
        const listed = await ids(who, 'awaitingMyDecision=true');
        const decidable: string[] = [];
        for (const id of await ids(who, 'state=awaiting_decision')) {
          const res = await t.http
            .get(`/api/v1/projects/${id}`)
            .set(await headers(who))
            .expect(200);
          if (res.body.allowedActions.includes('decide_approve')) decidable.push(id);
        }
        expect({ who, listed }).toEqual({ who, listed: decidable.sort() });
      }
    }, 120_000);

    it('the Marketing manager does not see 120,000 EUR projects; the company manager does', async () => {
      const id = await d.awaitingDecision({ body: LARGE });
      expect(await ids('marketingManager', 'awaitingMyDecision=true')).not.toContain(id);
      expect(await ids('manager', 'awaitingMyDecision=true')).toContain(id);
      expect(await ids('advisor', 'awaitingMyDecision=true')).toEqual([]);
    });
  });

  describe('CIO co-sign', () => {
    /** High risk, approved by the company manager: awaiting the co-sign. */
    async function awaitingCosign(setup: ProjectSetup = {}, decider: Who = 'manager'): Promise<string> {
      const id = await d.awaitingDecision({ body: SMALL, level: 'high', ...setup });
      const res = await t.http
        .post(`/api/v1/projects/${id}/decision`)
        .set(await headers(decider))
        .send(APPROVE);
      expectStatus(res, 200);
      expect(res.body).toMatchObject({
        state: 'awaiting_cosign',
        decision: { status: 'pending_cosign', cosign: 'pending', inForce: false },
      });
      return id;
    }

    const COSIGN: { name: string; who: Who; setup?: ProjectSetup; decider?: Who; status: number; reason?: string }[] = [
      { name: 'the CIO co-signs', who: 'cio', status: 200 },
      { name: 'the CIO who approved as manager', who: 'cio.manager', decider: 'cio.manager', status: 403, reason: 'is_deciding_manager' },
      { name: 'the CIO who assessed the project', who: 'cio', setup: { assessor: 'cio' }, status: 403, reason: 'is_assessor' },
      { name: 'the CIO who proposed the project', who: 'cio', setup: { proposer: 'cio' }, status: 403, reason: 'is_proposer' },
      { name: 'an advisor', who: 'advisor', status: 403 },
      { name: 'the deciding manager', who: 'manager', status: 403 },
      { name: 'the proposer', who: 'hero', status: 403 },
      { name: 'an API key', who: 'apiKey', status: 403 },
    ];

    it.each(COSIGN.map((row) => [row.name, row] as const))('cosign: %s', async (_name, row) => {
      const id = await awaitingCosign(row.setup ?? {}, row.decider ?? 'manager');
      const res = await t.http
        .post(`/api/v1/projects/${id}/cosign`)
        .set(await headers(row.who))
        .send({ outcome: 'cosign', rationale: 'Mitigations are credible.' });
      expect(res.status).toBe(row.status);
      if (row.reason) expect(res.body).toMatchObject({ type: expect.stringMatching(/separation-of-duties$/), reason: row.reason });
      const after = await d.get(id);
      expect(after.state).toBe(row.status === 200 ? 'approved' : 'awaiting_cosign');
      if (row.status === 200) expect(after.decision).toMatchObject({ status: 'effective', cosign: 'cosigned', inForce: true });
    });

    it('a team member CIO may not co-sign', async () => {
      const cioId = await actors.userId('cio');
      const id = await awaitingCosign({ body: { ...SMALL, teamMemberIds: [cioId] } });
      const res = await d.cosign(id, 'cio');
      expect(res.status).toBe(403);
      expect(res.body.reason).toBe('is_team_member');
    });

    it('critical risk also needs the co-sign; the CIO declines with a rationale → rejected', async () => {
      const id = await awaitingCosign({ level: 'critical' });
      expect((await d.cosign(id, 'cio', { outcome: 'decline', rationale: '' })).status).toBe(400);
      const declined = await d.cosign(id, 'cio', { outcome: 'decline', rationale: 'The vendor holds health data without a DPA.' });
      expect(declined.status).toBe(200);
      expect(declined.body).toMatchObject({
        state: 'rejected',
        decision: { status: 'cosign_declined', cosign: 'declined', inForce: false },
      });
      const history = await t.http
        .get(`/api/v1/projects/${id}/decisions`)
        .set(await actors.auth('hero'))
        .expect(200);
      expect(history.body.items[0].cosign).toMatchObject({ status: 'declined', by: { displayName: 'Camille CIO' } });
    });

    it('low and medium risk need no co-sign; co-signing them is a 409', async () => {
      for (const level of ['low', 'medium'] as const) {
        const id = await d.awaitingDecision({ body: SMALL, level });
        const res = await d.decide(id, 'manager', APPROVE);
        expect(res.body).toMatchObject({ state: 'approved', decision: { cosign: 'not_required' } });
        expect((await d.cosign(id, 'cio')).status).toBe(409);
      }
    });
  });

  describe('concurrency', () => {
    it('two managers deciding at once: exactly one decision, the other gets 409 (20 rounds)', async () => {
      for (let round = 0; round < 20; round++) {
        const id = await d.awaitingDecision({ body: SMALL });
        const outcomes = round % 2 === 0 ? ['approve', 'approve'] : ['approve', 'reject'];
        const results = await Promise.all([
          d.decide(id, 'manager', { outcome: outcomes[0], rationale: 'Manager A decides.' }),
          d.decide(id, 'marketingManager', { outcome: outcomes[1], rationale: 'Manager B decides.' }),
        ]);
        expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
        const loser = results.find((r) => r.status === 409)!;
        expect(loser.body.type).toMatch(/invalid-transition$/);
        const decisions = await t.http
          .get(`/api/v1/projects/${id}/decisions`)
          .set(await actors.auth('cio'))
          .expect(200);
        expect(decisions.body.items).toHaveLength(1);
      }
    }, 120_000);

    it('a burst of five decisions on one project records exactly one', async () => {
      for (let round = 0; round < 5; round++) {
        const id = await d.awaitingDecision({ body: SMALL });
        const results = await Promise.all([
          d.decide(id, 'manager', APPROVE),
          d.decide(id, 'marketingManager', APPROVE),
          d.decide(id, 'manager', { outcome: 'reject', rationale: 'No.' }),
          d.decide(id, 'marketingManager', { outcome: 'request_changes', rationale: 'Tell us more.' }),
          d.decide(id, 'manager', APPROVE),
        ]);
        expect(results.filter((r) => r.status === 200)).toHaveLength(1);
        expect(results.filter((r) => r.status === 409)).toHaveLength(4);
        const rows = await t.dataSource.query('SELECT count(*)::int AS n FROM decision WHERE project_id = $1', [id]);
        expect(rows[0].n).toBe(1);
      }
    }, 120_000);
  });
});
