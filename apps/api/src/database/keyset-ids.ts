import type { Queryable } from './queryable.js';

/**
 * One page of a table's uuid keys in key order, after `after` (null: from the start): how a search
 * source lists its subjects for a full reindex. Keyset paging stays as fast on the last page as on
 * the first. `table` and `where` are the caller's own constants, never input; `where` may use
 * `params` as $3, $4…
 */
export async function idsAfter(
  db: Queryable,
  table: string,
  after: string | null,
  limit: number,
  where = 'TRUE',
  params: unknown[] = [],
): Promise<string[]> {
  const rows = (await db.query(
    `SELECT id::text AS id FROM ${table} WHERE (${where}) AND ($1::uuid IS NULL OR id > $1::uuid)
      ORDER BY id LIMIT $2`,
    [after, limit, ...params],
  )) as { id: string }[];
  return rows.map((r) => r.id);
}
