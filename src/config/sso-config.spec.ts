import { ConfigError, loadConfig } from './app-config';
import { parseClaimMap } from './sso-config';

const sso = {
  OIDC_ISSUER: 'https://login.corp.example/realms/staff',
  OIDC_CLIENT_ID: 'hero-compact',
  OIDC_CLIENT_SECRET: 's3cret',
  OIDC_REDIRECT_URI: 'https://hero.corp.example/api/v1/auth/sso/callback',
};
const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db/hc', JWT_SECRET: 'x'.repeat(40) };

describe('SSO configuration', () => {
  it('is off by default, with local passwords on', () => {
    expect(loadConfig({})).toMatchObject({ sso: null, localPasswordsEnabled: true });
  });

  it('reads the provider, client, scopes and claim mappings', () => {
    const c = loadConfig({
      ...sso,
      OIDC_SCOPES: 'openid email profile groups',
      OIDC_ROLE_CLAIM: 'realm_access.roles',
      OIDC_ROLE_MAP: 'hc-cio=cio, hc-managers=manager',
      OIDC_ORG_UNIT_CLAIM: 'department',
      OIDC_ORG_UNIT_MAP: '{"CN=Sales,OU=Org": "Sales"}',
      OIDC_DEFAULT_ORG_UNIT: 'Demo Corp',
      LOCAL_PASSWORDS_ENABLED: 'false',
    });
    expect(c.localPasswordsEnabled).toBe(false);
    expect(c.sso).toEqual({
      issuer: sso.OIDC_ISSUER,
      clientId: 'hero-compact',
      clientSecret: 's3cret',
      redirectUri: sso.OIDC_REDIRECT_URI,
      scopes: ['openid', 'email', 'profile', 'groups'],
      roleClaim: 'realm_access.roles',
      roleMap: { 'hc-cio': 'cio', 'hc-managers': 'manager' },
      orgUnitClaim: 'department',
      orgUnitMap: { 'CN=Sales,OU=Org': 'Sales' },
      defaultOrgUnit: 'Demo Corp',
      allowInsecureRequests: false,
    });
  });

  it('defaults the scopes and allows a secret-less (public, PKCE-only) client', () => {
    const { OIDC_CLIENT_SECRET: _omit, ...publicClient } = sso;
    expect(loadConfig(publicClient).sso).toMatchObject({ scopes: ['openid', 'email', 'profile'], clientSecret: undefined });
  });

  it('allows a plain-http provider only on a loopback address and never in production', () => {
    const local = { ...sso, OIDC_ISSUER: 'http://127.0.0.1:8080', OIDC_REDIRECT_URI: 'http://localhost:3000/api/v1/auth/sso/callback' };
    expect(loadConfig(local).sso?.allowInsecureRequests).toBe(true);
    expect(() => loadConfig({ ...sso, OIDC_ISSUER: 'http://idp.corp.example' })).toThrow(/OIDC_ISSUER: plain http/);
    expect(() => loadConfig({ ...production, ...local })).toThrow(/OIDC_ISSUER: must use https in production/);
    expect(() => loadConfig({ ...production, ...local })).toThrow(/OIDC_REDIRECT_URI: must use https in production/);
    expect(loadConfig({ ...production, ...sso }).sso?.allowInsecureRequests).toBe(false);
  });

  it.each([
    [{ OIDC_CLIENT_ID: 'x' }, /OIDC_CLIENT_ID: set without OIDC_ISSUER/],
    [{ LOCAL_PASSWORDS_ENABLED: 'false' }, /LOCAL_PASSWORDS_ENABLED: false needs OIDC_ISSUER/],
    [{ LOCAL_PASSWORDS_ENABLED: 'maybe' }, /LOCAL_PASSWORDS_ENABLED: must be true or false/],
    [{ OIDC_ISSUER: sso.OIDC_ISSUER }, /OIDC_CLIENT_ID: required when OIDC_ISSUER is set/],
    [{ ...sso, OIDC_ISSUER: 'not a url' }, /OIDC_ISSUER: must be an absolute http\(s\) URL/],
    [{ ...sso, OIDC_REDIRECT_URI: 'https://hero.example/cb?x=1' }, /OIDC_REDIRECT_URI: must be an absolute/],
    [{ ...sso, OIDC_SCOPES: 'email profile' }, /OIDC_SCOPES: must include openid/],
    [{ ...sso, OIDC_ROLE_CLAIM: 'groups', OIDC_ROLE_MAP: 'a=superuser' }, /OIDC_ROLE_MAP: unknown role\(s\) superuser/],
    [{ ...sso, OIDC_ROLE_MAP: 'a=cio' }, /OIDC_ROLE_MAP: set without OIDC_ROLE_CLAIM/],
    [{ ...sso, OIDC_ORG_UNIT_CLAIM: 'dept', OIDC_ORG_UNIT_MAP: 'no-equals-sign' }, /OIDC_ORG_UNIT_MAP: "no-equals-sign" is not key=value/],
    [{ ...sso, OIDC_ROLE_CLAIM: 'groups here' }, /OIDC_ROLE_CLAIM: must be a claim name/],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('parseClaimMap', () => {
  it('reads key=value pairs and JSON objects', () => {
    expect(parseClaimMap(' a = b ,c=d=e')).toEqual({ a: 'b', c: 'd=e' });
    expect(parseClaimMap('{"CN=x,OU=y": "z"}')).toEqual({ 'CN=x,OU=y': 'z' });
  });

  it.each(['{"a": 1}', '{not json', 'a=', '=b', 'a=b,,c=d'])('refuses %s', (text) => {
    expect(typeof parseClaimMap(text)).toBe('string');
  });
});
