import type { DataSource } from 'typeorm';
import { pgPool } from './dedicated-connection.js';

/**
 * The access epoch (see the access-epoch migration): a counter that every change able to take
 * access away moves on in its own transaction. Open connections remember the epoch their access
 * was decided at; a periodic sweep reads this one row and decides again only what predates it.
 */
export const ACCESS_EPOCH_SQL = '(SELECT value FROM access_epoch WHERE id = 1)';

export async function readAccessEpoch(dataSource: DataSource): Promise<number> {
  const { rows } = await pgPool(dataSource).query<{ value: string }>({ name: 'access_epoch', text: `SELECT ${ACCESS_EPOCH_SQL} AS value` });
  return Number(rows[0]?.value ?? 0);
}
