/**
 * Our migrations are written by hand and name their indexes, foreign keys and CHECK constraints
 * themselves (partial and expression indexes, `*_fkey` names), which TypeORM's schema builder does
 * not model and would propose to drop or rename. Those statements are not drift. What is drift —
 * a table, a column, a type or nullability that differs from the entities — stays.
 */
const HAND_MANAGED = [
  /^DROP INDEX /,
  /^CREATE (UNIQUE )?INDEX /,
  /^ALTER TABLE "[^"]+" DROP CONSTRAINT "/,
  /^ALTER TABLE "[^"]+" ADD CONSTRAINT "(FK|UQ|CHK|REL)_[0-9a-f]+" /,
  // Optimistic-lock columns default to 1 in SQL so raw inserts (seed, bench) work; TypeORM sets it itself.
  /^ALTER TABLE "[^"]+" ALTER COLUMN "version" DROP DEFAULT$/,
];

export function schemaDrift(upQueries: readonly { query: string }[]): string[] {
  return upQueries.map((q) => q.query).filter((sql) => !HAND_MANAGED.some((re) => re.test(sql)));
}
