// The baseline: the same queries as `ILIKE '%word%'` (every word) over title || summary || body of
// search_documents, with the persona's visibility filter, the 20 newest and the total, run on pg
// directly; without an index, then with a pg_trgm GIN index (created in the benchmark database only).
import pg from 'pg';

const TEXT = `(title || ' ' || summary || ' ' || body)`;
const escapeLike = (s) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The statement and parameters for one query as one persona. */
export function baselineQuery(query, persona, { limit = 20, all = false } = {}) {
  const params = [...persona.visibility.params];
  const words = query.split(/\s+/).filter(Boolean);
  const likes = words.map((w) => {
    params.push(`%${escapeLike(w)}%`);
    return `${TEXT} ILIKE $${params.length}`;
  });
  const where = `${persona.visibility.sql} AND ${likes.join(' AND ')}`;
  return all
    ? { text: `SELECT kind, id FROM search_documents WHERE ${where}`, values: params }
    : {
        text: `SELECT kind, id, count(*) OVER () AS total FROM search_documents WHERE ${where}
                ORDER BY occurred_at DESC LIMIT ${limit}`,
        values: params,
      };
}

export async function createTrigramIndex(db) {
  const started = performance.now();
  await db.query(`SET maintenance_work_mem = '512MB'`);
  await db.query(
    `CREATE INDEX IF NOT EXISTS bench_trgm_idx ON search_documents USING gin (${TEXT} gin_trgm_ops)`,
  );
  await db.query('ANALYZE search_documents');
  const { rows } = await db.query(
    `SELECT pg_size_pretty(pg_relation_size('bench_trgm_idx')) AS size`,
  );
  return { seconds: (performance.now() - started) / 1000, size: rows[0].size };
}

export async function dropTrigramIndex(db) {
  await db.query('DROP INDEX IF EXISTS bench_trgm_idx');
}

export function openBaseline(url) {
  const db = new pg.Client({ connectionString: url });
  return db.connect().then(() => db);
}
