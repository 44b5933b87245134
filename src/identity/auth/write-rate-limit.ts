import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerStorage } from '@nestjs/throttler';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { ProblemError } from '../../common/problem/problem';
import { AppConfig } from '../../config/app-config';
import { PgThrottlerStorage } from './pg-throttler-storage';
import type { Principal } from './principal';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const BUSINESS_FLOW = 'rateLimitedBusinessFlow';

/** Business flows with their own, slower budget per principal (OWASP API6: unrestricted access to sensitive business flows). */
export type BusinessFlow = 'project-intake';

/** Marks a route as part of a rate-limited business flow (on top of the general write limit). */
export const LimitedFlow = (flow: BusinessFlow): MethodDecorator => SetMetadata(BUSINESS_FLOW, flow);

/**
 * Per-principal write limits, after authentication (an interceptor runs after the guards, so the
 * caller is known): every POST/PUT/PATCH/DELETE counts against WRITE_RATE_LIMIT_PER_MINUTE, and
 * routes marked with @LimitedFlow('project-intake') — proposing and submitting projects — against
 * PROJECT_INTAKE_LIMIT_PER_HOUR, so one account or key cannot flood the advisors' queue. Counters
 * live in PostgreSQL, shared by every instance (PgThrottlerStorage, docs/security.md).
 */
@Injectable()
export class WriteRateLimitInterceptor implements NestInterceptor {
  constructor(
    @Inject(ThrottlerStorage) private readonly storage: PgThrottlerStorage,
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<Request & { user?: Principal }>();
    const principal = req.user;
    if (principal && WRITE_METHODS.has(req.method)) {
      const limits: Limit[] = [
        { key: `write:${principal.id}`, windowSeconds: 60, limit: this.config.writeRateLimitPerMinute, what: 'writes' },
      ];
      const flow = this.reflector.get<BusinessFlow | undefined>(BUSINESS_FLOW, context.getHandler());
      if (flow) {
        const limit = this.config.projectIntakeLimitPerHour;
        limits.push({ key: `${flow}:${principal.id}`, windowSeconds: 3600, limit, what: 'project proposals and submissions' });
      }
      await this.consume(limits);
    }
    return next.handle();
  }

  /** Counts the request against every limit at once (one statement); refuses it if any is exceeded. */
  private async consume(limits: Limit[]): Promise<void> {
    const records = await this.storage.incrementAll(
      limits.map((l) => ({ key: l.key, ttlMs: l.windowSeconds * 1000, limit: l.limit, blockMs: l.windowSeconds * 1000 })),
    );
    const i = records.findIndex((r) => r.isBlocked);
    if (i < 0) return;
    const { limit, windowSeconds, what } = limits[i];
    const retryAfter = Math.max(1, Math.ceil(records[i].timeToBlockExpire));
    throw new ProblemError(
      429,
      'rate-limited',
      'Too many requests',
      `Too many ${what} from this account: at most ${limit} per ${windowSeconds === 60 ? 'minute' : 'hour'}. Try again later.`,
      { retryAfter },
      undefined,
      { 'Retry-After': String(retryAfter) },
    );
  }
}

interface Limit {
  key: string;
  windowSeconds: number;
  limit: number;
  what: string;
}
