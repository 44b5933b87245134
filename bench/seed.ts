import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { Client } from 'pg';
import { PasswordHasher } from '../src/identity/auth/password-hasher';
import { assertWipeable, MANIFEST_FILE, migrate, openBenchDatabase, wipe } from './lib/bench-db';
import { BulkInserter, Schema, withoutSecondaryIndexes } from './lib/bulk-insert';
import { Random } from './lib/random';
import { writeResult } from './lib/report';
import { AuditChainWriter, verifyAuditChain } from './seed/audit';
import { seedProjects, type SeedContext } from './seed/projects';
import { RatingPool } from './seed/ratings';
import { BENCH_PASSWORD, seedWorld } from './seed/world';
import { seedExtras } from './seed/extras';
import { seedWebhooks } from './seed/webhooks';

/**
 * npm run bench:seed — a fresh benchmark database: the app's migrations, then BENCH_PROJECTS
 * (default 100,000) projects with their whole history, BENCH_USERS people in BENCH_UNITS org units,
 * and a valid audit hash chain, through multi-row INSERTs straight into PostgreSQL (no HTTP).
 */
const sizes = {
  projects: Number(process.env.BENCH_PROJECTS ?? 100_000),
  users: Number(process.env.BENCH_USERS ?? 2_000),
  units: Number(process.env.BENCH_UNITS ?? 200),
  seed: Number(process.env.BENCH_SEED ?? 42),
};

const started = performance.now();
const phases: Record<string, number> = {};
async function phase<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const result = await fn();
  phases[name] = Math.round(performance.now() - t);
  process.stderr.write(`  ${name.padEnd(28)} ${(phases[name] / 1000).toFixed(1)} s\n`);
  return result;
}

async function tryReplicaRole(client: Client): Promise<boolean> {
  try {
    await client.query('SET session_replication_role = replica');
    return true;
  } catch {
    return false; // not a superuser: foreign keys and triggers stay on; rows go in parents first
  }
}

async function tableCounts(client: Client, schema: Schema): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of schema.tableNames()) {
    counts[t] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${t}"`)).rows[0].n);
  }
  return counts;
}

async function main(): Promise<void> {
  process.stderr.write(`bench:seed — ${sizes.projects} projects, ${sizes.users} users, ${sizes.units} org units\n`);
  const db = await phase('start PostgreSQL', () => openBenchDatabase({ fast: true }));
  if (db.external) assertWipeable(db.url);
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    await phase('wipe', () => wipe(client));
    const migrations = await phase('migrations', () => migrate(db.url));
    const schema = await Schema.load(client);
    const replica = await tryReplicaRole(client);
    const ins = new BulkInserter(client, schema);
    const rnd = new Random(sizes.seed);
    const hash = await new PasswordHasher().hash(BENCH_PASSWORD);
    const world = await phase('org units, users', () => seedWorld(client, ins, rnd, sizes, hash));
    const audit = new AuditChainWriter(ins);
    await audit.start(client);
    const ctx: SeedContext = { ins, rnd, world, ratings: new RatingPool(rnd), nowMs: Date.now(), audit, replica };
    const loaded = await withoutSecondaryIndexes(client, async () => {
      await phase('projects and history', () => seedProjects(ctx, sizes.projects));
      if (!replica)
        await client.query(`UPDATE risk_assessment SET status = 'submitted' WHERE status = 'draft' AND submitted_at IS NOT NULL`);
      await phase('webhooks', () => seedWebhooks(client, schema, world));
      await phase('attachments, attempts', () => seedExtras(client, schema));
      return phase('audit chain (rest)', () => audit.drain());
    });
    phases['rebuild indexes'] = loaded.rebuildMs;
    process.stderr.write(`  ${'rebuild indexes'.padEnd(28)} ${(loaded.rebuildMs / 1000).toFixed(1)} s (${loaded.rebuilt})\n`);
    const auditEvents = loaded.result;
    if (replica) await client.query('RESET session_replication_role');
    await phase('vacuum analyze', () => client.query('VACUUM (ANALYZE)'));
    const chain = await phase('verify audit chain', () => verifyAuditChain(client));
    if (!chain.valid) throw new Error(`The seeded audit chain does not verify (broken after ${chain.checked} events)`);
    const counts = await tableCounts(client, schema);
    const copyMs = Object.fromEntries([...ins.copyMs].sort((a, b) => b[1] - a[1]).map(([t, ms]) => [t, Math.round(ms)]));
    if (process.env.BENCH_VERBOSE) process.stderr.write(`COPY time per table (ms): ${JSON.stringify(copyMs)}\n`);
    const seconds = (performance.now() - started) / 1000;
    const manifest = {
      seededAt: new Date().toISOString(),
      sizes,
      seconds: Number(seconds.toFixed(1)),
      phasesMs: phases,
      copyMs,
      replicaMode: replica,
      migrations,
      skippedTables: [...ins.skipped],
      tablesNotSeeded: Object.entries(counts)
        .filter(([, n]) => n === 0)
        .map(([t]) => t),
      counts,
      auditEvents,
      password: BENCH_PASSWORD,
      apiKey: world.apiKey,
      accounts: { hero: world.heroes[0].email, manager: world.rootManager.email, advisor: world.advisors[0].email, cio: world.cio.email },
    };
    writeFileSync(MANIFEST_FILE, JSON.stringify(manifest, null, 2));
    writeResult(`seed-${sizes.projects}`, { ...manifest, apiKey: undefined, command: 'npm run bench:seed' });
    const lines = Object.entries(counts).map(([t, n]) => `| ${t} | ${n.toLocaleString('en')} |`);
    process.stdout.write(
      [
        `## bench:seed (${sizes.projects.toLocaleString('en')} projects) in ${seconds.toFixed(1)} s`,
        '',
        '| table | rows |',
        '|---|---:|',
        ...lines,
        '',
      ].join('\n') + '\n',
    );
    if (manifest.tablesNotSeeded.length) process.stdout.write(`Tables left empty: ${manifest.tablesNotSeeded.join(', ')}\n`);
  } finally {
    await client.end();
    await db.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:seed failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
