import type { Client } from 'pg';
import { userPrincipal, type Principal, type UserRow } from '../baseline/auth';
import { buildListQuery, listStatements, PROJECT_COLUMNS, SUPPORT_COUNT, visibility } from '../baseline/projects';
import { Params } from '../baseline/sql';
import { loadFixtures } from './fixtures';

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the hot queries, as the app sends them (list and search through the
 * same builder as the baseline, whose SQL matches the app's; get by id as TypeORM's joined query),
 * each run once before so the plan shown is the warm one. Markdown for docs/performance.md.
 */
async function plan(c: Client, title: string, text: string, values: unknown[]): Promise<string> {
  await c.query(text, values);
  const { rows } = await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
  return `### ${title}\n\n\`\`\`sql\n${text.replace(/\s+/g, ' ')}\n\`\`\`\n\n\`\`\`\n${rows.map((r) => r['QUERY PLAN']).join('\n')}\n\`\`\`\n`;
}

const user = async (c: Client, where: string, params: unknown[]): Promise<UserRow> =>
  (await c.query<UserRow>(`SELECT u.* FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE ${where} LIMIT 1`, params)).rows[0];

/**
 * findVisible: the project, its support count and its vendors, KPIs and team as `json_agg`
 * sub-selects, if the caller may see it — one row, as ProjectGraph builds it (which names each
 * child column in a `json_build_object`; the plan is the same).
 */
function getById(principal: ReturnType<typeof userPrincipal>, id: string): { text: string; values: unknown[] } {
  const q = new Params();
  const text = `SELECT ${PROJECT_COLUMNS}, ${SUPPORT_COUNT},
    coalesce((SELECT json_agg(c ORDER BY c.position) FROM project_vendor c WHERE c.project_id = p.id), '[]') AS vendors,
    coalesce((SELECT json_agg(c ORDER BY c.position) FROM project_kpi c WHERE c.project_id = p.id), '[]') AS kpis,
    coalesce((SELECT json_agg(c) FROM project_team_member c WHERE c.project_id = p.id), '[]') AS team
    FROM project p WHERE p.id = ${q.p(id)} AND ${visibility(principal, q)}`;
  return { text, values: q.values };
}

export async function explainHotQueries(c: Client, manifest: { password: string; accounts: Record<string, string> }): Promise<string> {
  const f = await loadFixtures(c, 'unused', manifest);
  const hero = userPrincipal(await user(c, 'u.id = $1', [f.heroId]));
  const deptManager = userPrincipal(await user(c, `'manager' = ANY(u.roles) AND o.kind = 'department'`, []));
  const rootManager = userPrincipal(await user(c, 'u.email = $1', [manifest.accounts.manager]));
  const count = (await c.query<{ n: string }>('SELECT count(*) AS n FROM project')).rows[0].n;
  const out = [`# EXPLAIN (ANALYZE, BUFFERS) at ${Number(count).toLocaleString('en')} projects\n`, 'Written by `npm run bench:growth`.\n'];
  out.push('## List and search as a HERO (visibility: own, team, public states)\n');
  for (const query of [...f.listQueries, ...f.searchQueries]) {
    const statements = await listStatements(c, await buildListQuery(c, hero, new URLSearchParams(query)));
    for (const [i, { text, values }] of statements.entries()) {
      const step =
        statements.length > 1 ? (i === 0 ? ' (1: the walk of the newest rows)' : ' (2: the walk did not fill the page: the index)') : '';
      out.push(await plan(c, `GET /projects?${query}${step}`, text, values));
    }
  }
  out.push('## Before migration 1795401100000 (its indexes dropped in a transaction that is rolled back)\n');
  for (const query of ['limit=20', 'technology=ai']) {
    const { text, values } = await buildListQuery(c, hero, new URLSearchParams(query));
    await c.query('BEGIN');
    try {
      for (const index of ['project_created_desc_nl_idx', 'project_updated_desc_nl_idx', 'project_state_created_desc_nl_idx']) {
        await c.query(`DROP INDEX IF EXISTS ${index}`);
      }
      out.push(await plan(c, `GET /projects?${query} without the list-order indexes`, text, values));
    } finally {
      await c.query('ROLLBACK');
    }
  }
  out.push('## Get by id\n');
  const own =
    (await c.query<{ id: string }>('SELECT id FROM project WHERE proposer_id = $1 LIMIT 1', [f.heroId])).rows[0]?.id ?? f.visibleIds[0];
  const pub = f.visibleIds[f.visibleIds.length - 1];
  for (const [title, id] of [
    ['own project', own],
    ['public project', pub],
  ] as const) {
    const { text, values } = getById(hero, id);
    out.push(await plan(c, `GET /projects/{id} as a HERO (${title})`, text, values));
  }
  out.push('## Visibility predicate for managers and a unit-bound API key (their unit subtree read first)\n');
  const division = f.listQueries.find((q) => q.startsWith('orgUnitId='))!.split('=')[1];
  const unitKey: Principal = { ...hero, type: 'api_key', userId: null, roles: [], orgUnitId: division };
  for (const [title, principal] of [
    ['department manager (subtree of a department)', deptManager],
    ['board-level manager (subtree of the root: everything)', rootManager],
    ['unit-bound API key (subtree of a division)', unitKey],
  ] as const) {
    for (const query of ['limit=20', 'state=draft']) {
      const { text, values } = await buildListQuery(c, principal, new URLSearchParams(query));
      out.push(await plan(c, `GET /projects?${query} as a ${title}`, text, values));
    }
  }
  return out.join('\n');
}
