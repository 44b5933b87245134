import type { Client } from 'pg';
import { SEARCH_TERMS } from '../seed/text';
import { signAccessToken } from './jwt';

/**
 * What the load runs send, read from the seeded database: a typical HERO (the hot paths' caller),
 * the board-level manager (the decision path), ids the HERO may see, filters, search terms and
 * the decision candidates (awaiting a decision on a low/medium assessment, split per server).
 */
export interface Fixtures {
  heroToken: string;
  /** Another HERO who proposes the projects of POST /projects, so the reading HERO's own list does not grow run after run. */
  writerToken: string;
  managerToken: string;
  cioToken: string;
  heroId: string;
  visibleIds: string[];
  listQueries: string[];
  searchQueries: string[];
  loginEmails: string[];
  password: string;
  decisionPools: [string[], string[]];
  projectCount: number;
}

const one = async <T>(c: Client, sql: string, params: unknown[] = []): Promise<T> => (await c.query(sql, params)).rows[0] as T;

export async function loadFixtures(
  c: Client,
  secret: string,
  manifest: { password: string; accounts: Record<string, string> },
): Promise<Fixtures> {
  const hero = await one<{ id: string; org_unit_id: string; division: string }>(
    c,
    `SELECT u.id, u.org_unit_id, (SELECT d.id FROM org_unit d WHERE d.kind = 'division' AND o.path LIKE d.path || '%') AS division
     FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE u.email = $1`,
    [manifest.accounts.hero],
  );
  const manager = await one<{ id: string }>(c, 'SELECT id FROM app_user WHERE email = $1', [manifest.accounts.manager]);
  const writer = await one<{ id: string }>(c, `SELECT id FROM app_user WHERE email LIKE 'hero.%' AND id <> $1 ORDER BY email LIMIT 1`, [
    hero.id,
  ]);
  const cio = await one<{ id: string }>(c, 'SELECT id FROM app_user WHERE email = $1', [manifest.accounts.cio]);
  const { rows: own } = await c.query<{ id: string }>('SELECT id FROM project WHERE proposer_id = $1', [hero.id]);
  const { rows: pub } = await c.query<{ id: string }>(
    `SELECT id FROM project WHERE state IN ('approved', 'in_delivery', 'launched', 'retired') ORDER BY md5(id::text) LIMIT 2000`,
  );
  const { rows: emails } = await c.query<{ email: string }>(
    `SELECT email FROM app_user WHERE email LIKE 'hero.%' ORDER BY email LIMIT 500`,
  );
  const { rows: candidates } = await c.query<{ id: string }>(
    `SELECT p.id FROM project p JOIN risk_assessment a ON a.project_id = p.id AND a.status = 'submitted'
     WHERE p.state = 'awaiting_decision' AND a.recommendation = 'proceed' AND a.overall_level IN ('low', 'medium')
       AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.assessment_id = a.id)
       AND NOT EXISTS (SELECT 1 FROM project_team_member t WHERE t.project_id = p.id AND t.user_id = $1)
     ORDER BY md5(p.id::text)`,
    [manager.id],
  );
  const count = Number((await one<{ n: string }>(c, 'SELECT count(*) AS n FROM project')).n);
  const year = new Date().getUTCFullYear();
  const visibleIds = [...own.map((r) => r.id), ...pub.map((r) => r.id)];
  return {
    heroToken: signAccessToken(secret, hero.id, 3600),
    writerToken: signAccessToken(secret, writer.id, 3600),
    managerToken: signAccessToken(secret, manager.id, 3600),
    cioToken: signAccessToken(secret, cio.id, 3600),
    heroId: hero.id,
    visibleIds,
    listQueries: [
      'limit=20',
      'state=approved,in_delivery',
      'riskLevel=high',
      'technology=ai',
      `orgUnitId=${hero.division ?? hero.org_unit_id}`,
      `createdFrom=${year - 1}-01-01T00:00:00Z&createdTo=${year - 1}-07-01T00:00:00Z`,
      'sort=-updatedAt',
      'mine=true',
      'state=draft',
      'limit=50&state=launched&technology=web',
    ],
    searchQueries: [
      `q=${encodeURIComponent(SEARCH_TERMS.common)}`,
      `q=${encodeURIComponent(SEARCH_TERMS.phrase)}`,
      `q=${encodeURIComponent(SEARCH_TERMS.rare)}`,
      `q=${encodeURIComponent(SEARCH_TERMS.common)}&state=launched`,
    ],
    loginEmails: emails.map((r) => r.email),
    password: manifest.password,
    decisionPools: [candidates.filter((_, i) => i % 2 === 0).map((r) => r.id), candidates.filter((_, i) => i % 2 === 1).map((r) => r.id)],
    projectCount: count,
  };
}

/** A rotating pick: each call returns the next item (wrapping). */
export function rotate<T>(items: readonly T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length];
}
