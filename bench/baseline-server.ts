import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Pool, types } from 'pg';
import { authenticate, login } from './baseline/auth';
import { HttpProblem, readJson, sendJson, sendProblem } from './baseline/http-kit';
import { getProject, listProjects } from './baseline/projects';
import { countLogin, countWrite } from './baseline/rate-limits';
import { createProject, decide } from './baseline/writes';

/**
 * The baseline of `npm run bench:http`: the fastest plain thing that does the app's hot paths — a
 * node:http server and a pg pool, the same auth check (HS256 verify + user load, or API-key hash
 * lookup), the same reads and writes and the same JSON. No framework, no ORM, no validation
 * library, no logging, no metrics. Listens on 127.0.0.1 only.
 */
types.setTypeParser(1082, (v: string) => v); // date columns as YYYY-MM-DD strings, as TypeORM returns them

const env = process.env;
const secret = env.JWT_SECRET ?? '';
const ttl = Number(env.JWT_ACCESS_TTL_SECONDS ?? 900);
const pool = new Pool({ connectionString: env.DATABASE_URL, max: Number(env.DB_POOL_MAX ?? 10), application_name: 'hero-bench-baseline' });
pool.on('error', (err) => process.stderr.write(`baseline pool: ${err.message}\n`));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PROJECT = /^\/api\/v1\/projects\/([^/]+)$/;
const DECISION = /^\/api\/v1\/projects\/([^/]+)\/decision$/;

function uuidOf(raw: string): string {
  if (!UUID.test(raw)) throw new HttpProblem(400, 'validation-failed', 'Invalid request', 'Validation failed (uuid is expected)');
  return raw;
}

async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname;
  if (req.method === 'GET' && (path === '/health/ready' || path === '/health/live')) return sendJson(res, 200, { status: 'ok' });
  if (req.method === 'POST' && path === '/api/v1/auth/login') {
    const body = await readJson(req);
    await countLogin(pool, req.socket.remoteAddress ?? '', typeof body.email === 'string' ? body.email : '');
    return sendJson(res, 200, await login(pool, secret, ttl, body));
  }
  if (req.method === 'GET' && path === '/api/v1/projects') {
    return sendJson(res, 200, await listProjects(pool, await authenticate(pool, secret, req, 'project.read'), url.searchParams));
  }
  if (req.method === 'POST' && path === '/api/v1/projects') {
    const principal = await authenticate(pool, secret, req, 'project.create');
    await countWrite(pool, principal.id, true);
    const project = await createProject(pool, principal, await readJson(req));
    return sendJson(res, 201, project, { ETag: `"${project.version}"`, Location: `/api/v1/projects/${project.id}` });
  }
  let m = PROJECT.exec(path);
  if (req.method === 'GET' && m) {
    const project = await getProject(pool, await authenticate(pool, secret, req, 'project.read'), uuidOf(m[1]));
    return sendJson(res, 200, project, { ETag: `"${project.version}"` });
  }
  m = DECISION.exec(path);
  if (req.method === 'POST' && m) {
    const principal = await authenticate(pool, secret, req, 'project.decide');
    await countWrite(pool, principal.id, false);
    const project = await decide(pool, principal, uuidOf(m[1]), await readJson(req));
    return sendJson(res, 200, project, { ETag: `"${project.version}"` });
  }
  throw new HttpProblem(404, 'not-found', 'Not found', `Cannot ${req.method} ${path}`);
}

const server = createServer((req, res) => {
  route(req, res).catch((err: unknown) => sendProblem(res, req, err));
});
server.keepAliveTimeout = 65_000;
server.listen(Number(env.PORT ?? 3100), '127.0.0.1', () => process.stderr.write(`baseline listening on 127.0.0.1:${env.PORT ?? 3100}\n`));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => void pool.end().then(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
