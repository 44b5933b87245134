import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { localizeProblem } from '../../i18n/problem-translation';
import { requestLocale, setContentLanguage } from '../../i18n/request-locale';
import { isDatabaseUnavailable, isUniqueViolation } from './database-errors';
import { FieldError, ProblemBody, ProblemError, problemType, ServiceUnavailableProblem, STATUS_PROBLEMS } from './problem';

/** Maps any thrown value to a ProblemError. Pure, so the mapping is unit-tested directly. */
export function toProblem(err: unknown): ProblemError {
  if (err instanceof ProblemError) return err;
  if (err instanceof HttpException) return fromHttpException(err);
  const bodyParser = fromBodyParserError(err);
  if (bodyParser) return bodyParser;
  if (isDatabaseUnavailable(err)) return new ServiceUnavailableProblem();
  if (isUniqueViolation(err)) {
    return new ProblemError(409, 'conflict', 'Conflict', 'A record with the same unique value already exists.');
  }
  return new ProblemError(
    500,
    'internal-error',
    'Internal server error',
    'An unexpected error occurred. Quote the request id when reporting it.',
  );
}

function fromHttpException(err: HttpException): ProblemError {
  const status = err.getStatus();
  const known = STATUS_PROBLEMS[status] ?? { code: `http-${status}`, title: err.name };
  const response = err.getResponse();
  let detail: string | undefined;
  let extensions: Record<string, unknown> = {};
  if (typeof response === 'string') detail = response;
  else if (typeof response === 'object' && response !== null) {
    const r = response as Record<string, unknown>;
    if (typeof r.message === 'string') detail = r.message;
    else if (Array.isArray(r.message)) detail = r.message.join('; ');
    // Terminus health results: keep each check's up/down, never its error text (addresses, drivers).
    if ('details' in r && 'status' in r && typeof r.details === 'object' && r.details !== null) {
      const checks = Object.fromEntries(
        Object.entries(r.details).map(([name, v]) => [name, { status: (v as { status?: unknown }).status }]),
      );
      const down = Object.entries(checks)
        .filter(([, v]) => v.status !== 'up')
        .map(([name]) => name);
      extensions = { checks };
      detail = `Not ready: ${down.join(', ') || 'a dependency'} is down.`;
    }
  }
  const headers: Record<string, string> = status === 503 ? { 'Retry-After': '5' } : {};
  if (status === 503) extensions.retryAfter = 5;
  return new ProblemError(status, known.code, known.title, detail ?? known.title, extensions, undefined, headers);
}

/**
 * body-parser errors carry a `type` such as entity.parse.failed or entity.too.large. Decompression
 * failures (a gzip header over bytes that are not gzip) come from zlib with only a `Z_*` code.
 */
export function fromBodyParserError(err: unknown): ProblemError | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { type?: unknown; limit?: unknown; charset?: unknown; code?: unknown };
  if (typeof e.code === 'string' && e.code.startsWith('Z_')) {
    return new ProblemError(400, 'malformed-json', 'Malformed JSON', 'The request body could not be decoded with its Content-Encoding.');
  }
  switch (e.type) {
    case 'entity.parse.failed':
      return new ProblemError(400, 'malformed-json', 'Malformed JSON', 'The request body is not valid JSON.');
    case 'entity.too.large':
      return new ProblemError(
        413,
        'payload-too-large',
        'Request body too large',
        `The request body exceeds the limit of ${String(e.limit)} bytes.`,
      );
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new ProblemError(415, 'unsupported-media-type', 'Unsupported media type', 'Send the body as UTF-8 JSON.');
    case 'request.aborted':
      return new ProblemError(400, 'bad-request', 'Bad request', 'The request was aborted by the client.');
    default:
      return undefined;
  }
}

export function problemBody(problem: ProblemError, instance: string, requestId?: string): ProblemBody {
  const known = STATUS_PROBLEMS[problem.status];
  const body: ProblemBody = {
    type: problemType(problem.code),
    title: problem.title || known?.title || 'Error',
    status: problem.status,
    detail: problem.detail,
    instance,
    ...(requestId ? { requestId } : {}),
    ...problem.extensions,
  };
  if (problem.errors && problem.errors.length > 0) body.errors = problem.errors satisfies FieldError[];
  return body;
}

/**
 * Writes a problem+json response; shared by the filter and by express-level middleware. The body is
 * in the caller's language (docs/i18n.md): title, detail and field messages translated, the rest as is.
 */
export function sendProblem(req: Request, res: Response, problem: ProblemError): void {
  const requestId = (req as { id?: unknown }).id;
  for (const [name, value] of Object.entries(problem.headers)) res.setHeader(name, value);
  if (problem.status === 429 && !res.getHeader('Retry-After') && typeof problem.extensions.retryAfter === 'number') {
    res.setHeader('Retry-After', String(problem.extensions.retryAfter));
  }
  const locale = requestLocale(req);
  setContentLanguage(res, locale);
  const body = problemBody(
    problem,
    req.originalUrl.split('?')[0] ?? req.originalUrl,
    typeof requestId === 'string' ? requestId : undefined,
  );
  res
    .status(problem.status)
    .type('application/problem+json')
    .send(JSON.stringify(localizeProblem(body, problem.code, locale)));
}

/** The one place that turns errors into RFC 9457 responses. 5xx are logged with stack; bodies never carry one. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const problem = toProblem(exception);
    if (problem.status >= 500) {
      this.logger.error({ err: exception, requestId: (req as { id?: unknown }).id }, `Unhandled error on ${req.method} ${req.originalUrl}`);
    }
    if (res.headersSent) return;
    sendProblem(req, res, problem);
  }
}
