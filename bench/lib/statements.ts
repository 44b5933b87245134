import type { Client } from 'pg';

/**
 * SQL statements per request, from pg_stat_statements (BEGIN/COMMIT included): how many round
 * trips each side makes for the same work. Null when the extension is not available.
 */
export interface StatCounter {
  snapshot(): Promise<number>;
}

export async function statCounter(client: Client): Promise<StatCounter | null> {
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await client.query('SELECT count(*) FROM pg_stat_statements');
  } catch {
    return null;
  }
  return {
    snapshot: async () =>
      Number(
        (
          await client.query<{ n: string }>(
            `SELECT coalesce(sum(calls), 0) AS n FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
             WHERE d.datname = current_database() AND s.query NOT LIKE '%pg_stat_statements%'`,
          )
        ).rows[0].n,
      ),
  };
}

export function statementsSince(after: number, before: number, requests: number): number {
  return requests > 0 ? Math.round(((after - before) / requests) * 10) / 10 : 0;
}
