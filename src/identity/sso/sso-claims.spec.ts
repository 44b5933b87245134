import fc from 'fast-check';
import { ROLES } from '../auth/roles';
import { claimAt, claimStrings, mapClaims, mapRoles, type ClaimMapping, type SsoProfile } from './sso-claims';

const base = { sub: 'abc-123', email: 'Alice@Corp.Example', email_verified: true, name: 'Alice Martin' };
const profileOf = (claims: Record<string, unknown>, mapping: ClaimMapping = {}): SsoProfile => {
  const result = mapClaims(claims, mapping);
  if (!result.ok) throw new Error(result.reason);
  return result.profile;
};

describe('mapClaims', () => {
  it('takes subject, email, verification and name from the standard claims', () => {
    expect(profileOf(base)).toEqual({
      subject: 'abc-123',
      email: 'Alice@Corp.Example',
      emailVerified: true,
      displayName: 'Alice Martin',
      roles: null,
      orgUnitRef: null,
      defaultOrgUnitRef: null,
    });
  });

  it('falls back from name to given/family name, preferred_username, then the email local part', () => {
    expect(profileOf({ ...base, name: undefined, given_name: 'Alice', family_name: 'Martin' }).displayName).toBe('Alice Martin');
    expect(profileOf({ ...base, name: '  ', preferred_username: 'amartin' }).displayName).toBe('amartin');
    expect(profileOf({ ...base, name: undefined }).displayName).toBe('Alice');
  });

  it('treats only true (or the string "true") as a verified email', () => {
    expect(profileOf({ ...base, email_verified: 'true' }).emailVerified).toBe(true);
    expect(profileOf({ ...base, email_verified: undefined }).emailVerified).toBe(false);
    expect(profileOf({ ...base, email_verified: 'yes' }).emailVerified).toBe(false);
  });

  it.each([
    ['no email', { ...base, email: undefined }],
    ['a malformed email', { ...base, email: 'not-an-email' }],
    ['an email that is not a string', { ...base, email: ['a@b.c'] }],
    ['no subject', { ...base, sub: '' }],
  ])('refuses claims with %s', (_what, claims) => {
    expect(mapClaims(claims, {}).ok).toBe(false);
  });

  it('maps the role claim through the role map and drops unmapped values', () => {
    const mapping: ClaimMapping = { roleClaim: 'groups', roleMap: { 'HC-Advisors': 'it_advisor', 'HC-Managers': 'manager' } };
    expect(profileOf({ ...base, groups: ['HC-Managers', 'Staff', 'HC-Advisors'] }, mapping).roles).toEqual(['it_advisor', 'manager']);
    expect(profileOf({ ...base, groups: 'HC-Managers' }, mapping).roles).toEqual(['manager']);
    // The provider manages roles: no claim means no roles beyond hero (a removed group demotes).
    expect(profileOf(base, mapping).roles).toEqual([]);
  });

  it('without a role map, accepts claim values that are role names', () => {
    expect(profileOf({ ...base, roles: ['cio', 'superuser', 'hero'] }, { roleClaim: 'roles' }).roles).toEqual(['cio']);
  });

  it('reads nested and namespaced claims', () => {
    expect(claimAt({ realm_access: { roles: ['admin'] } }, 'realm_access.roles')).toEqual(['admin']);
    expect(claimAt({ 'https://hero.example/roles': ['cio'] }, 'https://hero.example/roles')).toEqual(['cio']);
    expect(claimAt({ realm_access: ['x'] }, 'realm_access.roles')).toBeUndefined();
  });

  it('maps the org-unit claim through the unit map, or uses its value as is', () => {
    const mapped: ClaimMapping = { orgUnitClaim: 'department', orgUnitMap: { 'D-100': 'Sales' }, defaultOrgUnit: 'Demo Corp' };
    expect(profileOf({ ...base, department: 'D-100' }, mapped)).toMatchObject({ orgUnitRef: 'Sales', defaultOrgUnitRef: 'Demo Corp' });
    expect(profileOf({ ...base, department: 'D-999' }, mapped).orgUnitRef).toBeNull();
    expect(profileOf({ ...base, department: 'Marketing' }, { orgUnitClaim: 'department' }).orgUnitRef).toBe('Marketing');
    expect(profileOf({ ...base, department: 'Marketing' }, {}).orgUnitRef).toBeNull();
  });

  it('keeps only non-blank strings of a claim', () => {
    expect(claimStrings([' a ', '', 3, null, 'b'])).toEqual(['a', 'b']);
    expect(claimStrings(undefined)).toEqual([]);
  });

  it('never yields hero, duplicates or an unknown role, whatever the claim holds (property)', () => {
    const roleMap = { x: 'admin', y: 'manager', z: 'admin' } as const;
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...ROLES, 'x', 'y', 'z'), fc.string())), fc.boolean(), (values, withMap) => {
        const roles = mapRoles(values, withMap ? roleMap : undefined);
        expect(new Set(roles).size).toBe(roles.length);
        expect(roles.every((r) => r !== 'hero' && ROLES.includes(r))).toBe(true);
      }),
    );
  });
});
