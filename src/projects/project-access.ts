import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, type ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { NotFoundProblem } from '../common/problem/problem';
import { hasRole, type Principal } from '../identity/auth/principal';
import { assertCanDecide } from '../decisions/separation-of-duties';
import { Project } from './entities/project.entity';
import { ProjectGraph } from './project-graph';
import type { Actor } from './project-lifecycle';

/** States every employee may see when the portfolio is public (API.md "Authorization"). */
export const PUBLIC_STATES = ['approved', 'in_delivery', 'launched', 'retired'];
/** Submitted, unassigned projects form the advisors' queue: every advisor sees them. */
export const ADVISOR_QUEUE_STATES = ['submitted'];

/** What a list already knows, so its visibility predicate can be simpler (ProjectAccess.applyVisibility). */
export interface VisibilityScope {
  states?: readonly string[];
  ownSubtree?: readonly string[];
}

/**
 * The one place that answers "who is this caller to this project" and "which projects may they
 * see". Lists apply the same rule as a SQL predicate, so lists and counts never leak, and a
 * record the caller may not see is a 404.
 */
@Injectable()
export class ProjectAccess {
  /** Hand-written project reads (the detail here, the list in ProjectViews). */
  readonly graph: ProjectGraph;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    this.graph = new ProjectGraph(dataSource);
  }

  /**
   * Adds the visibility predicate to a query over `project` aliased `alias`. `scope` lets a list
   * give the planner an easier but equivalent predicate (docs/performance.md "Visibility"):
   * - `states`: the query keeps only these states anyway (its state filter), so a branch that can
   *   only match other states (the public portfolio, the advisors' queue) is left out; when only the
   *   caller's own, advised and team projects remain, they are one `id IN (… UNION …)` the planner
   *   reads by index instead of an OR with a correlated EXISTS it cannot estimate.
   * - `ownSubtree`: the ids of the caller's unit and everything below it, read beforehand
   *   (`OrgUnitsService.subtreeIds`), for a manager's or a unit-bound API key's subtree branch.
   * Without `scope` (other modules), the predicate is the plain one; both select the same rows.
   */
  applyVisibility(
    qb: SelectQueryBuilder<Project>,
    principal: Principal,
    alias = 'p',
    scope: VisibilityScope = {},
  ): SelectQueryBuilder<Project> {
    const visibility = this.visibility(principal, alias, scope);
    return visibility ? qb.andWhere(visibility.sql, visibility.params) : qb;
  }

  /**
   * The visibility predicate as SQL over `project` aliased `alias` (column names, TypeORM's named
   * parameters), or null when the caller sees every project. applyVisibility adds it to a query
   * builder; findVisible and the project list (ProjectViews) to their own statements.
   */
  visibility(principal: Principal, alias = 'p', scope: VisibilityScope = {}): { sql: string; params: ObjectLiteral } | null {
    const subtree = (param: string): string =>
      scope.ownSubtree
        ? `${alias}.org_unit_id = ANY(:${param}Ids)`
        : `${alias}.org_unit_id IN (SELECT su.id FROM org_unit su JOIN org_unit ku ON ku.id = :${param} WHERE su.path LIKE ku.path || '%')`;
    const unitParams = (param: string) => ({
      [param]: principal.orgUnitId,
      [`${param}Ids`]: scope.ownSubtree ? [...scope.ownSubtree] : [],
    });
    if (principal.type === 'api_key') {
      return principal.orgUnitId ? { sql: subtree('keyUnit'), params: unitParams('keyUnit') } : null;
    }
    if (hasRole(principal, 'cio')) return null;
    // Branches that reach beyond the caller's own projects; each may be left out by `scope.states`.
    const mayMatch = (states: readonly string[]): boolean => !scope.states || states.some((s) => scope.states!.includes(s));
    const wide: string[] = [];
    if (hasRole(principal, 'manager')) wide.push(subtree('myUnit'));
    if (hasRole(principal, 'it_advisor') && mayMatch(ADVISOR_QUEUE_STATES)) {
      wide.push(`(${alias}.state IN (:...queueStates) AND ${alias}.assigned_advisor_id IS NULL)`);
    }
    if (this.config.publicPortfolio && mayMatch(PUBLIC_STATES)) wide.push(`${alias}.state IN (:...publicStates)`);
    const params = { me: principal.userId, ...unitParams('myUnit'), queueStates: ADVISOR_QUEUE_STATES, publicStates: PUBLIC_STATES };
    if (wide.length === 0 && scope.states) {
      return {
        sql: `${alias}.id IN (SELECT vo.id FROM project vo WHERE vo.proposer_id = :me UNION SELECT va.id FROM project va WHERE va.assigned_advisor_id = :me
          UNION SELECT vt.project_id FROM project_team_member vt WHERE vt.user_id = :me)`,
        params,
      };
    }
    const own = [
      `${alias}.proposer_id = :me`,
      `${alias}.assigned_advisor_id = :me`,
      `EXISTS (SELECT 1 FROM project_team_member tm WHERE tm.project_id = ${alias}.id AND tm.user_id = :me)`,
    ];
    return { sql: `(${[...own, ...wide].join(' OR ')})`, params };
  }

  /** Whether the caller may see the project: the visibility predicate alone, nothing loaded. */
  async isVisible(principal: Principal, id: string, em: EntityManager = this.dataSource.manager): Promise<boolean> {
    const qb = em.getRepository(Project).createQueryBuilder('p').select('p.id', 'id').where('p.id = :id', { id });
    return (await this.applyVisibility(qb, principal).getRawOne()) !== undefined;
  }

  /** Loads a project the caller may see (with children and support count), or 404: one statement. */
  async findVisible(principal: Principal, id: string, em: EntityManager = this.dataSource.manager): Promise<Project> {
    const visibility = this.visibility(principal, 'p');
    const [sql, params] = this.graph.query({
      where: ['p.id = :id', ...(visibility ? [visibility.sql] : [])],
      parameters: { ...visibility?.params, id },
      children: true,
    });
    const [row] = await em.query<Record<string, unknown>[]>(sql, params);
    if (!row) throw new NotFoundProblem('Project');
    return this.graph.hydrate(row);
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
