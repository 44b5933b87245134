import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type Locale, resolveLocale } from './locale';

/**
 * The locale of a request: the signed-in user's preference (carried by the principal the access
 * guard put on `req.user`), else Accept-Language, else English. Before authentication (a 401, a
 * malformed body) only Accept-Language counts.
 */
export function requestLocale(req: Request): Locale {
  const principal = (req as Request & { user?: { locale?: unknown } }).user;
  return resolveLocale(principal?.locale, req.headers['accept-language']);
}

/** Says which language a translated response speaks, and that caches must key on Accept-Language. */
export function setContentLanguage(res: Response, locale: Locale): void {
  res.setHeader('Content-Language', locale);
  res.vary('Accept-Language');
}

/**
 * Route parameter: the locale to render the response in. Also sets Content-Language, so only use it
 * on routes whose response carries translated text (e.g. the notification list).
 */
export const ResponseLocale = createParamDecorator((_: unknown, ctx: ExecutionContext): Locale => {
  const http = ctx.switchToHttp();
  const locale = requestLocale(http.getRequest<Request>());
  setContentLanguage(http.getResponse<Response>(), locale);
  return locale;
});
