import type { Response } from 'supertest';
import { prepareDatabase } from '../src/database/prepare-database';
import { API_SCOPES } from '../src/identity/auth/roles';
import { Actors, seedActors } from './support/actors';
import { OpenApiDoc, Operation, operationsOf, resolve, Schema } from './support/openapi-schema';
import { startTestApp, TestApp } from './support/test-app';

/**
 * SQL-injection probes (issue 11 item 4; OWASP API8 injection, API1/API3 leaks) in every filter,
 * sort and cursor parameter of every list and report the OpenAPI document declares, sent by callers
 * with different visibility. Each probe must be refused (400 problem naming the parameter) or
 * answered with a subset of what the caller sees without the filter; afterwards every table still
 * holds what it held. The demo data (a dozen projects over the lifecycle) gives the lists content.
 */
const PAYLOADS = [
  "' OR 1=1--",
  "' OR '1'='1",
  '" OR ""="',
  "'; DROP TABLE project;--",
  '1; DROP TABLE app_user',
  '1) UNION SELECT id, email, password_hash FROM app_user--',
  "') UNION SELECT NULL, NULL, NULL--",
  '%27',
  '%27%20OR%201%3D1--',
  '\u2019 OR 1=1--', // right single quotation mark
  '\uff07 OR 1=1--', // fullwidth apostrophe
  '\u02bc OR 1=1--', // modifier letter apostrophe
  "1' AND pg_sleep(5)--",
  '$$ OR 1=1 $$',
  "\\' OR 1=1--",
  '%', // LIKE wildcards must not widen a filter past the caller's rows
  '_',
  "draft,' OR 1=1--",
  '-createdAt, (SELECT 1)',
  'createdAt; DROP TABLE project',
];

/** Cursors are base64url JSON: forged ones carry the payload in every member any list reads (v, id, seq, email…). */
const forgedCursor = (payload: string | number): string =>
  Buffer.from(JSON.stringify({ v: payload, id: payload, seq: payload, email: payload, createdAt: payload, at: payload })).toString(
    'base64url',
  );
const CURSORS = [
  ...["' OR 1=1--", "x'); DROP TABLE project;--", '', '2026-13-45T99:99:99Z', '9999999999999999999999'].map(forgedCursor),
  forgedCursor(-1),
  forgedCursor(1e308),
  "' OR 1=1--",
  'e30', // {}
];

type Caller = 'hero' | 'apiKey' | 'manager' | 'cio' | 'admin';
/** Most restricted first: a leak shows best where visibility is narrow. */
const CALLERS: Caller[] = ['hero', 'apiKey', 'manager', 'cio', 'admin'];

/** "<status> <why>: <request> → <body>", one line per failed probe (reported as is to the owners). */
type Failure = string;
const failure = (request: string, status: number, why: string, body: string): Failure =>
  `${status} ${why}: ${request} → ${body.slice(0, 200)}`;

describe('SQL injection in list filters, sorts and cursors', () => {
  let t: TestApp;
  let actors: Actors;
  let doc: OpenApiDoc;
  const auth = new Map<Caller, Record<string, string>>();
  let tablesBefore: Record<string, number>;

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    await prepareDatabase(t.app, t.config);
    actors = await seedActors(t);
    for (const name of ['hero', 'manager', 'cio', 'admin'] as const) auth.set(name, await actors.auth(name));
    // Scoped to a unit, so that key visibility is narrower than everything.
    const key = await actors.apiKey([...API_SCOPES], { orgUnitId: await actors.unitId('Marketing') });
    auth.set('apiKey', { 'X-API-Key': key.key });
    doc = (await t.http.get('/docs-json').expect(200)).body as OpenApiDoc;
    tablesBefore = await tableCounts();
  }, 60_000);
  afterAll(() => t.close());

  async function tableCounts(): Promise<Record<string, number>> {
    const tables = await t.dataSource.query<{ name: string }[]>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
    );
    const out: Record<string, number> = {};
    for (const { name } of tables) {
      const [row] = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${name}"`);
      out[name] = row.n;
    }
    return out;
  }

  const get = (path: string, caller: Caller, query: Record<string, string>): Promise<Response> =>
    t.http
      .get(`${path}?${new URLSearchParams(query).toString()}`)
      .set(auth.get(caller)!)
      .set('Accept', 'application/json');

  /** Every id the caller sees in a list without filters (paged, bounded). */
  async function visibleIds(op: Operation, caller: Caller): Promise<Set<string> | undefined> {
    const paged = op.params.some((p) => p.name === 'limit');
    const ids = new Set<string>();
    let cursor: string | null = null;
    for (let page = 0; page < 50; page++) {
      const res = await get(op.path, caller, { ...(paged ? { limit: '100' } : {}), ...(cursor ? { cursor } : {}) });
      if (res.status !== 200) return undefined;
      if (!Array.isArray(res.body.items)) return ids;
      for (const item of res.body.items as { id?: string }[]) if (item.id) ids.add(item.id);
      cursor = res.body.nextCursor as string | null;
      if (!cursor) return ids;
    }
    throw new Error(`more than 50 pages in ${op.path}`);
  }

  /** Sends every payload in every query parameter of `op`, as up to two callers who may read it. */
  async function probe(op: Operation): Promise<{ failures: Failure[]; probes: number }> {
    const failures: Failure[] = [];
    let probes = 0;
    const callers: { caller: Caller; visible: Set<string> }[] = [];
    for (const caller of CALLERS) {
      const visible = await visibleIds(op, caller);
      if (visible && callers.length < 2) callers.push({ caller, visible });
    }
    if (callers.length === 0) throw new Error(`no caller may read ${op.path}`);
    const params = op.params.filter((p) => p.in === 'query').map((p) => p.name);
    const paged = params.includes('limit');
    for (const { caller, visible } of callers) {
      for (const param of params) {
        for (const payload of param === 'cursor' ? [...CURSORS, ...PAYLOADS] : PAYLOADS) {
          const query = { ...(paged && param !== 'limit' ? { limit: '100' } : {}), [param]: payload };
          const res = await get(op.path, caller, query);
          probes++;
          const why = verdict(res, param, visible);
          if (why) {
            failures.push(failure(`GET ${op.path}?${new URLSearchParams(query).toString()} as ${caller}`, res.status, why, res.text));
          }
        }
      }
    }
    return { failures, probes };
  }

  function verdict(res: Response, param: string, visible: Set<string>): string | undefined {
    if (/\$argon2|password_?hash|QueryFailedError|syntax error at or near/i.test(res.text)) return 'leaks a hash or SQL';
    if (res.status === 400) {
      if (!String(res.headers['content-type']).startsWith('application/problem+json')) return '400 is not problem+json';
      const fields = ((res.body.errors ?? []) as { field: string }[]).map((e) => e.field);
      return fields.includes(param) ? undefined : `400 does not name ${param} (names ${fields.join(', ') || 'nothing'})`;
    }
    if (res.status !== 200) return `status ${res.status}`;
    const items = res.body.items as { id?: string }[] | undefined;
    const extra = (items ?? []).filter((i) => i.id && !visible.has(i.id));
    return extra.length > 0 ? `${extra.length} row(s) the caller does not see without the filter` : undefined;
  }

  /** A list answers a page: `{ items: [...], nextCursor }`. */
  const isList = (op: Operation) => {
    const items = (resolve(doc, op.responses.get(200)).properties as Record<string, Schema> | undefined)?.items;
    return items !== undefined && resolve(doc, items).type === 'array';
  };
  const listsUnder = (prefix: RegExp) =>
    operationsOf(doc).filter(
      (op) => op.method === 'get' && prefix.test(op.path) && !op.path.includes('{') && (isList(op) || op.path.includes('/reports/')),
    );

  it.each([
    ['GET /projects', /^\/api\/v1\/projects$/],
    ['GET /audit-events', /^\/api\/v1\/audit-events$/],
    ['GET /users', /^\/api\/v1\/users$/],
    ['GET /reports/*', /^\/api\/v1\/reports\//],
    ['every other list with parameters', /^\/api\/v1\/(?!projects$|audit-events$|users$|reports\/)/],
  ])(
    '%s: every filter, sort and cursor parameter refuses or contains each payload',
    async (_name, prefix) => {
      const ops = listsUnder(prefix).filter((op) => op.params.some((p) => p.in === 'query'));
      expect(ops.length).toBeGreaterThan(0);
      const results = [];
      for (const op of ops) results.push(await probe(op));
      expect(results.reduce((n, r) => n + r.probes, 0)).toBeGreaterThan(PAYLOADS.length);
      expect(results.flatMap((r) => r.failures)).toEqual([]);
    },
    120_000,
  );

  it('path parameters: every payload as an id is a 400 or 404 problem', async () => {
    const failures: Failure[] = [];
    let probes = 0;
    for (const op of operationsOf(doc).filter((o) => o.method === 'get' && /\{\w+\}/.test(o.path))) {
      // The first caller the route lets through (a random id is then a 404), so that the id itself is what gets checked.
      let caller: Caller | undefined;
      for (const candidate of CALLERS) {
        const res = await t.http.get(op.path.replace(/\{\w+\}/g, '5f0c1a52-8a7e-4c1e-9d3b-0b7a2f4c9e11')).set(auth.get(candidate)!);
        if (![401, 403].includes(res.status)) {
          caller = candidate;
          break;
        }
      }
      if (!caller) {
        failures.push(failure(`GET ${op.path}`, 0, 'no caller gets past the permission check', ''));
        continue;
      }
      for (const payload of PAYLOADS) {
        const path = op.path.replace(/\{\w+\}/g, encodeURIComponent(payload));
        const res = await t.http.get(path).set(auth.get(caller)!);
        probes++;
        const ok = [400, 404].includes(res.status) && String(res.headers['content-type']).startsWith('application/problem+json');
        if (!ok) failures.push(failure(`GET ${path} as ${caller}`, res.status, 'not a 400/404 problem', res.text));
      }
    }
    expect(probes).toBeGreaterThan(PAYLOADS.length * 5);
    expect(failures).toEqual([]);
  }, 60_000);

  it('afterwards every table is still there with the same row count, and the audit chain verifies', async () => {
    expect(await tableCounts()).toEqual(tablesBefore);
    const verify = await t.http.get('/api/v1/audit-events/verify').set(auth.get('cio')!).expect(200);
    expect(verify.body.valid).toBe(true);
  }, 30_000);
});
