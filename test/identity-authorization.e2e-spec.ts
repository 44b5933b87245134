import { Actors, AccountName, seedActors } from './support/actors';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Authorization matrix of the identity endpoints: every endpoint × every kind of caller.
 * anonymous → 401; API keys → by scope, never admin work; people → by role.
 */
type Caller = 'anonymous' | AccountName | 'keyUsersRead' | 'keyKpis';
const PEOPLE: AccountName[] = ['hero', 'advisor', 'cio', 'manager', 'admin'];
const CALLERS: Caller[] = ['anonymous', ...PEOPLE, 'keyUsersRead', 'keyKpis'];

interface Row {
  name: string;
  allowed: Caller[];
  okStatus: number;
  call: (t: TestApp, headers: Record<string, string>, ctx: Ctx) => Promise<{ status: number; body: unknown }>;
}
interface Ctx {
  n: () => number;
  unitId: string;
  userId: string;
  keyId: () => Promise<string>;
  version: (path: string) => Promise<string>;
}

const everyone: Caller[] = [...PEOPLE];
const ROWS: Row[] = [
  { name: 'GET /me', allowed: everyone, okStatus: 200, call: (t, h) => t.http.get('/api/v1/me').set(h) },
  { name: 'GET /users', allowed: [...everyone, 'keyUsersRead'], okStatus: 200, call: (t, h) => t.http.get('/api/v1/users').set(h) },
  {
    name: 'GET /users/{id}',
    allowed: [...everyone, 'keyUsersRead'],
    okStatus: 200,
    call: (t, h, c) => t.http.get(`/api/v1/users/${c.userId}`).set(h),
  },
  {
    name: 'POST /users',
    allowed: ['admin'],
    okStatus: 201,
    call: (t, h, c) =>
      t.http
        .post('/api/v1/users')
        .set(h)
        .send({ email: `new${c.n()}@demo.local`, displayName: 'New Person', orgUnitId: c.unitId }),
  },
  {
    name: 'PATCH /users/{id}',
    allowed: ['admin'],
    okStatus: 200,
    call: async (t, h, c) =>
      t.http
        .patch(`/api/v1/users/${c.userId}`)
        .set(h)
        .set('If-Match', await c.version(`/api/v1/users/${c.userId}`))
        .send({ displayName: `Renamed ${c.n()}` }),
  },
  { name: 'GET /org-units', allowed: [...everyone, 'keyUsersRead'], okStatus: 200, call: (t, h) => t.http.get('/api/v1/org-units').set(h) },
  {
    name: 'POST /org-units',
    allowed: ['admin'],
    okStatus: 201,
    call: (t, h, c) =>
      t.http
        .post('/api/v1/org-units')
        .set(h)
        .send({ name: `Team ${c.n()}`, kind: 'team', parentId: c.unitId }),
  },
  {
    name: 'PATCH /org-units/{id}',
    allowed: ['admin'],
    okStatus: 200,
    call: async (t, h, c) =>
      t.http
        .patch(`/api/v1/org-units/${c.unitId}`)
        .set(h)
        .set('If-Match', await c.version(`/api/v1/org-units/${c.unitId}`))
        .send({ name: `Marketing ${c.n()}` }),
  },
  { name: 'GET /api-keys', allowed: ['admin'], okStatus: 200, call: (t, h) => t.http.get('/api/v1/api-keys').set(h) },
  {
    name: 'POST /api-keys',
    allowed: ['admin'],
    okStatus: 201,
    call: (t, h) =>
      t.http
        .post('/api/v1/api-keys')
        .set(h)
        .send({ name: 'x', scopes: ['reports:read'] }),
  },
  {
    name: 'DELETE /api-keys/{id}',
    allowed: ['admin'],
    okStatus: 204,
    call: async (t, h, c) => t.http.delete(`/api/v1/api-keys/${await c.keyId()}`).set(h),
  },
];

describe('identity authorization matrix', () => {
  let t: TestApp;
  let actors: Actors;
  let ctx: Ctx;
  const headers = new Map<Caller, Record<string, string>>();

  beforeAll(async () => {
    t = await startTestApp();
    actors = await seedActors(t);
    let counter = 0;
    const adminHeaders = await actors.auth('admin');
    ctx = {
      n: () => ++counter,
      unitId: await actors.unitId('Marketing'),
      userId: await actors.userId('salesHero'),
      keyId: async () => (await actors.apiKey(['reports:read'])).id,
      version: async (path) => (await t.http.get(path).set(adminHeaders).expect(200)).headers.etag,
    };
    headers.set('anonymous', {});
    for (const p of PEOPLE) headers.set(p, await actors.auth(p));
    headers.set('keyUsersRead', { 'X-API-Key': (await actors.apiKey(['users:read'])).key });
    headers.set('keyKpis', { 'X-API-Key': (await actors.apiKey(['kpis:write'])).key });
  });
  afterAll(() => t.close());

  const cases = ROWS.flatMap((row) => CALLERS.map((caller) => [row.name, caller, row] as const));
  it.each(cases)('%s as %s', async (_name, caller, row) => {
    const res = await row.call(t, headers.get(caller)!, ctx);
    const expected = row.allowed.includes(caller) ? row.okStatus : caller === 'anonymous' ? 401 : 403;
    expect({ status: res.status, body: res.status === expected ? 'ok' : res.body }).toEqual({ status: expected, body: 'ok' });
    if (expected >= 400) expect(res.body).toMatchObject({ status: expected, type: expect.stringContaining('/problems/') });
  });
});
