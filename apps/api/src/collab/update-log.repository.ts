import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool, PoolClient, QueryConfig } from 'pg';
import type { DataSource } from 'typeorm';

export interface StoredDocument {
  /** The compacted snapshot, or null when the document has none yet. */
  snapshot: Uint8Array | null;
  /** Updates after the snapshot, in order. */
  updates: Uint8Array[];
  /** Sequence number of the newest stored update (snapshot included); '0' for a new document. */
  lastSeq: string;
}

const APPEND_SQL = `INSERT INTO collab_updates (doc_name, update)
  SELECT doc_name, update FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS u(doc_name, update, n) ORDER BY n
  RETURNING seq`;

/**
 * Snapshot (part 0) and the rows after it (part 1), in one round trip. Bytes travel as base64:
 * for a large snapshot, several times cheaper end to end than bytea's hex text.
 */
const LOAD_SQL = `SELECT part, seq, encode(data, 'base64') AS data FROM (
    SELECT 0 AS part, last_seq AS seq, state AS data FROM collab_snapshots WHERE doc_name = $1
    UNION ALL
    SELECT 1, seq, update FROM collab_updates
     WHERE doc_name = $1 AND seq > coalesce((SELECT last_seq FROM collab_snapshots WHERE doc_name = $1), 0)
  ) r ORDER BY part, seq`;

/**
 * Raw SQL over the update log and snapshots: bytea arrays in, one round trip per batch. The hot
 * statements go to the pg pool directly, as named (prepared once per connection) statements:
 * TypeORM's query runner costs more CPU per query than the query itself.
 */
@Injectable()
export class UpdateLogRepository {
  /** The sync server's appends have a connection of their own: never queued behind other queries. */
  private appender: Promise<PoolClient> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get pool(): Pool {
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }

  private async rows<R>(on: Pool | PoolClient, query: QueryConfig): Promise<R[]> {
    return (await on.query(query)).rows as R[];
  }

  /** Appends updates (of one or many documents) in one statement; returns their seqs in order. */
  async append(docNames: string[], updates: Uint8Array[], on: Pool | PoolClient = this.pool): Promise<string[]> {
    const rows = await this.rows<{ seq: string }>(on, {
      name: 'collab_append',
      text: APPEND_SQL,
      values: [docNames, updates.map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength))],
    });
    // Identities are drawn in insertion order (ORDER BY n); RETURNING's order is not promised.
    return rows.map((r) => BigInt(r.seq)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
  }

  async load(docName: string): Promise<StoredDocument> {
    const rows = await this.rows<{ part: number; seq: string; data: string }>(this.pool, { name: 'collab_load', text: LOAD_SQL, values: [docName] });
    const snapshot = rows[0]?.part === 0 ? rows[0] : null;
    const tail = snapshot ? rows.slice(1) : rows;
    const last = rows[rows.length - 1];
    return {
      snapshot: snapshot ? bytes(snapshot.data) : null,
      updates: tail.map((r) => bytes(r.data)),
      lastSeq: last ? String(last.seq) : '0',
    };
  }

  /** Like append, on the dedicated connection (the sync server's write batcher). */
  async appendBatch(docNames: string[], updates: Uint8Array[]): Promise<string[]> {
    this.appender ??= this.pool.connect();
    const client = this.appender;
    try {
      return await this.append(docNames, updates, await client);
    } catch (err) {
      // The connection may be broken: the next batch gets a new one.
      if (this.appender === client) this.appender = null;
      void client.then((c) => c.release(err as Error), () => undefined);
      throw err;
    }
  }

  /** Gives the dedicated connection back (at shutdown, after the last append). */
  async releaseAppender(): Promise<void> {
    const client = this.appender;
    this.appender = null;
    (await client?.catch(() => null))?.release();
  }

  /** Number of log rows after the snapshot (how much a cold open must replay). */
  async tailLength(docName: string): Promise<number> {
    const rows: { n: string }[] = await this.dataSource.query(
      `SELECT count(*) AS n FROM collab_updates u
       WHERE u.doc_name = $1 AND u.seq > coalesce((SELECT last_seq FROM collab_snapshots WHERE doc_name = $1), 0)`,
      [docName],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /**
   * Replaces the log up to `upToSeq` by `state` (which must contain every update up to it), in one
   * transaction: a crash leaves either the old rows or the new snapshot, never neither.
   */
  async compact(docName: string, state: Uint8Array, upToSeq: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO collab_snapshots (doc_name, state, last_seq, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (doc_name) DO UPDATE SET state = EXCLUDED.state, last_seq = EXCLUDED.last_seq, updated_at = now()
         WHERE collab_snapshots.last_seq < EXCLUDED.last_seq`,
        [docName, Buffer.from(state.buffer, state.byteOffset, state.byteLength), upToSeq],
      );
      await m.query('DELETE FROM collab_updates WHERE doc_name = $1 AND seq <= $2', [docName, upToSeq]);
    });
  }

  /** Stored bytes of a document: snapshot plus log tail. */
  async storedBytes(docName: string): Promise<number> {
    const rows: { n: string }[] = await this.dataSource.query(
      `SELECT coalesce((SELECT octet_length(state) FROM collab_snapshots WHERE doc_name = $1), 0)
            + coalesce((SELECT sum(octet_length(update)) FROM collab_updates WHERE doc_name = $1), 0) AS n`,
      [docName],
    );
    return Number(rows[0]?.n ?? 0);
  }
}

function bytes(base64: string): Uint8Array {
  const data = Buffer.from(base64, 'base64');
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
