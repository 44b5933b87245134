import type { Client, Connection } from 'pg';

/**
 * `COPY … FROM STDIN` through pg's Submittable interface (what pg-copy-streams does, in 40 lines,
 * without another dependency): the whole batch is sent as CopyData once the server asks for it.
 */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

class CopyIn {
  readonly done: Promise<void>;
  private resolve!: () => void;
  private reject!: (err: Error) => void;
  private failed = false;

  constructor(
    private readonly sql: string,
    private readonly data: Buffer,
  ) {
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: Connection): void {
    (connection as unknown as CopyConnection).query(this.sql);
  }

  handleCopyInResponse(connection: Connection): void {
    const c = connection as unknown as CopyConnection;
    c.sendCopyFromChunk(this.data);
    c.endCopyFrom();
  }

  handleCommandComplete(): void {}

  handleReadyForQuery(): void {
    if (!this.failed) this.resolve();
  }

  handleError(err: Error): void {
    this.failed = true;
    this.reject(err);
  }
}

export async function copyIn(client: Client, sql: string, data: string): Promise<void> {
  const q = new CopyIn(sql, Buffer.from(data, 'utf8'));
  client.query(q);
  await q.done;
}

/** COPY text format: one field. `kind` comes from the column's type. */
export function copyField(value: unknown, kind: 'json' | 'array' | 'scalar'): string {
  if (value === null || value === undefined) return '\\N';
  let text: string;
  if (kind === 'json') text = JSON.stringify(value);
  else if (kind === 'array') text = arrayLiteral(value as unknown[]);
  else if (typeof value === 'boolean') text = value ? 't' : 'f';
  else if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'bigint') text = value.toString();
  else text = JSON.stringify(value);
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (c) => ESCAPES[c]) : text;
}

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function arrayLiteral(items: unknown[]): string {
  const quoted = items.map((i) =>
    i === null
      ? 'NULL'
      : `"${String(i as string)
          .replace(/\\/g, '\\\\')
          .replace(/"/g, '\\"')}"`,
  );
  return `{${quoted.join(',')}}`;
}
