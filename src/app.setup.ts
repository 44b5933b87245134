import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger, PinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { ATTACHMENT_UPLOAD_BODY } from './attachments/attachment-upload-route';
import { AppConfig } from './config/app-config';
import { jsonBodyMiddleware } from './common/http/json-body';
import { requestIdMiddleware } from './common/http/request-id';
import { setupSwagger } from './common/openapi/swagger';
import { ProblemError } from './common/problem/problem';
import { ProblemFilter, sendProblem } from './common/problem/problem.filter';
import type { Request, Response } from 'express';
import { createValidationPipe } from './common/validation/validation.pipe';
import { accessLogMiddleware } from './observability/access-log';

export const API_PREFIX = 'api/v1';

/** Builds and initialises the fully wired Nest application; shared by main.ts and the e2e tests. */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  // req.ip (the per-IP sign-in limit) from X-Forwarded-For only through trusted proxies.
  app.set('trust proxy', config.trustProxy);
  app.use(requestIdMiddleware);
  app.use(accessLogMiddleware(() => PinoLogger.root));
  app.use(helmet());
  app.enableCors({
    origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
    exposedHeaders: ['X-Request-Id', 'ETag', 'Retry-After', 'Location', 'Idempotent-Replayed', 'Content-Language'],
    allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key', 'X-API-Key', 'X-Request-Id', 'Accept-Language'],
  });
  app.use(jsonBodyMiddleware(config.bodyLimit, [ATTACHMENT_UPLOAD_BODY]));
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health/live', 'health/ready', 'metrics'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  setupSwagger(app);
  await app.init();
  // Nest's own 404 handler only covers the API prefix; anything else ends here as problem+json.
  app.use((req: Request, res: Response) =>
    sendProblem(req, res, new ProblemError(404, 'not-found', 'Not found', `Cannot ${req.method} ${req.path}`)),
  );
  return app;
}
