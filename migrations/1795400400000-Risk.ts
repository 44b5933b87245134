import { MigrationInterface, QueryRunner } from 'typeorm';
import { RISK_FRAMEWORK_V1 } from '../src/risk/risk-framework-v1';

/**
 * Risk framework versions (version 1 seeded, published), assessment revisions and their ratings
 * (DOMAIN.md §5), plus the index behind the advisors' assignment queue (oldest submission first).
 */
export class Risk1795400400000 implements MigrationInterface {
  name = 'Risk1795400400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE risk_framework_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number int UNIQUE,
        title text NOT NULL,
        description text NOT NULL,
        dimensions jsonb NOT NULL,
        scale jsonb NOT NULL,
        thresholds jsonb NOT NULL,
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
      CREATE FUNCTION risk_framework_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'published' THEN
          RAISE EXCEPTION 'risk_framework_version % is published and immutable', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(
      `CREATE TRIGGER risk_framework_version_immutable BEFORE UPDATE OR DELETE ON risk_framework_version FOR EACH ROW EXECUTE FUNCTION risk_framework_version_immutable()`,
    );
    await q.query(`
      CREATE TABLE risk_assessment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES project(id),
        revision int NOT NULL CHECK (revision >= 1),
        framework_version_id uuid NOT NULL REFERENCES risk_framework_version(id),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
        light boolean NOT NULL DEFAULT false,
        scope jsonb NOT NULL DEFAULT '[]',
        created_by_id uuid NOT NULL REFERENCES app_user(id),
        assessor_id uuid NOT NULL REFERENCES app_user(id),
        recommendation text CHECK (recommendation IN ('proceed', 'proceed_with_conditions', 'do_not_proceed')),
        summary text NOT NULL DEFAULT '',
        overall_level text CHECK (overall_level IN ('low', 'medium', 'high', 'critical')),
        mitigations jsonb NOT NULL DEFAULT '[]',
        proposed_conditions jsonb NOT NULL DEFAULT '[]',
        copied_from_id uuid REFERENCES risk_assessment(id),
        submitted_at timestamptz,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        UNIQUE (project_id, revision),
        CHECK (status = 'draft' OR (submitted_at IS NOT NULL AND overall_level IS NOT NULL AND recommendation IS NOT NULL))
      )`);
    // One draft per project at a time; the latest submitted revision is found by (project, revision).
    await q.query(`CREATE UNIQUE INDEX risk_assessment_one_draft_idx ON risk_assessment (project_id) WHERE status = 'draft'`);
    await q.query(`
      CREATE TABLE risk_assessment_rating (
        assessment_id uuid NOT NULL REFERENCES risk_assessment(id) ON DELETE CASCADE,
        dimension text NOT NULL,
        likelihood int NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
        impact int NOT NULL CHECK (impact BETWEEN 1 AND 5),
        residual_likelihood int NOT NULL CHECK (residual_likelihood BETWEEN 1 AND 5),
        residual_impact int NOT NULL CHECK (residual_impact BETWEEN 1 AND 5),
        rationale text NOT NULL DEFAULT '',
        inherent_score int NOT NULL CHECK (inherent_score = likelihood * impact),
        inherent_level text NOT NULL CHECK (inherent_level IN ('low', 'medium', 'high', 'critical')),
        residual_score int NOT NULL CHECK (residual_score = residual_likelihood * residual_impact),
        residual_level text NOT NULL CHECK (residual_level IN ('low', 'medium', 'high', 'critical')),
        PRIMARY KEY (assessment_id, dimension)
      )`);
    // A submitted revision is evidence for a decision: neither it nor its ratings change afterwards.
    await q.query(`
      CREATE FUNCTION risk_assessment_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'submitted' THEN
          RAISE EXCEPTION 'risk_assessment % is submitted and immutable', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(
      `CREATE TRIGGER risk_assessment_immutable BEFORE UPDATE OR DELETE ON risk_assessment FOR EACH ROW EXECUTE FUNCTION risk_assessment_immutable()`,
    );
    await q.query(`
      CREATE FUNCTION risk_assessment_rating_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE target uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.assessment_id ELSE NEW.assessment_id END;
      BEGIN
        IF EXISTS (SELECT 1 FROM risk_assessment WHERE id = target AND status = 'submitted') THEN
          RAISE EXCEPTION 'ratings of submitted risk_assessment % are immutable', target USING ERRCODE = 'check_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(
      `CREATE TRIGGER risk_assessment_rating_immutable BEFORE INSERT OR UPDATE OR DELETE ON risk_assessment_rating FOR EACH ROW EXECUTE FUNCTION risk_assessment_rating_immutable()`,
    );
    // The assignment queue: submitted, unassigned, oldest submission first (GET /projects?unassigned=true).
    await q.query(
      `CREATE INDEX project_assignment_queue_idx ON project (submitted_at, id) WHERE state = 'submitted' AND assigned_advisor_id IS NULL`,
    );
    await q.query(
      `INSERT INTO risk_framework_version (number, title, description, dimensions, scale, thresholds, status, published_at)
       VALUES (1, $1, $2, $3, $4, $5, 'published', now())`,
      [
        RISK_FRAMEWORK_V1.title,
        RISK_FRAMEWORK_V1.description,
        JSON.stringify(RISK_FRAMEWORK_V1.dimensions),
        JSON.stringify(RISK_FRAMEWORK_V1.scale),
        JSON.stringify(RISK_FRAMEWORK_V1.thresholds),
      ],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX project_assignment_queue_idx`);
    await q.query(`DROP TABLE risk_assessment_rating`);
    await q.query(`DROP FUNCTION risk_assessment_rating_immutable()`);
    await q.query(`DROP TABLE risk_assessment`);
    await q.query(`DROP FUNCTION risk_assessment_immutable()`);
    await q.query(`DROP TABLE risk_framework_version`);
    await q.query(`DROP FUNCTION risk_framework_version_immutable()`);
  }
}
