import { AppProcess, CompiledApp, compileApp, spawnApp } from './support/app-process';
import { LOAD_TEST_ENV, migrate } from './support/live-app';
import { ACCOUNTS } from './support/actors';
import { createTestDatabase } from './support/test-database';
import { DEMO_PASSWORD } from '../src/database/demo-seed';

/**
 * Issue 11 §6 and OWASP API2/API4: two app processes on one database share their rate limits. With
 * the counters in each process's memory, a client alternating between two replicas got twice the
 * sign-in attempts and twice the writes; the counters are in PostgreSQL now (PgThrottlerStorage).
 */
describe('rate limits across two instances on one database', () => {
  let compiled: CompiledApp;
  let instances: AppProcess[] = [];
  let drop: () => Promise<void>;

  beforeAll(async () => {
    compiled = compileApp();
    const created = await createTestDatabase({ empty: true });
    drop = created.drop;
    await migrate(created.url);
    const env = {
      DATABASE_URL: created.url,
      ...LOAD_TEST_ENV,
      RUN_MIGRATIONS: 'false',
      LOGIN_RATE_LIMIT_PER_ACCOUNT: '3',
      WRITE_RATE_LIMIT_PER_MINUTE: '4',
    };
    instances = await Promise.all([spawnApp(compiled, env), spawnApp(compiled, env)]);
  }, 60_000);
  afterAll(async () => {
    for (const i of instances) i.kill();
    await drop?.();
    compiled?.remove();
  });

  const login = (i: number, email: string, password: string) =>
    fetch(`${instances[i].base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });

  it('sign-in attempts per account count across instances: the 4th is refused whichever instance gets it', async () => {
    const statuses: number[] = [];
    for (const i of [0, 1, 0]) statuses.push((await login(i, ACCOUNTS.cio, 'wrong password')).status);
    expect(statuses).toEqual([401, 401, 401]);
    for (const i of [1, 0]) {
      const refused = await login(i, ACCOUNTS.cio, DEMO_PASSWORD);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // Another account is not affected.
    expect((await login(1, ACCOUNTS.advisor, DEMO_PASSWORD)).status).toBe(200);
  });

  it('writes per principal count across instances: the 5th write in a minute is refused on either', async () => {
    const { accessToken } = (await (await login(0, ACCOUNTS.salesHero, DEMO_PASSWORD)).json()) as { accessToken: string };
    const create = (i: number, n: number) =>
      fetch(`${instances[i].base}/api/v1/projects`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({ title: `Across instances ${n}` }),
      });
    const statuses: number[] = [];
    for (const [n, i] of [0, 1, 0, 1, 0, 1].entries()) statuses.push((await create(i, n)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 429, 429]);
  });
});
