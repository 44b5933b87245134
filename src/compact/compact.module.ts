import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { CompactController } from './compact.controller';
import { CompactService } from './compact.service';

/** The compact: versions, publication, acknowledgements, and the acknowledgement guard (DOMAIN.md §2). */
@Module({
  imports: [AuditModule, NotificationsModule],
  controllers: [CompactController],
  providers: [CompactService],
  exports: [CompactService],
})
export class CompactModule {}
