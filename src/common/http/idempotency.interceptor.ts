import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, Observable, of, throwError } from 'rxjs';
import { AppConfig } from '../../config/app-config';
import type { Principal } from '../../identity/auth/principal';
import { IDEMPOTENCY_HEADER, parseIdempotencyKey, requestFingerprint } from './idempotency-key';
import { IdempotencyStore } from './idempotency.store';

/** Response headers worth replaying with the body. */
const REPLAYED_HEADERS = ['etag', 'location'];
/** Sign-in and token rotation are excluded: replaying a token response would hand out used tokens. */
const EXCLUDED_PREFIX = '/api/v1/auth/';

/**
 * `Idempotency-Key` on every POST (API.md): the first successful response is stored and replayed
 * (same status and body, header `Idempotent-Replayed: true`) for the same key and request within
 * 24 h; another request with the key is 422; a duplicate while the first runs is 409. A request
 * that fails is forgotten (it changed nothing), so the client may retry it with the same key.
 * Runs after authentication: keys are per principal.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(
    private readonly store: IdempotencyStore,
    private readonly config: AppConfig,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<Request & { user?: Principal }>();
    const res = context.switchToHttp().getResponse<Response>();
    const raw = req.headers[IDEMPOTENCY_HEADER];
    if (req.method !== 'POST' || raw === undefined || !req.user || req.originalUrl.startsWith(EXCLUDED_PREFIX)) return next.handle();
    const key = parseIdempotencyKey(raw);
    const principal = `${req.user.type}:${req.user.id}`;
    const claim = await this.store.claim(
      principal,
      key,
      requestFingerprint(this.config.jwtSecret, req.method, req.originalUrl, req.body),
      req.method,
      req.path,
    );
    if (claim.kind === 'replay') {
      for (const [name, value] of Object.entries(claim.headers)) res.setHeader(name, value);
      res.setHeader('Idempotent-Replayed', 'true');
      return of(claim.body);
    }
    return next.handle().pipe(
      catchError((err: unknown) =>
        from(this.store.release(principal, key).catch(() => undefined)).pipe(mergeMap(() => throwError(() => err))),
      ),
      mergeMap((body: unknown) => from(this.remember(principal, key, res, body)).pipe(mergeMap(() => of(body)))),
    );
  }

  private async remember(principal: string, key: string, res: Response, body: unknown): Promise<void> {
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = res.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    // The action has committed: failing to store its replay must not turn success into an error.
    await this.store.complete(principal, key, res.statusCode, body, headers).catch((err: Error) => {
      this.logger.warn(`could not store the response for an idempotency key: ${err.message}`);
    });
  }
}
