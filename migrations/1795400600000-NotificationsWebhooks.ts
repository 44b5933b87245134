import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Domain events (the transactional outbox), in-app notifications, webhook subscriptions and their
 * delivery log (DOMAIN.md §10). The job queue (pg-boss) keeps its own schema `pgboss`, which it
 * creates and migrates itself at start.
 */
export class NotificationsWebhooks1795400600000 implements MigrationInterface {
  name = 'NotificationsWebhooks1795400600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE domain_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type text NOT NULL,
        schema_version int NOT NULL DEFAULT 1,
        occurred_at timestamptz(3) NOT NULL DEFAULT now(),
        actor_type text NOT NULL CHECK (actor_type IN ('user', 'api_key', 'system')),
        actor_id uuid,
        actor_name text NOT NULL,
        project_id uuid REFERENCES project(id) ON DELETE SET NULL,
        org_unit_id uuid,
        data jsonb NOT NULL,
        request_id text
      )`);
    await q.query(`CREATE INDEX domain_event_occurred_idx ON domain_event (occurred_at DESC, id DESC)`);
    await q.query(`CREATE INDEX domain_event_project_idx ON domain_event (project_id)`);

    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        event_id uuid REFERENCES domain_event(id) ON DELETE CASCADE,
        type text NOT NULL,
        title text NOT NULL,
        body text NOT NULL DEFAULT '',
        project_id uuid REFERENCES project(id) ON DELETE CASCADE,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        read_at timestamptz(3)
      )`);
    // One notification per person per event, even if an audience rule lists them twice.
    await q.query(`CREATE UNIQUE INDEX notification_user_event_uq ON notification (user_id, event_id)`);
    await q.query(`CREATE INDEX notification_user_created_idx ON notification (user_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX notification_user_unread_idx ON notification (user_id) WHERE read_at IS NULL`);

    await q.query(`
      CREATE TABLE webhook_subscription (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        url text NOT NULL CHECK (url ~ '^https?://'),
        description text NOT NULL DEFAULT '',
        event_types text[] NOT NULL,
        secret text NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        disabled_reason text,
        disabled_at timestamptz(3),
        consecutive_failures int NOT NULL DEFAULT 0,
        owner_type text NOT NULL CHECK (owner_type IN ('user', 'api_key')),
        owner_id uuid NOT NULL,
        org_unit_scope uuid REFERENCES org_unit(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX webhook_subscription_created_idx ON webhook_subscription (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX webhook_subscription_owner_idx ON webhook_subscription (owner_type, owner_id)`);

    await q.query(`
      CREATE TABLE webhook_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subscription_id uuid NOT NULL REFERENCES webhook_subscription(id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES domain_event(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        pending_job_token uuid,
        next_attempt_at timestamptz(3),
        last_attempt_at timestamptz(3),
        last_response_status int,
        last_duration_ms int,
        last_error text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // Fan-out is idempotent: a re-run of the dispatch job cannot create a second delivery.
    await q.query(`CREATE UNIQUE INDEX webhook_delivery_subscription_event_uq ON webhook_delivery (subscription_id, event_id)`);
    await q.query(`CREATE INDEX webhook_delivery_subscription_created_idx ON webhook_delivery (subscription_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX webhook_delivery_event_idx ON webhook_delivery (event_id)`);

    await q.query(`
      CREATE TABLE webhook_delivery_attempt (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        delivery_id uuid NOT NULL REFERENCES webhook_delivery(id) ON DELETE CASCADE,
        attempt int NOT NULL CHECK (attempt >= 1),
        manual boolean NOT NULL DEFAULT false,
        started_at timestamptz(3) NOT NULL,
        duration_ms int NOT NULL,
        response_status int,
        succeeded boolean NOT NULL,
        error text
      )`);
    await q.query(`CREATE UNIQUE INDEX webhook_delivery_attempt_uq ON webhook_delivery_attempt (delivery_id, attempt)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_delivery_attempt`);
    await q.query(`DROP TABLE webhook_delivery`);
    await q.query(`DROP TABLE webhook_subscription`);
    await q.query(`DROP TABLE notification`);
    await q.query(`DROP TABLE domain_event`);
  }
}
