/** Collects query parameters and hands back their $n placeholders: user text never enters SQL. */
export class Params {
  readonly values: unknown[] = [];

  add(v: unknown): string {
    // PostgreSQL text cannot hold NUL; a user can still type one.
    this.values.push(typeof v === 'string' ? v.replace(/\0/g, '') : v);
    return `$${this.values.length}`;
  }
}
