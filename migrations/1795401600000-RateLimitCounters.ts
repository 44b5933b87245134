import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate-limit counters shared by every app instance (sign-in per IP and per account, writes and
 * project intake per principal): with the counters in each process's memory, N replicas behind a
 * load balancer allowed N times the attempts. UNLOGGED: a counter is worth no WAL record or fsync
 * (PostgreSQL empties the table after a crash, which only forgives the attempts counted so far).
 */
export class RateLimitCounters1795401600000 implements MigrationInterface {
  name = 'RateLimitCounters1795401600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE UNLOGGED TABLE rate_limit_counter (
        key text PRIMARY KEY,
        hits int NOT NULL CHECK (hits >= 1),
        window_ends_at timestamptz(3) NOT NULL,
        blocked_until timestamptz(3),
        hit_limit int NOT NULL CHECK (hit_limit >= 0),
        block_ms int NOT NULL CHECK (block_ms >= 0)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rate_limit_counter');
  }
}
