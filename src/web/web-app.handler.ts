import { existsSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, sep } from 'node:path';
import type { NextFunction, Request, Response } from 'express';

/**
 * Serves the built web app (web/ → dist/web) next to the API. The API keeps its own paths: anything
 * under these prefixes is never answered here, so an unknown API route stays a problem+json 404.
 */
export const SERVER_PREFIXES = ['/api', '/docs', '/health', '/metrics'] as const;

/** Vite puts content-hashed bundles under assets/: they never change, so browsers may keep them. */
const IMMUTABLE_DIR = `${sep}assets${sep}`;
const ONE_YEAR_MS = 365 * 24 * 3600 * 1000;

export function isServerPath(path: string): boolean {
  return SERVER_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}-`));
}

/** A browser navigating (typing a URL, following a link, reloading) asks for HTML explicitly. */
export function wantsHtml(accept: string | undefined): boolean {
  return typeof accept === 'string' && accept.includes('text/html');
}

/** The file under `root` a URL path names, or undefined (missing, a folder, or outside root). */
export function resolveStaticFile(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = normalize(join(root, decoded));
  if (!file.startsWith(root + sep)) return undefined;
  try {
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Express handler, mounted after the API routes: static files of the built app, and index.html for
 * any other page the browser navigates to (client-side routes such as /projects/…). Requests that
 * do not ask for HTML fall through to the problem+json 404.
 */
export function webAppHandler(root: string) {
  const index = join(root, 'index.html');
  return (req: Request, res: Response, next: NextFunction): void => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isServerPath(req.path)) return next();
    const file = req.path === '/' ? undefined : resolveStaticFile(root, req.path);
    if (file) {
      const immutable = file.includes(IMMUTABLE_DIR);
      res.sendFile(file, { maxAge: immutable ? ONE_YEAR_MS : 0, immutable, dotfiles: 'deny' }, (err) => err && next(err));
      return;
    }
    // A missing file with an extension (/favicon.ico, /assets/old.js) is a plain 404, not the app.
    if (extname(req.path) !== '' || !wantsHtml(req.headers.accept) || !existsSync(index)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index, (err) => err && next(err));
  };
}

/** dist/web of this checkout: found from the package root, so it works from src/ (tests) and dist/src/. */
export function webDistDir(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return join(from, 'web');
    dir = parent;
  }
  return join(dir, 'dist', 'web');
}
