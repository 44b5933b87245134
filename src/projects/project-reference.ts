import type { EntityManager } from 'typeorm';

/** HC-YYYY-NNNN (DOMAIN.md §3). */
export function formatReference(year: number, n: number): string {
  return `HC-${year}-${String(n).padStart(4, '0')}`;
}

/**
 * Next reference of the year, inside the creating transaction: the counter row is locked by the
 * upsert until commit, so concurrent creations queue and get distinct numbers, and a rolled-back
 * creation gives its number back (no gaps).
 */
export async function nextReference(em: EntityManager, now = new Date()): Promise<string> {
  const year = now.getUTCFullYear();
  const rows = await em.query<{ last_number: number }[]>(
    `INSERT INTO project_reference_counter (year, last_number) VALUES ($1, 1)
     ON CONFLICT (year) DO UPDATE SET last_number = project_reference_counter.last_number + 1
     RETURNING last_number`,
    [year],
  );
  return formatReference(year, rows[0].last_number);
}
