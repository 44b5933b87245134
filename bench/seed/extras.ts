import type { Client } from 'pg';
import type { Schema } from '../lib/bulk-insert';

/**
 * Tables filled in SQL from what is already seeded, when they exist: evidence attachments on one
 * project in twenty (1 KiB each, stored in the database) and one attempt per webhook delivery.
 */
export async function seedExtras(client: Client, schema: Schema): Promise<void> {
  if (schema.has('attachment') && schema.has('attachment_content')) {
    await client.query(`
      WITH picked AS (
        SELECT p.id AS project_id, p.proposer_id, u.display_name, p.created_at, gen_random_uuid() AS id,
               convert_to(repeat('evidence for ' || p.reference || E'\\n', 40), 'UTF8') AS content
        FROM project p JOIN app_user u ON u.id = p.proposer_id WHERE p.state <> 'draft' AND abs(hashtext(p.id::text)) % 20 = 0),
      meta AS (
        INSERT INTO attachment (id, project_id, file_name, content_type, size_bytes, sha256, description, storage, uploaded_by_type, uploaded_by_id, uploaded_by_name, created_at)
        SELECT id, project_id, 'customer-research.txt', 'text/plain', length(content), encode(sha256(content), 'hex'), 'Customer interviews', 'database', 'user', proposer_id, display_name, created_at
        FROM picked RETURNING id)
      INSERT INTO attachment_content (attachment_id, content) SELECT id, content FROM picked`);
  }
  if (schema.has('webhook_delivery_attempt') && schema.has('webhook_delivery')) {
    await client.query(`
      INSERT INTO webhook_delivery_attempt (delivery_id, attempt, started_at, duration_ms, response_status, succeeded)
      SELECT id, 1, coalesce(last_attempt_at, created_at), coalesce(last_duration_ms, 40), last_response_status, true FROM webhook_delivery`);
  }
}
