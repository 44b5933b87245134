import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CompactService } from '../compact/compact.service';
import { moneyOrNull } from '../common/money/money.dto';
import { ProblemError, ValidationProblem } from '../common/problem/problem';
import { actorOf, type Principal } from '../identity/auth/principal';
import type { ProjectDto } from '../projects/dto/project.dto';
import type { Project } from '../projects/entities/project.entity';
import { cosignAction, decisionAction, type TransitionContext } from '../projects/project-lifecycle';
import { ProjectLifecycleService } from '../projects/project-lifecycle.service';
import type { SubmittedAssessmentSummary } from '../risk/assessment-summary';
import { AssessmentsService } from '../risk/assessments.service';
import { conditionsForDecision, type ConditionDraft } from './approval-conditions';
import { isoDay } from './calendar';
import { DeciderAuthority } from './decider-authority.service';
import { decisionInputProblems } from './decision-input';
import type { DecisionSnapshot } from './decision-evidence';
import { CosignDto, DecideDto, RiskAcceptanceInputDto } from './dto/decision.dto';
import { ApprovalCondition } from './entities/approval-condition.entity';
import { Decision } from './entities/decision.entity';
import { RiskAcceptance } from './entities/risk-acceptance.entity';
import { assertCanCosign, isApproval, needsCosign, type RiskAcceptance as RiskAcceptanceInput } from './separation-of-duties';

/**
 * Management sign-off (DOMAIN.md §6): a manager decides on the latest submitted assessment revision;
 * high or critical risk waits for the CIO's co-sign. Each command is one lifecycle transition
 * (ProjectLifecycleService.run: the project row locked, the state moved, audited) whose guard
 * records the decision, its evidence, conditions and risk acceptance in the same transaction.
 */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly lifecycle: ProjectLifecycleService,
    private readonly authority: DeciderAuthority,
    private readonly assessments: AssessmentsService,
    private readonly compact: CompactService,
    private readonly audit: AuditService,
  ) {}

  async decide(principal: Principal, id: string, dto: DecideDto): Promise<ProjectDto> {
    // Filled by the guard, read by the transition once the guard has run: approval routes on the level decided on.
    const ctx: TransitionContext = {};
    let assessment: SubmittedAssessmentSummary | null = null;
    return this.lifecycle.run(
      principal,
      id,
      decisionAction(dto.outcome),
      (em, project) => this.record(em, principal, project, dto, ctx, assessment),
      ctx,
      // Authority first, under the lock: a manager who may not decide gets 403 naming who can, not the lifecycle's 409.
      async (em, project) => {
        if (project.state !== 'awaiting_decision') return;
        assessment = await this.assessments.latestSubmitted(em, id);
        await this.authority.assertCanDecide(em, principal, project, [assessment?.assessorId ?? null, project.assignedAdvisorId]);
      },
    );
  }

  async cosign(principal: Principal, id: string, dto: CosignDto): Promise<ProjectDto> {
    let pending: Decision | null = null;
    return this.lifecycle.run(
      principal,
      id,
      cosignAction(dto.outcome),
      async (em, project) => {
        await this.compact.assertAcknowledged(em, principal, 'it');
        const decision = pending ?? (await this.pendingDecision(em, project));
        const before = { status: decision.status, cosignOutcome: decision.cosignOutcome };
        Object.assign(decision, {
          cosignerId: principal.userId,
          cosignOutcome: dto.outcome,
          cosignRationale: dto.rationale.trim(),
          cosignedAt: new Date(),
          status: dto.outcome === 'cosign' ? 'effective' : 'cosign_declined',
        });
        await em.getRepository(Decision).save(decision);
        await this.audit.record(em, {
          actor: actorOf(principal),
          action: `decision.${dto.outcome}`,
          entityType: 'decision',
          entityId: decision.id,
          projectId: project.id,
          before,
          after: { status: decision.status, cosignOutcome: dto.outcome, cosignRationale: decision.cosignRationale },
        });
      },
      {},
      // Separation of duties first, under the lock: 403 naming the reason, not the lifecycle's 409.
      async (em, project) => {
        if (project.state !== 'awaiting_cosign') return;
        pending = await this.pendingDecision(em, project);
        this.assertCanCosign(principal, project, pending);
      },
    );
  }

  /** The guard of decide_*: runs under the project's row lock, inside the lifecycle transaction. */
  private async record(
    em: EntityManager,
    principal: Principal,
    project: Project,
    dto: DecideDto,
    ctx: TransitionContext,
    // Loaded by the precheck under the same lock; the decider's authority was checked there against it.
    assessment: SubmittedAssessmentSummary | null,
  ): Promise<void> {
    await this.compact.assertAcknowledged(em, principal, 'manager');
    if (!assessment) {
      throw new ProblemError(409, 'assessment-missing', 'No submitted assessment', 'The project has no submitted assessment to decide on.');
    }
    if (await em.getRepository(Decision).existsBy({ assessmentId: assessment.id })) {
      throw new ProblemError(
        409,
        'assessment-already-decided',
        'Assessment already decided',
        `Revision ${assessment.revision} was already decided on; a new decision needs a new assessment revision.`,
      );
    }
    const today = isoDay();
    const allowedOwnerIds = conditionOwners(project);
    const conditions = conditionsForDecision({
      outcome: dto.outcome,
      requested: dto.conditions,
      proposed: assessment.proposedConditions,
      proposerId: project.proposerId,
      allowedOwnerIds,
      targetLaunchDate: project.targetLaunchDate,
      today,
    });
    const problems = decisionInputProblems({
      outcome: dto.outcome,
      requestedConditions: dto.conditions,
      conditions,
      allowedOwnerIds,
      riskAcceptance: dto.riskAcceptance as RiskAcceptanceInput | undefined,
      recommendation: assessment.recommendation,
      overallLevel: assessment.overallLevel,
      today,
    });
    if (problems.length) throw new ValidationProblem(problems, 'The decision is missing something its outcome requires.');

    await em.query('UPDATE decision SET superseded_at = now() WHERE project_id = $1 AND superseded_at IS NULL', [project.id]);
    const cosignRequired = isApproval(dto.outcome) && needsCosign(assessment.overallLevel);
    const decision = await em.getRepository(Decision).save(
      em.getRepository(Decision).create({
        projectId: project.id,
        assessmentId: assessment.id,
        assessmentRevision: assessment.revision,
        assessorId: assessment.assessorId,
        recommendation: assessment.recommendation,
        riskLevel: assessment.overallLevel,
        deciderId: principal.userId!,
        outcome: dto.outcome,
        rationale: dto.rationale.trim(),
        status: cosignRequired ? 'pending_cosign' : 'effective',
        snapshot: snapshotOf(project, assessment),
        cosignRequired,
        cosignerId: null,
        cosignOutcome: null,
        cosignRationale: null,
        cosignedAt: null,
        supersededAt: null,
      }),
    );
    const saved = await this.saveConditions(em, project, decision, conditions);
    const acceptance =
      dto.riskAcceptance && isApproval(dto.outcome) ? await this.saveAcceptance(em, principal, decision, dto.riskAcceptance) : null;
    ctx.overallRiskLevel = assessment.overallLevel;
    await this.audit.record(em, {
      actor: actorOf(principal),
      action: 'decision.record',
      entityType: 'decision',
      entityId: decision.id,
      projectId: project.id,
      after: {
        outcome: decision.outcome,
        rationale: decision.rationale,
        status: decision.status,
        snapshot: decision.snapshot,
        conditions: saved.map((c) => ({ id: c.id, text: c.text, ownerId: c.ownerId, dueDate: c.dueDate })),
        riskAcceptance: acceptance
          ? { statement: acceptance.statement, acceptedLevel: acceptance.acceptedLevel, expiresOn: acceptance.expiresOn }
          : null,
      },
    });
  }

  private saveConditions(em: EntityManager, project: Project, decision: Decision, drafts: ConditionDraft[]): Promise<ApprovalCondition[]> {
    const repo = em.getRepository(ApprovalCondition);
    return repo.save(
      drafts.map((c, position) => repo.create({ ...c, projectId: project.id, decisionId: decision.id, position, status: 'open' })),
    );
  }

  private saveAcceptance(
    em: EntityManager,
    principal: Principal,
    decision: Decision,
    input: RiskAcceptanceInputDto,
  ): Promise<RiskAcceptance> {
    const repo = em.getRepository(RiskAcceptance);
    return repo.save(
      repo.create({
        projectId: decision.projectId,
        decisionId: decision.id,
        acceptedById: principal.userId!,
        statement: input.statement.trim(),
        acceptedLevel: input.acceptedLevel as RiskAcceptance['acceptedLevel'],
        expiresOn: input.expiresOn,
      }),
    );
  }

  private async pendingDecision(em: EntityManager, project: Project): Promise<Decision> {
    const decision = await em.getRepository(Decision).findOneBy({ projectId: project.id, status: 'pending_cosign' });
    if (!decision) throw new ProblemError(409, 'conflict', 'Conflict', 'There is no approval waiting for a co-sign on this project.');
    return decision;
  }

  private assertCanCosign(principal: Principal, project: Project, decision: Decision): void {
    const check = assertCanCosign({
      cosigner: { userId: principal.userId!, roles: principal.roles },
      decidingManagerId: decision.deciderId,
      // The assessor of the revision decided on, and the advisor assigned now: both advised.
      assessorId: decision.assessorId,
      proposerId: project.proposerId,
      teamMemberIds: (project.team ?? []).map((m) => m.userId),
    });
    const reason = !check.ok ? check.reason : project.assignedAdvisorId === principal.userId ? 'is_assessor' : null;
    if (reason === null) return;
    throw new ProblemError(
      403,
      'separation-of-duties',
      'Separation of duties',
      COSIGN_REFUSALS[reason] ?? 'You may not co-sign this project.',
      {
        reason,
      },
    );
  }
}

const COSIGN_REFUSALS: Record<string, string> = {
  not_cio: 'Only the CIO co-signs.',
  is_deciding_manager: 'You approved this project as its manager: the co-sign is a second pair of eyes.',
  is_assessor: 'You assessed this project: the assessor advises, others sign off.',
  is_proposer: 'You proposed this project: nobody signs off their own project.',
  is_team_member: 'You work on this project: nobody signs off their own project.',
};

function snapshotOf(project: Project, assessment: SubmittedAssessmentSummary): DecisionSnapshot {
  return {
    budget: moneyOrNull(project.budgetAmount, project.budgetCurrency),
    dataCategories: [...project.dataCategories],
    technologies: [...project.technologies],
    vendors: (project.vendors ?? []).map((v) => ({ name: v.name, service: v.service, dataShared: v.dataShared })),
    riskLevel: assessment.overallLevel,
    recommendation: assessment.recommendation,
    assessmentId: assessment.id,
    assessmentRevision: assessment.revision,
    frameworkVersionId: assessment.frameworkVersionId,
  };
}

/** Who may own a condition of approval: the people who deliver the project and the advisor who follows it. */
export function conditionOwners(project: Project): string[] {
  const ids = [project.proposerId, ...(project.team ?? []).map((m) => m.userId)];
  if (project.assignedAdvisorId) ids.push(project.assignedAdvisorId);
  return ids;
}
