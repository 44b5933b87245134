import type { Response } from 'supertest';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { OidcTestProvider, TestBrowser } from './oidc-test-provider';
import type { TestApp } from './test-app';

/**
 * The browser stops at the redirect URI and hands that request to the app through supertest, so
 * the redirect URI's host and port are never dialled: only the path and query matter.
 */
export const SSO_REDIRECT_URI = 'http://127.0.0.1/api/v1/auth/sso/callback';

/** The SSO part of the app's configuration, read from environment variables as in production. */
export function ssoConfig(idp: OidcTestProvider, env: Record<string, string> = {}): Partial<AppConfig> {
  const config = loadConfig({
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: idp.app.clientId,
    OIDC_CLIENT_SECRET: idp.app.clientSecret,
    OIDC_REDIRECT_URI: SSO_REDIRECT_URI,
    OIDC_SCOPES: 'openid email profile groups',
    OIDC_ROLE_CLAIM: 'groups',
    OIDC_ROLE_MAP: 'hc-advisors=it_advisor,hc-managers=manager,hc-admins=admin',
    OIDC_ORG_UNIT_CLAIM: 'department',
    OIDC_ORG_UNIT_MAP: 'D-SALES=Sales,D-MKT=Marketing,D-GHOST=Nowhere',
    ...env,
  });
  return { sso: config.sso, localPasswordsEnabled: config.localPasswordsEnabled };
}

/** One person's browser going through the flow. */
export class SsoSession {
  readonly browser = new TestBrowser();

  constructor(
    private readonly t: TestApp,
    private readonly idp: OidcTestProvider,
  ) {}

  /** GET /auth/sso/login: keeps the binding cookie, returns the provider URL it redirects to. */
  async start(): Promise<URL> {
    const res = await this.t.http.get('/api/v1/auth/sso/login').expect(302);
    this.browser.store(res.headers['set-cookie'] as unknown as string[]);
    return new URL(res.headers.location);
  }

  /** At the provider: signs in as `sub` and returns the authorization response (a URL with code, state, iss). */
  async authorize(authorizationUrl: URL, sub: string, stopAt = [this.idp.app.redirectUri]): Promise<URL> {
    this.idp.signInAs(sub);
    return this.browser.follow(authorizationUrl.href, stopAt);
  }

  /** The provider's redirect arriving at the app's callback, with this browser's cookies. */
  callback(response: URL): Promise<Response> {
    return this.t.http
      .get(`/api/v1/auth/sso/callback${response.search}`)
      .set('Cookie', this.browser.cookieHeader('/api/v1/auth/sso/callback'));
  }

  /** The whole flow for `sub`; with `status`, fails the test (showing the body) on any other answer. */
  async signIn(sub: string, status?: number): Promise<Response> {
    const res = await this.callback(await this.authorize(await this.start(), sub));
    if (status !== undefined && res.status !== status)
      throw new Error(`Expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
    return res;
  }
}
