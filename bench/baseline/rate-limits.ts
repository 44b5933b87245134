import type { Pool } from 'pg';
import { counterStatement, toRecords, type CounterRow, type Hit } from '../../src/identity/auth/pg-throttler-storage';
import { HttpProblem } from './http-kit';

/**
 * The app's rate-limit counters (PgThrottlerStorage: the same statement on the same table), with the
 * bench's limits (bench/http.ts raises the app's to 100,000,000: the load is one IP and one HERO).
 */
const LIMIT = 100_000_000;

async function bump(pool: Pool, hits: Hit[]): Promise<void> {
  const [sql, values] = counterStatement(hits);
  const records = toRecords(hits, (await pool.query<CounterRow>(sql, values)).rows);
  const blocked = records.find((r) => r.isBlocked);
  if (blocked) throw new HttpProblem(429, 'rate-limited', 'Too many requests', 'Too many requests. Try again later.');
}

/** The sign-in guard: one statement per throttler (ip, then account), as @nestjs/throttler's guard does. */
export async function countLogin(pool: Pool, ip: string, email: string, windowSeconds = 60): Promise<void> {
  for (const key of [`login-ip:${ip}`, `login-account:${email.trim().toLowerCase()}`]) {
    await bump(pool, [{ key, ttlMs: windowSeconds * 1000, limit: LIMIT, blockMs: windowSeconds * 1000 }]);
  }
}

/** WriteRateLimitInterceptor: every write, and project intake on top, in one statement. */
export async function countWrite(pool: Pool, principalId: string, intake: boolean): Promise<void> {
  const hits: Hit[] = [{ key: `write:${principalId}`, ttlMs: 60_000, limit: LIMIT, blockMs: 60_000 }];
  if (intake) hits.push({ key: `project-intake:${principalId}`, ttlMs: 3_600_000, limit: LIMIT, blockMs: 3_600_000 });
  await bump(pool, hits);
}
