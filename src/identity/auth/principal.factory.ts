import type { ApiKey } from '../entities/api-key.entity';
import type { User } from '../entities/user.entity';
import { permissionsForRoles, permissionsForScopes } from './permissions';
import type { Principal } from './principal';

/** What a user principal is built from (the JWT strategy selects just these columns). */
export type PrincipalUser = Pick<User, 'id' | 'displayName' | 'roles' | 'orgUnitId' | 'locale'>;

export function userPrincipal(user: PrincipalUser): Principal {
  const roles = Array.from(new Set(['hero' as const, ...user.roles]));
  return {
    type: 'user',
    id: user.id,
    userId: user.id,
    displayName: user.displayName,
    roles,
    scopes: [],
    orgUnitId: user.orgUnitId,
    permissions: permissionsForRoles(roles),
    locale: user.locale,
  };
}

export function apiKeyPrincipal(key: ApiKey): Principal {
  return {
    type: 'api_key',
    id: key.id,
    userId: null,
    displayName: `API key ${key.name} (${key.prefix})`,
    roles: [],
    scopes: key.scopes,
    orgUnitId: key.orgUnitId,
    permissions: permissionsForScopes(key.scopes),
  };
}
