import { Client } from 'pg';
import { userPrincipal, type Principal, type UserRow } from '../baseline/auth';
import { buildListQuery, listStatements, PROJECT_COLUMNS, subtreeUnitIds, visibility } from '../baseline/projects';
import { Params } from '../baseline/sql';
import { loadFixtures } from './fixtures';

/**
 * The list statements before and after the growth fixes (docs/performance.md §5 "List and search
 * at 100k"): the app's statement now (the baseline's builder, whose SQL is the app's) against the
 * statement it sent before, on a throw-away copy of the same database (CREATE DATABASE … TEMPLATE),
 * since "before" needs the old expression index back. Also the manager's and a unit-bound API key's
 * subtree branch as a join (what other modules still send) against the ids read first (the list).
 * Median EXPLAIN ANALYZE execution time.
 */
const SUPPORT = '(SELECT count(*)::int FROM project_support ps WHERE ps.project_id = p.id) AS support_count';
const ORDER = 'ORDER BY p.created_at DESC NULLS LAST, p.id DESC LIMIT 21';
/** The HERO's visibility as the app sent it before (and still sends without a state filter): $1 is the HERO. */
const VISIBLE = `(p.proposer_id = $1 OR p.assigned_advisor_id = $1 OR EXISTS (SELECT 1 FROM project_team_member tm WHERE tm.project_id = p.id AND tm.user_id = $1)
  OR p.state IN ('approved', 'in_delivery', 'launched', 'retired'))`;
const OLD_SUBTREE = `p.org_unit_id IN (SELECT fu.id FROM org_unit fu JOIN org_unit fr ON fr.id = $2 WHERE fu.path LIKE fr.path || '%')`;
const OLD_MINE = `(p.proposer_id = $1 OR EXISTS (SELECT 1 FROM project_team_member mt WHERE mt.project_id = p.id AND mt.user_id = $1))`;
const OLD_VECTOR = `to_tsvector('simple', coalesce(p.title, '') || ' ' || coalesce(p.customer_task, '') || ' ' || coalesce(p.summary, ''))`;
const OLD_SEARCH_INDEX = `CREATE INDEX project_search_idx ON project USING gin ((to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(customer_task, '') || ' ' || coalesce(summary, ''))))`;

export interface Alternative {
  name: string;
  ms: number;
}

async function ms(c: Client, text: string, values: unknown[]): Promise<number> {
  await c.query(text, values);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const { rows } = await c.query<{ 'QUERY PLAN': { 'Execution Time': number }[] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${text}`, values);
    times.push(rows[0]['QUERY PLAN'][0]['Execution Time']);
  }
  return Math.round(times.sort((a, b) => a - b)[2] * 100) / 100;
}

/** A default list page for `principal`, its subtree branch as a join (`ownSubtree` absent) or as ids. */
function subtreeList(principal: Principal, state: string | null, ownSubtree?: string[]): { text: string; values: unknown[] } {
  const q = new Params();
  const states = state ? [state] : undefined;
  const where = [visibility(principal, q, 'p', { states, ownSubtree })];
  if (state) where.push(`p.state IN (${q.p(state)})`);
  return { text: `SELECT ${PROJECT_COLUMNS}, ${SUPPORT} FROM project p WHERE ${where.join(' AND ')} ${ORDER}`, values: q.values };
}

async function measureOn(c: Client, manifest: { password: string; accounts: Record<string, string> }): Promise<Alternative[]> {
  const f = await loadFixtures(c, 'unused', manifest);
  const hero = userPrincipal((await c.query<UserRow>('SELECT * FROM app_user WHERE id = $1', [f.heroId])).rows[0]);
  const me = f.heroId;
  const now = async (query: string, wordCounts = true) => {
    let total = 0;
    for (const { text, values } of await listStatements(c, await buildListQuery(c, hero, new URLSearchParams(query), { wordCounts })))
      total += await ms(c, text, values);
    return Math.round(total * 100) / 100;
  };
  const sql = (where: string) => `SELECT ${PROJECT_COLUMNS}, ${SUPPORT} FROM project p WHERE ${where} ${ORDER}`;
  const division = f.listQueries.find((q) => q.startsWith('orgUnitId='))!.split('=')[1];
  const out: Alternative[] = [
    { name: 'orgUnitId: before (IN (subtree subquery))', ms: await ms(c, sql(`${VISIBLE} AND ${OLD_SUBTREE}`), [me, division]) },
    { name: 'orgUnitId: now (= ANY(ids read first))', ms: await now(`orgUnitId=${division}`) },
    { name: 'mine=true: before (proposer OR EXISTS team)', ms: await ms(c, sql(`${VISIBLE} AND ${OLD_MINE}`), [me]) },
    { name: 'mine=true: now (id IN (own UNION team))', ms: await now('mine=true') },
    {
      name: 'state=draft: before (visibility with the public branch)',
      ms: await ms(c, sql(`${VISIBLE} AND p.state IN ($2)`), [me, 'draft']),
    },
    { name: 'state=draft: now (id IN (own UNION advised UNION team))', ms: await now('state=draft') },
  ];
  const deptManager = userPrincipal(
    (
      await c.query<UserRow>(
        `SELECT u.* FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE 'manager' = ANY(u.roles) AND o.kind = 'department' LIMIT 1`,
      )
    ).rows[0],
  );
  const unitKey: Principal = { ...hero, type: 'api_key', userId: null, roles: [], orgUnitId: division };
  for (const [who, principal] of [
    ['department manager', deptManager],
    ['unit-bound API key (division)', unitKey],
  ] as const) {
    const ids = await subtreeUnitIds(c, principal.orgUnitId!);
    for (const state of [null, 'draft']) {
      const label = `${who}${state ? `, state=${state}` : ''}`;
      const join = subtreeList(principal, state);
      const read = subtreeList(principal, state, ids);
      out.push({ name: `${label}: subtree as a join`, ms: await ms(c, join.text, join.values) });
      out.push({ name: `${label}: subtree ids read first`, ms: await ms(c, read.text, read.values) });
    }
  }
  const searches = [...f.searchQueries.map((q) => new URLSearchParams(q))];
  await c.query(OLD_SEARCH_INDEX);
  await c.query('VACUUM ANALYZE project');
  for (const s of searches) {
    const term = s.get('q')!;
    const state = s.get('state');
    const label = `q=${term}${state ? `&state=${state}` : ''}`;
    const where = `${VISIBLE} AND ${OLD_VECTOR} @@ websearch_to_tsquery('simple', $2)${state ? ' AND p.state IN ($3)' : ''}`;
    out.push({
      name: `${label}: before (to_tsvector expression index)`,
      ms: await ms(c, sql(where), [me, term, ...(state ? [state] : [])]),
    });
    const list = await buildListQuery(c, hero, s);
    // Without a walk (the word counts ruled it out) the list's own statement is the GIN read.
    const gin = list.index ?? list;
    out.push({ name: `${label}: stored search_tsv + GIN only`, ms: await ms(c, gin.text, gin.values) });
    out.push({ name: `${label}: walk of the newest rows always first (second pass)`, ms: await now(s.toString(), false) });
    out.push({ name: `${label}: now (the walk unless the word counts rule it out; GIN if it fills no page)`, ms: await now(s.toString()) });
  }
  return out;
}

/** Runs the comparison on a copy of `database` (dropped afterwards). */
export async function measureAlternatives(
  adminUrl: string,
  database: string,
  manifest: { password: string; accounts: Record<string, string> },
): Promise<Alternative[]> {
  const copy = `${database}_alt`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${copy}`);
    await admin.query(`CREATE DATABASE ${copy} TEMPLATE ${database}`);
    const url = new URL(adminUrl);
    url.pathname = `/${copy}`;
    const c = new Client({ connectionString: url.toString() });
    await c.connect();
    try {
      return await measureOn(c, manifest);
    } finally {
      await c.end();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${copy}`);
    await admin.end();
  }
}
