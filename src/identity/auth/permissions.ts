import type { ApiScope, Role } from './roles';

/**
 * Permissions, not roles, in guards (STYLE.md). Routes declare the permission they need; this is
 * the one role → permission map and scope → permission map. Object-level checks (which project,
 * which unit) live in the owning module's policy, on top of these.
 */
export const PERMISSIONS = [
  'me.read',
  'me.update',
  'user.read',
  'user.manage',
  'org_unit.read',
  'org_unit.manage',
  'api_key.manage',
  'webhook.manage',
  'audit.read',
  'compact.read',
  'compact.acknowledge',
  'compact.publish',
  'project.read',
  'project.create',
  'project.participate',
  'project.support',
  'project.assign',
  'project.assign_self',
  'project.decide',
  'project.cosign',
  'assessment.write',
  'risk_framework.publish',
  'risk_framework.read',
  'kpi.write',
  'report.read',
  'notification.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const HERO: Permission[] = [
  'me.read',
  'me.update',
  'user.read',
  'org_unit.read',
  'compact.read',
  'compact.acknowledge',
  'project.read',
  'project.create',
  'project.participate',
  'project.support',
  'risk_framework.read',
  'kpi.write',
  'report.read',
  'notification.read',
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  hero: HERO,
  it_advisor: ['assessment.write', 'project.assign_self'],
  cio: [
    'assessment.write',
    'project.assign',
    'project.assign_self',
    'project.cosign',
    'compact.publish',
    'risk_framework.publish',
    'audit.read',
  ],
  manager: ['project.decide'],
  // Admin is an operator role: no right to assess or decide (DOMAIN.md §1).
  admin: ['user.manage', 'org_unit.manage', 'api_key.manage', 'webhook.manage', 'audit.read'],
};

/** What an API key may do. No scope grants decide or co-sign: keys cannot approve (DOMAIN.md §1). */
export const SCOPE_PERMISSIONS: Record<ApiScope, readonly Permission[]> = {
  'projects:read': ['project.read', 'compact.read', 'org_unit.read', 'risk_framework.read'],
  'projects:write': ['project.read', 'project.create', 'project.participate'],
  'kpis:write': ['kpi.write', 'project.read'],
  'reports:read': ['report.read'],
  'webhooks:manage': ['webhook.manage'],
  'users:read': ['user.read', 'org_unit.read'],
  'audit:read': ['audit.read'],
};

export function permissionsForRoles(roles: readonly Role[]): Set<Permission> {
  return new Set(['hero' as Role, ...roles].flatMap((r) => ROLE_PERMISSIONS[r]));
}

export function permissionsForScopes(scopes: readonly ApiScope[]): Set<Permission> {
  return new Set(scopes.flatMap((s) => SCOPE_PERMISSIONS[s]));
}
