import { DEMO_PASSWORD } from '../src/database/demo-seed';
import { ACCOUNTS } from './support/actors';
import { AppProcess, CompiledApp, compileApp, spawnApp } from './support/app-process';
import { LOAD_TEST_ENV, migrate } from './support/live-app';
import { sleep } from './support/load';
import { createTestDatabase } from './support/test-database';

/**
 * The real app process at LOG_LEVEL=info: the access log (src/observability/access-log.ts) writes
 * one JSON line per request with the request id, never for probes; and a burst of logins is
 * queued by the password hasher, not refused (src/identity/auth/password-hasher.ts).
 */
describe('access log and login bursts (app process, LOG_LEVEL=info)', () => {
  let compiled: CompiledApp;
  let live: AppProcess;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    compiled = compileApp();
    const created = await createTestDatabase();
    drop = created.drop;
    await migrate(created.url);
    live = await spawnApp(compiled, { DATABASE_URL: created.url, ...LOAD_TEST_ENV, LOG_LEVEL: 'info', WORKERS_ENABLED: 'false' });
  }, 90_000);
  afterAll(async () => {
    live?.kill();
    await drop?.();
    compiled?.remove();
  });

  const jsonLines = (): Record<string, unknown>[] =>
    live
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  it('writes an access line per request with the caller’s request id, and none for probes', async () => {
    await fetch(`${live.base}/health/live`, { headers: { 'X-Request-Id': 'e2e-probe-1' } });
    const res = await fetch(`${live.base}/api/v1/projects?q=secret`, {
      headers: { 'X-Request-Id': 'e2e-access-1', Authorization: 'Bearer not-a-token' },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('x-request-id')).toBe('e2e-access-1');
    await sleep(300);
    const lines = jsonLines();
    expect(lines.filter((l) => l.requestId === 'e2e-access-1')).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'request completed',
        req: { id: 'e2e-access-1', method: 'GET', url: '/api/v1/projects' },
        res: expect.objectContaining({ statusCode: 401 }) as unknown,
        responseTime: expect.any(Number) as unknown,
      }),
    ]);
    expect(lines.some((l) => l.requestId === 'e2e-probe-1')).toBe(false);
    expect(live.output()).not.toContain('not-a-token');
  });

  it('answers every login of a burst (hashes queue, they are never refused)', async () => {
    const emails = Object.values(ACCOUNTS);
    const burst = Array.from({ length: 16 }, (_, i) =>
      fetch(`${live.base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Request-Id': `e2e-login-${i}` },
        body: JSON.stringify({ email: emails[i % emails.length], password: DEMO_PASSWORD }),
      }).then((r) => r.status),
    );
    expect(await Promise.all(burst)).toEqual(Array(16).fill(200));
    await sleep(300);
    const logged = jsonLines().filter((l) => String(l.requestId).startsWith('e2e-login-'));
    expect(logged).toHaveLength(16);
  }, 60_000);
});
