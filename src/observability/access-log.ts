import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

/** Probes and scrapes run every few seconds; logging them drowns real traffic. */
export const UNLOGGED_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);

type Next = (err?: unknown) => void;

/**
 * The access log: one line per request at `info` ("request completed", with `req`, `requestId`,
 * `res`, `responseTime` in ms — the fields pino-http wrote before). It replaces pino-http's
 * middleware, which built two child loggers per request — serializing and redacting the request
 * each time — and nestjs-pino's second async context, even when `LOG_LEVEL` dropped the line:
 * 0.08 ms of CPU per request on the framework floor, ~0.2 ms on GET /projects/{id} at `warn`
 * (docs/performance.md). Here a request costs one level check unless the line is written; the
 * level is read per request, so changing the root logger's level at runtime takes effect.
 * `logger` is a getter: nestjs-pino builds its root logger once the module is initialised.
 */
export function accessLogMiddleware(logger: () => Logger | undefined) {
  return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    const log = logger();
    if (!log?.isLevelEnabled('info') || UNLOGGED_PATHS.has((req.url ?? '').split('?')[0])) {
      next();
      return;
    }
    const start = Date.now();
    const done = (): void => {
      res.removeListener('finish', done);
      res.removeListener('close', done);
      const requestId = (req as IncomingMessage & { id?: string }).id;
      const line = { req, requestId, res, responseTime: Date.now() - start };
      if (res.statusCode >= 500) log.info(line, 'request errored');
      else log.info(line, !req.readableAborted && res.writableEnded ? 'request completed' : 'request aborted');
    };
    res.on('finish', done);
    res.on('close', done);
    next();
  };
}
