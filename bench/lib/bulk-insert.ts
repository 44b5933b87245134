import type { Client } from 'pg';
import { copyField, copyIn } from './copy-in';

/**
 * COPY batches that tolerate a growing schema: each batch names only the columns that exist in the
 * database now, so a column another migration adds later takes its default. A table
 * that does not exist (yet) is skipped and reported; a NOT NULL column without a default that the
 * seeder does not fill stops the run with its name.
 */
export type Row = Record<string, unknown>;

interface ColumnInfo {
  name: string;
  required: boolean;
  kind: 'json' | 'array' | 'scalar';
}

const BATCH_ROWS = 2_000;

export class Schema {
  private constructor(private readonly tables: Map<string, ColumnInfo[]>) {}

  static async load(client: Client): Promise<Schema> {
    const { rows } = await client.query<{ table_name: string; column_name: string; required: boolean; data_type: string }>(
      `SELECT c.table_name, c.column_name, c.data_type,
              (c.is_nullable = 'NO' AND c.column_default IS NULL AND c.is_identity = 'NO' AND c.is_generated = 'NEVER') AS required
       FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
       WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' ORDER BY c.table_name, c.ordinal_position`,
    );
    const tables = new Map<string, ColumnInfo[]>();
    for (const r of rows) {
      const list = tables.get(r.table_name) ?? [];
      const kind = r.data_type === 'ARRAY' ? 'array' : r.data_type === 'jsonb' || r.data_type === 'json' ? 'json' : 'scalar';
      list.push({ name: r.column_name, required: r.required, kind });
      tables.set(r.table_name, list);
    }
    return new Schema(tables);
  }

  has(table: string): boolean {
    return this.tables.has(table);
  }

  tableNames(): string[] {
    return [...this.tables.keys()].sort();
  }

  columns(table: string): ColumnInfo[] {
    return this.tables.get(table) ?? [];
  }
}

export class BulkInserter {
  readonly counts = new Map<string, number>();
  /** Milliseconds spent in COPY per table (where the seed's time goes). */
  readonly copyMs = new Map<string, number>();
  readonly skipped = new Set<string>();
  private readonly pending = new Map<string, Row[]>();
  private readonly columnsUsed = new Map<string, ColumnInfo[]>();
  private inflight: Promise<void> = Promise.resolve();

  constructor(
    private readonly client: Client,
    private readonly schema: Schema,
  ) {}

  /** Queues a row; flushes the table's batch when full. Rows for a missing table are dropped. */
  async add(table: string, row: Row): Promise<void> {
    if (!this.schema.has(table)) {
      this.skipped.add(table);
      return;
    }
    const batch = this.pending.get(table) ?? [];
    batch.push(row);
    this.pending.set(table, batch);
    // Flush every table, parents first (first-seen order), so foreign keys hold without replica mode.
    if (batch.length >= BATCH_ROWS) await this.flush();
  }

  /**
   * Sends every pending batch (parents first). The inserts run while the caller generates the next
   * rows: at most one flush is in flight, so PostgreSQL and Node work at the same time.
   */
  async flush(): Promise<void> {
    await this.inflight;
    const work: [string, Row[]][] = [];
    for (const [t, batch] of this.pending) {
      if (batch.length) work.push([t, batch]);
      this.pending.set(t, []);
    }
    this.inflight = (async () => {
      for (const [t, batch] of work) await this.insert(t, batch);
    })();
    this.inflight.catch(() => undefined); // surfaced by the next await of inflight
  }

  /** Flushes and waits for every insert to finish. */
  async finish(): Promise<void> {
    await this.flush();
    await this.inflight;
  }

  private columnsFor(table: string, sample: Row): ColumnInfo[] {
    const known = this.columnsUsed.get(table);
    if (known) return known;
    const columns = this.schema.columns(table);
    const missing = columns.filter((c) => c.required && !(c.name in sample)).map((c) => c.name);
    if (missing.length) {
      throw new Error(
        `Table ${table} has required column(s) the seeder does not fill: ${missing.join(', ')}. Teach bench/seed about them.`,
      );
    }
    const used = columns.filter((c) => c.name in sample);
    this.columnsUsed.set(table, used);
    return used;
  }

  private async insert(table: string, rows: Row[]): Promise<void> {
    const cols = this.columnsFor(table, rows[0]);
    const t = performance.now();
    const lines = rows.map((r) => cols.map((c) => copyField(r[c.name], c.kind)).join('\t'));
    await copyIn(this.client, `COPY "${table}" (${cols.map((c) => `"${c.name}"`).join(', ')}) FROM STDIN`, lines.join('\n') + '\n');
    this.counts.set(table, (this.counts.get(table) ?? 0) + rows.length);
    this.copyMs.set(table, (this.copyMs.get(table) ?? 0) + performance.now() - t);
  }
}

/**
 * Bulk loading practice: drop the secondary indexes (not those behind a primary key or unique
 * constraint), load, then build them once — far faster than maintaining GIN and B-tree indexes row
 * by row. Read from the database, so indexes other migrations add are handled too.
 */
export async function withoutSecondaryIndexes<T>(
  client: Client,
  fn: () => Promise<T>,
): Promise<{ result: T; rebuilt: number; rebuildMs: number }> {
  const { rows } = await client.query<{ name: string; def: string }>(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
     WHERE i.schemaname = 'public'
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`,
  );
  for (const r of rows) await client.query(`DROP INDEX "${r.name}"`);
  try {
    const result = await fn();
    const t = performance.now();
    await client.query(`SET maintenance_work_mem = '256MB'`);
    for (const r of rows) await client.query(r.def);
    return { result, rebuilt: rows.length, rebuildMs: Math.round(performance.now() - t) };
  } catch (err) {
    for (const r of rows)
      await client.query(r.def.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS ')).catch(() => undefined);
    throw err;
  }
}
