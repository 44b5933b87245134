import { MigrationInterface, QueryRunner } from 'typeorm';

/** SLA breaches, recorded once per stage visit (DOMAIN.md §8), and Idempotency-Key records (API.md). */
export class SlaIdempotency1795400700000 implements MigrationInterface {
  name = 'SlaIdempotency1795400700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sla_breach (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        stage text NOT NULL CHECK (stage IN ('assignment', 'assessment', 'decision', 'cosign')),
        state_entered_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        target_business_days int NOT NULL CHECK (target_business_days >= 1),
        detected_at timestamptz(3) NOT NULL DEFAULT now(),
        escalated_to uuid[] NOT NULL DEFAULT '{}'
      )`);
    // The exactly-once guarantee: two scans racing (two app instances) insert one row; the loser
    // sees the conflict and emits nothing.
    await q.query(`CREATE UNIQUE INDEX sla_breach_once_uq ON sla_breach (project_id, stage, state_entered_at)`);
    await q.query(`CREATE INDEX sla_breach_detected_idx ON sla_breach (detected_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE idempotency_key (
        principal text NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        status text NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'completed')),
        response_status int,
        response_body jsonb,
        response_headers jsonb,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        expires_at timestamptz(3) NOT NULL,
        PRIMARY KEY (principal, key)
      )`);
    await q.query(`CREATE INDEX idempotency_key_expires_idx ON idempotency_key (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_key`);
    await q.query(`DROP TABLE sla_breach`);
  }
}
