import * as argon2 from 'argon2';
import { hashConcurrency, PasswordHasher } from '../src/identity/auth/password-hasher';
import { markdownTable, writeResult } from './lib/report';

/**
 * npm run bench:hash — what one more argon2id hash in flight buys and costs: for 1, 2 and 4
 * verifications at a time (the app's own hash parameters), verifications per second, CPU per
 * verification and the process's peak RSS while they run. Bounded: BENCH_HASH_SECONDS (4) per
 * level. The app's limit (hashConcurrency) is chosen from these figures (docs/performance.md §5).
 */
const SECONDS = Number(process.env.BENCH_HASH_SECONDS ?? 4);
const LEVELS = [1, 2, 4];

interface Level {
  concurrent: number;
  verifiesPerSecond: number;
  wallMsPerVerify: number;
  cpuMsPerVerify: number;
  peakRssMb: number;
}

async function measure(hash: string, concurrent: number): Promise<Level> {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  const cpu = process.cpuUsage();
  const started = performance.now();
  let done = 0;
  const worker = async (): Promise<void> => {
    while (performance.now() - started < SECONDS * 1000) {
      if (!(await argon2.verify(hash, 'bench password'))) throw new Error('verification failed');
      done++;
    }
  };
  await Promise.all(Array.from({ length: concurrent }, worker));
  const elapsed = performance.now() - started;
  clearInterval(sampler);
  const used = process.cpuUsage(cpu);
  return {
    concurrent,
    verifiesPerSecond: Math.round((done / elapsed) * 10_000) / 10,
    wallMsPerVerify: Math.round((elapsed / done) * concurrent),
    cpuMsPerVerify: Math.round((used.user + used.system) / 1000 / done),
    peakRssMb: Math.round(peak / 2 ** 20),
  };
}

async function main(): Promise<void> {
  const hash = await new PasswordHasher().hash('bench password');
  const idleRssMb = Math.round(process.memoryUsage.rss() / 2 ** 20);
  const levels: Level[] = [];
  for (const concurrent of LEVELS) levels.push(await measure(hash, concurrent));
  const parameters = hash.split('$')[3];
  const file = writeResult('hash', {
    command: 'npm run bench:hash',
    parameters,
    secondsPerLevel: SECONDS,
    appLimitHere: hashConcurrency(),
    idleRssMb,
    levels,
  });
  console.log(`## bench:hash — argon2id ${parameters}, ${SECONDS} s per level; the app's limit on this machine: ${hashConcurrency()}\n`);
  console.log(
    markdownTable(
      ['verifications at a time', 'verifications/s', 'wall ms each', 'CPU ms each', 'peak RSS MB'],
      levels.map((l) => [l.concurrent, l.verifiesPerSecond, l.wallMsPerVerify, l.cpuMsPerVerify, l.peakRssMb]),
    ),
  );
  console.log(`\nIdle RSS ${idleRssMb} MB. Results: ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
