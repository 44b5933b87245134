import { ThrottlerStorage } from '@nestjs/throttler';
import { PgThrottlerStorage } from '../src/identity/auth/pg-throttler-storage';
import { startTestApp, TestApp } from './support/test-app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The rate-limit counters in PostgreSQL (PgThrottlerStorage): window, block, concurrency, purge. */
describe('rate-limit counters in PostgreSQL', () => {
  let t: TestApp;
  let counters: PgThrottlerStorage;
  beforeAll(async () => {
    t = await startTestApp();
    counters = t.app.get<PgThrottlerStorage>(ThrottlerStorage);
  });
  afterAll(() => t.close());

  it('is the storage the sign-in guard and the write limits use, in an UNLOGGED table', async () => {
    expect(counters).toBeInstanceOf(PgThrottlerStorage);
    const [{ persistence }] = await t.dataSource.query<{ persistence: string }[]>(
      `SELECT relpersistence AS persistence FROM pg_class WHERE relname = 'rate_limit_counter'`,
    );
    expect(persistence).toBe('u');
  });

  it('counts hits in a window, blocks the hit over the limit without counting further, then starts a new window', async () => {
    const hit = () => counters.increment('window-test', 600, 3, 600);
    const first = await Promise.all([hit(), hit(), hit()]);
    expect(first.map((r) => r.isBlocked)).toEqual([false, false, false]);
    expect(first.map((r) => r.totalHits).sort()).toEqual([1, 2, 3]);
    expect(first[0].timeToExpire).toBe(1); // 600 ms, rounded up to seconds
    const over = await hit();
    expect(over).toMatchObject({ isBlocked: true, totalHits: 4, timeToBlockExpire: 1 });
    expect(await hit()).toMatchObject({ isBlocked: true, totalHits: 4 });
    await sleep(700);
    expect(await hit()).toMatchObject({ isBlocked: false, totalHits: 1 });
  });

  it('a block longer than the window keeps refusing after the window is over', async () => {
    const hit = () => counters.increment('block-test', 300, 1, 1_500);
    expect((await hit()).isBlocked).toBe(false);
    expect((await hit()).isBlocked).toBe(true);
    await sleep(400);
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 2 });
    await sleep(1_200);
    expect(await hit()).toMatchObject({ isBlocked: false, totalHits: 1 });
  });

  it('loses no hit under concurrency: 40 parallel hits are counted 1 to 40', async () => {
    const records = await Promise.all(Array.from({ length: 40 }, () => counters.increment('parallel-test', 60_000, 1_000, 60_000)));
    expect(records.map((r) => r.totalHits).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('bumps several counters in one statement and answers in the order asked; a key twice is a programming error', async () => {
    const statements = jest.spyOn(t.dataSource, 'query');
    try {
      const hits = [
        { key: 'z-many', ttlMs: 60_000, limit: 1, blockMs: 60_000 },
        { key: 'a-many', ttlMs: 60_000, limit: 5, blockMs: 60_000 },
      ];
      expect((await counters.incrementAll(hits)).map((r) => r.isBlocked)).toEqual([false, false]);
      const second = await counters.incrementAll(hits);
      expect(second.map((r) => [r.totalHits, r.isBlocked])).toEqual([
        [2, true],
        [2, false],
      ]);
      expect(statements).toHaveBeenCalledTimes(2);
      await expect(counters.incrementAll([hits[0], hits[0]])).rejects.toThrow('each key at most once');
    } finally {
      statements.mockRestore();
    }
  });

  it('the hourly purge deletes counters whose window and block are over, and only those', async () => {
    await counters.increment('purge-done', 100, 10, 100);
    await counters.increment('purge-blocked', 100, 0, 60_000); // blocked for a minute
    await counters.increment('purge-live', 60_000, 10, 60_000);
    await sleep(200);
    const keys = async () =>
      (await t.dataSource.query<{ key: string }[]>(`SELECT key FROM rate_limit_counter WHERE key LIKE 'purge-%' ORDER BY key`)).map(
        (r) => r.key,
      );
    expect(await keys()).toEqual(['purge-blocked', 'purge-done', 'purge-live']);
    expect(await counters.purgeExpired()).toBeGreaterThanOrEqual(1);
    expect(await keys()).toEqual(['purge-blocked', 'purge-live']);
  });
});
