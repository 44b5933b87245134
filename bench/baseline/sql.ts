/** Positional parameters for hand-built SQL: `sql.p(value)` returns `$n`. */
export class Params {
  readonly values: unknown[] = [];

  p(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
