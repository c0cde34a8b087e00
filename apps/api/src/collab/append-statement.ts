import type { QueryConfig } from 'pg';

/**
 * The update log's batched INSERT. The updates travel as one binary bytea (their concatenation)
 * with where each starts (1-based, as substring counts) and its length, and PostgreSQL cuts them
 * apart: node-postgres sends a lone Buffer as raw bytes but writes a bytea[] as text, hex-encoding
 * every byte (bench/collab/append-encoding.mjs weighs the two). Rows get their seqs in array order
 * (ORDER BY n). Nothing is returned: nobody reads the seqs back.
 */
const APPEND_SQL = `INSERT INTO collab_updates (doc_name, update)
  SELECT doc_name, substring($2::bytea FROM start FOR len)
    FROM unnest($1::text[], $3::int[], $4::int[]) WITH ORDINALITY AS u(doc_name, start, len, n) ORDER BY n`;

/** Appends `updates[i]` to document `docNames[i]`'s log, in order, as one named statement. */
export function appendStatement(docNames: string[], updates: Uint8Array[]): QueryConfig {
  const starts: number[] = [];
  const lengths: number[] = [];
  let start = 1;
  for (const u of updates) {
    starts.push(start);
    lengths.push(u.byteLength);
    start += u.byteLength;
  }
  return {
    name: 'collab_append',
    text: APPEND_SQL,
    values: [docNames, Buffer.concat(updates), starts, lengths],
  };
}
