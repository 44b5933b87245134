import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CompactService } from '../compact/compact.service';
import { ProblemError } from '../common/problem/problem';
import { actorOf, type Principal } from '../identity/auth/principal';
import { Project } from '../projects/entities/project.entity';
import { ProjectLifecycleService } from '../projects/project-lifecycle.service';
import { AssessmentAccess } from './assessment-access';
import { ratingInputProblems, submissionProblems, submittedOverallLevel } from './assessment-rules';
import { assessmentAuditView } from './assessment.mapper';
import { assertDraft, AssessmentsService } from './assessments.service';
import { AssessmentDto } from './dto/assessment.dto';
import { RiskAssessment } from './entities/risk-assessment.entity';
import { dimensionKeys } from './risk-frameworks.service';

/**
 * Submitting an assessment is the lifecycle action `complete_assessment` (DOMAIN.md §4): the
 * revision is frozen, the project's overall risk level is set and the project moves to
 * awaiting_decision — in the one transaction ProjectLifecycleService.run opens, with both audit events.
 */
@Injectable()
export class AssessmentSubmissionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AssessmentAccess,
    private readonly assessments: AssessmentsService,
    private readonly lifecycle: ProjectLifecycleService,
    private readonly compact: CompactService,
    private readonly audit: AuditService,
  ) {}

  async submit(principal: Principal, id: string): Promise<AssessmentDto> {
    // Answer 404/403/409 about the assessment itself before the lifecycle's own checks.
    const pre = await this.access.load(this.dataSource.manager, principal, id);
    this.access.assertWriter(pre.relations);
    assertDraft(pre.assessment);
    await this.lifecycle.run(principal, pre.project.id, 'complete_assessment', (em, project) => this.freeze(em, principal, id, project));
    return this.assessments.get(principal, id);
  }

  /** The guard of complete_assessment: runs inside the lifecycle transaction, with the project row locked. */
  private async freeze(em: EntityManager, principal: Principal, id: string, project: Project): Promise<void> {
    await this.compact.assertAcknowledged(em, principal, 'it');
    const loaded = await this.access.load(em, principal, id, true);
    const { assessment, framework, ratings, scope } = loaded;
    this.access.assertWriter(loaded.relations);
    assertDraft(assessment);
    const problems = [
      ...ratingInputProblems(ratings, dimensionKeys(framework), scope),
      ...submissionProblems(
        { scope, ratings, recommendation: assessment.recommendation, proposedConditionCount: assessment.proposedConditions.length },
        framework.thresholds,
      ),
    ];
    if (problems.length) {
      throw new ProblemError(
        400,
        'assessment-incomplete',
        'Assessment incomplete',
        'Complete these before submitting the assessment.',
        {},
        problems,
      );
    }
    const before = assessmentAuditView(assessment, ratings);
    Object.assign(assessment, {
      status: 'submitted',
      submittedAt: new Date(),
      assessorId: principal.userId!,
      overallLevel: submittedOverallLevel(ratings),
      light: scope.light,
      scope: scope.scope,
    });
    const saved = await em.getRepository(RiskAssessment).save(assessment);
    await this.audit.record(em, {
      actor: actorOf(principal),
      action: 'assessment.submit',
      entityType: 'risk_assessment',
      entityId: id,
      projectId: project.id,
      before,
      after: assessmentAuditView(saved, ratings),
    });
    // Saved with the transition by ProjectLifecycleService.run.
    project.riskLevel = saved.overallLevel;
  }
}
