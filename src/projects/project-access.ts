import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { NotFoundProblem } from '../common/problem/problem';
import { hasRole, type Principal } from '../identity/auth/principal';
import { assertCanDecide } from '../decisions/separation-of-duties';
import { Project } from './entities/project.entity';
import type { Actor } from './project-lifecycle';

/** States every employee may see when the portfolio is public (API.md "Authorization"). */
export const PUBLIC_STATES = ['approved', 'in_delivery', 'launched', 'retired'];
/** Submitted, unassigned projects form the advisors' queue: every advisor sees them. */
export const ADVISOR_QUEUE_STATES = ['submitted'];

/**
 * The one place that answers "who is this caller to this project" and "which projects may they
 * see". Lists apply the same rule as a SQL predicate, so lists and counts never leak, and a
 * record the caller may not see is a 404.
 */
@Injectable()
export class ProjectAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** Adds the visibility predicate to a query over `project` aliased `alias`. */
  applyVisibility(qb: SelectQueryBuilder<Project>, principal: Principal, alias = 'p'): SelectQueryBuilder<Project> {
    if (principal.type === 'api_key') {
      if (principal.orgUnitId) {
        qb.andWhere(
          `${alias}.orgUnitId IN (SELECT su.id FROM org_unit su JOIN org_unit ku ON ku.id = :keyUnit WHERE su.path LIKE ku.path || '%')`,
          { keyUnit: principal.orgUnitId },
        );
      }
      return qb;
    }
    if (hasRole(principal, 'cio')) return qb;
    const clauses = [
      `${alias}.proposerId = :me`,
      `${alias}.assignedAdvisorId = :me`,
      `EXISTS (SELECT 1 FROM project_team_member tm WHERE tm.project_id = ${alias}.id AND tm.user_id = :me)`,
    ];
    if (hasRole(principal, 'manager')) {
      clauses.push(
        `${alias}.orgUnitId IN (SELECT su.id FROM org_unit su JOIN org_unit mu ON mu.id = :myUnit WHERE su.path LIKE mu.path || '%')`,
      );
    }
    if (hasRole(principal, 'it_advisor')) clauses.push(`(${alias}.state IN (:...queueStates) AND ${alias}.assignedAdvisorId IS NULL)`);
    if (this.config.publicPortfolio) clauses.push(`${alias}.state IN (:...publicStates)`);
    return qb.andWhere(`(${clauses.join(' OR ')})`, {
      me: principal.userId,
      myUnit: principal.orgUnitId,
      queueStates: ADVISOR_QUEUE_STATES,
      publicStates: PUBLIC_STATES,
    });
  }

  /** Whether the caller may see the project: the visibility predicate alone, nothing loaded. */
  async isVisible(principal: Principal, id: string, em: EntityManager = this.dataSource.manager): Promise<boolean> {
    const qb = em.getRepository(Project).createQueryBuilder('p').select('p.id', 'id').where('p.id = :id', { id });
    return (await this.applyVisibility(qb, principal).getRawOne()) !== undefined;
  }

  /** Loads a project the caller may see (with children), or 404. */
  async findVisible(principal: Principal, id: string, em: EntityManager = this.dataSource.manager): Promise<Project> {
    const qb = em
      .getRepository(Project)
      .createQueryBuilder('p')
      .leftJoinAndSelect('p.vendors', 'v')
      .leftJoinAndSelect('p.kpis', 'k')
      .leftJoinAndSelect('p.team', 't')
      .where('p.id = :id', { id })
      .orderBy('v.position', 'ASC')
      .addOrderBy('k.position', 'ASC');
    const project = await this.applyVisibility(qb, principal).getOne();
    if (!project) throw new NotFoundProblem('Project');
    return project;
  }

  /** The caller's relations to a project: the input of the lifecycle table's actor check. */
  async relationsOf(principal: Principal, project: Project, em: EntityManager = this.dataSource.manager): Promise<Set<Actor>> {
    const relations = new Set<Actor>();
    if (principal.type !== 'user' || !principal.userId) return relations;
    const me = principal.userId;
    if (project.proposerId === me) relations.add('proposer');
    if (project.team?.some((m) => m.userId === me)) relations.add('team_member');
    if (project.assignedAdvisorId === me) relations.add('assigned_advisor');
    if (hasRole(principal, 'it_advisor') || hasRole(principal, 'cio')) relations.add('advisor');
    if (hasRole(principal, 'cio')) relations.add('cio');
    if (hasRole(principal, 'manager')) {
      const rows = await em.query<{ limit: string | null; currency: string | null; managerPath: string; projectPath: string }[]>(
        `SELECT u.approval_limit_amount AS "limit", u.approval_limit_currency AS currency, mu.path AS "managerPath", pu.path AS "projectPath"
         FROM app_user u JOIN org_unit mu ON mu.id = u.org_unit_id JOIN org_unit pu ON pu.id = $2 WHERE u.id = $1`,
        [me, project.orgUnitId],
      );
      const row = rows[0];
      if (row && row.projectPath.startsWith(row.managerPath)) {
        relations.add('sponsor_manager');
        const check = assertCanDecide({
          decider: {
            userId: me,
            roles: principal.roles,
            approvalLimitMinor: row.limit === null ? null : Number(row.limit),
            approvalCurrency: row.currency,
            unitPath: row.managerPath,
          },
          project: {
            proposerId: project.proposerId,
            teamMemberIds: (project.team ?? []).map((m) => m.userId),
            assessorId: project.assignedAdvisorId,
            budgetMinor: project.budgetAmount === null ? null : Number(project.budgetAmount),
            currency: project.budgetCurrency,
            unitPath: row.projectPath,
          },
        });
        if (check.ok && !(await this.isLatestAssessor(em, project.id, me))) relations.add('deciding_manager');
      }
    }
    return relations;
  }

  /**
   * Did `userId` submit the assessment revision being decided? Usually the assigned advisor, but the
   * CIO may have submitted it (DOMAIN.md §6: the assessor never decides).
   */
  private async isLatestAssessor(em: EntityManager, projectId: string, userId: string): Promise<boolean> {
    const rows = await em.query<{ assessor_id: string }[]>(
      `SELECT assessor_id FROM risk_assessment WHERE project_id = $1 AND status = 'submitted' ORDER BY revision DESC LIMIT 1`,
      [projectId],
    );
    return rows[0]?.assessor_id === userId;
  }
}
