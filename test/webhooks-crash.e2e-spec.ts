import { INestApplication } from '@nestjs/common';
import { ChildProcess, spawn } from 'node:child_process';
import { createServer, IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { createApp } from '../src/app.setup';
import { Actors, seedActors } from './support/actors';
import { ProjectDriver } from './support/projects';
import { startTestApp, TestApp } from './support/test-app';

/**
 * At least once (DOMAIN.md §10): a worker process killed (SIGKILL) while its delivery is in flight
 * loses nothing. The worker runs in a child process — a real crash, no clean shutdown — compiled
 * on the fly with @swc/core like jest does; another instance then finishes the job.
 */
const ROOT = join(__dirname, '..');
const CHILD = `
require('reflect-metadata');
const { transformSync } = require('@swc/core');
require('pirates').addHook(
  (code, filename) => transformSync(code, {
    filename,
    jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, keepClassNames: true, target: 'es2022' },
    module: { type: 'commonjs' },
  }).code,
  { exts: ['.ts'], ignoreNodeModules: true },
);
const { createApp } = require('./src/app.setup');
const { loadConfig } = require('./src/config/app-config');
createApp(loadConfig(process.env)).then(() => process.stdout.write('ready\\n'), (err) => { console.error(err); process.exit(1); });
`;

const WORKER_ENV = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  WORKERS_ENABLED: 'true',
  JOB_POLL_INTERVAL_SECONDS: '0.5',
  JOB_MAINTENANCE_INTERVAL_SECONDS: '1',
  WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
  WEBHOOK_TIMEOUT_MS: '1000',
  WEBHOOK_RETRY_BASE_MS: '200',
  WEBHOOK_RETRY_MAX_DELAY_MS: '800',
};

const FAST_WEBHOOK = {
  allowPrivateTargets: true,
  timeoutMs: 1_000,
  retryBaseMs: 200,
  retryMaxDelayMs: 800,
  retryWindowHours: 24,
  maxConsecutiveFailures: 1_000,
};

function startWorkerProcess(databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', CHILD], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...WORKER_ENV, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker process not ready in 60 s: ${stderr}`)), 60_000);
    child.stdout.on('data', (c: Buffer) => {
      if (c.toString().includes('ready')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker process exited (${code}): ${stderr}`));
    });
  });
}

describe('webhooks: a worker crash mid-delivery', () => {
  let t: TestApp;
  let actors: Actors;
  let worker: ChildProcess | undefined;
  let rescuer: INestApplication | undefined;
  let server: Server;
  let port = 0;
  const received: { headers: IncomingHttpHeaders; body: string; answered: number | null }[] = [];
  const held: ServerResponse[] = [];
  let firstArrived: () => void = () => undefined;
  const arrived = new Promise<void>((resolve) => (firstArrived = resolve));

  beforeAll(async () => {
    // The first request is held open (the worker is "in the middle of it"); later ones succeed.
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const first = received.length === 0;
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), answered: first ? null : 204 });
        if (first) {
          held.push(res);
          firstArrived();
        } else {
          res.statusCode = 204;
          res.end();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
    // This instance serves the API only; the worker process delivers.
    t = await startTestApp({ workersEnabled: false, webhook: FAST_WEBHOOK });
    actors = await seedActors(t);
  }, 60_000);

  afterAll(async () => {
    worker?.kill('SIGKILL');
    await rescuer?.close();
    await t.close();
    for (const r of held) r.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('leaves the job to be retried by another instance: the receiver gets the event (twice, same webhook-id)', async () => {
    worker = await startWorkerProcess(t.config.databaseUrl!);
    const admin = await actors.auth('admin');
    const sub = await t.http
      .post('/api/v1/webhooks')
      .set(admin)
      .send({ url: `http://127.0.0.1:${port}/hooks`, eventTypes: ['project.submitted'] })
      .expect(201);
    const drive = new ProjectDriver(t, actors);
    await drive.acknowledge('hero');
    const projectId = await drive.submitted('hero');
    const [{ id: eventId }] = await t.dataSource.query<{ id: string }[]>('SELECT id FROM domain_event WHERE project_id = $1', [projectId]);

    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      arrived,
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('no delivery within 20 s')), 20_000))),
    ]);
    clearTimeout(timer);
    worker.kill('SIGKILL');
    await new Promise((resolve) => worker!.once('exit', resolve));

    // What the crash left: the attempt unrecorded, its job still "active" in pg-boss.
    const [delivery] = await t.dataSource.query<{ id: string; status: string; attempts: number }[]>(
      'SELECT id, status, attempts FROM webhook_delivery WHERE subscription_id = $1',
      [sub.body.id],
    );
    expect(delivery).toMatchObject({ status: 'pending', attempts: 0 });
    const active = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'webhook-deliver' AND state = 'active' AND data->>'deliveryId' = $1`,
      [delivery.id],
    );
    expect(active[0].n).toBe(1);

    // Another instance expires the orphaned job and delivers it.
    rescuer = await createApp(t.config.with({ workersEnabled: true, jobPollIntervalSeconds: 0.5, jobMaintenanceIntervalSeconds: 1 }));
    const deadline = Date.now() + 30_000;
    while (!received.some((r) => r.answered === 204) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));

    expect(received.map((r) => r.headers['webhook-id'])).toEqual([eventId, eventId]);
    expect(received[1].answered).toBe(204);
    expect(new Webhook(sub.body.secret as string).verify(received[1].body, received[1].headers as Record<string, string>)).toMatchObject({
      id: eventId,
    });
    for (let i = 0; i < 40; i++) {
      const [d] = await t.dataSource.query<{ status: string; attempts: number }[]>(
        'SELECT status, attempts FROM webhook_delivery WHERE id = $1',
        [delivery.id],
      );
      if (d.status === 'succeeded') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const [done] = await t.dataSource.query<{ status: string; attempts: number }[]>(
      'SELECT status, attempts FROM webhook_delivery WHERE id = $1',
      [delivery.id],
    );
    expect(done).toEqual({ status: 'succeeded', attempts: 1 });
  }, 90_000);
});
