import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { Actors, AccountName, seedActors } from './support/actors';
import { ProjectDriver } from './support/projects';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Admin side of issue 4 "Identity and access": users, org units and API keys — validation naming
 * each field, If-Match, mass assignment, self-lockout, disabling, the org tree moves, and the API
 * key life cycle (shown once, hashed, prefix, last use, revocation, expiry, scopes).
 */
const API = '/api/v1';
const STRONG_PASSWORD = 'Tr4in-Yellow-Kettle';
type Body = Record<string, unknown>;

/** Every error is problem+json with a type and status; validation errors name their fields. */
function expectProblem(res: Response, status: number, type: string, fields: string[] = []): void {
  const body = res.body as { type?: string; status?: number; errors?: { field: string }[] };
  expect({ status: res.status, contentType: res.headers['content-type'], type: body.type, bodyStatus: body.status }).toEqual({
    status,
    contentType: expect.stringMatching(/^application\/problem\+json/),
    type: `https://hero-compact.dev/problems/${type}`,
    bodyStatus: status,
  });
  if (fields.length) expect((body.errors ?? []).map((e) => e.field)).toEqual(expect.arrayContaining(fields));
}

describe('identity administration', () => {
  let t: TestApp;
  let actors: Actors;
  let admin: { Authorization: string };
  let marketing: string;
  let n = 0;
  const uniqueEmail = (): string => `person${++n}@demo.local`;
  const etagOf = async (path: string): Promise<string> => {
    const res = await t.http.get(`${API}${path}`).set(admin).expect(200);
    expect(res.headers.etag).toMatch(/^"\d+"$/);
    return res.headers.etag;
  };
  const createUser = (body: Body, auth: Record<string, string> = admin) =>
    t.http
      .post(`${API}/users`)
      .set(auth)
      .send({ email: uniqueEmail(), displayName: 'New Person', orgUnitId: marketing, ...body });
  const patch = async (path: string, body: Body, auth: Record<string, string> = admin) =>
    t.http
      .patch(`${API}${path}`)
      .set(auth)
      .set('If-Match', await etagOf(path))
      .send(body);
  const login = (email: string, password: string) => t.http.post(`${API}/auth/login`).send({ email, password });

  beforeAll(async () => {
    t = await startTestApp();
    actors = await seedActors(t);
    admin = await actors.auth('admin');
    marketing = await actors.unitId('Marketing');
  });
  afterAll(() => t.close());

  describe('users', () => {
    it('creates a user (201) who can then sign in; no secret comes back', async () => {
      const res = await createUser({ email: 'jo.newcomer@demo.local', password: STRONG_PASSWORD, roles: ['manager'] });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ email: 'jo.newcomer@demo.local', roles: ['hero', 'manager'], status: 'active', locale: null });
      expect(JSON.stringify(res.body)).not.toMatch(/password|argon/i);
      await login('Jo.Newcomer@demo.local', STRONG_PASSWORD).expect(200);
    });

    it.each([
      ['too short', 'Sh0rt-pw!'],
      ['a common password', 'password1234'],
      ['a keyboard walk', 'qwertyuiop123'],
    ])('refuses %s as password (400 naming password)', async (_why, password) => {
      expectProblem(await createUser({ password }), 400, 'validation-error', ['password']);
    });

    it.each(['Hero@Demo.Local', 'hero@demo.local', 'HERO@DEMO.LOCAL'])(
      'refuses a duplicate email, case-insensitively: %s',
      async (email) => {
        expectProblem(await createUser({ email }), 409, 'email-taken', ['email']);
      },
    );

    const manager = { roles: ['manager'] };
    const badCreate: [string, Body, string][] = [
      ['email not an email', { email: 'not-an-email' }, 'email'],
      ['email missing', { email: undefined }, 'email'],
      ['email too long', { email: `${'a'.repeat(250)}@demo.local` }, 'email'],
      ['displayName empty', { displayName: '' }, 'displayName'],
      ['displayName too long', { displayName: 'x'.repeat(201) }, 'displayName'],
      ['displayName not a string', { displayName: 42 }, 'displayName'],
      ['displayName blank', { displayName: '   ' }, 'displayName'],
      ['orgUnitId not a uuid', { orgUnitId: 'marketing' }, 'orgUnitId'],
      ['orgUnitId unknown', { orgUnitId: randomUUID() }, 'orgUnitId'],
      ['roles unknown', { roles: ['superuser'] }, 'roles'],
      ['roles not an array', { roles: 'admin' }, 'roles'],
      ['approvalLimit.amount negative', { ...manager, approvalLimit: { amount: -1, currency: 'EUR' } }, 'approvalLimit.amount'],
      ['approvalLimit.amount fractional', { ...manager, approvalLimit: { amount: 10.5, currency: 'EUR' } }, 'approvalLimit.amount'],
      ['approvalLimit.amount a string', { ...manager, approvalLimit: { amount: '100', currency: 'EUR' } }, 'approvalLimit.amount'],
      ['approvalLimit.currency unknown', { ...manager, approvalLimit: { amount: 100, currency: 'EURO' } }, 'approvalLimit.currency'],
      ['approvalLimit without manager role', { approvalLimit: { amount: 100, currency: 'EUR' } }, 'approvalLimit'],
      ['locale unsupported', { locale: 'xx' }, 'locale'],
      ['password not a string', { password: 123456789012345 }, 'password'],
      ['password null', { password: null }, 'password'],
      ['status (server-owned on create)', { status: 'disabled' }, 'status'],
      ['unknown field', { isSuperUser: true }, 'isSuperUser'],
    ];
    it.each(badCreate)('POST /users: %s → 400 naming the field', async (_case, body, field) => {
      expectProblem(await createUser(body), 400, 'validation-error', [field]);
    });

    describe('PATCH /users/{id}', () => {
      let targetId: string;
      let path: string;
      beforeAll(async () => {
        const limit = { amount: 100_000, currency: 'EUR' };
        const res = await createUser({ email: 'target@demo.local', roles: ['manager'], approvalLimit: limit }).expect(201);
        targetId = res.body.id as string;
        path = `/users/${targetId}`;
      });

      const badPatch: [string, Body, string][] = [
        ['displayName empty', { displayName: '' }, 'displayName'],
        ['displayName too long', { displayName: 'x'.repeat(201) }, 'displayName'],
        ['displayName blank', { displayName: '\t ' }, 'displayName'],
        ['orgUnitId not a uuid', { orgUnitId: '42' }, 'orgUnitId'],
        ['orgUnitId unknown', { orgUnitId: randomUUID() }, 'orgUnitId'],
        ['roles unknown', { roles: ['root'] }, 'roles'],
        ['roles duplicated', { roles: ['manager', 'manager'] }, 'roles'],
        ['approvalLimit.amount negative', { approvalLimit: { amount: -100, currency: 'EUR' } }, 'approvalLimit.amount'],
        ['approvalLimit.amount fractional', { approvalLimit: { amount: 0.5, currency: 'EUR' } }, 'approvalLimit.amount'],
        ['approvalLimit.currency lower-case junk', { approvalLimit: { amount: 100, currency: 'eu' } }, 'approvalLimit.currency'],
        ['approvalLimit kept while dropping manager', { roles: ['it_advisor'] }, 'approvalLimit'],
        ['status unknown', { status: 'deleted' }, 'status'],
        ['locale unsupported', { locale: 'klingon' }, 'locale'],
        ['password weak', { password: 'password1234' }, 'password'],
        ['password = own email', { password: 'target@demo.local' }, 'password'],
        ['password null', { password: null }, 'password'],
        ['email (not changeable here)', { email: 'other@demo.local' }, 'email'],
        ['version (server-owned)', { version: 99 }, 'version'],
        ['unknown field', { passwordHash: 'x' }, 'passwordHash'],
      ];
      it.each(badPatch)('%s → 400 naming the field', async (_case, body, field) => {
        expectProblem(await patch(path, body), 400, 'validation-error', [field]);
      });

      it('updates with If-Match and returns the new ETag', async () => {
        const etag = await etagOf(path);
        const res = await t.http
          .patch(`${API}${path}`)
          .set(admin)
          .set('If-Match', etag)
          .send({ displayName: 'Tara Target', approvalLimit: { amount: 250_000, currency: 'EUR' }, locale: 'fr' })
          .expect(200);
        expect(res.body).toMatchObject({ displayName: 'Tara Target', approvalLimit: { amount: 250_000, currency: 'EUR' }, locale: 'fr' });
        expect(res.headers.etag).toBe(`"${res.body.version}"`);
        expect(res.headers.etag).not.toBe(etag);
      });

      it('requires If-Match (428) and refuses a stale one (412)', async () => {
        expectProblem(await t.http.patch(`${API}${path}`).set(admin).send({ displayName: 'No Match' }), 428, 'precondition-required');
        const stale = await etagOf(path);
        await patch(path, { displayName: 'Bump' }).then((r) => expect(r.status).toBe(200));
        const res = await t.http.patch(`${API}${path}`).set(admin).set('If-Match', stale).send({ displayName: 'Stale' });
        expectProblem(res, 412, 'precondition-failed');
        expect(res.body.currentVersion).toBe(Number(stale.replace(/"/g, '')) + 1);
      });

      it.each<[AccountName, Body]>([
        ['hero', { roles: ['hero', 'admin'] }],
        ['hero', { status: 'active' }],
        ['hero', { approvalLimit: { amount: 1, currency: 'EUR' } }],
        ['manager', { approvalLimit: { amount: 999_999_999, currency: 'EUR' } }],
        ['cio', { roles: ['cio', 'admin'] }],
      ])('mass assignment: %s PATCHing their own user %j → 403, nothing changes', async (who, body) => {
        const id = await actors.userId(who);
        const before = (await t.http.get(`${API}/users/${id}`).set(admin)).body as Body;
        expectProblem(await patch(`/users/${id}`, body, await actors.auth(who)), 403, 'forbidden');
        expect((await t.http.get(`${API}/users/${id}`).set(admin)).body).toEqual(before);
      });

      it.each<[string, Body]>([
        ['remove their own admin role', { roles: ['hero', 'cio'] }],
        ['clear their own roles', { roles: [] }],
        ['disable themself', { status: 'disabled' }],
      ])('an admin cannot %s (409 self-lockout)', async (_case, body) => {
        expectProblem(await patch(`/users/${await actors.userId('admin')}`, body), 409, 'self-lockout');
        await t.http.get(`${API}/me`).set(admin).expect(200);
      });

      it('a disabled user cannot sign in, and keys created by a disabled admin stop working (401)', async () => {
        const other = await createUser({ email: 'second.admin@demo.local', roles: ['admin'], password: STRONG_PASSWORD }).expect(201);
        const session = await login('second.admin@demo.local', STRONG_PASSWORD).expect(200);
        const keyRes = await t.http
          .post(`${API}/api-keys`)
          .set('Authorization', `Bearer ${session.body.accessToken}`)
          .send({ name: 'owned by second admin', scopes: ['users:read'] })
          .expect(201);
        const withKey = () => t.http.get(`${API}/users`).set('X-API-Key', keyRes.body.key as string);
        await withKey().expect(200);

        await patch(`/users/${other.body.id}`, { status: 'disabled' }).then((r) => expect(r.status).toBe(200));
        expectProblem(await login('second.admin@demo.local', STRONG_PASSWORD), 401, 'invalid-credentials');
        expectProblem(await withKey(), 401, 'unauthenticated');
        expectProblem(await t.http.get(`${API}/me`).set('Authorization', `Bearer ${session.body.accessToken}`), 401, 'unauthenticated');
      });
    });
  });

  describe('org units', () => {
    type Unit = { id: string; name: string; parentId: string | null; path: string; depth: number; version: number };
    const createUnit = (body: Body) => t.http.post(`${API}/org-units`).set(admin).send(body);
    const units = async (): Promise<Map<string, Unit>> => {
      const res = await t.http.get(`${API}/org-units?limit=100`).set(admin).expect(200);
      return new Map((res.body.items as Unit[]).map((u) => [u.id, u]));
    };

    it('creates a unit under a parent, with the path and depth below it', async () => {
      const parent = (await t.http.get(`${API}/org-units/${marketing}`).set(admin).expect(200)).body as Unit;
      const res = await createUnit({ name: 'Growth', kind: 'department', parentId: marketing }).expect(201);
      expect(res.body).toMatchObject({
        name: 'Growth',
        parentId: marketing,
        path: `${parent.path}${res.body.id}/`,
        depth: parent.depth + 1,
      });
    });

    it.each<[string, Body, string]>([
      ['name empty', { name: '', kind: 'team', parentId: 'MARKETING' }, 'name'],
      ['name blank', { name: '  ', kind: 'team', parentId: 'MARKETING' }, 'name'],
      ['kind unknown', { name: 'X', kind: 'squad', parentId: 'MARKETING' }, 'kind'],
      ['parentId not a uuid', { name: 'X', kind: 'team', parentId: 'nope' }, 'parentId'],
      ['parentId unknown', { name: 'X', kind: 'team', parentId: randomUUID() }, 'parentId'],
      ['parentId missing (a root exists)', { name: 'X', kind: 'team' }, 'parentId'],
      ['unknown field', { name: 'X', kind: 'team', parentId: 'MARKETING', path: '/x/' }, 'path'],
    ])('POST /org-units: %s → 400 naming the field', async (_case, body, field) => {
      const res = await createUnit({ ...body, parentId: body.parentId === 'MARKETING' ? marketing : body.parentId });
      expectProblem(res, 400, 'validation-error', [field]);
    });

    it('renames with If-Match (ETag returned); 428 without it, 412 when stale', async () => {
      const unit = (await createUnit({ name: 'Old name', kind: 'team', parentId: marketing }).expect(201)).body as Unit;
      const path = `/org-units/${unit.id}`;
      const stale = await etagOf(path);
      const res = await patch(path, { name: 'New name' });
      expect({ status: res.status, name: res.body.name, etag: res.headers.etag }).toEqual({
        status: 200,
        name: 'New name',
        etag: `"${unit.version + 1}"`,
      });
      expectProblem(await t.http.patch(`${API}${path}`).set(admin).send({ name: 'x' }), 428, 'precondition-required');
      expectProblem(await t.http.patch(`${API}${path}`).set(admin).set('If-Match', stale).send({ name: 'x' }), 412, 'precondition-failed');
    });

    it('moves a subtree: descendants follow the new parent path', async () => {
      const itUnit = await actors.unitId('IT');
      const a = (await createUnit({ name: 'Moving dept', kind: 'department', parentId: await actors.unitId('Customer Service') })).body;
      const b = (await createUnit({ name: 'Moving team', kind: 'team', parentId: a.id })).body;
      const moved = await patch(`/org-units/${a.id}`, { parentId: itUnit });
      expect(moved.status).toBe(200);
      const tree = await units();
      const newParent = tree.get(itUnit)!;
      expect(tree.get(a.id)).toMatchObject({ parentId: itUnit, path: `${newParent.path}${a.id}/`, depth: newParent.depth + 1 });
      expect(tree.get(b.id)).toMatchObject({ parentId: a.id, path: `${newParent.path}${a.id}/${b.id}/`, depth: newParent.depth + 2 });
    });

    it('refuses a move under itself or a descendant (409 org-unit-cycle), and an unknown parent (400)', async () => {
      const a = (await createUnit({ name: 'Cycle root', kind: 'department', parentId: marketing })).body;
      const b = (await createUnit({ name: 'Cycle child', kind: 'team', parentId: a.id })).body;
      const c = (await createUnit({ name: 'Cycle grandchild', kind: 'team', parentId: b.id })).body;
      for (const target of [a.id, b.id, c.id])
        expectProblem(await patch(`/org-units/${a.id}`, { parentId: target }), 409, 'org-unit-cycle');
      expectProblem(await patch(`/org-units/${a.id}`, { parentId: randomUUID() }), 400, 'validation-error', ['parentId']);
      expectProblem(await patch(`/org-units/${a.id}`, { parentId: 'not-a-uuid' }), 400, 'validation-error', ['parentId']);
      expectProblem(await patch(`/org-units/${a.id}`, { parentId: null }), 400, 'validation-error', ['parentId']);
      expect((await units()).get(c.id)!.path).toBe(`${a.path}${b.id}/${c.id}/`);
    });

    it('two concurrent crossing moves cannot make a cycle: one wins, the other is 409', async () => {
      for (let round = 0; round < 8; round++) {
        const [a, b] = await Promise.all(['A', 'B'].map((name) => createUnit({ name, kind: 'team', parentId: marketing })));
        const [a1, b1] = await Promise.all([a, b].map((u) => createUnit({ name: 'child', kind: 'team', parentId: u.body.id })));
        const move = (unit: Response, under: Response) =>
          t.http.patch(`${API}/org-units/${unit.body.id}`).set(admin).set('If-Match', '"1"').send({ parentId: under.body.id });
        const statuses = (await Promise.all([move(a, b1), move(b, a1)])).map((r) => r.status);
        expect(statuses.sort()).toEqual([200, 409]);
      }
    });

    it('after a move, the new parent’s manager sees the moved unit’s projects', async () => {
      const projects = new ProjectDriver(t, actors);
      const { id } = await projects.create('salesHero');
      const asMarketingManager = async () => t.http.get(`${API}/projects/${id}`).set(await actors.auth('marketingManager'));
      expect((await asMarketingManager()).status).toBe(404);
      await patch(`/org-units/${await actors.unitId('Sales')}`, { parentId: marketing }).then((r) => expect(r.status).toBe(200));
      expect((await asMarketingManager()).status).toBe(200);
    });
  });

  describe('API keys', () => {
    const createKey = (body: Body) =>
      t.http
        .post(`${API}/api-keys`)
        .set(admin)
        .send({ name: 'Integration', scopes: ['users:read'], ...body });
    const listKeys = async (): Promise<Body[]> => {
      const res = await t.http.get(`${API}/api-keys?limit=100`).set(admin).expect(200);
      return (res.body as { items: Body[] }).items;
    };
    const asKey = (key: string, path = '/users') => t.http.get(`${API}${path}`).set('X-API-Key', key);

    it('shows the key once, keeps only a hash, and identifies it by a visible prefix', async () => {
      const res = await createKey({ name: 'CRM sync' }).expect(201);
      const { key, prefix, id } = res.body as { key: string; prefix: string; id: string };
      expect(key).toMatch(/^hck_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
      expect(key.startsWith(`${prefix}_`)).toBe(true);
      const listed = (await listKeys()).find((k) => k.id === id);
      expect(listed).toMatchObject({ id, prefix, name: 'CRM sync' });
      expect(listed).not.toHaveProperty('key');
      expect(JSON.stringify(await listKeys())).not.toContain(key.slice(prefix.length + 1));
      const rows: Record<string, unknown>[] = await t.dataSource.query('SELECT * FROM api_key WHERE id = $1', [id]);
      expect(rows).toHaveLength(1);
      const secret = key.slice(prefix.length + 1);
      for (const [column, value] of Object.entries(rows[0])) {
        expect({ column, leaks: JSON.stringify(value ?? null).includes(secret) }).toEqual({ column, leaks: false });
      }
    });

    it('records lastUsedAt after a call', async () => {
      const { key, id } = (await createKey({}).expect(201)).body;
      expect((await listKeys()).find((k) => k.id === id)!.lastUsedAt).toBeNull();
      await asKey(key).expect(200);
      const lastUsedAt = (await listKeys()).find((k) => k.id === id)!.lastUsedAt as string;
      expect(Math.abs(Date.parse(lastUsedAt) - Date.now())).toBeLessThan(60_000);
    });

    it('revocation takes effect on the next call (401); revoking an unknown key is 404', async () => {
      const { key, id } = (await createKey({}).expect(201)).body;
      await asKey(key).expect(200);
      await t.http.delete(`${API}/api-keys/${id}`).set(admin).expect(204);
      expectProblem(await asKey(key), 401, 'unauthenticated');
      expect((await listKeys()).find((k) => k.id === id)!.revokedAt).toEqual(expect.any(String));
      expectProblem(await t.http.delete(`${API}/api-keys/${randomUUID()}`).set(admin), 404, 'not-found');
    });

    it('an expired key stops working (401)', async () => {
      const { key, id } = (await createKey({}).expect(201)).body;
      await t.dataSource.query(`UPDATE api_key SET expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
      expectProblem(await asKey(key), 401, 'unauthenticated');
    });

    const day = 86_400_000;
    it.each<[string, Body, string]>([
      ['expiresAt in the past', { expiresAt: new Date(Date.now() - day).toISOString() }, 'expiresAt'],
      ['expiresAt beyond one year', { expiresAt: new Date(Date.now() + 400 * day).toISOString() }, 'expiresAt'],
      ['expiresAt not a date', { expiresAt: 'tomorrow' }, 'expiresAt'],
      ['name empty', { name: '' }, 'name'],
      ['name blank', { name: ' ' }, 'name'],
      ['scopes empty', { scopes: [] }, 'scopes'],
      ['scopes unknown', { scopes: ['everything'] }, 'scopes'],
      ['orgUnitId unknown', { orgUnitId: randomUUID() }, 'orgUnitId'],
      ['unknown field', { key: 'hck_chosen_by_client' }, 'key'],
    ])('POST /api-keys: %s → 400 naming the field', async (_case, body, field) => {
      expectProblem(await createKey(body), 400, 'validation-error', [field]);
    });

    it('a call outside the key’s scopes is 403 problem+json', async () => {
      const { key } = (await createKey({ scopes: ['reports:read'] }).expect(201)).body;
      const res = await asKey(key);
      expectProblem(res, 403, 'forbidden');
      expect(res.body.missingPermissions).toEqual(['user.read']);
      const usersKey = (await createKey({ scopes: ['users:read'] }).expect(201)).body.key as string;
      expectProblem(await t.http.post(`${API}/users`).set('X-API-Key', usersKey).send({}), 403, 'forbidden');
    });

    it.each([
      ['malformed', 'not-a-key'],
      ['unknown prefix', `hck_000000000000_${'A'.repeat(43)}`],
      ['empty', ''],
    ])('a %s key is 401', async (_case, key) => {
      expectProblem(await asKey(key), 401, 'unauthenticated');
    });

    it('a known prefix with a wrong secret is 401', async () => {
      const { prefix } = (await createKey({}).expect(201)).body;
      expectProblem(await asKey(`${prefix}_${'B'.repeat(43)}`), 401, 'unauthenticated');
    });

    it('sending both a bearer token and an API key is 400', async () => {
      const { key } = (await createKey({}).expect(201)).body;
      expectProblem(await asKey(key).set(admin), 400, 'ambiguous-credentials');
    });
  });
});
