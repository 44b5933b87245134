import { createHash } from 'node:crypto';
import { DEMO_PASSWORD } from '../src/database/demo-seed';
import { Actors, ACCOUNTS, seedActors } from './support/actors';
import { OidcTestProvider, startOidcTestProvider } from './support/oidc-test-provider';
import { SSO_REDIRECT_URI, ssoConfig, SsoSession } from './support/sso-flow';
import { startTestApp, TestApp } from './support/test-app';

const sha256hex = (v: string): string => createHash('sha256').update(v).digest('hex');

/** Single sign-on against a real OpenID provider (oidc-provider) on 127.0.0.1: the happy paths and provisioning. */
describe('SSO: sign-in and provisioning from ID token claims', () => {
  let idp: OidcTestProvider;
  let t: TestApp;
  let actors: Actors;
  beforeAll(async () => {
    idp = await startOidcTestProvider(SSO_REDIRECT_URI);
    t = await startTestApp(ssoConfig(idp));
    actors = await seedActors(t);
  }, 30_000);
  afterAll(async () => {
    await t.close();
    await idp.close();
  });

  const session = (): SsoSession => new SsoSession(t, idp);
  const auditOf = (userId: string) =>
    t.dataSource.query(`SELECT action, actor_type, actor_id, before, after FROM audit_event WHERE entity_id = $1 ORDER BY seq`, [userId]);

  it('starts the authorization code flow with PKCE (S256), state and nonce, kept server-side and bound to the browser', async () => {
    const res = await t.http.get('/api/v1/auth/sso/login').expect(302);
    const url = new URL(res.headers.location);
    expect(`${url.origin}${url.pathname}`).toBe(`${idp.issuer}/auth`);
    const p = Object.fromEntries(url.searchParams);
    expect(p).toMatchObject({
      response_type: 'code',
      client_id: idp.app.clientId,
      redirect_uri: SSO_REDIRECT_URI,
      scope: 'openid email profile groups',
      code_challenge_method: 'S256',
    });
    expect(p.state).toMatch(/^[\w-]{43}$/);
    expect(p.nonce).toMatch(/^[\w-]{43}$/);
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('hc_sso='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/api\/v1\/auth\/sso/);
    // The state is stored only as a hash; the verifier stays on the server and matches the challenge.
    const [row] = await t.dataSource.query(
      `SELECT code_verifier, nonce, expires_at, browser_binding_hash FROM sso_login_request WHERE state_hash = $1`,
      [sha256hex(p.state)],
    );
    expect(row.nonce).toBe(p.nonce);
    expect(createHash('sha256').update(row.code_verifier).digest('base64url')).toBe(p.code_challenge);
    expect(row.browser_binding_hash).toBe(sha256hex(decodeURIComponent(cookie.split(';')[0].slice('hc_sso='.length))));
    const ttl = new Date(row.expires_at).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(9 * 60_000);
    expect(ttl).toBeLessThanOrEqual(10 * 60_000);
  });

  describe('a new employee', () => {
    let userId: string;
    beforeAll(() => {
      idp.accounts.set('alice-0001', {
        sub: 'alice-0001',
        email: 'alice.martin@corp.example',
        email_verified: true,
        name: 'Alice Martin',
        groups: ['hc-managers', 'all-staff'],
        department: 'D-SALES',
      });
    });

    it('is created on first sign-in with mapped roles and unit, and gets our own token pair', async () => {
      const res = await session().signIn('alice-0001', 200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toMatchObject({
        tokenType: 'Bearer',
        expiresIn: 900,
        user: { email: 'alice.martin@corp.example', displayName: 'Alice Martin', roles: ['hero', 'manager'], orgUnit: { name: 'Sales' } },
      });
      userId = res.body.user.id;
      const me = await t.http.get('/api/v1/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
      expect(me.body.permissions).toContain('project.decide');
      await t.http.post('/api/v1/auth/refresh').send({ refreshToken: res.body.refreshToken }).expect(200);

      const [user] = await t.dataSource.query('SELECT password_hash FROM app_user WHERE id = $1', [userId]);
      expect(user.password_hash).toBeNull();
      const identities = await t.dataSource.query('SELECT issuer, subject FROM sso_identity WHERE user_id = $1', [userId]);
      expect(identities).toEqual([{ issuer: idp.issuer, subject: 'alice-0001' }]);
      const events = await auditOf(userId);
      expect(events.map((e: { action: string }) => e.action)).toEqual(['user.create', 'auth.sso_login']);
      expect(events[0]).toMatchObject({ actor_type: 'system', after: { email: 'alice.martin@corp.example', roles: ['manager'] } });
      expect(events[1]).toMatchObject({ actor_type: 'user', actor_id: userId, after: { issuer: idp.issuer, subject: 'alice-0001' } });
    });

    it('is updated on the next sign-in: name, email, roles and unit follow the provider', async () => {
      Object.assign(idp.accounts.get('alice-0001')!, {
        name: 'Alice Martin-Dupont',
        email: 'alice.dupont@corp.example',
        groups: ['hc-advisors'],
        department: 'D-MKT',
      });
      const res = await session().signIn('alice-0001', 200);
      expect(res.body.user).toMatchObject({
        id: userId,
        email: 'alice.dupont@corp.example',
        displayName: 'Alice Martin-Dupont',
        roles: ['hero', 'it_advisor'],
        orgUnit: { name: 'Marketing' },
      });
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM app_user WHERE email LIKE 'alice.%'`);
      expect(count).toBe(1);
      const update = (await auditOf(userId)).find((e: { action: string }) => e.action === 'user.update');
      expect(update.before).toMatchObject({ displayName: 'Alice Martin', roles: ['manager'] });
      expect(update.after).toMatchObject({ displayName: 'Alice Martin-Dupont', roles: ['it_advisor'] });
    });

    it('keeps the unit when the claim is absent or maps to no unit, and changes nothing when the claims are the same', async () => {
      const account = idp.accounts.get('alice-0001')!;
      delete account.department;
      await session().signIn('alice-0001', 200);
      account.department = 'D-GHOST';
      const res = await session().signIn('alice-0001', 200);
      expect(res.body.user.orgUnit.name).toBe('Marketing');
      const actions = (await auditOf(userId)).map((e: { action: string }) => e.action);
      expect(actions.filter((a: string) => a === 'user.update')).toHaveLength(1);
      expect(actions.filter((a: string) => a === 'auth.sso_login')).toHaveLength(4);
    });

    it('cannot sign in with a password: the account has none', async () => {
      await t.http.post('/api/v1/auth/login').send({ email: 'alice.dupont@corp.example', password: 'anything-at-all-1' }).expect(401);
    });

    it('is refused once disabled, and the attempt is audited', async () => {
      const admin = await actors.auth('admin');
      const current = await t.http.get(`/api/v1/users/${userId}`).set(admin).expect(200);
      await t.http
        .patch(`/api/v1/users/${userId}`)
        .set(admin)
        .set('If-Match', `"${current.body.version}"`)
        .send({ status: 'disabled' })
        .expect(200);
      const res = await session().signIn('alice-0001', 403);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({ type: 'https://hero-compact.dev/problems/sso-account-disabled' });
      expect(res.body).not.toHaveProperty('accessToken');
      const actions = (await auditOf(userId)).map((e: { action: string }) => e.action);
      expect(actions.at(-1)).toBe('auth.sso_login_refused');
    });
  });

  describe('an employee who already has an account', () => {
    beforeAll(() => {
      idp.accounts.set('sam-0002', { sub: 'sam-0002', email: 'Sales.Hero@demo.local', email_verified: false, name: 'Sam S.', groups: [] });
    });

    it('is not linked by email while the provider does not vouch for the email', async () => {
      const res = await session().signIn('sam-0002', 409);
      expect(res.body.type).toMatch(/sso-account-conflict$/);
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM sso_identity WHERE subject = 'sam-0002'`);
      expect(count).toBe(0);
    });

    it('is linked by verified email (case-insensitive), keeping the account and its unit', async () => {
      const samId = await actors.userId('salesHero');
      idp.accounts.get('sam-0002')!.email_verified = true;
      const res = await session().signIn('sam-0002', 200);
      expect(res.body.user).toMatchObject({
        id: samId,
        email: 'Sales.Hero@demo.local',
        displayName: 'Sam S.',
        roles: ['hero'],
        orgUnit: { name: 'Sales' },
      });
      const actions = (await auditOf(res.body.user.id)).map((e: { action: string }) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['user.sso_link', 'user.update', 'auth.sso_login']));
    });

    it('cannot be taken over by a second identity at the same provider with the same email', async () => {
      idp.accounts.set('sam-9999', { sub: 'sam-9999', email: 'sales.hero@demo.local', email_verified: true, name: 'Impostor' });
      const res = await session().signIn('sam-9999', 409);
      expect(res.body.type).toMatch(/sso-account-conflict$/);
    });

    it('still signs in with a password while local passwords are enabled', async () => {
      await t.http.post('/api/v1/auth/login').send({ email: ACCOUNTS.salesHero, password: DEMO_PASSWORD }).expect(200);
    });
  });

  describe('claims that cannot make an account', () => {
    it('refuses a new user whose unit maps to no unit when no default unit is configured', async () => {
      idp.accounts.set('bob-0003', {
        sub: 'bob-0003',
        email: 'bob@corp.example',
        email_verified: true,
        name: 'Bob',
        department: 'D-UNKNOWN',
      });
      const res = await session().signIn('bob-0003', 403);
      expect(res.body.type).toMatch(/sso-org-unit-unmapped$/);
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM app_user WHERE email = 'bob@corp.example'`);
      expect(count).toBe(0);
    });

    it('refuses an ID token without an email', async () => {
      idp.accounts.set('nomail-0004', { sub: 'nomail-0004', name: 'No Mail', department: 'D-SALES' });
      const res = await session().signIn('nomail-0004', 403);
      expect(res.body.type).toMatch(/sso-claims-invalid$/);
    });
  });
});
