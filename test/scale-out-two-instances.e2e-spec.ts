import { Client } from 'pg';
import { AppProcess, CompiledApp, compileApp, spawnApp } from './support/app-process';
import { LOAD_TEST_ENV, migrate } from './support/live-app';
import { Outcome, outcomeKey, runLoad, send, tally, writeReport } from './support/load';
import { ACCOUNTS } from './support/actors';
import { completeProject } from './support/projects';
import { RoundRobinProxy } from './support/round-robin-proxy';
import { createTestDatabase } from './support/test-database';
import { DEMO_PASSWORD } from '../src/database/demo-seed';

/**
 * Issue 11 §6: two app processes on one database behind a round-robin proxy, under load, with no
 * errors. Both start at the same moment on an empty database with RUN_MIGRATIONS=true and their
 * job workers on, as replicas of one deployment would. Consecutive requests of one client land on
 * different instances, so the load proves there is no per-instance state: a token from one works on
 * the other, a project written through one is read through the other, an Idempotency-Key's replay
 * comes from whichever instance gets it, refresh tokens rotate across instances, and the audit chain
 * written by both processes still verifies.
 */
interface AutocannonResult {
  requests: { total: number; average: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- autocannon ships no types; the shape used is declared above
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<AutocannonResult>;

const TITLE_PREFIX = 'Scale-out load';
const idOf = (o: Outcome | undefined): string | undefined => (o?.body as { id?: string } | undefined)?.id;
const ITERATIONS_PER_WORKER = 12;
const WORKERS = 6;

describe('two instances on one database behind a round-robin proxy', () => {
  let compiled: CompiledApp;
  let instances: AppProcess[] = [];
  let proxy: RoundRobinProxy;
  let drop: () => Promise<void>;
  let db: Client;

  beforeAll(async () => {
    compiled = compileApp();
    const created = await createTestDatabase({ empty: true });
    drop = created.drop;
    const env = {
      DATABASE_URL: created.url,
      ...LOAD_TEST_ENV,
      WORKERS_ENABLED: 'true',
      RUN_MIGRATIONS: 'true',
      DB_POOL_MAX: '8',
    };
    const started = await Promise.allSettled([spawnApp(compiled, env), spawnApp(compiled, env)]);
    instances = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    for (const s of started) if (s.status === 'rejected') throw s.reason;
    await migrate(created.url); // no pending migrations by now: only seeds the demo accounts
    proxy = new RoundRobinProxy(instances.map((i) => i.port));
    await proxy.start();
    db = new Client({ connectionString: created.url });
    await db.connect();
  }, 60_000);
  afterAll(async () => {
    await proxy?.stop();
    for (const i of instances) i.kill();
    await db?.end().catch(() => undefined);
    await drop?.();
    compiled?.remove();
  });

  it('serves mixed reads and writes through both instances without a single error', async () => {
    const t0 = Date.now();
    const clock = (): number => Date.now() - t0;
    const unexpected: string[] = [];
    const created = new Map<string, Outcome>(); // idempotency key → the create's outcome
    let crossInstanceReplays = 0;
    const expectStatus = (o: Outcome, status: number): Outcome => {
      if (o.status !== status) unexpected.push(`${o.kind}: ${outcomeKey(o)} ${JSON.stringify(o.body)}`);
      return o;
    };
    const login = async (w: number, email: string = ACCOUNTS.hero): Promise<{ access: string; refresh: string }> => {
      const o = expectStatus(
        await send(w, 'login', clock, `${proxy.base}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email, password: DEMO_PASSWORD }),
        }),
        200,
      );
      const body = o.body as { accessToken: string; refreshToken: string };
      return { access: body.accessToken, refresh: body.refreshToken };
    };
    const tokens = await Promise.all(Array.from({ length: WORKERS }, (_, w) => login(w)));

    const { outcomes, durationMs } = await runLoad({
      workers: WORKERS,
      maxRequests: WORKERS * ITERATIONS_PER_WORKER * 5,
      perWorker: ITERATIONS_PER_WORKER * 5,
      maxDurationMs: 40_000,
      clock,
      step: async (w, seq, now) => {
        const auth = { Authorization: `Bearer ${tokens[w].access}` };
        const key = `w${w}-i${Math.floor(seq / 5)}`;
        const post = (kind: string): Promise<Outcome> =>
          send(w, kind, now, `${proxy.base}/api/v1/projects`, {
            method: 'POST',
            headers: { ...auth, 'Content-Type': 'application/json', 'Idempotency-Key': `${key}-${t0}` },
            body: JSON.stringify(completeProject({ title: `${TITLE_PREFIX} ${key}` })),
          });
        switch (seq % 5) {
          case 0: {
            const o = expectStatus(await post('create'), 201);
            if (o.status === 201) created.set(key, o);
            return o;
          }
          case 1: {
            // The same key again: replayed (not executed twice) by whichever instance answers.
            const o = expectStatus(await post('replay'), 201);
            const first = created.get(key);
            if ((o.body as { id?: string }).id !== idOf(first) || o.headers?.['idempotent-replayed'] !== 'true') {
              unexpected.push(`replay of ${key} was not a replay of the first response`);
            }
            if (o.headers?.['x-upstream'] !== first?.headers?.['x-upstream']) crossInstanceReplays++;
            return o;
          }
          case 2:
            return expectStatus(
              await send(w, 'read', now, `${proxy.base}/api/v1/projects/${idOf(created.get(key))}`, { headers: auth }),
              200,
            );
          case 3:
            return expectStatus(await send(w, 'list', now, `${proxy.base}/api/v1/projects?limit=10`, { headers: auth }), 200);
          default: {
            const o = expectStatus(
              await send(w, 'refresh', now, `${proxy.base}/api/v1/auth/refresh`, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ refreshToken: tokens[w].refresh }),
              }),
              200,
            );
            const body = o.body as { accessToken?: string; refreshToken?: string };
            if (body.accessToken && body.refreshToken) tokens[w] = { access: body.accessToken, refresh: body.refreshToken };
            return o;
          }
        }
      },
    });
    expect(unexpected).toEqual([]);
    expect(created.size).toBe(WORKERS * ITERATIONS_PER_WORKER);

    // A fixed-duration burst of list reads through the proxy (autocannon, 16 connections, 3 s).
    const burst = await autocannon({
      url: `${proxy.base}/api/v1/projects?limit=20`,
      connections: 16,
      duration: 3,
      timeout: 10,
      headers: { Authorization: `Bearer ${tokens[0].access}` },
    });
    expect({ errors: burst.errors, timeouts: burst.timeouts, non2xx: burst.non2xx }).toEqual({ errors: 0, timeouts: 0, non2xx: 0 });
    expect(burst.requests.total).toBeGreaterThan(0);

    // Both instances took their share; the database holds each project exactly once.
    expect(proxy.upstreamErrors).toBe(0);
    const total = proxy.served.reduce((a, b) => a + b, 0);
    for (const n of proxy.served) expect(n / total).toBeGreaterThan(0.4);
    const { rows } = await db.query<{ id: string; title: string }>(`SELECT id, title FROM project WHERE title LIKE $1 || ' %'`, [
      TITLE_PREFIX,
    ]);
    expect(rows.length).toBe(created.size);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set([...created.values()].map(idOf)));

    // The audit chain, appended to by both processes at once, verifies; so does readiness on each.
    const cio = await login(0, ACCOUNTS.cio);
    const verify = await fetch(`${proxy.base}/api/v1/audit-events/verify`, { headers: { Authorization: `Bearer ${cio.access}` } });
    expect(await verify.json()).toMatchObject({ valid: true, firstBrokenLink: null });
    for (const i of instances) {
      expect((await fetch(`${i.base}/health/ready`)).status).toBe(200);
      expect(i.proc.exitCode).toBeNull();
    }
    const migrations = await db.query<{ n: string }>('SELECT count(*) AS n FROM schema_migrations');

    writeReport('scale-out-two-instances', {
      instances: 2,
      mixedLoad: {
        durationMs,
        requests: outcomes.length,
        statuses: tally(outcomes, outcomeKey),
        byKind: tally(outcomes, (o) => o.kind),
        projectsConfirmed: created.size,
        projectsInDatabase: rows.length,
        idempotentReplays: created.size,
        replaysAnsweredByTheOtherInstance: crossInstanceReplays,
      },
      burst: {
        connections: 16,
        seconds: 3,
        requests: burst.requests.total,
        rps: burst.requests.average,
        p50Ms: burst.latency.p50,
        p99Ms: burst.latency.p99,
        errors: burst.errors,
        non2xx: burst.non2xx,
      },
      servedPerInstance: proxy.served,
      upstreamErrors: proxy.upstreamErrors,
      migrationsApplied: Number(migrations.rows[0].n),
    });
  }, 55_000);
});
