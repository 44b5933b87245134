import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per lifecycle transition, written in the transition's own transaction. Cycle-time and
 * decision-rate reports (DOMAIN.md §11) aggregate it in SQL: the time spent in `from_state` is
 * `at - from_entered_at`, so no window functions over the whole audit trail are needed.
 */
export class Reports1795400800000 implements MigrationInterface {
  name = 'Reports1795400800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE project_transition (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        action text NOT NULL,
        from_state text NOT NULL,
        to_state text NOT NULL,
        from_entered_at timestamptz NOT NULL,
        at timestamptz NOT NULL,
        actor_id uuid,
        CHECK (at >= from_entered_at)
      )`);
    await q.query(`CREATE INDEX project_transition_at_idx ON project_transition (at, from_state)`);
    await q.query(`CREATE INDEX project_transition_project_idx ON project_transition (project_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE project_transition`);
  }
}
