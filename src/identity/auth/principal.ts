import type { Permission } from './permissions';
import type { ApiScope, Role } from './roles';

/**
 * Who is calling: a signed-in user or an integration's API key (a service principal).
 * Built once per request by the authentication guard; services take it as their first argument.
 */
export interface Principal {
  type: 'user' | 'api_key';
  /** The user's id, or the API key's id. */
  id: string;
  /** The acting user; null for an API key. */
  userId: string | null;
  displayName: string;
  roles: readonly Role[];
  scopes: readonly ApiScope[];
  /** The user's org unit (for a key: the unit it is bound to, if any). */
  orgUnitId: string | null;
  permissions: ReadonlySet<Permission>;
  /** The user's chosen language ('en' | 'fr'), null when they never chose (docs/i18n.md); absent for API keys. */
  locale?: string | null;
}

/** Audit actor reference (DOMAIN.md §9: user, API key or system). */
export interface ActorRef {
  type: 'user' | 'api_key' | 'system';
  id: string | null;
  name: string;
}

export const SYSTEM_ACTOR: ActorRef = { type: 'system', id: null, name: 'system' };

export function actorOf(principal: Principal | null | undefined): ActorRef {
  if (!principal) return SYSTEM_ACTOR;
  return { type: principal.type, id: principal.id, name: principal.displayName };
}

export function hasRole(principal: Principal, role: Role): boolean {
  return principal.type === 'user' && principal.roles.includes(role);
}
