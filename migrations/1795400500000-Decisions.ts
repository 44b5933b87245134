import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Decisions with their evidence snapshot, co-sign, conditions of approval and risk acceptances
 * (DOMAIN.md §6); launch and retirement on the project, KPI measurements and post-launch reviews
 * (DOMAIN.md §7).
 */
export class Decisions1795400500000 implements MigrationInterface {
  name = 'Decisions1795400500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE project ADD COLUMN launched_at timestamptz(3), ADD COLUMN retired_at timestamptz(3), ADD COLUMN retirement_reason text`,
    );
    await q.query(`
      CREATE TABLE decision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES project(id),
        assessment_id uuid NOT NULL,
        assessment_revision int NOT NULL CHECK (assessment_revision >= 1),
        assessor_id uuid NOT NULL REFERENCES app_user(id),
        recommendation text NOT NULL CHECK (recommendation IN ('proceed', 'proceed_with_conditions', 'do_not_proceed')),
        risk_level text NOT NULL CHECK (risk_level IN ('low', 'medium', 'high', 'critical')),
        decider_id uuid NOT NULL REFERENCES app_user(id),
        outcome text NOT NULL CHECK (outcome IN ('approve', 'approve_with_conditions', 'reject', 'request_changes')),
        rationale text NOT NULL CHECK (length(btrim(rationale)) > 0),
        status text NOT NULL CHECK (status IN ('pending_cosign', 'effective', 'cosign_declined')),
        snapshot jsonb NOT NULL,
        cosign_required boolean NOT NULL,
        cosigner_id uuid REFERENCES app_user(id),
        cosign_outcome text CHECK (cosign_outcome IN ('cosign', 'decline')),
        cosign_rationale text,
        cosigned_at timestamptz(3),
        decided_at timestamptz(3) NOT NULL DEFAULT now(),
        superseded_at timestamptz(3),
        CONSTRAINT decision_decider_not_cosigner CHECK (cosigner_id IS NULL OR cosigner_id <> decider_id),
        CONSTRAINT decision_decider_not_assessor CHECK (decider_id <> assessor_id),
        CONSTRAINT decision_cosign_complete CHECK ((cosigner_id IS NULL) = (cosign_outcome IS NULL) AND (cosign_outcome IS NULL) = (cosigned_at IS NULL)),
        CONSTRAINT decision_pending_needs_cosign CHECK (status <> 'pending_cosign' OR (cosign_required AND cosigner_id IS NULL))
      )`);
    // Exactly one decision per assessment revision, and at most one current decision per project:
    // the database's own answer to two managers deciding at the same moment.
    await q.query(`CREATE UNIQUE INDEX decision_assessment_uq ON decision (assessment_id)`);
    await q.query(`CREATE UNIQUE INDEX decision_current_uq ON decision (project_id) WHERE superseded_at IS NULL`);
    await q.query(`CREATE INDEX decision_project_idx ON decision (project_id, decided_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE approval_condition (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES project(id),
        decision_id uuid NOT NULL REFERENCES decision(id),
        position int NOT NULL,
        text text NOT NULL CHECK (length(btrim(text)) > 0),
        owner_id uuid NOT NULL REFERENCES app_user(id),
        due_date date NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'met', 'waived')),
        evidence_note text,
        waiver_reason text,
        closed_by_id uuid REFERENCES app_user(id),
        closed_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CONSTRAINT approval_condition_closed CHECK (
          (status = 'open' AND closed_at IS NULL AND closed_by_id IS NULL)
          OR (status = 'met' AND evidence_note IS NOT NULL AND closed_at IS NOT NULL AND closed_by_id IS NOT NULL)
          OR (status = 'waived' AND waiver_reason IS NOT NULL AND closed_at IS NOT NULL AND closed_by_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX approval_condition_decision_idx ON approval_condition (decision_id, position)`);
    await q.query(`CREATE INDEX approval_condition_project_idx ON approval_condition (project_id, status)`);
    await q.query(`CREATE INDEX approval_condition_owner_idx ON approval_condition (owner_id) WHERE status = 'open'`);
    await q.query(`
      CREATE TABLE risk_acceptance (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES project(id),
        decision_id uuid NOT NULL REFERENCES decision(id),
        accepted_by_id uuid NOT NULL REFERENCES app_user(id),
        statement text NOT NULL CHECK (length(btrim(statement)) > 0),
        accepted_level text NOT NULL CHECK (accepted_level IN ('low', 'medium', 'high', 'critical')),
        expires_on date NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX risk_acceptance_decision_uq ON risk_acceptance (decision_id)`);
    await q.query(`CREATE INDEX risk_acceptance_expiry_idx ON risk_acceptance (expires_on, id)`);
    await q.query(`CREATE INDEX risk_acceptance_project_idx ON risk_acceptance (project_id)`);
    await q.query(`
      CREATE TABLE kpi_measurement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        kpi_id uuid NOT NULL REFERENCES project_kpi(id) ON DELETE CASCADE,
        measured_on date NOT NULL,
        value numeric NOT NULL,
        note text NOT NULL DEFAULT '',
        recorded_by_type text NOT NULL CHECK (recorded_by_type IN ('user', 'api_key')),
        recorded_by_id uuid NOT NULL,
        recorded_by_name text NOT NULL,
        recorded_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX kpi_measurement_kpi_idx ON kpi_measurement (kpi_id, measured_on DESC, recorded_at DESC)`);
    await q.query(`CREATE INDEX kpi_measurement_project_idx ON kpi_measurement (project_id)`);
    await q.query(`
      CREATE TABLE post_launch_review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES project(id),
        milestone int NOT NULL CHECK (milestone IN (30, 90)),
        due_on date NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('scale', 'iterate', 'stop')),
        rationale text NOT NULL CHECK (length(btrim(rationale)) > 0),
        reviewer_id uuid NOT NULL REFERENCES app_user(id),
        kpis jsonb NOT NULL,
        recorded_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX post_launch_review_milestone_uq ON post_launch_review (project_id, milestone)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE post_launch_review`);
    await q.query(`DROP TABLE kpi_measurement`);
    await q.query(`DROP TABLE risk_acceptance`);
    await q.query(`DROP TABLE approval_condition`);
    await q.query(`DROP TABLE decision`);
    await q.query(`ALTER TABLE project DROP COLUMN retirement_reason, DROP COLUMN retired_at, DROP COLUMN launched_at`);
  }
}
