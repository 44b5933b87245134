import { Actors, AccountName, seedActors } from './support/actors';
import { completeProject, ProjectDriver, RISKY_SCREENING } from './support/projects';
import { startTestApp, TestApp } from './support/test-app';

describe('projects: lifecycle', () => {
  let t: TestApp;
  let actors: Actors;
  let drive: ProjectDriver;
  beforeAll(async () => {
    t = await startTestApp();
    actors = await seedActors(t);
    drive = new ProjectDriver(t, actors);
    for (const who of ['cio', 'advisor', 'manager', 'marketingManager'] as const) await drive.acknowledge(who);
  });
  afterAll(() => t.close());

  it('submit needs the current compact acknowledged (403 compact-not-acknowledged)', async () => {
    const { id } = await drive.create('salesHero');
    await drive.screen(id, 'salesHero');
    const res = await drive.action(id, 'submit', 'salesHero');
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ type: expect.stringMatching(/compact-not-acknowledged$/), currentVersionId: expect.any(String) });
    await drive.acknowledge('salesHero');
    expect((await drive.action(id, 'submit', 'salesHero')).status).toBe(200);
  });

  it('submit lists what is missing (400 project-incomplete)', async () => {
    await drive.acknowledge('hero');
    const { id } = await drive.create('hero', { title: 'Half an idea' });
    const res = await drive.action(id, 'submit', 'hero');
    expect(res.status).toBe(400);
    expect(res.body.type).toMatch(/project-incomplete$/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining([
        'summary',
        'customerProblem',
        'customerTask',
        'solution',
        'technologies',
        'dataCategories',
        'budget',
        'kpis',
        'selfScreening',
      ]),
    );
  });

  it('runs submit → assign (self) → request info → respond → withdraw, recording history', async () => {
    const id = await drive.submitted('hero');
    const assigned = await drive.action(id, 'assign', 'advisor');
    expect(assigned.body).toMatchObject({ state: 'in_review', assignedAdvisor: { displayName: 'Ari Advisor' } });

    const asked = await drive.action(id, 'request-info', 'advisor', { question: 'Which carrier feeds do you read?' });
    expect(asked.body.state).toBe('info_requested');
    // While info is requested, the proposer may edit.
    const { body: current } = await t.http
      .get(`/api/v1/projects/${id}`)
      .set(await actors.auth('hero'))
      .expect(200);
    await t.http
      .patch(`/api/v1/projects/${id}`)
      .set(await actors.auth('hero'))
      .set('If-Match', `"${current.version}"`)
      .send({ solution: 'Reads the DHL and PostNL feeds.' })
      .expect(200);
    const answered = await drive.action(id, 'respond', 'hero', { answer: 'DHL and PostNL.' });
    expect(answered.body.state).toBe('in_review');

    const comments = await t.http
      .get(`/api/v1/projects/${id}/comments`)
      .set(await actors.auth('advisor'))
      .expect(200);
    expect(comments.body.items.map((c: { kind: string }) => c.kind)).toEqual(['question', 'answer']);

    const withdrawn = await drive.action(id, 'withdraw', 'hero', { reason: 'Carrier builds this itself.' });
    expect(withdrawn.body).toMatchObject({ state: 'withdrawn', allowedActions: [] });

    const history = await t.http
      .get(`/api/v1/projects/${id}/history`)
      .set(await actors.auth('hero'))
      .expect(200);
    const actions = history.body.items.map((e: { action: string }) => e.action);
    for (const a of ['project.create', 'project.submit', 'project.assign', 'project.request_info', 'project.respond', 'project.withdraw']) {
      expect(actions).toContain(a);
    }
  });

  it('answers 409 invalid-transition with the actions allowed now', async () => {
    const id = await drive.submitted('hero');
    const res = await drive.action(id, 'respond', 'hero', { answer: 'nobody asked' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      type: expect.stringMatching(/invalid-transition$/),
      currentState: 'submitted',
      allowedActions: ['withdraw'],
    });
  });

  it('the CIO assigns another advisor, but never the proposer’s teammate', async () => {
    const advisorId = await actors.userId('advisor');
    const id = await drive.submitted('hero');
    const heroAsAdvisor = await drive.action(id, 'assign', 'cio', { advisorId: await actors.userId('hero') });
    expect(heroAsAdvisor.status).toBe(400);
    const ok = await drive.action(id, 'assign', 'cio', { advisorId });
    expect(ok.body).toMatchObject({ state: 'in_review', assignedAdvisorId: advisorId });

    // An advisor on the project team cannot take it.
    await drive.acknowledge('hero');
    const { id: teamProject } = await drive.create('hero', completeProject({ teamMemberIds: [advisorId] }));
    await drive.screen(teamProject, 'hero', RISKY_SCREENING);
    expect((await drive.action(teamProject, 'submit', 'hero')).status).toBe(200);
    const conflict = await drive.action(teamProject, 'assign', 'advisor');
    expect(conflict.status).toBe(409);
    const cioConflict = await drive.action(teamProject, 'assign', 'cio', { advisorId });
    expect(cioConflict.status).toBe(409);
    expect(cioConflict.body.type).toMatch(/advisor-conflict$/);
  });

  it('an advisor cannot assign someone else', async () => {
    const id = await drive.submitted('hero');
    const res = await drive.action(id, 'assign', 'advisor', { advisorId: await actors.userId('cio') });
    expect(res.status).toBe(403);
  });

  /** Who may take each implemented action from its state; everyone else is refused. */
  const MATRIX: {
    action: string;
    setup: 'draft' | 'submitted' | 'in_review' | 'info_requested';
    body: Record<string, unknown>;
    allowed: AccountName[];
  }[] = [
    { action: 'submit', setup: 'draft', body: {}, allowed: ['hero'] },
    { action: 'assign', setup: 'submitted', body: {}, allowed: ['advisor', 'cio'] },
    { action: 'request-info', setup: 'in_review', body: { question: 'Which data?' }, allowed: ['advisor', 'cio'] },
    { action: 'respond', setup: 'info_requested', body: { answer: 'This data.' }, allowed: ['hero'] },
    { action: 'withdraw', setup: 'in_review', body: {}, allowed: ['hero'] },
  ];
  const WHO: AccountName[] = ['hero', 'salesHero', 'advisor', 'cio', 'manager', 'marketingManager', 'admin'];

  async function projectIn(setup: string): Promise<string> {
    if (setup === 'draft') {
      const { id } = await drive.create('hero');
      await drive.screen(id, 'hero');
      return id;
    }
    if (setup === 'submitted') return drive.submitted('hero');
    const id = await drive.inReview('hero');
    if (setup === 'info_requested') await drive.action(id, 'request-info', 'advisor', { question: 'Why?' });
    return id;
  }

  it.each(MATRIX.flatMap((row) => WHO.map((who) => [row.action, who, row] as const)))('%s by %s', async (_a, who, row) => {
    const id = await projectIn(row.setup);
    const res = await drive.action(id, row.action, who, row.body);
    if (row.allowed.includes(who)) {
      expect(res.status).toBe(200);
    } else {
      // Refused: 403 (role), 404 (cannot see it) or 409 (not an action of theirs now) — never a change.
      expect([403, 404, 409]).toContain(res.status);
      const after = await t.http
        .get(`/api/v1/projects/${id}`)
        .set(await actors.auth('cio'))
        .expect(200);
      expect(after.body.state).toBe(row.setup);
    }
  });

  it('concurrent submit and withdraw: exactly one wins, the other gets 409', async () => {
    await drive.acknowledge('hero');
    for (let i = 0; i < 5; i++) {
      const { id } = await drive.create('hero');
      await drive.screen(id, 'hero');
      const [a, b] = await Promise.all([drive.action(id, 'submit', 'hero'), drive.action(id, 'withdraw', 'hero')]);
      const statuses = [a.status, b.status].sort();
      // submit then withdraw are both legal in sequence; withdraw then submit is not.
      expect(statuses[0]).toBe(200);
      const { body } = await t.http
        .get(`/api/v1/projects/${id}`)
        .set(await actors.auth('hero'))
        .expect(200);
      if (statuses[1] === 409) expect(['submitted', 'withdrawn']).toContain(body.state);
      else expect(body.state).toBe('withdrawn');
    }
  });

  it('concurrent double submit: exactly one wins, the other gets 409', async () => {
    await drive.acknowledge('hero');
    for (let i = 0; i < 5; i++) {
      const { id } = await drive.create('hero');
      await drive.screen(id, 'hero');
      const results = await Promise.all([drive.action(id, 'submit', 'hero'), drive.action(id, 'submit', 'hero')]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    }
  });

  it('concurrent assignments: exactly one advisor wins', async () => {
    // Whoever loses gets 409 — also the advisor, for whom the project left the queue (not a 404).
    for (let round = 0; round < 5; round++) {
      const id = await drive.submitted('hero');
      const results = await Promise.all([drive.action(id, 'assign', 'advisor'), drive.action(id, 'assign', 'cio')]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    }
  });
});
