import { Client } from 'pg';
import { userPrincipal, type UserRow } from '../baseline/auth';
import { buildListQuery } from '../baseline/projects';
import { loadFixtures } from './fixtures';

/**
 * The SQL the growth misses would need (changes to the projects module, not made here): each
 * measured against the app's current SQL on a throw-away copy of the same database (CREATE
 * DATABASE … TEMPLATE), since one proposal adds a column. Median EXPLAIN ANALYZE execution time.
 */
const SUPPORT = '(SELECT count(*)::int FROM project_support ps WHERE ps.project_id = p.id) AS support_count';
const ORDER = 'ORDER BY p.created_at DESC NULLS LAST, p.id DESC LIMIT 21';
const VISIBLE = `(p.proposer_id = $1 OR p.assigned_advisor_id = $1 OR EXISTS (SELECT 1 FROM project_team_member tm WHERE tm.project_id = p.id AND tm.user_id = $1)
  OR p.state IN ('approved', 'in_delivery', 'launched', 'retired'))`;
const MINE = `p.id IN (SELECT id FROM project WHERE proposer_id = $1 UNION SELECT project_id FROM project_team_member WHERE user_id = $1)`;
const OWN_BRANCHES = `p.id IN (SELECT id FROM project WHERE proposer_id = $1 UNION SELECT id FROM project WHERE assigned_advisor_id = $1
  UNION SELECT project_id FROM project_team_member WHERE user_id = $1)`;
const STORED_TSV = `ALTER TABLE project ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS
  (to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(customer_task, '') || ' ' || coalesce(summary, ''))) STORED`;

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

async function measureOn(c: Client, manifest: { password: string; accounts: Record<string, string> }): Promise<Alternative[]> {
  const f = await loadFixtures(c, 'unused', manifest);
  const hero = userPrincipal((await c.query<UserRow>('SELECT * FROM app_user WHERE id = $1', [f.heroId])).rows[0]);
  const me = f.heroId;
  const app = (q: string) => {
    const { text, values } = buildListQuery(hero, new URLSearchParams(q));
    return ms(c, text, values);
  };
  const division = f.listQueries.find((q) => q.startsWith('orgUnitId='))!.split('=')[1];
  const units = (
    await c.query<{ id: string }>(`SELECT fu.id FROM org_unit fu JOIN org_unit fr ON fr.id = $1 WHERE fu.path LIKE fr.path || '%'`, [
      division,
    ])
  ).rows;
  const sql = (where: string) => `SELECT p.*, ${SUPPORT} FROM project p WHERE ${where} ${ORDER}`;
  const out: Alternative[] = [
    { name: 'orgUnitId: app (IN (subtree subquery))', ms: await app(`orgUnitId=${division}`) },
    {
      name: 'orgUnitId: org_unit_id = ANY($ids) (ids read first)',
      ms: await ms(c, sql(`${VISIBLE} AND p.org_unit_id = ANY($2::uuid[])`), [me, units.map((u) => u.id)]),
    },
    { name: 'mine=true: app (proposer OR EXISTS team)', ms: await app('mine=true') },
    { name: 'mine=true: p.id IN (own UNION team)', ms: await ms(c, sql(MINE), [me]) },
    { name: 'state=draft: app (visibility with the public-states branch)', ms: await app('state=draft') },
    {
      name: 'state=draft: without the public branch, IN (own UNION advised UNION team)',
      ms: await ms(c, sql(`p.state IN ('draft') AND ${OWN_BRANCHES}`), [me]),
    },
  ];
  const searches = ['chatbot', 'delivery tracking', 'region2s'];
  for (const term of searches)
    out.push({ name: `q=${term}: app (to_tsvector expression)`, ms: await app(`q=${encodeURIComponent(term)}`) });
  await c.query(STORED_TSV);
  await c.query('CREATE INDEX project_search_tsv_idx ON project USING gin (search_tsv)');
  await c.query('VACUUM ANALYZE project');
  for (const term of searches) {
    out.push({
      name: `q=${term}: stored tsvector column + GIN`,
      ms: await ms(c, sql(`${VISIBLE} AND p.search_tsv @@ websearch_to_tsquery('simple', $2)`), [me, term]),
    });
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
