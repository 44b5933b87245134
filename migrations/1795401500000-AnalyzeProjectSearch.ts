import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counts the words of `project.search_tsv` once. Adding that generated column (1795401300000)
 * rewrote the table without counting as changed rows, so autovacuum had no reason to ANALYZE it:
 * until enough projects changed, PostgreSQL had no statistics for the column — neither for the
 * planner's estimates of a search nor for the word counts a search reads to decide whether to
 * walk the newest projects first (SearchStatistics). ANALYZE reads a sample (30,000 rows at most),
 * so it takes well under a second at 100,000 projects.
 */
export class AnalyzeProjectSearch1795401500000 implements MigrationInterface {
  name = 'AnalyzeProjectSearch1795401500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ANALYZE project');
  }

  async down(): Promise<void> {
    // Statistics are not schema: nothing to undo.
  }
}
