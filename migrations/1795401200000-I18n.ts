import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * French and English (issue 12 item 5, docs/i18n.md).
 * - A notification keeps the message key and parameters it was written from, so it is rendered in
 *   the reader's language when read; title and body stay as the English fallback.
 * - A user's locale becomes a real choice: null means "no preference, follow Accept-Language".
 *   Until now 'en' was the column default that nobody chose, so existing 'en' rows become null
 *   (down turns them back into 'en').
 */
export class I18n1795401200000 implements MigrationInterface {
  name = 'I18n1795401200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification ADD COLUMN message_key text, ADD COLUMN message_params jsonb`);
    await q.query(`ALTER TABLE app_user ALTER COLUMN locale DROP DEFAULT, ALTER COLUMN locale DROP NOT NULL`);
    await q.query(`UPDATE app_user SET locale = NULL WHERE locale = 'en'`);
    await q.query(`ALTER TABLE app_user ADD CONSTRAINT app_user_locale_check CHECK (locale IN ('en', 'fr'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_locale_check`);
    await q.query(`UPDATE app_user SET locale = 'en' WHERE locale IS NULL`);
    await q.query(`ALTER TABLE app_user ALTER COLUMN locale SET DEFAULT 'en', ALTER COLUMN locale SET NOT NULL`);
    await q.query(`ALTER TABLE notification DROP COLUMN message_params, DROP COLUMN message_key`);
  }
}
