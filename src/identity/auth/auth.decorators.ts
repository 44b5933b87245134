import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import type { Permission } from './permissions';
import type { Principal } from './principal';

export const REQUIRED_PERMISSIONS = 'requiredPermissions';
export const USERS_ONLY = 'usersOnly';

/**
 * Declares what a route needs. Every non-public route must carry it: the permission guard refuses
 * a route without one. Documents bearer + API-key auth and the 401/403 problems in OpenAPI.
 */
export function RequirePermissions(...permissions: Permission[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(REQUIRED_PERMISSIONS, permissions),
    ApiBearerAuth('bearer'),
    ApiSecurity('apiKey'),
    ApiProblems(401, 403),
  );
}

/** Only a signed-in person may call this route (API keys get 403 whatever their scopes). */
export function UsersOnly(): MethodDecorator & ClassDecorator {
  return SetMetadata(USERS_ONLY, true);
}

/** The authenticated principal of the request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<Request & { user?: Principal }>().user;
  if (!principal) throw new Error('CurrentPrincipal used on a route without authentication');
  return principal;
});
