import { ROLES, type Role } from '../identity/auth/roles';

/**
 * Single sign-on with OpenID Connect and local passwords (docs/security.md "SSO"). Read by
 * loadConfig with the rest of the environment; every problem names its variable.
 */
export interface SsoSettings {
  /** Issuer identifier; discovery reads `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  /** Unset: a public client (PKCE only, token_endpoint_auth_method none). */
  clientSecret?: string;
  /** Registered at the provider; the authorization response comes back here. */
  redirectUri: string;
  scopes: string[];
  /** Claim (dotted path for nested claims) holding the person's groups or roles; unset = roles are managed in the app. */
  roleClaim?: string;
  /** Claim value → role. Unset: claim values that are role names (`cio`, `manager`, …) count as such. */
  roleMap?: Record<string, Role>;
  /** Claim naming the person's org unit; unset = units are managed in the app. */
  orgUnitClaim?: string;
  /** Claim value → org unit name or id. Unset: the claim value itself is the unit name or id. */
  orgUnitMap?: Record<string, string>;
  /** Unit (name or id) of a new user whose unit claim is absent or unmapped; unset = such a sign-in is refused. */
  defaultOrgUnit?: string;
  /** Plain-HTTP provider on a loopback address (a local test IdP); never in production. */
  allowInsecureRequests: boolean;
}

export interface AuthSettings {
  sso: SsoSettings | null;
  localPasswordsEnabled: boolean;
  problems: string[];
}

const SSO_VARIABLES = [
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'OIDC_REDIRECT_URI',
  'OIDC_SCOPES',
  'OIDC_ROLE_CLAIM',
  'OIDC_ROLE_MAP',
  'OIDC_ORG_UNIT_CLAIM',
  'OIDC_ORG_UNIT_MAP',
  'OIDC_DEFAULT_ORG_UNIT',
] as const;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const CLAIM_PATH = /^[A-Za-z0-9_:/.-]+$/;

/** `key=value,key=value`, or a JSON object when keys contain `,` or `=` (LDAP group DNs). */
export function parseClaimMap(text: string): Record<string, string> | string {
  if (text.trim().startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return 'is not valid JSON';
    }
    const entries = Object.entries(parsed as Record<string, unknown>);
    if (entries.some(([k, v]) => typeof v !== 'string' || !k || !v)) return 'must map non-empty strings to non-empty strings';
    return Object.fromEntries(entries) as Record<string, string>;
  }
  const map: Record<string, string> = {};
  for (const pair of text.split(',').map((s) => s.trim())) {
    const eq = pair.indexOf('=');
    const key = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (eq < 0 || !key || !value) return `"${pair}" is not key=value (use a JSON object for keys with "," or "=")`;
    map[key] = value;
  }
  return map;
}

function parseBool(value: string | undefined, fallback: boolean): boolean | undefined {
  if (value === undefined) return fallback;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  return undefined;
}

function checkUrl(name: string, value: string, production: boolean, problems: string[]): URL | undefined {
  const url = URL.parse(value);
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.search || url.hash) {
    problems.push(`${name}: must be an absolute http(s) URL without query or fragment (got ${JSON.stringify(value)})`);
    return undefined;
  }
  if (production && url.protocol !== 'https:') problems.push(`${name}: must use https in production (got ${JSON.stringify(value)})`);
  return url;
}

function roleMapOf(raw: Record<string, string>, problems: string[]): Record<string, Role> | undefined {
  if (raw.OIDC_ROLE_MAP === undefined) return undefined;
  const map = parseClaimMap(raw.OIDC_ROLE_MAP);
  if (typeof map === 'string') {
    problems.push(`OIDC_ROLE_MAP: ${map}`);
    return undefined;
  }
  const unknown = Object.values(map).filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length) problems.push(`OIDC_ROLE_MAP: unknown role(s) ${unknown.join(', ')} (roles: ${ROLES.join(', ')})`);
  return map as Record<string, Role>;
}

function orgUnitMapOf(raw: Record<string, string>, problems: string[]): Record<string, string> | undefined {
  if (raw.OIDC_ORG_UNIT_MAP === undefined) return undefined;
  const map = parseClaimMap(raw.OIDC_ORG_UNIT_MAP);
  if (typeof map === 'string') problems.push(`OIDC_ORG_UNIT_MAP: ${map}`);
  return typeof map === 'string' ? undefined : map;
}

function ssoOf(raw: Record<string, string>, production: boolean, problems: string[]): SsoSettings | null {
  const issuerValue = raw.OIDC_ISSUER;
  if (issuerValue === undefined) {
    for (const name of SSO_VARIABLES) if (raw[name] !== undefined) problems.push(`${name}: set without OIDC_ISSUER`);
    return null;
  }
  const issuer = checkUrl('OIDC_ISSUER', issuerValue, production, problems);
  if (raw.OIDC_REDIRECT_URI === undefined) problems.push('OIDC_REDIRECT_URI: required when OIDC_ISSUER is set');
  else checkUrl('OIDC_REDIRECT_URI', raw.OIDC_REDIRECT_URI, production, problems);
  if (raw.OIDC_CLIENT_ID === undefined) problems.push('OIDC_CLIENT_ID: required when OIDC_ISSUER is set');
  const scopes = (raw.OIDC_SCOPES ?? 'openid email profile').split(/[\s,]+/).filter(Boolean);
  if (!scopes.includes('openid')) problems.push(`OIDC_SCOPES: must include openid (got ${JSON.stringify(raw.OIDC_SCOPES)})`);
  for (const name of ['OIDC_ROLE_CLAIM', 'OIDC_ORG_UNIT_CLAIM'] as const) {
    if (raw[name] !== undefined && !CLAIM_PATH.test(raw[name])) problems.push(`${name}: must be a claim name or dotted path`);
  }
  if (raw.OIDC_ROLE_MAP !== undefined && raw.OIDC_ROLE_CLAIM === undefined) problems.push('OIDC_ROLE_MAP: set without OIDC_ROLE_CLAIM');
  if (raw.OIDC_ORG_UNIT_MAP !== undefined && raw.OIDC_ORG_UNIT_CLAIM === undefined) {
    problems.push('OIDC_ORG_UNIT_MAP: set without OIDC_ORG_UNIT_CLAIM');
  }
  return {
    issuer: issuerValue,
    clientId: raw.OIDC_CLIENT_ID ?? '',
    clientSecret: raw.OIDC_CLIENT_SECRET,
    redirectUri: raw.OIDC_REDIRECT_URI ?? '',
    scopes,
    roleClaim: raw.OIDC_ROLE_CLAIM,
    roleMap: roleMapOf(raw, problems),
    orgUnitClaim: raw.OIDC_ORG_UNIT_CLAIM,
    orgUnitMap: orgUnitMapOf(raw, problems),
    defaultOrgUnit: raw.OIDC_DEFAULT_ORG_UNIT,
    allowInsecureRequests: !production && issuer?.protocol === 'http:' && LOOPBACK.has(issuer.hostname),
  };
}

/** Reads the OIDC_* variables and LOCAL_PASSWORDS_ENABLED from the (non-empty) environment values. */
export function loadAuthSettings(raw: Record<string, string>, production: boolean): AuthSettings {
  const problems: string[] = [];
  const sso = ssoOf(raw, production, problems);
  if (sso?.issuer.startsWith('http:') && !sso.allowInsecureRequests && !production) {
    problems.push('OIDC_ISSUER: plain http is allowed only for a provider on 127.0.0.1, localhost or [::1]');
  }
  const localPasswordsEnabled = parseBool(raw.LOCAL_PASSWORDS_ENABLED, true);
  if (localPasswordsEnabled === undefined) {
    problems.push(`LOCAL_PASSWORDS_ENABLED: must be true or false (got ${JSON.stringify(raw.LOCAL_PASSWORDS_ENABLED)})`);
  } else if (!localPasswordsEnabled && !sso) {
    problems.push('LOCAL_PASSWORDS_ENABLED: false needs OIDC_ISSUER, or nobody could sign in');
  }
  return { sso, localPasswordsEnabled: localPasswordsEnabled ?? true, problems };
}
