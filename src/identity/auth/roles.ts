/** DOMAIN.md §1 roles. `hero` is held by every active user. */
export const ROLES = ['hero', 'it_advisor', 'cio', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** API key scopes (DOMAIN.md §1 "Integration clients"). */
export const API_SCOPES = [
  'projects:read',
  'projects:write',
  'kpis:write',
  'reports:read',
  'webhooks:manage',
  'users:read',
  'audit:read',
] as const;
export type ApiScope = (typeof API_SCOPES)[number];
