import { MigrationInterface, QueryRunner } from 'typeorm';

/** Single sign-on (issue 12): pending OpenID Connect sign-ins and the users' provider identities. */
export class Sso1795400900000 implements MigrationInterface {
  name = 'Sso1795400900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sso_login_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        state_hash text NOT NULL,
        nonce text NOT NULL,
        code_verifier text NOT NULL,
        browser_binding_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        consumed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX sso_login_request_state_uq ON sso_login_request (state_hash)`);
    await q.query(`CREATE INDEX sso_login_request_expires_idx ON sso_login_request (expires_at)`);
    await q.query(`
      CREATE TABLE sso_identity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        issuer text NOT NULL,
        subject text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_login_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX sso_identity_subject_uq ON sso_identity (issuer, subject)`);
    // One account per person at a provider: a second subject cannot take over a linked user.
    await q.query(`CREATE UNIQUE INDEX sso_identity_user_issuer_uq ON sso_identity (user_id, issuer)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sso_identity`);
    await q.query(`DROP TABLE sso_login_request`);
  }
}
