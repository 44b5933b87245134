/**
 * Every migration, in order. `npm run migration:generate -- <Name>` writes a new file here;
 * add its class to this list (a test checks that no migration file is left out).
 */
export const MIGRATIONS: Function[] = [];
