import { Module } from '@nestjs/common';
import { DomainEvents } from './domain-events.service';
import { JobQueue } from './job-queue.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/**
 * Domain events (the transactional outbox), the job queue that carries them, and in-app
 * notifications (DOMAIN.md §10). Depends on nothing but the database, so every domain module can
 * import it to publish events without a cycle.
 */
@Module({
  controllers: [NotificationsController],
  providers: [JobQueue, DomainEvents, NotificationsService],
  exports: [JobQueue, DomainEvents, NotificationsService],
})
export class NotificationsModule {}
