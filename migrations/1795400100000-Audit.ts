import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only, hash-chained audit trail (DOMAIN.md §9). A trigger makes the database itself
 * refuse UPDATE, DELETE and TRUNCATE on audit_event, whoever the client is.
 */
export class Audit1795400100000 implements MigrationInterface {
  name = 'Audit1795400100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_event (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        actor_type text NOT NULL CHECK (actor_type IN ('user', 'api_key', 'system')),
        actor_id uuid,
        actor_name text NOT NULL,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        project_id uuid,
        before jsonb,
        after jsonb,
        request_id text,
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL
      )`);
    await q.query(`CREATE INDEX audit_event_project_idx ON audit_event (project_id, seq) WHERE project_id IS NOT NULL`);
    await q.query(`CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id, seq)`);
    await q.query(`CREATE INDEX audit_event_actor_idx ON audit_event (actor_id, seq)`);
    await q.query(`CREATE INDEX audit_event_action_idx ON audit_event (action, seq)`);
    await q.query(`CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at)`);
    await q.query(`
      CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION audit_event_refuse_change()`);
  }
}
