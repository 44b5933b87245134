import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { LoggerOptions } from 'pino';
import { AppConfig, type LogLevel } from '../config/app-config';
import { requestContext } from '../common/http/request-context';

/** Paths pino never writes: credentials, tokens and keys in headers and bodies. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.refreshToken',
  '*.accessToken',
  '*.token',
  '*.secret',
  '*.key',
];

/**
 * The root logger's options. `mixin` puts the request id (from the request context that
 * requestIdMiddleware opens) on every line written while a request is served — the Nest
 * `Logger` calls of services and filters included — and costs nothing for the lines the level
 * drops, unlike a child logger per request.
 */
export function rootLoggerOptions(level: LogLevel): LoggerOptions {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    mixin: () => {
      const requestId = requestContext.requestId();
      return requestId === undefined ? {} : { requestId };
    },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }),
    },
  };
}

/**
 * Structured JSON logs (pino) with the request id on every line. nestjs-pino is the Nest
 * LoggerService (and owns the root logger); its per-request pino-http middleware is not mounted
 * (`forRoutes: []`): the access log is accessLogMiddleware (./access-log.ts), mounted once at the
 * Express level by createApp. Without that middleware there is no per-request nestjs-pino context,
 * so `PinoLogger.assign()` is unavailable; the request id comes from the mixin instead.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: rootLoggerOptions(config.logLevel),
        forRoutes: [],
      }),
    }),
  ],
})
export class LoggingModule {}
