import { prepareDatabase } from '../src/database/prepare-database';
import { DEMO_PROJECTS } from '../src/database/demo-projects';
import { PROJECT_STATES } from '../src/projects/project-lifecycle';
import { ACCOUNTS } from './support/actors';
import { startTestApp, TestApp } from './support/test-app';

describe('demo data (npm start)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    await prepareDatabase(t.app, t.config);
  });
  afterAll(() => t.close());
  const login = async (who: keyof typeof ACCOUNTS): Promise<string> =>
    (await t.http.post('/api/v1/auth/login').send({ email: ACCOUNTS[who], password: 'hero-compact-demo' }).expect(200)).body
      .accessToken as string;

  it('seeds every demo account once, and a dozen projects over the lifecycle through the real services', async () => {
    const accounts = await t.dataSource.query<{ email: string }[]>('SELECT email FROM app_user ORDER BY email');
    expect(accounts.map((a) => a.email).sort()).toEqual(Object.values(ACCOUNTS).sort());
    const states = await t.dataSource.query<{ state: string; n: number }[]>('SELECT state, count(*)::int AS n FROM project GROUP BY state');
    expect(states.reduce((sum, s) => sum + s.n, 0)).toBe(DEMO_PROJECTS.length);
    expect(DEMO_PROJECTS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(states.map((s) => s.state))).toEqual(new Set(DEMO_PROJECTS.map((p) => p.target)));
    // "spread over every state, so that every screen and report has something to show"
    expect(new Set(states.map((s) => s.state))).toEqual(new Set(PROJECT_STATES));
    const verify = await t.http
      .get('/api/v1/audit-events/verify')
      .set('Authorization', `Bearer ${await login('cio')}`)
      .expect(200);
    expect(verify.body.valid).toBe(true);
    const [{ n: events }] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_event WHERE project_id IS NOT NULL`,
    );
    expect(events).toBeGreaterThan(DEMO_PROJECTS.length * 2);
  });

  it('a second start seeds nothing more (restart keeps and never duplicates data)', async () => {
    await prepareDatabase(t.app, t.config);
    const [{ n }] = await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM project');
    expect(n).toBe(DEMO_PROJECTS.length);
  });

  it('the demo logins work and the hero sees their projects', async () => {
    const login = await t.http.post('/api/v1/auth/login').send({ email: ACCOUNTS.hero, password: 'hero-compact-demo' }).expect(200);
    const mine = await t.http
      .get('/api/v1/projects')
      .query({ mine: 'true', limit: 100 })
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .expect(200);
    expect(mine.body.items.length).toBe(DEMO_PROJECTS.filter((p) => p.who === 'hero').length);
  });
});
