import type { Client } from 'pg';
import type { Schema } from '../lib/bulk-insert';
import type { World } from './world';

/** A few webhook subscriptions with a delivery log over the latest events (when those tables exist). */
export async function seedWebhooks(client: Client, schema: Schema, world: World): Promise<void> {
  if (!schema.has('webhook_subscription')) return;
  await client.query(
    `INSERT INTO webhook_subscription (url, description, event_types, secret, owner_type, owner_id)
     SELECT 'https://hooks.example.com/hero/' || g, 'Bench receiver ' || g, ARRAY['project.*'], 'whsec_' || md5(g::text), 'user', $1
     FROM generate_series(1, 3) g`,
    [world.admin.id],
  );
  if (!schema.has('webhook_delivery') || !schema.has('domain_event')) return;
  await client.query(
    `INSERT INTO webhook_delivery (subscription_id, event_id, status, attempts, last_attempt_at, last_response_status, last_duration_ms, created_at, updated_at)
     SELECT s.id, e.id, 'succeeded', 1, e.occurred_at, 204, 40, e.occurred_at, e.occurred_at
     FROM (SELECT id, occurred_at FROM domain_event ORDER BY occurred_at DESC LIMIT 2000) e CROSS JOIN webhook_subscription s`,
  );
}
