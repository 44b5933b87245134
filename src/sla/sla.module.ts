import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SlaService } from './sla.service';

/** SLA timers and escalation (DOMAIN.md §8): a scheduled scan records each breach once. */
@Module({
  imports: [AuditModule, NotificationsModule],
  providers: [SlaService],
  exports: [SlaService],
})
export class SlaModule {}
