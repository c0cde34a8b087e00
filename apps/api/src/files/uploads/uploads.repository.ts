import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { UploadStatus } from './upload.entity.js';

export interface UploadRow {
  id: string;
  userId: string;
  filename: string;
  declaredLength: number;
  status: UploadStatus;
  createdAt: Date;
  finishedAt: Date | null;
  storageKey: string | null;
  type: string | null;
  size: number | null;
  sha256: string | null;
}

interface Raw {
  id: string;
  user_id: string;
  filename: string;
  declared_length: string;
  status: UploadStatus;
  created_at: Date;
  finished_at: Date | null;
  storage_key: string | null;
  type: string | null;
  size: string | null;
  sha256: string | null;
}

function toRow(r: Raw): UploadRow {
  return {
    id: r.id,
    userId: r.user_id,
    filename: r.filename,
    declaredLength: Number(r.declared_length),
    status: r.status,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
    storageKey: r.storage_key,
    type: r.type,
    size: r.size === null ? null : Number(r.size),
    sha256: r.sha256,
  };
}

export interface NewUpload {
  id: string;
  userId: string;
  filename: string;
  declaredLength: number;
}

/** What one person may hold unfinished at once. */
export interface PendingQuota {
  maxCount: number;
  maxBytes: number;
}

export interface FinishedBytes {
  storageKey: string;
  type: string;
  size: number;
  sha256: string;
}

@Injectable()
export class UploadsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Records a new upload unless the person's unfinished uploads would then exceed the quota (one
   * statement: the check and the insert see the same rows; a person's concurrent creations are
   * serialised by a transaction-scoped advisory lock on their id).
   */
  async createWithinQuota(upload: NewUpload, quota: PendingQuota): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`uploads:${upload.userId}`]);
      const rows: { id: string }[] = await tx.query(
        `INSERT INTO uploads (id, user_id, filename, declared_length)
         SELECT $1, $2, $3, $4::bigint
          WHERE (SELECT count(*) < $5 AND coalesce(sum(declared_length), 0) + $4::bigint <= $6
                   FROM uploads WHERE user_id = $2 AND status = 'uploading')
         RETURNING id`,
        [
          upload.id,
          upload.userId,
          upload.filename,
          upload.declaredLength,
          quota.maxCount,
          quota.maxBytes,
        ],
      );
      return rows.length === 1;
    });
  }

  /** The upload if it is this person's (others' uploads are as unknown as missing ones). */
  async findOwned(id: string, userId: string): Promise<UploadRow | null> {
    const rows: Raw[] = await this.dataSource.query(
      'SELECT * FROM uploads WHERE id = $1 AND user_id = $2',
      [id, userId],
    );
    return rows.length ? toRow(rows[0]) : null;
  }

  async find(id: string): Promise<UploadRow | null> {
    const rows: Raw[] = await this.dataSource.query('SELECT * FROM uploads WHERE id = $1', [id]);
    return rows.length ? toRow(rows[0]) : null;
  }

  async markFinished(id: string, bytes: FinishedBytes): Promise<void> {
    await this.dataSource.query(
      `UPDATE uploads SET status = 'finished', finished_at = now(), storage_key = $2, type = $3,
              size = $4, sha256 = $5
        WHERE id = $1`,
      [id, bytes.storageKey, bytes.type, bytes.size, bytes.sha256],
    );
  }

  async delete(id: string): Promise<void> {
    await this.dataSource.query('DELETE FROM uploads WHERE id = $1', [id]);
  }

  /** This person's uploads among `ids`, locked for the caller's transaction. */
  async ownedForUpdate(
    manager: EntityManager,
    userId: string,
    ids: string[],
  ): Promise<UploadRow[]> {
    const rows: Raw[] = await manager.query(
      'SELECT * FROM uploads WHERE id = ANY($1::uuid[]) AND user_id = $2 ORDER BY id FOR UPDATE',
      [ids, userId],
    );
    return rows.map(toRow);
  }

  async markAttached(manager: EntityManager, ids: string[]): Promise<void> {
    if (!ids.length) return;
    await manager.query(`UPDATE uploads SET status = 'attached' WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /**
   * Deletes (and returns) the uploads left unfinished, or finished and never attached, since
   * before `before`. Several instances may sweep at once: each row is returned to one of them.
   */
  async deleteStale(before: Date, limit = 500): Promise<UploadRow[]> {
    const rows: Raw[] = await this.dataSource.query(
      // A CTE: TypeORM answers a top-level DELETE with [rows, count].
      `WITH gone AS (
         DELETE FROM uploads WHERE id IN (
           SELECT id FROM uploads
            WHERE status IN ('uploading', 'finished') AND created_at < $1
            ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING *)
       SELECT * FROM gone`,
      [before, limit],
    );
    return rows.map(toRow);
  }

  /** Deletes the uploads these purged files came from. */
  async deleteMany(manager: EntityManager, ids: string[]): Promise<void> {
    if (!ids.length) return;
    await manager.query('DELETE FROM uploads WHERE id = ANY($1::uuid[])', [ids]);
  }
}
