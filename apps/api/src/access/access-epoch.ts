import type { DataSource } from 'typeorm';
import type { Pool } from 'pg';

/**
 * The access epoch (see the access-epoch migration): a counter that every change able to take
 * access away moves on in its own transaction. Open connections remember the epoch their access
 * was decided at; a periodic sweep reads this one row and decides again only what predates it.
 */
export const ACCESS_EPOCH_SQL = '(SELECT value FROM access_epoch WHERE id = 1)';

export async function readAccessEpoch(dataSource: DataSource): Promise<number> {
  // Straight to pg's pool as a named statement (prepared once per connection): the sweeps read it
  // every few seconds. Not through database/'s pgPool, which would make access depend on database/.
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const { rows } = await pool.query<{ value: string }>({
    name: 'access_epoch',
    text: `SELECT ${ACCESS_EPOCH_SQL} AS value`,
  });
  return Number(rows[0]?.value ?? 0);
}
