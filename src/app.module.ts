import { DynamicModule, Module } from '@nestjs/common';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuditModule } from './audit/audit.module';
import { AppConfig } from './config/app-config';
import { CompactModule } from './compact/compact.module';
import { IdempotencyModule } from './common/http/idempotency.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DecisionsModule } from './decisions/decisions.module';
import { IdentityModule } from './identity/identity.module';
import { NotificationsModule } from './notifications/notifications.module';
import { LoggingModule } from './observability/logging.module';
import { ObservabilityModule } from './observability/observability.module';
import { ProjectsModule } from './projects/projects.module';
import { ReportsModule } from './reports/reports.module';
import { RiskModule } from './risk/risk.module';
import { SlaModule } from './sla/sla.module';
import { SupportsModule } from './supports/supports.module';
import { WebModule } from './web/web.module';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule,
        ObservabilityModule,
        IdentityModule,
        AuditModule,
        CompactModule,
        NotificationsModule,
        IdempotencyModule,
        WebhooksModule,
        SlaModule,
        ProjectsModule,
        RiskModule,
        DecisionsModule,
        AttachmentsModule,
        SupportsModule,
        ReportsModule,
        WebModule,
      ],
    };
  }
}
