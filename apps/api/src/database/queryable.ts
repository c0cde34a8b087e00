/**
 * What a plain SQL function needs: a data source, an entity manager inside a transaction, or a
 * query runner all fit. Lets the demo seed (which runs before the application exists, in one
 * transaction) use the same statements as the repositories.
 */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}
