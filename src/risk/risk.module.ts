import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CompactModule } from '../compact/compact.module';
import { ProjectsModule } from '../projects/projects.module';
import { AssessmentAccess } from './assessment-access';
import { AssessmentSubmissionService } from './assessment-submission.service';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsService } from './assessments.service';
import { RiskFrameworksController } from './risk-frameworks.controller';
import { RiskFrameworksService } from './risk-frameworks.service';

/** Risk frameworks, assessments and scoring (DOMAIN.md §5). Decisions read `AssessmentsService.latestSubmitted`. */
@Module({
  imports: [AuditModule, CompactModule, ProjectsModule],
  controllers: [RiskFrameworksController, AssessmentsController],
  providers: [RiskFrameworksService, AssessmentAccess, AssessmentsService, AssessmentSubmissionService],
  exports: [AssessmentsService, RiskFrameworksService],
})
export class RiskModule {}
