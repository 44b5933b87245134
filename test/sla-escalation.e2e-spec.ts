import { INestApplication } from '@nestjs/common';
import { createApp } from '../src/app.setup';
import { loadConfig } from '../src/config/app-config';
import { JobQueue } from '../src/notifications/job-queue.service';
import { SLA_QUEUE, SlaService } from '../src/sla/sla.service';
import { Actors, AccountName, seedActors } from './support/actors';
import { completeProject, ProjectDriver } from './support/projects';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(60_000);

/**
 * SLA timers (DOMAIN.md §8): business days from project.stateChangedAt, one breach per visit of a
 * stage, escalation to the CIO or the next manager up, `sla.breached` emitted — once, even with
 * two app instances scanning at the same time.
 */
const MONDAY_10 = '2026-03-02T10:00:00.000Z';
const at = (iso: string): Date => new Date(iso);

describe('SLA escalation', () => {
  let t: TestApp;
  let actors: Actors;
  let drive: ProjectDriver;
  let sla: SlaService;

  beforeAll(async () => {
    t = await startTestApp();
    actors = await seedActors(t);
    drive = new ProjectDriver(t, actors);
    await drive.acknowledge('hero');
    sla = t.app.get(SlaService);
  }, 30_000);
  afterAll(() => t.close(), 30_000);

  /** A project put in `state` at `enteredAt` (the lifecycle to those states is other modules' business). */
  async function projectIn(state: string, enteredAt: string, extra: { fastTrack?: boolean; budget?: number } = {}): Promise<string> {
    const body = extra.budget ? completeProject({ budget: { amount: extra.budget, currency: 'EUR' } }) : completeProject();
    const { id } = await drive.create('hero', body);
    await t.dataSource.query(
      'UPDATE project SET state = $2, state_changed_at = $3, fast_track = $4, assigned_advisor_id = $5 WHERE id = $1',
      [id, state, enteredAt, extra.fastTrack ?? false, state === 'submitted' ? null : await actors.userId('advisor')],
    );
    return id;
  }

  const breaches = (projectId: string) =>
    t.dataSource.query<{ stage: string; due_at: Date; target_business_days: number; escalated_to: string[] }[]>(
      'SELECT stage, due_at, target_business_days, escalated_to FROM sla_breach WHERE project_id = $1 ORDER BY detected_at',
      [projectId],
    );
  const notified = async (who: AccountName, projectId: string) =>
    (
      await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM notification WHERE type = 'sla.breached' AND project_id = $1 AND user_id = $2`,
        [projectId, await actors.userId(who)],
      )
    )[0].n;

  it('records a late assignment once, after the due instant, and escalates it to the CIO', async () => {
    const id = await projectIn('submitted', MONDAY_10);
    await sla.scan(at('2026-03-04T10:00:00Z')); // Wednesday 10:00 is the due instant itself
    expect(await breaches(id)).toEqual([]);
    await sla.scan(at('2026-03-04T10:00:01Z'));
    const [breach] = await breaches(id);
    expect(breach).toMatchObject({ stage: 'assignment', target_business_days: 2, escalated_to: [await actors.userId('cio')] });
    expect(new Date(breach.due_at).toISOString()).toBe('2026-03-04T10:00:00.000Z');
    expect(await notified('cio', id)).toBe(1);
    expect(await notified('hero', id)).toBe(0);

    const [event] = await t.dataSource.query<{ type: string; actor_type: string; data: Record<string, unknown> }[]>(
      `SELECT type, actor_type, data FROM domain_event WHERE project_id = $1 AND type = 'sla.breached'`,
      [id],
    );
    expect(event).toMatchObject({
      actor_type: 'system',
      data: {
        stage: 'assignment',
        targetBusinessDays: 2,
        stateEnteredAt: MONDAY_10,
        dueAt: '2026-03-04T10:00:00.000Z',
        project: { id, state: 'submitted' },
      },
    });
    const audit = await t.http
      .get(`/api/v1/audit-events?projectId=${id}&action=sla.breach`)
      .set(await actors.auth('cio'))
      .expect(200);
    expect(audit.body.items).toHaveLength(1);

    await sla.scan(at('2026-03-20T00:00:00Z'));
    expect(await breaches(id)).toHaveLength(1);
    expect(await notified('cio', id)).toBe(1);
  });

  it('counts business days: a Friday entry is due after the weekend', async () => {
    const id = await projectIn('submitted', '2026-03-06T16:00:00.000Z'); // Friday
    await sla.scan(at('2026-03-09T23:00:00Z')); // Monday: only one business day has passed
    expect(await breaches(id)).toEqual([]);
    await sla.scan(at('2026-03-10T16:00:01Z')); // Tuesday 16:00:01
    expect((await breaches(id)).map((b) => b.stage)).toEqual(['assignment']);
  });

  it('gives fast-track assessments 2 business days and others 5', async () => {
    const fast = await projectIn('in_review', MONDAY_10, { fastTrack: true });
    const full = await projectIn('in_review', MONDAY_10);
    await sla.scan(at('2026-03-05T09:00:00Z')); // Thursday
    expect(await breaches(fast)).toMatchObject([{ stage: 'assessment', target_business_days: 2 }]);
    expect(await breaches(full)).toEqual([]);
    await sla.scan(at('2026-03-09T10:00:01Z')); // next Monday, just after 5 business days
    expect(await breaches(full)).toMatchObject([{ stage: 'assessment', target_business_days: 5 }]);
    expect(await notified('cio', full)).toBe(1);
  });

  it('escalates a late decision to the next manager up, or to the CIO when there is nobody above', async () => {
    // 12,000 EUR: the Marketing manager may decide, so the company manager above hears of the delay.
    const small = await projectIn('awaiting_decision', MONDAY_10, { budget: 1_200_000 });
    // 100,000 EUR: only the company manager may decide; nobody sits above them.
    const large = await projectIn('awaiting_decision', MONDAY_10, { budget: 10_000_000 });
    await sla.scan(at('2026-03-05T10:00:01Z'));
    expect(await breaches(small)).toMatchObject([
      { stage: 'decision', target_business_days: 3, escalated_to: [await actors.userId('manager')] },
    ]);
    expect(await notified('manager', small)).toBe(1);
    expect(await notified('marketingManager', small)).toBe(0);
    expect(await notified('cio', small)).toBe(0);
    expect(await breaches(large)).toMatchObject([{ stage: 'decision', escalated_to: [await actors.userId('cio')] }]);
    expect(await notified('cio', large)).toBe(1);
  });

  it('escalates a late co-sign to the CIO, and records a new visit of a stage as a new breach', async () => {
    const id = await projectIn('awaiting_cosign', MONDAY_10);
    await sla.scan(at('2026-03-04T10:00:01Z'));
    expect(await breaches(id)).toMatchObject([{ stage: 'cosign', escalated_to: [await actors.userId('cio')] }]);
    // Back in the same state later (e.g. after an amendment): the clock restarts.
    await t.dataSource.query(`UPDATE project SET state_changed_at = '2026-03-09T10:00:00Z' WHERE id = $1`, [id]);
    await sla.scan(at('2026-03-10T12:00:00Z'));
    expect(await breaches(id)).toHaveLength(1);
    await sla.scan(at('2026-03-11T10:00:01Z'));
    expect(await breaches(id)).toHaveLength(2);
  });

  it('ignores projects outside the timed states', async () => {
    const id = await projectIn('info_requested', MONDAY_10);
    await sla.scan(at('2026-06-01T00:00:00Z'));
    expect(await breaches(id)).toEqual([]);
  });
});

describe('SLA escalation with two app instances', () => {
  let t: TestApp;
  let second: INestApplication;
  let actors: Actors;
  let drive: ProjectDriver;

  beforeAll(async () => {
    t = await startTestApp({ workersEnabled: true, jobPollIntervalSeconds: 0.5 });
    second = await createApp(t.config);
    actors = await seedActors(t);
    drive = new ProjectDriver(t, actors);
    await drive.acknowledge('hero');
  }, 30_000);
  afterAll(async () => {
    await second.close();
    await t.close();
  }, 30_000);

  it('records each breach once when both instances scan at the same time, and schedules the scan', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await drive.submitted('hero'));
    await t.dataSource.query(`UPDATE project SET state_changed_at = now() - interval '30 days' WHERE id = ANY($1)`, [ids]);

    const [a, b] = [t.app.get(SlaService), second.get(SlaService)];
    const recorded = await Promise.all([a.scan(), b.scan(), a.scan(), b.scan()]);
    expect(recorded.reduce((x, y) => x + y, 0)).toBe(6);

    // And through the job queue: four scan jobs, picked up by the workers of both instances.
    for (let i = 0; i < 4; i++) await t.app.get(JobQueue).send(SLA_QUEUE, {});
    for (let i = 0; i < 80; i++) {
      const [{ n }] = await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'completed'`,
        [SLA_QUEUE],
      );
      if (n >= 4) break;
      await new Promise((r) => setTimeout(r, 250));
    }

    const count = async (sql: string) => (await t.dataSource.query<{ n: number }[]>(sql, [ids]))[0].n;
    expect(await count('SELECT count(*)::int AS n FROM sla_breach WHERE project_id = ANY($1)')).toBe(6);
    expect(await count(`SELECT count(*)::int AS n FROM domain_event WHERE type = 'sla.breached' AND project_id = ANY($1)`)).toBe(6);
    expect(await count(`SELECT count(*)::int AS n FROM notification WHERE type = 'sla.breached' AND project_id = ANY($1)`)).toBe(6);
    expect(await count(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'sla.breach' AND project_id = ANY($1)`)).toBe(6);
    const audit = await t.http
      .get('/api/v1/audit-events/verify')
      .set(await actors.auth('admin'))
      .expect(200);
    expect(audit.body.valid).toBe(true);

    const schedules = await t.dataSource.query<{ name: string; cron: string }[]>('SELECT name, cron FROM pgboss.schedule ORDER BY name');
    expect(schedules).toEqual(expect.arrayContaining([{ name: SLA_QUEUE, cron: t.config.sla.scanCron }]));
  });
});

describe('SLA holidays', () => {
  it('skips configured holidays', async () => {
    const t = await startTestApp({ sla: { ...loadConfig({ NODE_ENV: 'test' }).sla, holidays: ['2026-03-03'] } });
    try {
      const actors = await seedActors(t);
      const drive = new ProjectDriver(t, actors);
      await drive.acknowledge('hero');
      const { id } = await drive.create('hero');
      await t.dataSource.query(`UPDATE project SET state = 'submitted', state_changed_at = $2 WHERE id = $1`, [id, MONDAY_10]);
      const sla = t.app.get(SlaService);
      await sla.scan(at('2026-03-04T10:00:01Z')); // would be late without the Tuesday holiday
      expect(await t.dataSource.query('SELECT 1 FROM sla_breach WHERE project_id = $1', [id])).toEqual([]);
      await sla.scan(at('2026-03-05T10:00:01Z'));
      expect(await t.dataSource.query('SELECT stage FROM sla_breach WHERE project_id = $1', [id])).toEqual([{ stage: 'assignment' }]);
    } finally {
      await t.close();
    }
  }, 30_000);
});
