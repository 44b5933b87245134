import type { Client } from 'pg';

/**
 * SQL statements per request, from pg_stat_statements (BEGIN/COMMIT included): how many round
 * trips each side makes for the same work. The counters are reset before each measured run (a
 * cumulative sum would lose calls when the extension evicts entries). Null when the extension is
 * not available.
 */
export interface StatCounter {
  reset(): Promise<void>;
  count(): Promise<number>;
  top(): Promise<string[]>;
}

export async function statCounter(client: Client): Promise<StatCounter | null> {
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await client.query('SELECT pg_stat_statements_reset()');
  } catch {
    return null;
  }
  return {
    reset: async () => {
      await client.query('SELECT pg_stat_statements_reset()');
    },
    top: async () =>
      (
        await client.query<{ calls: string; q: string }>(
          `SELECT calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 90) AS q FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY calls DESC LIMIT 12`,
        )
      ).rows.map((r) => `${r.calls} ${r.q}`),
    count: async () =>
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

export function perRequest(statements: number, requests: number): number {
  return requests > 0 ? Math.round((statements / requests) * 10) / 10 : 0;
}
