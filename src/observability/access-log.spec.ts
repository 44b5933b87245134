import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type pino from 'pino';
import { pinoHttp } from 'pino-http';
import { requestContext } from '../common/http/request-context';
import { accessLogMiddleware } from './access-log';
import { rootLoggerOptions } from './logging.module';

/** The root logger as nestjs-pino builds it (pino-http's logger: serializers wrapped), writing JSON lines into `lines`. */
function memoryLogger(level: Parameters<typeof rootLoggerOptions>[0]): { log: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      cb();
    },
  });
  return { log: pinoHttp(rootLoggerOptions(level), stream).logger, lines };
}

/** A node:http server with the request id (as requestIdMiddleware sets it) and the access log. */
async function serve(log: () => pino.Logger, status = 200): Promise<{ server: Server; url: string }> {
  const middleware = accessLogMiddleware(log);
  const server = createServer((req, res) => {
    (req as typeof req & { id: string }).id = 'req-1';
    requestContext.run({ requestId: 'req-1' }, () =>
      middleware(req, res, () => {
        res.statusCode = status;
        res.setHeader('Set-Cookie', 'session=secret');
        res.end('{}');
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 20));

describe('access log', () => {
  it('writes one info line per request with the request id, the path without query, status and time', async () => {
    const { log, lines } = memoryLogger('info');
    const { server, url } = await serve(() => log);
    try {
      await (await fetch(`${url}/api/v1/projects?q=secret`, { headers: { authorization: 'Bearer abc' } })).text();
      await settle();
    } finally {
      server.close();
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      requestId: 'req-1',
      req: { id: 'req-1', method: 'GET', url: '/api/v1/projects' },
      res: { statusCode: 200, headers: { 'set-cookie': '[redacted]' } },
    });
    expect(typeof lines[0].responseTime).toBe('number');
    expect(JSON.stringify(lines[0])).not.toContain('Bearer');
  });

  it('marks 5xx responses as errored', async () => {
    const { log, lines } = memoryLogger('info');
    const { server, url } = await serve(() => log, 503);
    try {
      await (await fetch(`${url}/api/v1/projects`)).text();
      await settle();
    } finally {
      server.close();
    }
    expect(lines).toMatchObject([{ msg: 'request errored', res: { statusCode: 503 } }]);
  });

  it('writes nothing above info, nor for probes and scrapes, and follows a level changed at runtime', async () => {
    const { log, lines } = memoryLogger('warn');
    const { server, url } = await serve(() => log);
    try {
      await (await fetch(`${url}/api/v1/projects`)).text();
      log.level = 'info';
      for (const path of ['/health/live', '/health/ready?x=1', '/metrics']) await (await fetch(`${url}${path}`)).text();
      await (await fetch(`${url}/api/v1/me`)).text();
      await settle();
    } finally {
      server.close();
    }
    expect(lines.map((l) => (l.req as { url: string }).url)).toEqual(['/api/v1/me']);
  });
});

describe('root logger', () => {
  it('adds the request id to any line written while serving a request, and redacts secrets', () => {
    const { log, lines } = memoryLogger('info');
    requestContext.run({ requestId: 'abc' }, () => log.warn({ body: { password: 'p', token: 't' } }, 'inside'));
    log.warn('outside');
    log.error({ requestId: 'explicit' }, 'explicit wins');
    expect(lines).toMatchObject([
      { msg: 'inside', requestId: 'abc', body: { password: '[redacted]', token: '[redacted]' } },
      { msg: 'outside' },
      { msg: 'explicit wins', requestId: 'explicit' },
    ]);
    expect(lines[1]).not.toHaveProperty('requestId');
  });
});
