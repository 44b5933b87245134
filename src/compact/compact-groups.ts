import type { Role } from '../identity/auth/roles';

/**
 * DOMAIN.md §2: the compact has commitments per group, and a user acknowledges the current version
 * for the groups their roles put them in before they submit (hero), assess (it) or decide (manager).
 */
export const COMPACT_GROUPS = ['hero', 'manager', 'it'] as const;
export type CompactGroup = (typeof COMPACT_GROUPS)[number];

export function groupsForRoles(roles: readonly Role[]): CompactGroup[] {
  const groups = new Set<CompactGroup>(['hero']);
  if (roles.includes('manager')) groups.add('manager');
  if (roles.includes('it_advisor') || roles.includes('cio')) groups.add('it');
  return COMPACT_GROUPS.filter((g) => groups.has(g));
}

/** The groups of `required` not covered by `acknowledged`. */
export function missingGroups(required: readonly CompactGroup[], acknowledged: readonly CompactGroup[]): CompactGroup[] {
  return required.filter((g) => !acknowledged.includes(g));
}
