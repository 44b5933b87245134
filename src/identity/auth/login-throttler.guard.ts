import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { ProblemError } from '../../common/problem/problem';

/** 429 problem+json with Retry-After when login attempts exceed the per-IP or per-account window. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfter = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    throw new ProblemError(
      429,
      'rate-limited',
      'Too many requests',
      'Too many sign-in attempts. Wait before trying again.',
      { retryAfter },
      undefined,
      { 'Retry-After': String(retryAfter) },
    );
  }
}
