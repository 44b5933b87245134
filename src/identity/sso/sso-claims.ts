/**
 * From the claims of a validated ID token to a HERO Compact profile (issue 12 item 1,
 * docs/security.md "SSO"): email, display name, roles through the role map, org unit through the
 * unit map. Pure rules: the provider-side validation is openid-client's, the database lookups the
 * service's.
 */
import type { SsoSettings } from '../../config/sso-config';
import { ROLES, type Role } from '../auth/roles';

export type ClaimMapping = Pick<SsoSettings, 'roleClaim' | 'roleMap' | 'orgUnitClaim' | 'orgUnitMap' | 'defaultOrgUnit'>;

export interface SsoProfile {
  subject: string;
  email: string;
  /** The provider vouches for the address (email_verified); needed to link an existing account by email. */
  emailVerified: boolean;
  displayName: string;
  /** Roles besides `hero`, in ROLES order; null when the provider does not manage roles (no role claim configured). */
  roles: Role[] | null;
  /** The unit (name or id) the claims point to, after the unit map; null when absent or unmapped. */
  orgUnitRef: string | null;
  /** Where a new user goes when orgUnitRef is null (OIDC_DEFAULT_ORG_UNIT). */
  defaultOrgUnitRef: string | null;
}

export type ClaimsResult = { ok: true; profile: SsoProfile } | { ok: false; reason: string };

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const MAX_NAME = 200;

/** A claim by name, or by dotted path into nested objects (`realm_access.roles`); namespaced names (`https://x/roles`) match whole first. */
export function claimAt(claims: Record<string, unknown>, path: string): unknown {
  if (path in claims) return claims[path];
  let value: unknown = claims;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A claim holding one value or a list of them; anything that is not a non-blank string is ignored. */
export function claimStrings(value: unknown): string[] {
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  return list.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
}

/** A single-valued claim (sub, email, name): a non-blank string, else undefined. */
const single = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** Mapped roles: through the map when one is configured, else values that are role names. `hero` is implied, never stored. */
export function mapRoles(values: string[], roleMap: Record<string, Role> | undefined): Role[] {
  const mapped = new Set<string>(roleMap ? values.map((v) => roleMap[v]).filter((r): r is Role => r !== undefined) : values);
  return ROLES.filter((r) => r !== 'hero' && mapped.has(r));
}

function displayNameOf(claims: Record<string, unknown>, email: string): string {
  const name = single(claims.name);
  const given = [single(claims.given_name), single(claims.family_name)].filter(Boolean).join(' ');
  const username = single(claims.preferred_username);
  return (name ?? (given || undefined) ?? username ?? email.split('@')[0]).slice(0, MAX_NAME);
}

function orgUnitRefOf(claims: Record<string, unknown>, mapping: ClaimMapping): string | null {
  if (!mapping.orgUnitClaim) return null;
  const [value] = claimStrings(claimAt(claims, mapping.orgUnitClaim));
  if (value === undefined) return null;
  return mapping.orgUnitMap ? (mapping.orgUnitMap[value] ?? null) : value;
}

export function mapClaims(claims: Record<string, unknown>, mapping: ClaimMapping): ClaimsResult {
  const subject = single(claims.sub);
  if (!subject) return { ok: false, reason: 'The ID token has no subject.' };
  const email = single(claims.email);
  if (!email || email.length > 254 || !EMAIL.test(email)) {
    return { ok: false, reason: 'The provider did not release a valid email address (request the "email" scope).' };
  }
  return {
    ok: true,
    profile: {
      subject,
      email,
      emailVerified: claims.email_verified === true || claims.email_verified === 'true',
      displayName: displayNameOf(claims, email),
      roles: mapping.roleClaim ? mapRoles(claimStrings(claimAt(claims, mapping.roleClaim)), mapping.roleMap) : null,
      orgUnitRef: orgUnitRefOf(claims, mapping),
      defaultOrgUnitRef: mapping.defaultOrgUnit ?? null,
    },
  };
}
