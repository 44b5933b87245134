import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { requestContext } from './request-context';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Accepts a well-formed X-Request-Id or generates one; echoes it and exposes it as req.id (pino-http reuses it) and in the request context (audit events). */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : randomUUID();
  (req as Request & { id: string }).id = id;
  res.setHeader('X-Request-Id', id);
  requestContext.run({ requestId: id }, next);
}
