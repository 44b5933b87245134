import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';

/** pg-boss keeps its tables in their own schema of the application database. */
export const JOB_SCHEMA = 'pgboss';
const STOP_TIMEOUT_MS = 5_000;
/** pg_advisory_lock key held while the job queue installs its schema and queues (unique to this app). */
const JOB_SETUP_LOCK_KEY = 47_112_027;

export type JobHandler<T> = (data: T) => Promise<void>;

export interface QueueDefinition<T> {
  handler: JobHandler<T>;
  /** Retries of a job whose handler threw, or whose worker died (expired while active). */
  retryLimit: number;
  retryDelaySeconds: number;
  /** Longest a handler may run; an active job older than this is presumed lost and retried. */
  expireInSeconds: number;
  /** Cron schedule (UTC): pg-boss sends it once per slot across every instance. */
  cron?: string;
}

export interface SendOptions {
  /** Not before this many milliseconds from now (database clock). */
  startAfterMs?: number;
}

/**
 * The job queue: pg-boss on the application database (DOMAIN.md §10 outbox). Modules declare their
 * queues in onModuleInit; the queue starts when the app boots and stops (finishing in-flight jobs)
 * when it shuts down. With WORKERS_ENABLED=false this instance only enqueues.
 *
 * `sendInTransaction` inserts the job through the caller's TypeORM transaction: the job exists if
 * and only if the change commits, so nothing is lost when the process dies after the commit.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('JobQueue');
  private readonly boss: PgBoss;
  private readonly queues = new Map<string, QueueDefinition<never>>();

  constructor(private readonly config: AppConfig) {
    this.boss = new PgBoss({
      connectionString: config.databaseUrl,
      schema: JOB_SCHEMA,
      application_name: 'hero-compact-jobs',
      max: 4,
      migrate: true,
      supervise: config.workersEnabled,
      schedule: config.workersEnabled,
      maintenanceIntervalSeconds: config.jobMaintenanceIntervalSeconds,
    });
    // pg-boss re-emits its pool's errors: without a listener a lost connection would crash the process.
    this.boss.on('error', (err: Error) => this.logger.error(`job queue: ${err.message}`));
  }

  define<T extends object>(queue: string, definition: QueueDefinition<T>): void {
    if (this.queues.has(queue)) throw new Error(`Queue ${queue} is defined twice`);
    this.queues.set(queue, definition);
  }

  /**
   * An hourly clean-up at `minute` past the hour (a bounded DELETE of expired rows): once per hour
   * across every instance, retried once a minute later, given five minutes.
   */
  defineHourlyPurge(queue: string, minute: number, purge: () => Promise<unknown>): void {
    this.define<object>(queue, {
      handler: async () => void (await purge()),
      retryLimit: 1,
      retryDelaySeconds: 60,
      expireInSeconds: 300,
      cron: `${minute} * * * *`,
    });
  }

  get workersEnabled(): boolean {
    return this.config.workersEnabled;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.exclusively(async () => {
      await this.boss.start();
      for (const [name, q] of this.queues) {
        const options = {
          retryLimit: q.retryLimit,
          retryDelay: q.retryDelaySeconds,
          retryBackoff: true,
          expireInSeconds: q.expireInSeconds,
        };
        await this.boss.createQueue(name, { name, policy: 'standard', ...options });
        // createQueue keeps an existing queue's options: bring them in line with this release.
        await this.boss.updateQueue(name, { name, ...options });
      }
    });
    if (!this.config.workersEnabled) return;
    for (const [name, q] of this.queues) {
      await this.boss.work<object>(
        name,
        { batchSize: this.config.jobBatchSize, pollingIntervalSeconds: this.config.jobPollIntervalSeconds },
        (jobs) => this.runBatch(name, q, jobs),
      );
      if (q.cron) await this.boss.schedule(name, q.cron, {}, { tz: 'UTC' });
    }
  }

  /**
   * Replicas starting together on a fresh database both install pg-boss's schema and create the
   * same queues; PostgreSQL answered one of them "deadlock detected" and that replica failed to
   * start (test/scale-out-two-instances.e2e-spec.ts). One session advisory lock makes them queue.
   */
  private async exclusively(work: () => Promise<void>): Promise<void> {
    const client = new Client({ connectionString: this.config.databaseUrl, application_name: 'hero-compact-jobs-setup' });
    await client.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [JOB_SETUP_LOCK_KEY]);
      try {
        await work();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [JOB_SETUP_LOCK_KEY]);
      }
    } finally {
      await client.end();
    }
  }

  async onModuleDestroy(): Promise<void> {
    try {
      await this.boss.stop({ graceful: true, timeout: STOP_TIMEOUT_MS, wait: true });
    } catch (err) {
      this.logger.warn(`job queue did not stop cleanly: ${(err as Error).message}`);
    }
  }

  /** Enqueues inside the caller's transaction (committed or rolled back with it). */
  async sendInTransaction(em: EntityManager, queue: string, data: object, options: SendOptions = {}): Promise<void> {
    const runner = em.queryRunner;
    if (!runner?.isTransactionActive) throw new Error('JobQueue.sendInTransaction needs a transactional EntityManager');
    const db: PgBoss.Db = {
      executeSql: async (text, values) => ({ rows: (await runner.query(text, values, true)).records as unknown[] }),
    };
    await this.boss.send(queue, data, { ...this.sendOptions(options), db });
  }

  /** Enqueues on its own (for work not tied to a data change, e.g. a manual scan). */
  async send(queue: string, data: object, options: SendOptions = {}): Promise<void> {
    await this.boss.send(queue, data, this.sendOptions(options));
  }

  private sendOptions(options: SendOptions): PgBoss.SendOptions {
    // A string start_after is an interval on the database clock: no skew between app and database.
    return options.startAfterMs && options.startAfterMs > 0 ? { startAfter: `${Math.round(options.startAfterMs)} milliseconds` } : {};
  }

  /**
   * A batch is fetched at once but each job succeeds or fails on its own: a failing job is failed
   * here (pg-boss retries it), the others complete when the batch returns.
   */
  private async runBatch(queue: string, q: QueueDefinition<never>, jobs: PgBoss.Job<object>[]): Promise<void> {
    await Promise.all(
      jobs.map(async (job) => {
        try {
          await q.handler(job.data as never);
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          this.logger.warn(`job ${queue}/${job.id} failed: ${message}`);
          await this.boss
            .fail(queue, job.id, { message })
            .catch((e: Error) => this.logger.error(`could not fail job ${job.id}: ${e.message}`));
        }
      }),
    );
  }
}
