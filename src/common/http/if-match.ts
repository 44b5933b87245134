import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ProblemError } from '../problem/problem';

/**
 * Optimistic concurrency (API.md "Concurrency"): GET returns ETag "<version>", PATCH must send
 * If-Match with it: 428 when missing, 412 when stale (checked by the service against the row).
 */
export const IfMatchVersion = createParamDecorator((_: unknown, ctx: ExecutionContext): number => {
  const header = ctx.switchToHttp().getRequest<Request>().headers['if-match'];
  if (header === undefined || header === '') {
    throw new ProblemError(
      428,
      'precondition-required',
      'Precondition required',
      'Send If-Match with the ETag from your last GET of this resource.',
    );
  }
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(String(header).trim());
  if (!match)
    throw new ProblemError(412, 'precondition-failed', 'Precondition failed', 'If-Match must be an ETag returned by this API, e.g. "3".');
  return Number(match[1]);
});

export function assertVersion(expected: number, current: number): void {
  if (expected !== current) {
    throw new ProblemError(
      412,
      'precondition-failed',
      'Precondition failed',
      'The resource changed since you read it. GET it again and retry.',
      {
        currentVersion: current,
      },
    );
  }
}

export function setETag(res: Response, version: number): void {
  res.setHeader('ETag', `"${version}"`);
}

/** OpenAPI description of the ETag response header, for `@ApiOkResponse({ headers: ETAG_HEADER })`. */
export const ETAG_HEADER = { ETag: { description: 'Version for If-Match, e.g. "3"', schema: { type: 'string' as const } } };
