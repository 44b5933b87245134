import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { ACCOUNTS, seedActors } from './support/actors';
import { asTestApp, bearer, LiveApp, migrate, startLiveApp } from './support/live-app';
import { sleep, writeReport } from './support/load';
import { PgCluster, startPgCluster } from './support/pg-cluster';
import { ProjectDriver } from './support/projects';

/**
 * Issue 11 §6: backup with pg_dump and restore with pg_restore, as docs/operations.md describes,
 * while the app keeps writing; the restored database must pass the audit chain verification and
 * serve the same accounts, and the chain must go on from the restored head.
 *
 * pg_dump refuses a server of a newer major version, and this image has Debian's PostgreSQL 15
 * tools only (the embedded server is 18), so the test runs its own cluster of the newest
 * PostgreSQL whose server *and* pg_dump/pg_restore are installed (/usr/lib/postgresql/<major>/bin),
 * with the app's own migrations: the app runs on any PostgreSQL ≥ 15 through DATABASE_URL.
 */
const run = promisify(execFile);

function newestPostgresWithTools(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  return readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => join(root, v, 'bin'))
    .find((bin) => ['initdb', 'pg_ctl', 'pg_dump', 'pg_restore'].every((tool) => existsSync(join(bin, tool))));
}

async function chainHead(url: string): Promise<{ count: number; seq: string; hash: string }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string; seq: string; hash: string }>(
      'SELECT (SELECT count(*) FROM audit_event) AS n, seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1',
    );
    return { count: Number(rows[0].n), seq: rows[0].seq, hash: rows[0].hash };
  } finally {
    await client.end();
  }
}

async function verifyChain(base: string): Promise<{ valid: boolean; checked: number }> {
  const res = await fetch(`${base}/api/v1/audit-events/verify`, { headers: await bearer(base, ACCOUNTS.cio) });
  return (await res.json()) as { valid: boolean; checked: number };
}

/** Debian's PostgreSQL server and tools, installed with apt when missing (like chromium for the browser tests). */
function ensurePostgresWithTools(): string | undefined {
  const found = newestPostgresWithTools();
  if (found) return found;
  const apt = (args: string[]) => {
    try {
      execFileSync('apt-get', args, { stdio: 'pipe', timeout: 300_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
      return true;
    } catch {
      return false;
    }
  };
  process.stderr.write('Backup test: installing PostgreSQL server and tools with apt-get (once)…\n');
  const install = ['install', '-y', '-qq', '--no-install-recommends', 'postgresql'];
  if (!apt(install)) {
    apt(['update', '-qq']);
    apt(install);
  }
  return newestPostgresWithTools();
}

describe('backup and restore with pg_dump / pg_restore', () => {
  const binDir = ensurePostgresWithTools();
  let cluster: PgCluster;
  let live: LiveApp | undefined;
  let work: string;

  beforeAll(async () => {
    if (!binDir) throw new Error('No PostgreSQL server with pg_dump/pg_restore under /usr/lib/postgresql: apt-get install postgresql-15');
    work = mkdtempSync(join(tmpdir(), 'hero-backup-'));
    cluster = await startPgCluster({ binDir });
  }, 60_000);
  afterAll(async () => {
    await live?.close();
    cluster?.destroy();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('restores a database whose audit chain verifies and continues, taken while the app was writing', async () => {
    const sourceUrl = await cluster.createDatabase('hero_source');
    await migrate(sourceUrl);
    live = await startLiveApp(sourceUrl);
    const t = asTestApp(live);
    const driver = new ProjectDriver(t, await seedActors(t));
    for (let i = 0; i < 4; i++) await driver.submitted('hero');
    await driver.inReview('salesHero');
    expect(await verifyChain(live.base)).toMatchObject({ valid: true });

    // pg_dump takes one consistent snapshot, so the app keeps writing during the backup.
    const env = { ...process.env, PGPASSWORD: cluster.password };
    const conn = ['-h', '127.0.0.1', '-p', String(cluster.port), '-U', 'postgres'];
    const { stdout: dumpVersion } = await run(join(binDir!, 'pg_dump'), ['--version']);
    const serverMajor = Math.floor(
      Number((await live.dataSource.query<{ v: string }[]>("SELECT current_setting('server_version_num') AS v"))[0].v) / 10_000,
    );
    expect(Number(/\(PostgreSQL\) (\d+)/.exec(dumpVersion)?.[1])).toBeGreaterThanOrEqual(serverMajor); // pg_dump refuses a newer server
    let writing = true;
    let writtenDuringDump = 0;
    const writer = (async () => {
      while (writing) {
        await driver.create('hero');
        writtenDuringDump++;
        await sleep(20);
      }
    })();
    const dumpFile = join(work, 'hero.dump');
    const dumpStart = Date.now();
    await run(join(binDir!, 'pg_dump'), [...conn, '--format=custom', '--file', dumpFile, '--dbname', 'hero_source'], { env });
    const dumpMs = Date.now() - dumpStart;
    writing = false;
    await writer;
    const sourceHead = await chainHead(sourceUrl);
    await live.close();
    live = undefined;

    const restoredUrl = await cluster.createDatabase('hero_restored');
    const restoreStart = Date.now();
    await run(
      join(binDir!, 'pg_restore'),
      [...conn, '--dbname', 'hero_restored', '--exit-on-error', '--single-transaction', '--no-owner', dumpFile],
      { env },
    );
    const restoreMs = Date.now() - restoreStart;
    const restoredHead = await chainHead(restoredUrl);

    // The restored chain is a prefix of the source chain (the snapshot), and verifies in full.
    expect(restoredHead.count).toBeLessThanOrEqual(sourceHead.count);
    const source = new Client({ connectionString: sourceUrl });
    await source.connect();
    const { rows: same } = await source.query<{ hash: string }>('SELECT hash FROM audit_event WHERE seq = $1', [restoredHead.seq]);
    await source.end();
    expect(same[0]?.hash).toBe(restoredHead.hash);

    live = await startLiveApp(restoredUrl); // schema_migrations came with the dump: nothing is pending
    expect(await live.dataSource.showMigrations()).toBe(false);
    const verified = await verifyChain(live.base); // signing in also proves the accounts and password hashes came back
    expect(verified).toEqual(expect.objectContaining({ valid: true, checked: restoredHead.count }));

    // The restored app goes on: a new write extends the chain from the restored head.
    const restored = new ProjectDriver(asTestApp(live), await seedActors(asTestApp(live)));
    await restored.submitted('hero');
    const after = await verifyChain(live.base);
    expect(after.valid).toBe(true);
    expect(after.checked).toBeGreaterThan(restoredHead.count);

    writeReport('backup-restore', {
      server: `PostgreSQL ${serverMajor} (${binDir})`,
      pgDump: dumpVersion.trim(),
      dumpBytes: statSync(dumpFile).size,
      dumpMs,
      restoreMs,
      projectsWrittenDuringDump: writtenDuringDump,
      auditEventsInSourceAfterDump: sourceHead.count,
      auditEventsRestored: restoredHead.count,
      auditEventsVerifiedAfterNewWrite: after.checked,
    });
  }, 55_000);
});
