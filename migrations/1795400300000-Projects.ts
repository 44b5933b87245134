import { MigrationInterface, QueryRunner } from 'typeorm';

/** Projects with vendors, KPIs, team and comments; per-year reference counter; full-text index (DOMAIN.md §3–4). */
export class Projects1795400300000 implements MigrationInterface {
  name = 'Projects1795400300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE project_reference_counter (year int PRIMARY KEY, last_number int NOT NULL)`);
    await q.query(`
      CREATE TABLE project (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        summary text NOT NULL DEFAULT '',
        customer_problem text NOT NULL DEFAULT '',
        customer_task text NOT NULL DEFAULT '',
        target_customers text NOT NULL DEFAULT '',
        solution text NOT NULL DEFAULT '',
        technologies text[] NOT NULL DEFAULT '{}'
          CHECK (technologies <@ ARRAY['mobile','social','video','cloud','iot','ai','web','other']::text[]),
        data_categories text[] NOT NULL DEFAULT '{}'
          CHECK (data_categories <@ ARRAY['none','personal','sensitive','payment','health','children','location']::text[]),
        budget_amount bigint CHECK (budget_amount >= 0),
        budget_currency char(3),
        target_launch_date date,
        tags text[] NOT NULL DEFAULT '{}',
        proposer_id uuid NOT NULL REFERENCES app_user(id),
        org_unit_id uuid NOT NULL REFERENCES org_unit(id),
        state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft','submitted','in_review','info_requested','awaiting_decision',
          'awaiting_cosign','approved','changes_requested','rejected','withdrawn','in_delivery','launched','retired')),
        risk_level text CHECK (risk_level IN ('low','medium','high','critical')),
        self_screening jsonb,
        indicative_tier text,
        fast_track boolean NOT NULL DEFAULT false,
        fast_track_removed_reason text,
        effort_value jsonb,
        value_score int CHECK (value_score BETWEEN 0 AND 100),
        effort_score int CHECK (effort_score BETWEEN 0 AND 100),
        value_verdict text,
        assigned_advisor_id uuid REFERENCES app_user(id),
        submitted_at timestamptz,
        state_changed_at timestamptz,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK ((budget_amount IS NULL) = (budget_currency IS NULL))
      )`);
    // Full-text search over title, customer task and summary: an expression index, matched by the
    // same expression in ProjectViews (PROJECT_SEARCH_VECTOR).
    await q.query(
      `CREATE INDEX project_search_idx ON project USING gin ((to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(customer_task, '') || ' ' || coalesce(summary, ''))))`,
    );
    await q.query(`CREATE INDEX project_state_created_idx ON project (state, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX project_created_idx ON project (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX project_updated_idx ON project (updated_at DESC, id DESC)`);
    await q.query(`CREATE INDEX project_launch_idx ON project (target_launch_date, id)`);
    await q.query(`CREATE INDEX project_proposer_idx ON project (proposer_id)`);
    await q.query(`CREATE INDEX project_org_unit_idx ON project (org_unit_id)`);
    await q.query(`CREATE INDEX project_advisor_idx ON project (assigned_advisor_id)`);
    await q.query(`CREATE INDEX project_risk_idx ON project (risk_level)`);
    await q.query(`CREATE INDEX project_technologies_idx ON project USING gin (technologies)`);
    await q.query(`
      CREATE TABLE project_vendor (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        position int NOT NULL,
        name text NOT NULL,
        service text NOT NULL,
        data_shared text NOT NULL DEFAULT ''
      )`);
    await q.query(`CREATE INDEX project_vendor_project_idx ON project_vendor (project_id)`);
    await q.query(`
      CREATE TABLE project_kpi (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        position int NOT NULL,
        name text NOT NULL,
        unit text NOT NULL,
        baseline numeric NOT NULL,
        target numeric NOT NULL,
        direction text NOT NULL CHECK (direction IN ('increase','decrease'))
      )`);
    await q.query(`CREATE INDEX project_kpi_project_idx ON project_kpi (project_id)`);
    await q.query(`
      CREATE TABLE project_team_member (
        project_id uuid NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id),
        PRIMARY KEY (project_id, user_id)
      )`);
    await q.query(`CREATE INDEX project_team_member_user_idx ON project_team_member (user_id)`);
    await q.query(`
      CREATE TABLE project_comment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        author_id uuid,
        author_name text NOT NULL,
        kind text NOT NULL DEFAULT 'comment' CHECK (kind IN ('comment','question','answer')),
        body text NOT NULL,
        mentions uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX project_comment_project_idx ON project_comment (project_id, created_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE project_comment`);
    await q.query(`DROP TABLE project_team_member`);
    await q.query(`DROP TABLE project_kpi`);
    await q.query(`DROP TABLE project_vendor`);
    await q.query(`DROP TABLE project`);
    await q.query(`DROP TABLE project_reference_counter`);
  }
}
