import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ProblemError } from '../common/problem/problem';
import type { Principal } from '../identity/auth/principal';
import type { ProjectDto } from '../projects/dto/project.dto';
import type { Project } from '../projects/entities/project.entity';
import { ProjectLifecycleService } from '../projects/project-lifecycle.service';
import { openConditions } from './approval-conditions';
import { approvalInForce } from './decision-standing';
import { DecisionViews } from './decision-views.service';
import { ApprovalCondition } from './entities/approval-condition.entity';

/** Delivery (DOMAIN.md §4, §7): start delivery, launch once every condition is met or waived, retire with a reason. */
@Injectable()
export class DeliveryService {
  constructor(
    private readonly lifecycle: ProjectLifecycleService,
    private readonly decisions: DecisionViews,
  ) {}

  startDelivery(principal: Principal, id: string): Promise<ProjectDto> {
    return this.lifecycle.run(principal, id, 'start_delivery', async (em, project) => {
      await this.assertApprovalInForce(em, project);
    });
  }

  launch(principal: Principal, id: string): Promise<ProjectDto> {
    return this.lifecycle.run(principal, id, 'launch', async (em, project) => {
      const decisionId = await this.assertApprovalInForce(em, project);
      const conditions = await em.getRepository(ApprovalCondition).find({ where: { decisionId }, order: { position: 'ASC' } });
      const open = openConditions(conditions);
      if (open.length) {
        throw new ProblemError(
          409,
          'open-conditions',
          'Conditions of approval still open',
          `Launch waits until every condition is met or waived; open: ${open.map((c) => `"${c.text}"`).join(', ')}.`,
          { openConditions: open.map((c) => ({ id: c.id, text: c.text, ownerId: c.ownerId, dueDate: c.dueDate })) },
        );
      }
      project.launchedAt = new Date();
    });
  }

  retire(principal: Principal, id: string, reason: string): Promise<ProjectDto> {
    return this.lifecycle.run(principal, id, 'retire', (_em, project) => {
      markRetired(project, reason);
      return Promise.resolve();
    });
  }

  /**
   * Defence in depth: the state machine only lets approved projects move on, but a project must
   * never be delivered or launched without a decision that authorises it.
   */
  private async assertApprovalInForce(em: EntityManager, project: Project): Promise<string> {
    const decision = await this.decisions.current(em, project.id);
    if (!decision || !approvalInForce(decision, project.state)) {
      throw new ProblemError(409, 'no-approval-in-force', 'No approval in force', 'The project has no approval in force to deliver under.');
    }
    return decision.id;
  }
}

export function markRetired(project: Project, reason: string): void {
  project.retiredAt = new Date();
  project.retirementReason = reason.trim();
}
