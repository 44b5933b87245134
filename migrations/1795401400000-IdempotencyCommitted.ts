import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys get a `committed` state: set in the transaction of the request's first write,
 * so a request whose response could not be stored afterwards is never run a second time.
 */
export class IdempotencyCommitted1795401400000 implements MigrationInterface {
  name = 'IdempotencyCommitted1795401400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_key DROP CONSTRAINT idempotency_key_status_check`);
    await q.query(
      `ALTER TABLE idempotency_key ADD CONSTRAINT idempotency_key_status_check CHECK (status IN ('in_progress', 'committed', 'completed'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // Back to the two-state model: a committed key counts as in progress again.
    await q.query(`UPDATE idempotency_key SET status = 'in_progress' WHERE status = 'committed'`);
    await q.query(`ALTER TABLE idempotency_key DROP CONSTRAINT idempotency_key_status_check`);
    await q.query(`ALTER TABLE idempotency_key ADD CONSTRAINT idempotency_key_status_check CHECK (status IN ('in_progress', 'completed'))`);
  }
}
