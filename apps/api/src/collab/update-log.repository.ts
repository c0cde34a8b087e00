import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DedicatedConnection, pgPool } from '../database/dedicated-connection.js';
import { appendStatement } from './append-statement.js';

export interface StoredDocument {
  /** The compacted snapshot, or null when the document has none yet. */
  snapshot: Uint8Array | null;
  /** Updates after the snapshot, in order. */
  updates: Uint8Array[];
  /** The sequence number of each of `updates` (to name a row in logs and repairs), when read from the log. */
  seqs?: string[];
  /** Sequence number of the newest stored update (snapshot included); '0' for a new document. */
  lastSeq: string;
}

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
  private readonly appender: DedicatedConnection;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.appender = new DedicatedConnection(dataSource);
  }

  /** Appends updates (of one or many documents) in one statement, in order. */
  async append(docNames: string[], updates: Uint8Array[]): Promise<void> {
    await pgPool(this.dataSource).query(appendStatement(docNames, updates));
  }

  /** Like append, on the dedicated connection (the sync server's write batcher). */
  async appendBatch(docNames: string[], updates: Uint8Array[]): Promise<void> {
    await this.appender.query(appendStatement(docNames, updates));
  }

  /** Gives the dedicated connection back (at shutdown, after the last append). */
  releaseAppender(): Promise<void> {
    return this.appender.release();
  }

  async load(docName: string): Promise<StoredDocument> {
    const { rows } = await pgPool(this.dataSource).query<{
      part: number;
      seq: string;
      data: string;
    }>({
      name: 'collab_load',
      text: LOAD_SQL,
      values: [docName],
    });
    const snapshot = rows[0]?.part === 0 ? rows[0] : null;
    const tail = snapshot ? rows.slice(1) : rows;
    const last = rows[rows.length - 1];
    return {
      snapshot: snapshot ? bytes(snapshot.data) : null,
      updates: tail.map((r) => bytes(r.data)),
      seqs: tail.map((r) => String(r.seq)),
      lastSeq: last ? String(last.seq) : '0',
    };
  }

  /**
   * Replaces the log up to `upToSeq` by `state` (which must contain every update up to it). The
   * snapshot is written first, in a transaction of its own: from its commit on, loads skip the rows
   * it covers (seq ≤ its last_seq). Those rows are then deleted a batch at a time. One DELETE of a
   * fast writer's 50,000 rows wrote megabytes of WAL at once, and every append committing behind it
   * waited for that flush: 109 ms, twice, in bench:collab scenario 7. A crash in between leaves rows
   * that nothing reads, which the next compaction deletes.
   *
   * The commits do not wait for their WAL flush. Losing a compaction to a crash loses no content:
   * the old snapshot and rows stay. Any append acknowledged later flushes the WAL up to its own
   * commit, and so these too. Waiting for the flush held up the appends' commits behind it:
   * bench:collab scenario 1, which compacts every 1,000 updates, had relays held 30–55 ms in
   * bursts. An A/B run gave p99 7.03 ms waiting, 4.30 ms not, and max 45.8 against 10.1 ms.
   */
  async compact(docName: string, state: Uint8Array, upToSeq: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query('SET LOCAL synchronous_commit = off');
      await m.query(
        `INSERT INTO collab_snapshots (doc_name, state, last_seq, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (doc_name) DO UPDATE SET state = EXCLUDED.state, last_seq = EXCLUDED.last_seq, updated_at = now()
         WHERE collab_snapshots.last_seq < EXCLUDED.last_seq`,
        [docName, Buffer.from(state.buffer, state.byteOffset, state.byteLength), upToSeq],
      );
    });
    for (;;) {
      const deleted = await this.dataSource.transaction(async (m) => {
        await m.query('SET LOCAL synchronous_commit = off');
        const [, count] = (await m.query(DELETE_COMPACTED_SQL, [
          docName,
          upToSeq,
          DELETE_BATCH,
        ])) as [unknown, number];
        return count;
      });
      if (deleted < DELETE_BATCH) return;
    }
  }
}

/** Rows a compaction deletes per transaction (see compact). */
const DELETE_BATCH = 2_000;
const DELETE_COMPACTED_SQL = `DELETE FROM collab_updates WHERE seq IN (
    SELECT seq FROM collab_updates WHERE doc_name = $1 AND seq <= $2 ORDER BY seq LIMIT $3)`;

function bytes(base64: string): Uint8Array {
  const data = Buffer.from(base64, 'base64');
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
