import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CompactModule } from '../compact/compact.module';
import { IdentityModule } from '../identity/identity.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProjectAccess } from './project-access';
import { ProjectActionsController } from './project-actions.controller';
import { ProjectCommentsService } from './project-comments.service';
import { ProjectConversationController } from './project-conversation.controller';
import { ProjectFastTrackController } from './project-fast-track.controller';
import { ProjectFastTrackService } from './project-fast-track.service';
import { ProjectLifecycleService } from './project-lifecycle.service';
import { ProjectViews } from './project-views.service';
import { SearchStatistics } from './search-statistics';
import { ProjectsController } from './projects.controller';
import { ProjectsIntakeService } from './projects-intake.service';

/** Intake, self-screening, the lifecycle state machine, comments and history (DOMAIN.md §3–4). */
@Module({
  imports: [AuditModule, CompactModule, IdentityModule, NotificationsModule],
  controllers: [ProjectsController, ProjectActionsController, ProjectConversationController, ProjectFastTrackController],
  providers: [
    ProjectAccess,
    ProjectViews,
    SearchStatistics,
    ProjectsIntakeService,
    ProjectLifecycleService,
    ProjectCommentsService,
    ProjectFastTrackService,
  ],
  exports: [ProjectAccess, ProjectViews, ProjectLifecycleService],
})
export class ProjectsModule {}
