import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, type ObjectLiteral } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { decodeCursor, DEFAULT_PAGE_SIZE, Page, toPage } from '../common/pagination/pagination';
import { hasRole, type Principal } from '../identity/auth/principal';
import { ProjectDto, ProjectListQueryDto, ProjectSummaryDto } from './dto/project.dto';
import { Project } from './entities/project.entity';
import { OrgUnitsService } from '../identity/org-units/org-units.service';
import { ProjectAccess } from './project-access';
import { allowedActionsFor } from './project-actions';
import { PROJECT_SUMMARY_FIELDS, ProjectSummaryRow, toProjectDto, toProjectSummaryDto } from './project.mapper';
import { SearchStatistics } from './search-statistics';

type SortField = 'createdAt' | 'updatedAt' | 'targetLaunchDate' | 'submittedAt';
/** Sort keys and their columns. */
const SORT_COLUMNS: Record<SortField, string> = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  targetLaunchDate: 'target_launch_date',
  submittedAt: 'submitted_at',
};
/** Sort keys that may be null (nulls come last in both directions), with the SQL type of their cursor value. */
const NULLABLE_SORTS: Partial<Record<SortField, string>> = { targetLaunchDate: 'date', submittedAt: 'timestamptz' };

/**
 * `awaitingMyDecision`: exactly the projects `assertCanDecide` lets this manager decide (DOMAIN.md
 * §6), as SQL — awaiting a decision; unit in the manager's subtree (their unit as stored now); a
 * budget of none or 0, or a limit in the same currency at least the budget; not the proposer, a team
 * member, the assigned advisor or the assessor of the revision being decided (risk_assessment).
 * test/decisions-authority.e2e-spec.ts checks it against each project's allowedActions.
 */
const AWAITING_MY_DECISION_SQL = `p.state = 'awaiting_decision'
  AND EXISTS (SELECT 1 FROM app_user dmu JOIN org_unit dmo ON dmo.id = dmu.org_unit_id JOIN org_unit dpo ON dpo.id = p.org_unit_id
    WHERE dmu.id = :me AND 'manager' = ANY(dmu.roles) AND dpo.path LIKE dmo.path || '%'
      AND (coalesce(p.budget_amount, 0) = 0
        OR (upper(dmu.approval_limit_currency) = upper(p.budget_currency) AND dmu.approval_limit_amount >= p.budget_amount)))
  AND p.proposer_id <> :me
  AND p.assigned_advisor_id IS DISTINCT FROM :me
  AND NOT EXISTS (SELECT 1 FROM project_team_member dt WHERE dt.project_id = p.id AND dt.user_id = :me)
  AND NOT EXISTS (SELECT 1 FROM risk_assessment dra WHERE dra.project_id = p.id AND dra.status = 'submitted' AND dra.assessor_id = :me
    AND dra.revision = (SELECT max(dr2.revision) FROM risk_assessment dr2 WHERE dr2.project_id = p.id AND dr2.status = 'submitted'))`;

/**
 * Another module's part of a project's detail (e.g. decisions: the current decision in brief): a
 * scalar sub-select on the project id (`$1`) returning JSON, and how to read it. The parts are
 * folded into the one statement that also reads the names, so a detail costs the same round trips
 * however many modules add to it.
 */
export interface ProjectDetailPart {
  sql: string;
  read(json: unknown, project: Project): Partial<ProjectDto>;
}

/** Reading projects: one project with what the caller may do, and the filtered list (API.md "Lists"). */
@Injectable()
export class ProjectViews {
  private readonly detailParts: ProjectDetailPart[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProjectAccess,
    private readonly units: OrgUnitsService,
    private readonly config: AppConfig,
    private readonly searchStatistics: SearchStatistics,
  ) {}

  /** GET /projects/{id}: one load with the children, then the parts of the detail. */
  async get(principal: Principal, id: string): Promise<ProjectDto> {
    const project = await this.access.findVisible(principal, id);
    return this.render(this.dataSource.manager, principal, project);
  }

  /** The detail after a write that may have changed the children: reloaded as the caller sees it now. */
  async detail(em: EntityManager, principal: Principal, project: Project): Promise<ProjectDto> {
    const fresh = await this.access.findVisible(principal, project.id, em).catch(() => project);
    return this.render(em, principal, fresh);
  }

  /** The detail of a project loaded with its children (vendors, KPIs, team) and support count. */
  async render(em: EntityManager, principal: Principal, project: Project): Promise<ProjectDto> {
    const relations = await this.access.relationsOf(principal, project, em);
    const team = project.team ?? [];
    const people = [project.proposerId, ...(project.assignedAdvisorId ? [project.assignedAdvisorId] : []), ...team.map((m) => m.userId)];
    const [row] = await em.query<Record<string, unknown>[]>(
      `SELECT (SELECT name FROM org_unit WHERE id = $2) AS unit,
         coalesce((SELECT json_object_agg(u.id, u.display_name) FROM app_user u WHERE u.id = ANY($3::uuid[])), '{}') AS people
         ${this.detailParts.map((part, i) => `, (${part.sql}) AS part${i}`).join('')}`,
      [project.id, project.orgUnitId, people],
    );
    const names = { unit: row.unit as string, people: row.people as Record<string, string> };
    const dto = toProjectDto(project, allowedActionsFor(project, relations), names);
    this.detailParts.forEach((part, i) => Object.assign(dto, part.read(row[`part${i}`], project)));
    return dto;
  }

  /** Lets a module that depends on projects add to the project detail without an import cycle. */
  addDetailPart(part: ProjectDetailPart): void {
    this.detailParts.push(part);
  }

  async list(principal: Principal, query: ProjectListQueryDto): Promise<Page<ProjectSummaryDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    // The assignment queue is served by waiting time: the oldest submission first.
    const sort = query.sort ?? (query.unassigned ? 'submittedAt' : '-createdAt');
    const desc = sort.startsWith('-');
    const field = sort.replace(/^-/, '') as SortField;
    const column = `p.${SORT_COLUMNS[field]}`;
    const states = query.state?.split(',').map((s) => s.trim());
    const where = new Conditions();
    // Unit subtrees are read first (a few ids) so the planner can walk the list order and stop early.
    const ownSubtree = this.readsOwnSubtree(principal) ? await this.units.subtreeIds(principal.orgUnitId!) : undefined;
    const visibility = this.access.visibility(principal, 'p', { states, ownSubtree });
    if (visibility) where.add(visibility.sql, visibility.params);
    const filterUnits = query.orgUnitId ? await this.units.subtreeIds(query.orgUnitId) : [];
    this.applyFilters(where, principal, query, states, filterUnits);

    // The cursor: rows after the last one of the previous page, in the list order.
    const cursor = new Conditions();
    const after = decodeCursor<{ v: string; id: string }>(query.cursor, ['v', 'id']);
    if (after) {
      const op = desc ? '<' : '>';
      const nullableType = NULLABLE_SORTS[field];
      if (!nullableType) cursor.add(`(${column}, p.id) ${op} (:v::timestamptz, :id)`, after);
      // Nullable sort key: nulls come last in both directions.
      else if (after.v === '') cursor.add(`${column} IS NULL AND p.id ${op} :id`, after);
      else cursor.add(`((${column}, p.id) ${op} (:v::${nullableType}, :id) OR ${column} IS NULL)`, after);
    }
    const direction = desc ? 'DESC' : 'ASC';
    const order = `${column} ${direction} NULLS LAST, p.id ${direction}`;
    const read = async (from?: string): Promise<ProjectSummaryRow[]> => {
      const [sql, params] = this.access.graph.query({
        fields: PROJECT_SUMMARY_FIELDS,
        where: [...where.sql, ...cursor.sql],
        parameters: { ...where.parameters, ...cursor.parameters },
        from,
        orderBy: order,
        limit: limit + 1,
      });
      return (await this.dataSource.query<Record<string, unknown>[]>(sql, params)).map((row) => this.access.graph.hydrate(row));
    };
    let rows: ProjectSummaryRow[] | undefined;
    const walk = this.config.searchWalkRows;
    if (query.q && walk > 0 && !NULLABLE_SORTS[field] && (await this.searchStatistics.walkMayFill(query.q, walk, limit))) {
      // A search first walks the list's first rows in its order (the newest, by default) and stops
      // once it has a page: a common word is found within the first few hundred, whatever the
      // table's size. Only a page that walk could not fill reads the full-text index; the answer is
      // the same either way (docs/performance.md §5, "search walks the newest rows"). A word
      // PostgreSQL counts as too rare to fill a page within the walk goes to the index directly.
      const single = states?.length === 1 ? ['p.state IN (:...states)'] : [];
      const bounded = `(SELECT * FROM project p WHERE ${['true', ...single, ...cursor.sql].join(' AND ')} ORDER BY ${order} LIMIT ${Math.trunc(walk)})`;
      const found = await read(bounded);
      if (found.length > limit) rows = found;
    }
    rows ??= await read();
    return toPage(rows, limit, toProjectSummaryDto, (p) => ({ v: this.sortValue(p, field), id: p.id }));
  }

  private sortValue(p: ProjectSummaryRow, field: SortField): string {
    if (field === 'targetLaunchDate') return p.targetLaunchDate ?? '';
    if (field === 'submittedAt') return p.submittedAt?.toISOString() ?? '';
    return p[field].toISOString();
  }

  /** A manager's or a unit-bound API key's visibility is a unit subtree (a CIO sees everything). */
  private readsOwnSubtree(principal: Principal): boolean {
    if (!principal.orgUnitId) return false;
    return principal.type === 'api_key' || (hasRole(principal, 'manager') && !hasRole(principal, 'cio'));
  }

  private applyFilters(
    where: Conditions,
    principal: Principal,
    q: ProjectListQueryDto,
    states: string[] | undefined,
    filterUnits: string[],
  ): void {
    if (states) where.add('p.state IN (:...states)', { states });
    if (q.riskLevel) where.add('p.risk_level = :riskLevel', { riskLevel: q.riskLevel });
    if (q.technology) where.add(':technology = ANY(p.technologies)', { technology: q.technology });
    // An unknown unit has no ids: `= ANY('{}')` matches nothing, an empty page.
    if (q.orgUnitId) where.add('p.org_unit_id = ANY(:filterUnits)', { filterUnits });
    if (q.q) where.add(`p.search_tsv @@ websearch_to_tsquery('simple', :q)`, { q: q.q });
    if (q.createdFrom) where.add('p.created_at >= :createdFrom', { createdFrom: q.createdFrom });
    if (q.createdTo) where.add('p.created_at < :createdTo', { createdTo: q.createdTo });
    const me = principal.userId;
    // Own and team projects as one id set the planner reads by index (an OR with EXISTS it cannot estimate).
    if (q.mine) {
      where.add(
        'p.id IN (SELECT mp.id FROM project mp WHERE mp.proposer_id = :me UNION SELECT mt.project_id FROM project_team_member mt WHERE mt.user_id = :me)',
        { me },
      );
    }
    if (q.assignedToMe) where.add('p.assigned_advisor_id = :me', { me });
    if (q.unassigned) where.add("p.state = 'submitted' AND p.assigned_advisor_id IS NULL");
    if (q.awaitingMyDecision) where.add(hasRole(principal, 'manager') ? AWAITING_MY_DECISION_SQL : 'false', { me });
  }
}

/** SQL conditions (joined with AND) and their named parameters, as a list statement collects them. */
class Conditions {
  readonly sql: string[] = [];
  readonly parameters: ObjectLiteral = {};

  add(sql: string, parameters: ObjectLiteral = {}): void {
    this.sql.push(`(${sql})`);
    Object.assign(this.parameters, parameters);
  }
}
