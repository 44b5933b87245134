import { json } from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ProblemError } from '../problem/problem';
import { fromBodyParserError, sendProblem, toProblem } from '../problem/problem.filter';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);
const JSON_TYPE = /^application\/([\w.+-]+\+)?json$/i;

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** A route that takes a non-JSON body (e.g. a multipart upload), matched on method, full path and media type. */
export interface BodyTypeException {
  method: string;
  path: RegExp;
  mediaType: RegExp;
}

/**
 * JSON body parsing with the configured limit, and 415 for a body that is not JSON. Runs at the
 * express level (before Nest's router), so its failures are written as problem+json here.
 * `exceptions` name the few routes that take another media type; their bodies are left unread
 * for the route's own parser (and its own limits).
 */
export function jsonBodyMiddleware(limit: string, exceptions: readonly BodyTypeException[] = []): RequestHandler {
  const parse = json({
    limit,
    strict: true,
    type: (req) =>
      JSON_TYPE.test(
        String(req.headers['content-type'] ?? '')
          .split(';')[0]
          ?.trim() ?? '',
      ),
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if (WITH_BODY.has(req.method) && hasBody(req)) {
      const mediaType =
        String(req.headers['content-type'] ?? '')
          .split(';')[0]
          ?.trim() ?? '';
      const excepted = exceptions.some((e) => e.method === req.method && e.mediaType.test(mediaType) && e.path.test(req.path));
      if (!JSON_TYPE.test(mediaType) && !excepted) {
        sendProblem(
          req,
          res,
          new ProblemError(
            415,
            'unsupported-media-type',
            'Unsupported media type',
            `Send the body as application/json (got "${mediaType || 'none'}").`,
          ),
        );
        return;
      }
    }
    parse(req, res, (err?: unknown) => {
      if (err) {
        sendProblem(req, res, fromBodyParserError(err) ?? toProblem(err));
        return;
      }
      next();
    });
  };
}
