import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { assertVersion } from '../common/http/if-match';
import { NotFoundProblem, ProblemError } from '../common/problem/problem';
import { actorOf, type Principal } from '../identity/auth/principal';
import { DomainEvents } from '../notifications/domain-events.service';
import { ProjectAccess } from '../projects/project-access';
import { conditionChangeRefusal } from './approval-conditions';
import { approvalInForce } from './decision-standing';
import { DecisionViews, loadPeople, toConditionDto } from './decision-views.service';
import { ConditionDto } from './dto/decision.dto';
import { UpdateConditionDto } from './dto/condition.dto';
import { ApprovalCondition } from './entities/approval-condition.entity';
import { Decision } from './entities/decision.entity';

const REFUSALS = {
  not_open: [409, 'condition-closed', 'Condition already closed', 'This condition is already met or waived; it cannot change again.'],
  not_owner: [403, 'forbidden', 'Not allowed', 'Only the owner of a condition marks it met.'],
  not_deciding_manager: [403, 'forbidden', 'Not allowed', 'Only the manager who made the decision waives one of its conditions.'],
} as const;

/** Conditions of approval (DOMAIN.md §6): the owner meets them, the deciding manager waives them. */
@Injectable()
export class ConditionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProjectAccess,
    private readonly views: DecisionViews,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  /** The conditions of the project's current decision, in the order the manager set them. */
  async list(principal: Principal, projectId: string): Promise<ConditionDto[]> {
    const em = this.dataSource.manager;
    await this.access.findVisible(principal, projectId, em);
    const decision = await this.views.current(em, projectId);
    if (!decision) return [];
    const rows = await em.getRepository(ApprovalCondition).find({ where: { decisionId: decision.id }, order: { position: 'ASC' } });
    const people = await loadPeople(
      em,
      rows.flatMap((c) => [c.ownerId, c.closedById]),
    );
    return rows.map((c) => toConditionDto(c, people));
  }

  async update(
    principal: Principal,
    projectId: string,
    conditionId: string,
    expectedVersion: number,
    dto: UpdateConditionDto,
  ): Promise<ConditionDto> {
    return this.dataSource.transaction(async (em) => {
      // The project row lock serializes this with launch, which reads the open conditions.
      await em.query('SELECT 1 FROM project WHERE id = $1 FOR UPDATE', [projectId]);
      const project = await this.access.findVisible(principal, projectId, em);
      const condition = await em.getRepository(ApprovalCondition).findOneBy({ id: conditionId, projectId });
      if (!condition) throw new NotFoundProblem('Condition');
      const decision = await em.getRepository(Decision).findOneByOrFail({ id: condition.decisionId });
      if (!approvalInForce(decision, project.state) || project.state === 'launched') {
        throw new ProblemError(
          409,
          'condition-not-actionable',
          'Condition not actionable',
          'Conditions change only while the approval they belong to is in force and the project is approved or in delivery.',
          { projectState: project.state },
        );
      }
      const refusal = conditionChangeRefusal({
        status: condition.status,
        change: dto.status,
        actorId: principal.userId!,
        ownerId: condition.ownerId,
        decidingManagerId: decision.deciderId,
      });
      if (refusal) {
        const [status, code, title, detail] = REFUSALS[refusal];
        throw new ProblemError(status, code, title, detail, { reason: refusal });
      }
      assertVersion(expectedVersion, condition.version);
      const before = { status: condition.status };
      Object.assign(condition, {
        status: dto.status,
        evidenceNote: dto.status === 'met' ? dto.evidenceNote!.trim() : null,
        waiverReason: dto.status === 'waived' ? dto.reason!.trim() : null,
        closedById: principal.userId,
        closedAt: new Date(),
      });
      const saved = await em.getRepository(ApprovalCondition).save(condition);
      await this.audit.record(em, {
        actor: actorOf(principal),
        action: `condition.${dto.status}`,
        entityType: 'approval_condition',
        entityId: saved.id,
        projectId,
        before,
        after: { status: saved.status, evidenceNote: saved.evidenceNote, waiverReason: saved.waiverReason },
      });
      await this.events.publish(em, {
        type: 'condition.updated',
        actor: actorOf(principal),
        project,
        data: {
          condition: {
            id: saved.id,
            decisionId: saved.decisionId,
            text: saved.text,
            owner: saved.ownerId,
            dueDate: saved.dueDate,
            status: saved.status,
          },
        },
      });
      return toConditionDto(saved, await loadPeople(em, [saved.ownerId, saved.closedById]));
    });
  }
}
