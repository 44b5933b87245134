import { Module, OnModuleInit } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CompactModule } from '../compact/compact.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProjectsModule } from '../projects/projects.module';
import { ProjectViews } from '../projects/project-views.service';
import { RiskModule } from '../risk/risk.module';
import { ConditionsService } from './conditions.service';
import { DeciderAuthority } from './decider-authority.service';
import { DecisionViews } from './decision-views.service';
import { DecisionsController } from './decisions.controller';
import { DecisionsService } from './decisions.service';
import { DeliveryController } from './delivery.controller';
import { DeliveryService } from './delivery.service';
import { KpisController } from './kpis.controller';
import { KpisService } from './kpis.service';
import { ReviewsService } from './reviews.service';
import { RiskAcceptancesController } from './risk-acceptances.controller';
import { RiskAcceptancesService } from './risk-acceptances.service';

/** Sign-off, separation of duties, co-sign, conditions, risk acceptances, delivery and KPI outcomes (DOMAIN.md §6–7). */
@Module({
  imports: [AuditModule, CompactModule, NotificationsModule, ProjectsModule, RiskModule],
  controllers: [DecisionsController, DeliveryController, KpisController, RiskAcceptancesController],
  providers: [
    DeciderAuthority,
    DecisionViews,
    DecisionsService,
    ConditionsService,
    DeliveryService,
    KpisService,
    ReviewsService,
    RiskAcceptancesService,
  ],
  exports: [DecisionsService, DeliveryService, KpisService, ReviewsService, DecisionViews],
})
export class DecisionsModule implements OnModuleInit {
  constructor(
    private readonly projectViews: ProjectViews,
    private readonly decisionViews: DecisionViews,
  ) {}

  /** The project detail shows the current decision in brief (ProjectDto.decision). */
  onModuleInit(): void {
    this.projectViews.addDetailPart(this.decisionViews.summaryPart);
  }
}
