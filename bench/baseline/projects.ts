import type { Pool, PoolClient } from 'pg';
import { assertCanDecide } from '../../src/decisions/separation-of-duties';
import type { Actor } from '../../src/projects/project-lifecycle';
import { type LexemeCountsRow, type LexemeFrequencies, readLexemeFrequencies, walkMayFill } from '../../src/projects/search-statistics';
import { ADVISOR_QUEUE, PUBLIC_STATES } from './constants';
import type { Principal } from './auth';
import { badRequest, notFound } from './http-kit';
import { decisionOf, detailOf, summaryOf, type DecisionRow, type ProjectChildren, type ProjectRow } from './project-json';
import { Params } from './sql';

type Db = Pool | PoolClient;
/** The app's `supportCount` virtual column (src/projects/entities/project.entity.ts). */
export const SUPPORT_COUNT = '(SELECT count(*)::int FROM project_support ps WHERE ps.project_id = p.id) AS support_count';
/** The columns of a list's summary, as the app selects them for lists (PROJECT_SUMMARY_FIELDS in src/projects/project.mapper.ts). */
export const SUMMARY_COLUMNS = [
  'id',
  'reference',
  'title',
  'customer_task',
  'state',
  'risk_level',
  'fast_track',
  'technologies',
  'budget_amount',
  'budget_currency',
  'target_launch_date',
  'proposer_id',
  'org_unit_id',
  'assigned_advisor_id',
  'value_score',
  'effort_score',
  'value_verdict',
  'submitted_at',
  'created_at',
  'updated_at',
  'version',
]
  .map((c) => `p.${c}`)
  .join(', ');
/** The project's columns as the app selects them: all but the search vector (never read, like the entity's `select: false`). */
export const PROJECT_COLUMNS = [
  'id',
  'reference',
  'title',
  'summary',
  'customer_problem',
  'customer_task',
  'target_customers',
  'solution',
  'technologies',
  'data_categories',
  'budget_amount',
  'budget_currency',
  'target_launch_date',
  'tags',
  'proposer_id',
  'org_unit_id',
  'state',
  'risk_level',
  'self_screening',
  'indicative_tier',
  'fast_track',
  'fast_track_removed_reason',
  'effort_value',
  'value_score',
  'effort_score',
  'value_verdict',
  'assigned_advisor_id',
  'submitted_at',
  'state_changed_at',
  'launched_at',
  'retired_at',
  'retirement_reason',
  'created_at',
  'updated_at',
  'version',
]
  .map((c) => `p.${c}`)
  .join(', ');
const has = (p: Principal, role: string): boolean => p.type === 'user' && p.roles.includes(role as never);

/** ProjectAccess's VisibilityScope: what a list already knows (its state filter, the caller's subtree read first). */
export interface VisibilityScope {
  states?: readonly string[];
  ownSubtree?: readonly string[];
}

/** ProjectAccess.applyVisibility as SQL text: the same predicate, so the plans are the same. */
export function visibility(principal: Principal, q: Params, alias = 'p', scope: VisibilityScope = {}): string {
  const subtree = () =>
    scope.ownSubtree
      ? `${alias}.org_unit_id = ANY(${q.p(scope.ownSubtree)})`
      : `${alias}.org_unit_id IN (SELECT su.id FROM org_unit su JOIN org_unit ku ON ku.id = ${q.p(principal.orgUnitId)} WHERE su.path LIKE ku.path || '%')`;
  if (principal.type === 'api_key') return principal.orgUnitId ? subtree() : 'true';
  if (has(principal, 'cio')) return 'true';
  const me = q.p(principal.userId);
  const mayMatch = (states: readonly string[]) => !scope.states || states.some((st) => scope.states!.includes(st));
  const wide: string[] = [];
  if (has(principal, 'manager')) wide.push(subtree());
  if (has(principal, 'it_advisor') && mayMatch(ADVISOR_QUEUE)) {
    wide.push(`(${alias}.state IN (${q.p(ADVISOR_QUEUE[0])}) AND ${alias}.assigned_advisor_id IS NULL)`);
  }
  if (mayMatch(PUBLIC_STATES)) wide.push(`${alias}.state IN (${PUBLIC_STATES.map((st) => q.p(st)).join(', ')})`);
  if (wide.length === 0 && scope.states) {
    return `${alias}.id IN (SELECT vo.id FROM project vo WHERE vo.proposer_id = ${me} UNION SELECT va.id FROM project va WHERE va.assigned_advisor_id = ${me}
      UNION SELECT vt.project_id FROM project_team_member vt WHERE vt.user_id = ${me})`;
  }
  const own = [
    `${alias}.proposer_id = ${me}`,
    `${alias}.assigned_advisor_id = ${me}`,
    `EXISTS (SELECT 1 FROM project_team_member tm WHERE tm.project_id = ${alias}.id AND tm.user_id = ${me})`,
  ];
  return `(${[...own, ...wide].join(' OR ')})`;
}

/** Anything with pg's `query(text, values)`: a pool, a pooled client or a plain client. */
export interface Queryable {
  query<R extends object>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

/** OrgUnitsService.subtreeIds: a unit and every unit below it (none for an unknown unit). */
export async function subtreeUnitIds(db: Queryable, unitId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT su.id FROM org_unit su JOIN org_unit ku ON ku.id = $1 WHERE su.path LIKE ku.path || '%'`,
    [unitId],
  );
  return rows.map((r) => r.id);
}

/** ProjectViews.readsOwnSubtree: a manager's or a unit-bound key's visibility is a subtree. */
const readsOwnSubtree = (principal: Principal): boolean =>
  !!principal.orgUnitId && (principal.type === 'api_key' || (has(principal, 'manager') && !has(principal, 'cio')));

/** One round trip: the project (if visible) with its vendors, KPIs and team. */
export async function loadVisible(db: Db, principal: Principal, id: string, lock = false): Promise<ProjectRow & ProjectChildren> {
  const q = new Params();
  const { rows } = await db.query<ProjectRow & ProjectChildren>(
    `SELECT ${PROJECT_COLUMNS}, ${SUPPORT_COUNT},
       coalesce((SELECT json_agg(v ORDER BY v.position) FROM project_vendor v WHERE v.project_id = p.id), '[]') AS vendors,
       coalesce((SELECT json_agg(k ORDER BY k.position) FROM project_kpi k WHERE k.project_id = p.id), '[]') AS kpis,
       coalesce((SELECT array_agg(t.user_id) FROM project_team_member t WHERE t.project_id = p.id), '{}') AS team
     FROM project p WHERE p.id = ${q.p(id)} AND ${visibility(principal, q)}${lock ? ' FOR UPDATE OF p' : ''}`,
    q.values,
  );
  if (!rows[0]) throw notFound('Project');
  return rows[0];
}

/** ProjectAccess.relationsOf: who the caller is to this project (the lifecycle table's actors). */
export async function relationsOf(db: Db, principal: Principal, p: ProjectRow & ProjectChildren): Promise<Set<Actor>> {
  const r = new Set<Actor>();
  const me = principal.userId;
  if (principal.type !== 'user' || !me) return r;
  if (p.proposer_id === me) r.add('proposer');
  if (p.team.includes(me)) r.add('team_member');
  if (p.assigned_advisor_id === me) r.add('assigned_advisor');
  if (has(principal, 'it_advisor') || has(principal, 'cio')) r.add('advisor');
  if (has(principal, 'cio')) r.add('cio');
  if (!has(principal, 'manager')) return r;
  const { rows } = await db.query<{ limit: string | null; currency: string | null; mpath: string; ppath: string; assessor: string | null }>(
    `SELECT u.approval_limit_amount AS "limit", u.approval_limit_currency AS currency, mu.path AS mpath, pu.path AS ppath,
       (SELECT a.assessor_id FROM risk_assessment a WHERE a.project_id = $3 AND a.status = 'submitted' ORDER BY a.revision DESC LIMIT 1) AS assessor
     FROM app_user u JOIN org_unit mu ON mu.id = u.org_unit_id JOIN org_unit pu ON pu.id = $2 WHERE u.id = $1`,
    [me, p.org_unit_id, p.id],
  );
  const row = rows[0];
  if (!row || !row.ppath.startsWith(row.mpath)) return r;
  r.add('sponsor_manager');
  const check = assertCanDecide({
    decider: {
      userId: me,
      roles: principal.roles,
      approvalLimitMinor: row.limit === null ? null : Number(row.limit),
      approvalCurrency: row.currency,
      unitPath: row.mpath,
    },
    project: {
      proposerId: p.proposer_id,
      teamMemberIds: p.team,
      assessorId: p.assigned_advisor_id,
      budgetMinor: p.budget_amount === null ? null : Number(p.budget_amount),
      currency: p.budget_currency,
      unitPath: row.ppath,
    },
  });
  if (check.ok && row.assessor !== me) r.add('deciding_manager');
  return r;
}

/** Names of the people shown, the unit's name and the current decision in brief: one round trip. */
export async function detail(db: Db, principal: Principal, p: ProjectRow & ProjectChildren) {
  const relations = await relationsOf(db, principal, p);
  const ids = [p.proposer_id, ...(p.assigned_advisor_id ? [p.assigned_advisor_id] : []), ...p.team];
  const { rows } = await db.query<{ names: { id: string; display_name: string }[] | null; unit: string; decision: DecisionRow | null }>(
    `SELECT (SELECT json_agg(json_build_object('id', u.id, 'display_name', u.display_name)) FROM app_user u WHERE u.id = ANY($1::uuid[])) AS names,
       (SELECT name FROM org_unit WHERE id = $2) AS unit,
       (SELECT to_jsonb(d) || jsonb_build_object(
           'decider_name', (SELECT display_name FROM app_user WHERE id = d.decider_id),
           'acceptance', (SELECT to_jsonb(ra) FROM risk_acceptance ra WHERE ra.decision_id = d.id),
           'open', (SELECT count(*) FROM approval_condition c WHERE c.decision_id = d.id AND c.status = 'open'),
           'met', (SELECT count(*) FROM approval_condition c WHERE c.decision_id = d.id AND c.status = 'met'),
           'waived', (SELECT count(*) FROM approval_condition c WHERE c.decision_id = d.id AND c.status = 'waived'))
        FROM decision d WHERE d.project_id = $3 AND d.superseded_at IS NULL) AS decision`,
    [ids, p.org_unit_id, p.id],
  );
  const names = new Map((rows[0].names ?? []).map((n) => [n.id, n.display_name]));
  const today = new Date().toISOString().slice(0, 10);
  return detailOf(p, p, names, rows[0].unit, relations, decisionOf(rows[0].decision, p.state, today));
}

export async function getProject(pool: Pool, principal: Principal, id: string) {
  return detail(pool, principal, await loadVisible(pool, principal, id));
}

const SORTS: Record<string, { column: string; nullable?: string }> = {
  createdAt: { column: 'p.created_at' },
  updatedAt: { column: 'p.updated_at' },
  targetLaunchDate: { column: 'p.target_launch_date', nullable: 'date' },
  submittedAt: { column: 'p.submitted_at', nullable: 'timestamptz' },
};
const FIELD_OF: Record<string, keyof ProjectRow> = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  targetLaunchDate: 'target_launch_date',
  submittedAt: 'submitted_at',
};

function filters(
  principal: Principal,
  s: URLSearchParams,
  q: Params,
  where: string[],
  states: string[] | undefined,
  units: string[],
): void {
  if (states) where.push(`p.state IN (${states.map((x) => q.p(x)).join(', ')})`);
  if (s.get('riskLevel')) where.push(`p.risk_level = ${q.p(s.get('riskLevel'))}`);
  if (s.get('technology')) where.push(`${q.p(s.get('technology'))} = ANY(p.technologies)`);
  if (s.get('orgUnitId')) where.push(`p.org_unit_id = ANY(${q.p(units)})`);
  const text = s.get('q');
  if (text) {
    if (text.length > 200) throw badRequest('q', 'q must be shorter than or equal to 200 characters');
    where.push(`p.search_tsv @@ websearch_to_tsquery('simple', ${q.p(text)})`);
  }
  if (s.get('createdFrom')) where.push(`p.created_at >= ${q.p(s.get('createdFrom'))}`);
  if (s.get('createdTo')) where.push(`p.created_at < ${q.p(s.get('createdTo'))}`);
  if (s.get('mine') === 'true') {
    const me = q.p(principal.userId);
    where.push(
      `p.id IN (SELECT mp.id FROM project mp WHERE mp.proposer_id = ${me} UNION SELECT mt.project_id FROM project_team_member mt WHERE mt.user_id = ${me})`,
    );
  }
  if (s.get('assignedToMe') === 'true') where.push(`p.assigned_advisor_id = ${q.p(principal.userId)}`);
}

/**
 * The app's keyset list query for these parameters (same predicates, order and limit+1), after the
 * same reads of unit subtrees the app makes first (ProjectViews.list).
 */
export interface ListQuery {
  text: string;
  values: unknown[];
  limit: number;
  field: string;
  /** A search's statement over the full-text index, run when `text` (the walk of the newest rows) did not fill the page. */
  index?: { text: string; values: unknown[] };
}

/** The app's default SEARCH_WALK_ROWS. */
const SEARCH_WALK_ROWS = 5000;

/** PostgreSQL's word counts per database connection, read once as the app's SearchStatistics does (it rereads every 10 min). */
const countsByDb = new WeakMap<Queryable, Promise<LexemeFrequencies | null>>();
function wordCounts(db: Queryable): Promise<LexemeFrequencies | null> {
  let read = countsByDb.get(db);
  if (!read) countsByDb.set(db, (read = readLexemeFrequencies(async (sql) => (await db.query<LexemeCountsRow>(sql)).rows)));
  return read;
}

/** `wordCounts: false`: a search always walks first, as before the app read PostgreSQL's word counts (bench:growth compares). */
export async function buildListQuery(
  db: Queryable,
  principal: Principal,
  s: URLSearchParams,
  options: { wordCounts?: boolean } = {},
): Promise<ListQuery> {
  const limit = s.has('limit') ? Number(s.get('limit')) : 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw badRequest('limit', 'limit must not be greater than 100');
  const sort = s.get('sort') ?? '-createdAt';
  const desc = sort.startsWith('-');
  const field = sort.replace(/^-/, '');
  const spec = SORTS[field];
  if (!spec) throw badRequest('sort', 'sort must be one of the following values: createdAt, -createdAt, …');
  const states = s
    .get('state')
    ?.split(',')
    .map((x) => x.trim());
  const ownSubtree = readsOwnSubtree(principal) ? await subtreeUnitIds(db, principal.orgUnitId!) : undefined;
  const units = s.get('orgUnitId') ? await subtreeUnitIds(db, s.get('orgUnitId')!) : [];
  const q = new Params();
  const where = [visibility(principal, q, 'p', { states, ownSubtree })];
  filters(principal, s, q, where, states, units);
  const cursor = s.get('cursor');
  const cursorWhere: string[] = [];
  if (cursor) {
    let after: { v: string; id: string };
    try {
      after = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v: string; id: string };
    } catch {
      throw badRequest('cursor', 'cursor is not a cursor returned by this list');
    }
    const op = desc ? '<' : '>';
    if (spec.nullable) {
      cursorWhere.push(
        after.v === ''
          ? `(${spec.column} IS NULL AND p.id ${op} ${q.p(after.id)})`
          : `((${spec.column}, p.id) ${op} (${q.p(after.v)}::${spec.nullable}, ${q.p(after.id)}) OR ${spec.column} IS NULL)`,
      );
    } else {
      cursorWhere.push(`(${spec.column}, p.id) ${op} (${q.p(after.v)}::timestamptz, ${q.p(after.id)})`);
    }
  }
  const dir = desc ? 'DESC' : 'ASC';
  const order = `${spec.column} ${dir} NULLS LAST, p.id ${dir}`;
  const statement = (from: string) =>
    `SELECT ${SUMMARY_COLUMNS}, ${SUPPORT_COUNT} FROM ${from} p WHERE ${[...where, ...cursorWhere].join(' AND ')} ORDER BY ${order} LIMIT ${limit + 1}`;
  const text = statement('project');
  const counts = options.wordCounts === false ? null : await wordCounts(db);
  if (!s.get('q') || spec.nullable || !walkMayFill(counts, s.get('q')!, SEARCH_WALK_ROWS, limit)) {
    return { text, values: q.values, limit, field };
  }
  // As the app (ProjectViews.list): a search first walks the newest rows, the index only when that walk does not fill the page.
  // The state filter's own condition (same parameters: every parameter must appear in both statements).
  const single = states?.length === 1 ? where.filter((w, i) => i > 0 && w.startsWith('p.state IN (')).slice(0, 1) : [];
  const bounded = `(SELECT * FROM project p WHERE ${['true', ...single, ...cursorWhere].join(' AND ')} ORDER BY ${order} LIMIT ${SEARCH_WALK_ROWS})`;
  return { text: statement(bounded), values: q.values, limit, field, index: { text, values: q.values } };
}

/** The statements the app runs for a list query: the walk, then the index read if the walk did not fill the page. */
export async function listStatements(db: Queryable, list: ListQuery): Promise<{ text: string; values: unknown[] }[]> {
  if (!list.index) return [list];
  const { rows } = await db.query(list.text, list.values);
  return rows.length > list.limit ? [list] : [list, list.index];
}

/** GET /projects: one statement, mapped to the app's page JSON. */
export async function listProjects(pool: Pool, principal: Principal, s: URLSearchParams) {
  const { text, values, limit, field, index } = await buildListQuery(pool, principal, s);
  let { rows } = await pool.query<ProjectRow>(text, values);
  if (index && rows.length <= limit) ({ rows } = await pool.query<ProjectRow>(index.text, index.values));
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const sortValue = (p: ProjectRow): string => {
    const v = p[FIELD_OF[field]] as Date | string | null;
    return v === null ? '' : typeof v === 'string' ? v : v.toISOString();
  };
  return {
    items: page.map(summaryOf),
    nextCursor: rows.length > limit && last ? Buffer.from(JSON.stringify({ v: sortValue(last), id: last.id })).toString('base64url') : null,
  };
}
