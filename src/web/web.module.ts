import { Logger, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Application } from 'express';
import { webAppHandler, webDistDir } from './web-app.handler';

/**
 * The browser app at / (built by `npm run build` into dist/web). Registered on module init, which
 * Nest runs after the API routes and before its 404 handler, so the API always wins.
 */
@Module({})
export class WebModule implements OnModuleInit {
  private readonly logger = new Logger('WebApp');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const root = webDistDir();
    if (!existsSync(join(root, 'index.html'))) {
      this.logger.warn(`The web app is not built (${root}/index.html is missing): run "npm run build"`);
    }
    this.adapterHost.httpAdapter.getInstance<Application>().use(webAppHandler(root));
  }
}
