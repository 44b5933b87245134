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

/**
 * What the database sessions were doing during a run (BENCH_WAITS=1): pg_stat_activity sampled
 * every 20 ms on a connection of its own, averaged as "sessions in that state" — `CPU` for
 * running, otherwise PostgreSQL's wait event (`Lock:transactionid`: waiting for another
 * transaction's row lock; `Lock:advisory`; `IO:WalSync`; `Client:ClientRead`: waiting for the
 * server's next statement). The query itself runs between samples, so it adds ~50 tiny reads per
 * second to both servers' runs alike.
 */
export function sampleWaits(client: Client): () => Promise<Record<string, number>> {
  const totals = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<{ wait: string; n: number }>(
        `SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') AS wait, count(*)::int AS n FROM pg_stat_activity
         WHERE backend_type = 'client backend' AND datname = current_database() AND pid <> pg_backend_pid() AND state NOT IN ('idle')
         GROUP BY 1`,
      );
      for (const r of rows) totals.set(r.wait, (totals.get(r.wait) ?? 0) + r.n);
      samples++;
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return async () => {
    running = false;
    await loop;
    const entries = [...totals].map(([wait, n]) => [wait, Math.round((n / Math.max(1, samples)) * 100) / 100] as const);
    return Object.fromEntries(entries.filter(([, avg]) => avg >= 0.05).sort((a, b) => b[1] - a[1]));
  };
}
