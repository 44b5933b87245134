import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Response } from 'supertest';
import { seedActors } from './support/actors';
import { OidcTestProvider, startOidcTestProvider } from './support/oidc-test-provider';
import { SSO_REDIRECT_URI, ssoConfig, SsoSession } from './support/sso-flow';
import { startTestApp, TestApp } from './support/test-app';

const problem = (res: Response, status: number, code: string): void => {
  expect({ status: res.status, type: res.body.type as unknown }).toEqual({ status, type: `https://hero-compact.dev/problems/${code}` });
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(res.body).not.toHaveProperty('accessToken');
};

/**
 * What single sign-on refuses, against a real OpenID provider (oidc-provider) on 127.0.0.1.
 *
 * Wrong audience and expired ID token: an honest provider never sends either on the back channel,
 * so the provider's token endpoint is made to misbehave. Its response passes through a hook that
 * re-issues the ID token with the provider's own IdToken model and signing key — same issuer,
 * subject, claims and nonce, only the audience (another registered client) or the expiry (an hour
 * ago) changed. The code, PKCE check and signature stay genuine, so the refusal can only come from
 * the audience or expiry check; an untampered re-issue through the same hook is the control.
 */
describe('SSO: refusals', () => {
  let idp: OidcTestProvider;
  let t: TestApp;
  const users = async (): Promise<number> => (await t.dataSource.query(`SELECT count(*)::int AS n FROM app_user`))[0].n as number;

  beforeAll(async () => {
    idp = await startOidcTestProvider(SSO_REDIRECT_URI);
    t = await startTestApp(ssoConfig(idp));
    await seedActors(t); // the demo org: the accounts' D-SALES maps to its Sales unit
    for (const sub of ['carol', 'dave']) {
      idp.accounts.set(sub, { sub, email: `${sub}@corp.example`, email_verified: true, name: sub, department: 'D-SALES' });
    }
  }, 30_000);
  afterAll(async () => {
    await t.close();
    await idp.close();
  });

  const session = (): SsoSession => new SsoSession(t, idp);

  describe('state', () => {
    it('refuses an unknown state, and a callback without one', async () => {
      const s = session();
      const response = await s.authorize(await s.start(), 'carol');
      const forged = new URL(response);
      forged.searchParams.set('state', 'a-state-this-server-never-issued-0000000000');
      problem(await s.callback(forged), 400, 'sso-state-invalid');
      forged.searchParams.delete('state');
      problem(await s.callback(forged), 400, 'sso-state-invalid');
    });

    it('accepts a callback once: replaying the same callback URL is refused', async () => {
      const s = session();
      const response = await s.authorize(await s.start(), 'carol');
      expect((await s.callback(response)).status).toBe(200);
      problem(await s.callback(response), 400, 'sso-state-invalid');
    });

    it('refuses a callback from another browser (login CSRF) without spending the real one', async () => {
      const victim = session();
      const response = await victim.authorize(await victim.start(), 'carol');
      problem(await t.http.get(`/api/v1/auth/sso/callback${response.search}`), 400, 'sso-state-invalid');
      const attacker = session();
      await attacker.start();
      problem(await attacker.callback(response), 400, 'sso-state-invalid');
      expect((await victim.callback(response)).status).toBe(200);
    });

    it('refuses a sign-in completed after the pending request expired', async () => {
      const s = session();
      const url = await s.start();
      await t.dataSource.query(`UPDATE sso_login_request SET expires_at = now() - interval '1 second' WHERE nonce = $1`, [
        url.searchParams.get('nonce'),
      ]);
      problem(await s.callback(await s.authorize(url, 'carol')), 400, 'sso-state-invalid');
    });
  });

  describe('ID token and code', () => {
    it('accepts a token re-issued unchanged through the tampering hook (control)', async () => {
      idp.tamperNextIdToken({});
      await session().signIn('dave', 200);
      expect(idp.lastTamperedClaims()).toMatchObject({ aud: idp.app.clientId, iss: idp.issuer, sub: 'dave' });
    });

    it('refuses an ID token issued for another client (wrong audience)', async () => {
      const before = await users();
      idp.tamperNextIdToken({ audienceClientId: idp.otherApp.clientId });
      const res = await session().signIn('carol');
      problem(res, 401, 'sso-failed');
      expect(res.body.reason).toBe('id-token-invalid');
      expect(await users()).toBe(before);
      // What the app was sent: a provider-signed token, right issuer and subject, for the other client.
      expect(idp.lastTamperedClaims()).toMatchObject({ aud: idp.otherApp.clientId, iss: idp.issuer, sub: 'carol' });
    });

    it('refuses an expired ID token', async () => {
      idp.tamperNextIdToken({ expiredSecondsAgo: 3600 });
      const res = await session().signIn('carol');
      problem(res, 401, 'sso-failed');
      expect(res.body.reason).toBe('id-token-invalid');
      const claims = idp.lastTamperedClaims()!;
      expect(claims).toMatchObject({ aud: idp.app.clientId, iss: idp.issuer, sub: 'carol' });
      expect(claims.exp).toBeLessThan(Date.now() / 1000 - 3000);
    });

    it('refuses a code the provider issued to another client (the provider rejects the exchange)', async () => {
      const s = session();
      const url = await s.start();
      url.searchParams.set('client_id', idp.otherApp.clientId);
      url.searchParams.set('redirect_uri', idp.otherApp.redirectUri);
      const response = await s.authorize(url, 'carol', [idp.otherApp.redirectUri]);
      const res = await s.callback(response);
      problem(res, 401, 'sso-failed');
      expect(res.body.reason).toBe('code-rejected');
    });

    it('refuses an authorization response that carries an error (access denied at the provider)', async () => {
      idp.denyNextInteraction();
      const res = await session().signIn('carol');
      problem(res, 401, 'sso-failed');
      expect(res.body.reason).toBe('authorization-denied');
    });
  });

  describe('local passwords off', () => {
    let only: TestApp;
    beforeAll(async () => {
      only = await startTestApp(ssoConfig(idp, { LOCAL_PASSWORDS_ENABLED: 'false' }));
      await seedActors(only);
    }, 30_000);
    afterAll(() => only.close());

    it('answers 403 local-login-disabled to a password sign-in, while SSO sign-in and refresh keep working', async () => {
      problem(
        await only.http.post('/api/v1/auth/login').send({ email: 'carol@corp.example', password: 'whatever-password-1' }),
        403,
        'local-login-disabled',
      );
      const signedIn = await new SsoSession(only, idp).signIn('carol', 200);
      const refreshed = await only.http.post('/api/v1/auth/refresh').send({ refreshToken: signedIn.body.refreshToken }).expect(200);
      await only.http.get('/api/v1/me').set('Authorization', `Bearer ${refreshed.body.accessToken}`).expect(200);
    });

    it('still validates the body first (400 names the field)', async () => {
      const res = await only.http.post('/api/v1/auth/login').send({ email: 'nope' }).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('email');
    });
  });

  describe('configuration', () => {
    it('answers 404 sso-not-configured on both routes when OIDC_ISSUER is unset', async () => {
      const off = await startTestApp();
      try {
        problem(await off.http.get('/api/v1/auth/sso/login'), 404, 'sso-not-configured');
        problem(await off.http.get('/api/v1/auth/sso/callback?state=x&code=y'), 404, 'sso-not-configured');
      } finally {
        await off.close();
      }
    }, 30_000);

    it('answers 503 sso-provider-unavailable when the provider cannot be reached, without keeping a pending sign-in', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const down = await startTestApp({ sso: { ...t.config.sso!, issuer: `http://127.0.0.1:${port}` } });
      try {
        const res = await down.http.get('/api/v1/auth/sso/login');
        problem(res, 503, 'sso-provider-unavailable');
        expect(res.headers['retry-after']).toBe('5');
        expect((await down.dataSource.query(`SELECT count(*)::int AS n FROM sso_login_request`))[0].n).toBe(0);
      } finally {
        await down.close();
      }
    }, 30_000);
  });
});
