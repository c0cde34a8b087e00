import type { Pool, PoolClient, QueryConfig } from 'pg';
import type { DataSource } from 'typeorm';

/** The pg pool behind TypeORM's data source, for statements that skip TypeORM's query runner. */
export function pgPool(dataSource: DataSource): Pool {
  return (dataSource.driver as unknown as { master: Pool }).master;
}

/**
 * A pg connection of its own for one hot write path, taken from the pool on first use: its
 * statements never queue behind other queries, and go as named statements (prepared once per
 * connection) straight to pg — TypeORM's query runner costs more CPU per query than a small query.
 */
export class DedicatedConnection {
  private client: Promise<PoolClient> | null = null;

  constructor(private readonly dataSource: DataSource) {}

  async query<R>(statement: QueryConfig): Promise<R[]> {
    this.client ??= pgPool(this.dataSource).connect();
    const client = this.client;
    try {
      return (await (await client).query(statement)).rows as R[];
    } catch (err) {
      // The connection may be broken: the next statement gets a new one.
      if (this.client === client) this.client = null;
      void client.then(
        (c) => c.release(err as Error),
        () => undefined,
      );
      throw err;
    }
  }

  /** Gives the connection back (at shutdown, after the last statement). */
  async release(): Promise<void> {
    const client = this.client;
    this.client = null;
    (await client?.catch(() => null))?.release();
  }
}
