import { MigrationInterface, QueryRunner } from 'typeorm';
import { COMPACT_V1 } from '../src/compact/compact-v1';

/** Compact versions (version 1 seeded, published) and append-only acknowledgements (DOMAIN.md §2). */
export class Compact1795400200000 implements MigrationInterface {
  name = 'Compact1795400200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE compact_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number int UNIQUE,
        title text NOT NULL,
        intro text NOT NULL,
        commitments jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'published')),
        created_by_id uuid REFERENCES app_user(id),
        published_at timestamptz,
        published_by_id uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK ((status = 'published') = (number IS NOT NULL AND published_at IS NOT NULL))
      )`);
    await q.query(`
      CREATE FUNCTION compact_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'published' THEN
          RAISE EXCEPTION 'compact_version % is published and immutable', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(
      `CREATE TRIGGER compact_version_immutable BEFORE UPDATE OR DELETE ON compact_version FOR EACH ROW EXECUTE FUNCTION compact_version_immutable()`,
    );
    await q.query(`
      CREATE TABLE compact_acknowledgement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        compact_version_id uuid NOT NULL REFERENCES compact_version(id),
        compact_group text NOT NULL CHECK (compact_group IN ('hero', 'manager', 'it')),
        acknowledged_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, compact_version_id, compact_group)
      )`);
    await q.query(`
      CREATE FUNCTION compact_acknowledgement_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'compact_acknowledgement is append-only' USING ERRCODE = 'check_violation';
      END $$`);
    await q.query(
      `CREATE TRIGGER compact_acknowledgement_append_only BEFORE UPDATE ON compact_acknowledgement FOR EACH ROW EXECUTE FUNCTION compact_acknowledgement_append_only()`,
    );
    await q.query(
      `INSERT INTO compact_version (number, title, intro, commitments, status, published_at) VALUES (1, $1, $2, $3, 'published', now())`,
      [COMPACT_V1.title, COMPACT_V1.intro, JSON.stringify(COMPACT_V1.commitments)],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE compact_acknowledgement`);
    await q.query(`DROP FUNCTION compact_acknowledgement_append_only()`);
    await q.query(`DROP TABLE compact_version`);
    await q.query(`DROP FUNCTION compact_version_immutable()`);
  }
}
