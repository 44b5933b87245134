import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachments (evidence on projects, assessments and conditions) and colleagues' support (issue 12).
 * Attachment bytes kept in PostgreSQL live in their own table, so metadata lists never read them.
 * A soft-deleted attachment keeps its row (deleted_at) and its bytes; lists skip it by index.
 */
export class AttachmentsSupports1795401000000 implements MigrationInterface {
  name = 'AttachmentsSupports1795401000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attachment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES project(id),
        assessment_id uuid REFERENCES risk_assessment(id),
        condition_id uuid REFERENCES approval_condition(id),
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        content_type text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        description text,
        storage text NOT NULL CHECK (storage IN ('database', 'disk')),
        uploaded_by_type text NOT NULL CHECK (uploaded_by_type IN ('user', 'api_key')),
        uploaded_by_id uuid NOT NULL,
        uploaded_by_name text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        deleted_at timestamptz(3),
        deleted_by_type text CHECK (deleted_by_type IN ('user', 'api_key')),
        deleted_by_id uuid,
        deleted_by_name text,
        CONSTRAINT attachment_one_target CHECK (num_nonnulls(assessment_id, condition_id) <= 1),
        CONSTRAINT attachment_deleted_by CHECK ((deleted_at IS NULL) = (deleted_by_id IS NULL))
      )`);
    await q.query(`CREATE INDEX attachment_project_idx ON attachment (project_id, created_at DESC, id DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX attachment_assessment_idx ON attachment (assessment_id) WHERE assessment_id IS NOT NULL`);
    await q.query(`CREATE INDEX attachment_condition_idx ON attachment (condition_id) WHERE condition_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE attachment_content (
        attachment_id uuid PRIMARY KEY REFERENCES attachment(id) ON DELETE CASCADE,
        content bytea NOT NULL
      )`);
    await q.query(`
      CREATE TABLE project_support (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id),
        note text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT project_support_once UNIQUE (project_id, user_id)
      )`);
    await q.query(`CREATE INDEX project_support_list_idx ON project_support (project_id, created_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE project_support`);
    await q.query(`DROP TABLE attachment_content`);
    await q.query(`DROP TABLE attachment`);
  }
}
