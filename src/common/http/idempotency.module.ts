import { Module, OnModuleInit } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { JobQueue } from '../../notifications/job-queue.service';
import { NotificationsModule } from '../../notifications/notifications.module';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyStore } from './idempotency.store';

export const IDEMPOTENCY_PURGE_QUEUE = 'idempotency-purge';

/** Idempotency-Key for every POST (API.md), with an hourly purge of expired keys on the job queue. */
@Module({
  imports: [NotificationsModule],
  providers: [IdempotencyStore, { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }],
})
export class IdempotencyModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobQueue,
    private readonly store: IdempotencyStore,
  ) {}

  onModuleInit(): void {
    this.jobs.defineHourlyPurge(IDEMPOTENCY_PURGE_QUEUE, 17, () => this.store.purgeExpired());
  }
}
