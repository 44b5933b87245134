import { INestApplication } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { Webhook } from 'standardwebhooks';
import { createApp } from '../src/app.setup';
import type { AppConfig, WebhookSettings } from '../src/config/app-config';
import { Actors, seedActors } from './support/actors';
import { ProjectDriver } from './support/projects';
import { startTestApp, TestApp } from './support/test-app';

// Each test waits on real deliveries, retries and app start-ups: bounded, but longer than jest's default.
jest.setTimeout(90_000);

/**
 * Delivery from the outbox to a real HTTP receiver on 127.0.0.1 (DOMAIN.md §10): retries while it
 * is down, signatures that verify (with the standardwebhooks package and with the docs sample),
 * no event lost, the delivery log, manual redelivery, auto-disable, and two app instances.
 */
type Mode = 'ok' | 'fail';
interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

class Receiver {
  readonly received: Received[] = [];
  mode: Mode = 'ok';
  port = 0;
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  async up(port = 0): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const answered = this.mode === 'ok' ? 204 : 500;
        this.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), answered });
        res.statusCode = answered;
        res.end();
      });
    });
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  async down(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  idsAnswered(status: number): string[] {
    return this.received.filter((r) => r.answered === status).map((r) => String(r.headers['webhook-id']));
  }
}

/** The verification sample of docs/webhooks.md, exactly as published. */
function docsVerifier(): (secret: string, headers: IncomingHttpHeaders, body: string) => { id: string } {
  const md = readFileSync(join(__dirname, '..', 'docs', 'webhooks.md'), 'utf8');
  const block = /<!-- verify-sample:start -->\s*```js\n([\s\S]*?)```\s*<!-- verify-sample:end -->/.exec(md);
  if (!block) throw new Error('docs/webhooks.md lost its verify sample');
  return runInNewContext(`${block[1]}\nverifyWebhook`, { require, Buffer }) as never;
}

const FAST: WebhookSettings = {
  allowPrivateTargets: true,
  timeoutMs: 1_000,
  retryBaseMs: 200,
  retryMaxDelayMs: 800,
  retryWindowHours: 24,
  maxConsecutiveFailures: 10_000,
};
const workerConfig = (webhook: Partial<WebhookSettings> = {}): Partial<AppConfig> => ({
  workersEnabled: true,
  jobPollIntervalSeconds: 0.5,
  jobMaintenanceIntervalSeconds: 1,
  webhook: { ...FAST, ...webhook },
});

/** Polls until `done` holds; fails with `what` after `timeoutMs` (bounded in time and count). */
async function eventually(what: string, done: () => Promise<boolean> | boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let i = 0; i < 400; i++) {
    if (await done()) return;
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting until ${what}`);
}

async function subscribe(t: TestApp, actors: Actors, url: string, eventTypes = ['*']): Promise<{ id: string; secret: string }> {
  const res = await t.http
    .post('/api/v1/webhooks')
    .set(await actors.auth('admin'))
    .send({ url, eventTypes });
  expect(res.status).toBe(201);
  return { id: res.body.id as string, secret: res.body.secret as string };
}

async function eventIdsSince(t: TestApp, since: string): Promise<string[]> {
  const rows = await t.dataSource.query<{ id: string }[]>('SELECT id FROM domain_event WHERE occurred_at >= $1 ORDER BY occurred_at', [
    since,
  ]);
  return rows.map((r) => r.id);
}

describe('webhooks: delivery from the outbox', () => {
  let t: TestApp;
  let actors: Actors;
  let drive: ProjectDriver;
  const receiver = new Receiver();

  beforeAll(async () => {
    t = await startTestApp(workerConfig());
    actors = await seedActors(t);
    drive = new ProjectDriver(t, actors);
    await drive.acknowledge('hero');
  }, 30_000);
  afterAll(async () => {
    await t.close();
    await receiver.down();
  }, 30_000);

  it('retries while the receiver is down and delivers every event, signed, once it is back', async () => {
    await receiver.up();
    const port = receiver.port;
    await receiver.down();
    const sub = await subscribe(t, actors, `http://127.0.0.1:${port}/hooks`);
    const since = new Date().toISOString();
    const first = await drive.submitted('hero');
    await drive.submitted('hero');
    await drive.action(first, 'assign', 'advisor');
    await drive.action(first, 'request-info', 'advisor', { question: 'Which carriers?' });
    const events = await eventIdsSince(t, since);
    expect(events).toHaveLength(4);

    // Down: attempts fail (connection refused) and are rescheduled, nothing is given up.
    await eventually('every event has failed at least twice', async () => {
      const rows = await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM webhook_delivery WHERE subscription_id = $1 AND attempts >= 2 AND status = 'pending'`,
        [sub.id],
      );
      return rows[0].n === 4;
    });

    await receiver.up(port);
    await eventually('every event is delivered', () => events.every((id) => receiver.idsAnswered(204).includes(id)));

    // No event lost, none invented; every body matches its header id and verifies two ways.
    expect(new Set(receiver.idsAnswered(204))).toEqual(new Set(events));
    const verify = docsVerifier();
    const library = new Webhook(sub.secret);
    for (const r of receiver.received) {
      const viaDocs = verify(sub.secret, r.headers, r.body);
      const viaLibrary = library.verify(r.body, r.headers as Record<string, string>) as { id: string; type: string; version: number };
      expect(viaDocs.id).toBe(r.headers['webhook-id']);
      expect(viaLibrary).toMatchObject({ id: r.headers['webhook-id'], version: 1 });
    }
    expect(() =>
      verify(sub.secret, { ...receiver.received[0].headers, 'webhook-signature': 'v1,AAAA' }, receiver.received[0].body),
    ).toThrow(/invalid signature/);
    expect(() => library.verify(`${receiver.received[0].body} `, receiver.received[0].headers as Record<string, string>)).toThrow();

    const log = await t.http
      .get(`/api/v1/webhooks/${sub.id}/deliveries`)
      .set(await actors.auth('admin'))
      .expect(200);
    expect(log.body.items).toHaveLength(4);
    for (const d of log.body.items) {
      expect(d).toMatchObject({ status: 'succeeded', lastResponseStatus: 204, nextAttemptAt: null, lastError: null });
      expect(d.attempts).toBeGreaterThanOrEqual(3);
      const [last, ...earlier] = d.attemptLog;
      expect(last).toMatchObject({ attempt: d.attempts, succeeded: true, responseStatus: 204, manual: false });
      for (const a of earlier)
        expect(a).toMatchObject({ succeeded: false, responseStatus: null, error: expect.stringMatching(/ECONNREFUSED/) });
    }
    const types = log.body.items.map((d: { eventType: string }) => d.eventType).sort();
    expect(types).toEqual(['project.assigned', 'project.info_requested', 'project.submitted', 'project.submitted']);
  });

  it('redelivers on request with the same webhook-id, logged as a manual attempt', async () => {
    const [sub] = (
      await t.http
        .get('/api/v1/webhooks')
        .set(await actors.auth('admin'))
        .expect(200)
    ).body.items as { id: string }[];
    const log = await t.http
      .get(`/api/v1/webhooks/${sub.id}/deliveries?status=succeeded&limit=1`)
      .set(await actors.auth('admin'))
      .expect(200);
    const delivery = log.body.items[0] as { id: string; eventId: string; attempts: number };
    const before = receiver.received.length;
    const res = await t.http
      .post(`/api/v1/webhooks/${sub.id}/deliveries/${delivery.id}/redeliver`)
      .set(await actors.auth('admin'))
      .expect(202);
    expect(res.body).toMatchObject({ id: delivery.id, status: 'pending' });
    await eventually('the redelivery arrives', () => receiver.received.length > before);
    expect(receiver.received[before].headers['webhook-id']).toBe(delivery.eventId);
    await eventually('the manual attempt is logged', async () => {
      const again = await t.http.get(`/api/v1/webhooks/${sub.id}/deliveries?status=succeeded`).set(await actors.auth('admin'));
      const d = (again.body.items as { id: string; attempts: number; attemptLog: { manual: boolean }[] }[]).find(
        (x) => x.id === delivery.id,
      );
      return d?.attempts === delivery.attempts + 1 && d.attemptLog[0].manual;
    });
    const missing = await t.http
      .post(`/api/v1/webhooks/${sub.id}/deliveries/00000000-0000-4000-8000-000000000000/redeliver`)
      .set(await actors.auth('admin'));
    expect(missing.status).toBe(404);
  });

  it('writes the event in the transaction of the change: a refused action emits nothing', async () => {
    const { id } = await drive.create('hero', { title: 'Half an idea' });
    const count = async () =>
      (await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM domain_event WHERE project_id = $1', [id]))[0].n;
    expect((await drive.action(id, 'submit', 'hero')).status).toBe(400);
    expect(await count()).toBe(0);
  });
});

describe('webhooks: auto-disable after a run of failures', () => {
  let t: TestApp;
  let actors: Actors;
  let drive: ProjectDriver;
  const receiver = new Receiver();

  beforeAll(async () => {
    t = await startTestApp(workerConfig({ maxConsecutiveFailures: 3 }));
    actors = await seedActors(t);
    drive = new ProjectDriver(t, actors);
    await drive.acknowledge('hero');
    await receiver.up();
  }, 30_000);
  afterAll(async () => {
    await t.close();
    await receiver.down();
  }, 30_000);

  it('disables the subscription, tells the admins, and can be re-enabled and redelivered', async () => {
    receiver.mode = 'fail';
    const sub = await subscribe(t, actors, receiver.url, ['project.submitted']);
    await drive.submitted('hero');
    const admin = await actors.auth('admin');
    await eventually('the subscription is disabled', async () => {
      const res = await t.http.get(`/api/v1/webhooks/${sub.id}`).set(admin);
      return res.body.enabled === false;
    });
    const disabled = await t.http.get(`/api/v1/webhooks/${sub.id}`).set(admin).expect(200);
    expect(disabled.body).toMatchObject({ enabled: false, consecutiveFailures: 3, disabledReason: '3 consecutive failed deliveries' });
    expect(receiver.idsAnswered(500)).toHaveLength(3);

    const [delivery] = (await t.http.get(`/api/v1/webhooks/${sub.id}/deliveries`).set(admin).expect(200)).body.items;
    expect(delivery).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastResponseStatus: 500,
      lastError: 'HTTP 500 (subscription disabled)',
    });

    const notes = await t.http.get('/api/v1/notifications?unread=true').set(admin).expect(200);
    expect(notes.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'webhook.disabled', title: expect.any(String) })]),
    );
    const audit = await t.http.get('/api/v1/audit-events?action=webhook.auto_disable').set(admin).expect(200);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ actor: { type: 'system' }, entityId: sub.id });

    const refused = await t.http.post(`/api/v1/webhooks/${sub.id}/deliveries/${delivery.id}/redeliver`).set(admin);
    expect(refused.status).toBe(409);
    expect(refused.body.type).toMatch(/webhook-disabled$/);

    receiver.mode = 'ok';
    const enabled = await t.http
      .patch(`/api/v1/webhooks/${sub.id}`)
      .set(admin)
      .set('If-Match', `"${disabled.body.version}"`)
      .send({ enabled: true })
      .expect(200);
    expect(enabled.body).toMatchObject({ enabled: true, consecutiveFailures: 0, disabledReason: null });
    await t.http.post(`/api/v1/webhooks/${sub.id}/deliveries/${delivery.id}/redeliver`).set(admin).expect(202);
    await eventually('the missed event is delivered', () => receiver.idsAnswered(204).includes(delivery.eventId));
  });
});

describe('webhooks: two app instances on one database', () => {
  let t: TestApp;
  let second: INestApplication;
  let actors: Actors;
  let drive: ProjectDriver;
  const receiver = new Receiver();

  beforeAll(async () => {
    t = await startTestApp(workerConfig());
    second = await createApp(t.config);
    actors = await seedActors(t);
    drive = new ProjectDriver(t, actors);
    await drive.acknowledge('hero');
    await receiver.up();
  }, 30_000);
  afterAll(async () => {
    await second.close();
    await t.close();
    await receiver.down();
  }, 30_000);

  it('delivers each event exactly once when the receiver always accepts', async () => {
    const sub = await subscribe(t, actors, receiver.url, ['project.submitted']);
    const since = new Date().toISOString();
    await Promise.all(Array.from({ length: 8 }, () => drive.submitted('hero')));
    const events = await eventIdsSince(t, since);
    expect(events).toHaveLength(8);
    await eventually('all eight are delivered', () => new Set(receiver.idsAnswered(204)).size === 8);
    // Let any duplicate that would come still arrive before counting.
    await new Promise((r) => setTimeout(r, 1_500));
    const ids = receiver.idsAnswered(204);
    expect(ids).toHaveLength(8);
    expect(new Set(ids)).toEqual(new Set(events));
    const attempts = await t.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM webhook_delivery_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id WHERE d.subscription_id = $1',
      [sub.id],
    );
    expect(attempts[0].n).toBe(8);
  });
});
