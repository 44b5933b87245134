import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search reads a stored vector instead of an expression index (docs/performance.md
 * "Search vector"). With the expression index, a common word made the planner walk the list-order
 * index and compute `to_tsvector` for every row it passed (13.8 ms at 100k projects, 46× the 10k
 * time); a stored, GIN-indexed column costs the same walk a column read.
 *
 * The column is GENERATED ALWAYS … STORED: PostgreSQL keeps it current on every insert and update,
 * and nothing ever writes it (the entity declares it insert: false, update: false, select: false).
 * TypeORM reads a generated column's expression from its `typeorm_metadata` table when it compares
 * the schema with the entities (test/migrations.e2e-spec.ts), so the row it expects is written here,
 * with the entity's `asExpression` text, and removed again by `down`.
 */
const EXPRESSION = `to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(customer_task, '') || ' ' || coalesce(summary, ''))`;

export class ProjectSearchVector1795401300000 implements MigrationInterface {
  name = 'ProjectSearchVector1795401300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE project ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS (${EXPRESSION}) STORED`);
    await q.query(`CREATE INDEX project_search_tsv_idx ON project USING gin (search_tsv)`);
    await q.query(`DROP INDEX project_search_idx`);
    await q.query(
      `CREATE TABLE IF NOT EXISTS typeorm_metadata ("type" varchar NOT NULL, "database" varchar, "schema" varchar, "table" varchar, "name" varchar, "value" text)`,
    );
    await q.query(
      `INSERT INTO typeorm_metadata ("type", "database", "schema", "table", "name", "value")
       VALUES ('GENERATED_COLUMN', current_database(), current_schema(), 'project', 'search_tsv', $1)`,
      [EXPRESSION],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM typeorm_metadata WHERE "type" = 'GENERATED_COLUMN' AND "table" = 'project' AND "name" = 'search_tsv'`);
    // The table is TypeORM's, created here only if missing: drop it only when nothing else uses it.
    await q.query(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM typeorm_metadata) THEN DROP TABLE typeorm_metadata; END IF; END $$`);
    await q.query(`CREATE INDEX project_search_idx ON project USING gin ((${EXPRESSION}))`);
    await q.query(`ALTER TABLE project DROP COLUMN search_tsv`);
  }
}
