/** Parameters of one statement, numbered in the order they are added (`$1`, `$2`…). */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
