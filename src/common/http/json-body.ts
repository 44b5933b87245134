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

/**
 * JSON body parsing with the configured limit, and 415 for a body that is not JSON. Runs at the
 * express level (before Nest's router), so its failures are written as problem+json here.
 * `extraTypes` lets a route family accept other media types (e.g. multipart uploads) later.
 */
export function jsonBodyMiddleware(limit: string, extraTypes: RegExp[] = []): RequestHandler {
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
      if (!JSON_TYPE.test(mediaType) && !extraTypes.some((t) => t.test(mediaType))) {
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
