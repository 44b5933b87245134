import { ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { types } from 'node:util';
import { IS_PUBLIC } from '../../common/auth/public.decorator';
import { ProblemError } from '../../common/problem/problem';
import { REQUIRED_PERMISSIONS, USERS_ONLY } from './auth.decorators';
import type { Permission } from './permissions';
import type { Principal } from './principal';

/**
 * The one authentication + route-permission gate (a global guard). Bearer JWT or X-API-Key;
 * then the route's declared permissions. A route that declares nothing is refused (fail closed).
 * Object-level checks (this project, this unit) are the owning service's policy.
 */
@Injectable()
export class AccessGuard extends AuthGuard(['jwt', 'api-key']) {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<Request>();
    if (req.headers.authorization !== undefined && req.headers['x-api-key'] !== undefined) {
      throw new ProblemError(400, 'ambiguous-credentials', 'Ambiguous credentials', 'Send either a bearer token or an API key, not both.');
    }
    await super.canActivate(context);
    const principal = (req as Request & { user: Principal }).user;

    const required = this.reflector.getAllAndOverride<Permission[] | undefined>(REQUIRED_PERMISSIONS, targets);
    if (!required) {
      this.logger.error(`Route ${req.method} ${req.path} declares no permission: refused`);
      throw new ProblemError(403, 'forbidden', 'Not allowed', 'This route is not available.');
    }
    if (principal.type === 'api_key' && this.reflector.getAllAndOverride<boolean>(USERS_ONLY, targets)) {
      throw new ProblemError(403, 'forbidden', 'Not allowed', 'API keys cannot call this endpoint; a signed-in person must.');
    }
    const missing = required.filter((p) => !principal.permissions.has(p));
    if (missing.length > 0) {
      const detail =
        principal.type === 'api_key'
          ? `This API key's scopes do not allow this call (needs ${missing.join(', ')}).`
          : `Your roles do not allow this call (needs ${missing.join(', ')}).`;
      throw new ProblemError(403, 'forbidden', 'Not allowed', detail, { missingPermissions: missing });
    }
    return true;
  }

  override handleRequest<T>(err: unknown, user: T): T {
    // isNativeError, not only instanceof: errors raised by Node itself (a dropped database socket) come
    // from another realm under jest, and must still reach the problem filter as themselves (503).
    if (err instanceof Error || types.isNativeError(err)) throw err;
    if (err) throw new Error('Authentication strategy failed');
    if (!user) {
      throw new ProblemError(
        401,
        'unauthenticated',
        'Authentication required',
        'Send a valid bearer access token or X-API-Key.',
        {},
        undefined,
        {
          'WWW-Authenticate': 'Bearer',
        },
      );
    }
    return user;
  }
}
