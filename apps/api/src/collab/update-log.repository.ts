import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface StoredDocument {
  /** The compacted snapshot, or null when the document has none yet. */
  snapshot: Uint8Array | null;
  /** Updates after the snapshot, in order. */
  updates: Uint8Array[];
  /** Sequence number of the newest stored update (snapshot included); '0' for a new document. */
  lastSeq: string;
}

/** Raw SQL over the update log and snapshots: bytea arrays in, one round trip per batch. */
@Injectable()
export class UpdateLogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends updates (of one or many documents) in one statement; returns their seqs in order. */
  async append(docNames: string[], updates: Uint8Array[]): Promise<string[]> {
    const rows: { seq: string }[] = await this.dataSource.query(
      `INSERT INTO collab_updates (doc_name, update)
       SELECT doc_name, update FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS u(doc_name, update, n) ORDER BY n
       RETURNING seq`,
      [docNames, updates.map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength))],
    );
    // Identities are drawn in insertion order (ORDER BY n); RETURNING's order is not promised.
    return rows.map((r) => BigInt(r.seq)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
  }

  async load(docName: string): Promise<StoredDocument> {
    const snap: { state: Buffer; last_seq: string }[] = await this.dataSource.query(
      'SELECT state, last_seq FROM collab_snapshots WHERE doc_name = $1',
      [docName],
    );
    const after = snap[0]?.last_seq ?? '0';
    const rows: { seq: string; update: Buffer }[] = await this.dataSource.query(
      'SELECT seq, update FROM collab_updates WHERE doc_name = $1 AND seq > $2 ORDER BY seq',
      [docName, after],
    );
    return {
      snapshot: snap[0] ? new Uint8Array(snap[0].state) : null,
      updates: rows.map((r) => new Uint8Array(r.update)),
      lastSeq: rows.length ? String(rows[rows.length - 1].seq) : after,
    };
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
        [docName, Buffer.from(state), upToSeq],
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
