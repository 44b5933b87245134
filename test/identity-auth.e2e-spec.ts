import { createHmac } from 'node:crypto';
import { JWT_AUDIENCE, JWT_ISSUER } from '../src/identity/auth/jwt.strategy';
import { DEMO_PASSWORD } from '../src/database/demo-seed';
import { Actors, ACCOUNTS, seedActors } from './support/actors';
import { startTestApp, TestApp } from './support/test-app';

const b64 = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
function signHs256(payload: object, secret: string, header: object = { alg: 'HS256', typ: 'JWT' }): string {
  const unsigned = `${b64(header)}.${b64(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

describe('authentication', () => {
  let t: TestApp;
  let actors: Actors;
  beforeAll(async () => {
    t = await startTestApp();
    actors = await seedActors(t);
  });
  afterAll(() => t.close());

  const login = (email: string, password = DEMO_PASSWORD) => t.http.post('/api/v1/auth/login').send({ email, password });

  describe('login', () => {
    it('returns an access token, a refresh token and the user with roles and unit', async () => {
      const res = await login('Hero@Demo.Local').expect(200);
      expect(res.body).toMatchObject({
        tokenType: 'Bearer',
        expiresIn: 900,
        user: { email: ACCOUNTS.hero, roles: ['hero'], orgUnit: { name: 'Marketing' } },
      });
      expect(res.body.user).not.toHaveProperty('passwordHash');
      expect(res.headers['cache-control']).toBe('no-store'); // tokens are never cached by a proxy or browser
      const me = await t.http.get('/api/v1/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
      expect(me.body).toMatchObject({ email: ACCOUNTS.hero, orgUnit: { name: 'Marketing' } });
      expect(me.body.permissions).toContain('project.create');
    });

    it('gives the same answer for an unknown email and a wrong password', async () => {
      const unknown = await login('nobody@demo.local').expect(401);
      const wrong = await login(ACCOUNTS.hero, 'wrong-password-123').expect(401);
      expect(unknown.body.detail).toBe(wrong.body.detail);
      expect(unknown.body.type).toBe(wrong.body.type);
    });

    it('names the field at fault for bad input', async () => {
      const res = await t.http.post('/api/v1/auth/login').send({ email: 'not-an-email', password: '' }).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'password']);
    });

    it('manager limits and units come back on /me', async () => {
      const res = await login(ACCOUNTS.marketingManager).expect(200);
      expect(res.body.user).toMatchObject({ roles: ['hero', 'manager'], approvalLimit: { amount: 5_000_000, currency: 'EUR' } });
    });
  });

  describe('access token attacks', () => {
    let userId: string;
    beforeAll(async () => {
      userId = await actors.userId('hero');
    });
    const now = () => Math.floor(Date.now() / 1000);
    const claims = (extra: object = {}) => ({
      sub: userId,
      typ: 'access',
      iss: JWT_ISSUER,
      aud: JWT_AUDIENCE,
      iat: now(),
      exp: now() + 600,
      ...extra,
    });
    const me = (token: string) => t.http.get('/api/v1/me').set('Authorization', `Bearer ${token}`);

    it('accepts a well-formed token signed with the configured secret (control)', async () => {
      await me(signHs256(claims(), t.config.jwtSecret)).expect(200);
    });
    it('refuses alg "none"', async () => {
      const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`;
      await me(token).expect(401);
    });
    it('refuses a tampered payload', async () => {
      const [h, , s] = signHs256(claims(), t.config.jwtSecret).split('.');
      await me(`${h}.${b64(claims({ sub: await actors.userId('admin') }))}.${s}`).expect(401);
    });
    it('refuses another secret', async () => {
      await me(signHs256(claims(), 'some-other-secret-of-enough-length')).expect(401);
    });
    it('refuses an expired token', async () => {
      await me(signHs256(claims({ iat: now() - 1000, exp: now() - 10 }), t.config.jwtSecret)).expect(401);
    });
    it('refuses the wrong audience and a non-access token type', async () => {
      await me(signHs256(claims({ aud: 'other-api' }), t.config.jwtSecret)).expect(401);
      await me(signHs256(claims({ typ: 'refresh' }), t.config.jwtSecret)).expect(401);
    });
    it('answers 401 problem+json with WWW-Authenticate', async () => {
      const res = await me('garbage')
        .expect(401)
        .expect('Content-Type', /problem\+json/);
      expect(res.headers['www-authenticate']).toBe('Bearer');
    });
  });

  describe('refresh tokens', () => {
    it('rotate on every use; reusing a spent one revokes the whole family', async () => {
      const first = (await login(ACCOUNTS.salesHero).expect(200)).body.refreshToken as string;
      const refreshed = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: first }).expect(200);
      expect(refreshed.headers['cache-control']).toBe('no-store');
      const second = refreshed.body.refreshToken as string;
      expect(second).not.toBe(first);
      const reuse = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: first }).expect(401);
      expect(reuse.body.type).toMatch(/refresh-token-reused$/);
      // The legitimate holder's newer token is revoked too.
      await t.http.post('/api/v1/auth/refresh').send({ refreshToken: second }).expect(401);
    });

    it('logout revokes the refresh token', async () => {
      const token = (await login(ACCOUNTS.salesHero).expect(200)).body.refreshToken as string;
      await t.http.post('/api/v1/auth/logout').send({ refreshToken: token }).expect(204);
      await t.http.post('/api/v1/auth/refresh').send({ refreshToken: token }).expect(401);
    });

    it('stores only hashes of refresh tokens', async () => {
      const token = (await login(ACCOUNTS.salesHero).expect(200)).body.refreshToken as string;
      const rows: unknown[] = await t.dataSource.query('SELECT 1 FROM refresh_token WHERE token_hash = $1', [token]);
      expect(rows).toHaveLength(0);
    });
  });

  describe('disabled users', () => {
    it('cannot log in, refresh, or use an access token issued before', async () => {
      const admin = await actors.auth('admin');
      const created = await t.http
        .post('/api/v1/users')
        .set(admin)
        .send({
          email: 'leaver@demo.local',
          displayName: 'Leaver',
          orgUnitId: await actors.unitId('Sales'),
          password: 'Tr4in-Yellow-Kettle',
        })
        .expect(201);
      const session = (await login('leaver@demo.local', 'Tr4in-Yellow-Kettle').expect(200)).body;
      const etag = (await t.http.get(`/api/v1/users/${created.body.id}`).set(admin).expect(200)).headers.etag;
      await t.http.patch(`/api/v1/users/${created.body.id}`).set(admin).set('If-Match', etag).send({ status: 'disabled' }).expect(200);
      await login('leaver@demo.local', 'Tr4in-Yellow-Kettle').expect(401);
      await t.http.post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
      await t.http.get('/api/v1/me').set('Authorization', `Bearer ${session.accessToken}`).expect(401);
    });
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ loginRateLimitPerAccount: 3, loginRateLimitPerIp: 6, loginRateWindowSeconds: 60 });
    await seedActors(t);
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After per account, then per IP', async () => {
    for (let i = 0; i < 3; i++)
      await t.http.post('/api/v1/auth/login').send({ email: ACCOUNTS.hero, password: 'wrong-password-1' }).expect(401);
    const limited = await t.http.post('/api/v1/auth/login').send({ email: ACCOUNTS.hero, password: DEMO_PASSWORD }).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body).toMatchObject({ status: 429, type: expect.stringMatching(/rate-limited$/) });
    // Another account from the same IP still works until the per-IP budget is spent.
    await t.http.post('/api/v1/auth/login').send({ email: ACCOUNTS.cio, password: DEMO_PASSWORD }).expect(200);
    await t.http.post('/api/v1/auth/login').send({ email: ACCOUNTS.advisor, password: DEMO_PASSWORD }).expect(200);
    await t.http.post('/api/v1/auth/login').send({ email: ACCOUNTS.manager, password: DEMO_PASSWORD }).expect(429);
  });
});
