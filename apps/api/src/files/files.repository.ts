import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { FileStatus } from '@iuc/domain';
import type { Queryable } from '../database/queryable.js';
import type { FileLocation, FileSubject, ProcessingResult, StoredFile } from './stored-file.js';

interface Raw {
  id: string;
  upload_id: string | null;
  subject_kind: string;
  subject_id: string;
  storage_key: string;
  name: string;
  type: string;
  size: string;
  sha256: string;
  status: FileStatus;
  pages: number | null;
  excerpt: string | null;
  error: string | null;
  preview_key: string | null;
  created_at: Date;
  detached_at: Date | null;
}

// TypeORM answers a top-level UPDATE or DELETE with [rows, count]: those below are in a CTE.

/** Every column but the extracted text (large; only search reads it). */
const COLUMNS = `id, upload_id, subject_kind, subject_id, storage_key, name, type, size, sha256, status,
  pages, excerpt, error, preview_key, created_at, detached_at`;
const ORDER = 'ORDER BY created_at, id';

function toStored(r: Raw): StoredFile {
  return {
    id: r.id,
    subjectKind: r.subject_kind,
    subjectId: r.subject_id,
    name: r.name,
    type: r.type,
    size: Number(r.size),
    sha256: r.sha256,
    status: r.status,
    pages: r.pages,
    excerpt: r.excerpt,
    error: r.error,
    hasPreview: r.preview_key !== null,
    createdAt: r.created_at,
    detachedAt: r.detached_at,
  };
}

function toLocation(r: Raw): FileLocation {
  return {
    id: r.id,
    storageKey: r.storage_key,
    type: r.type,
    name: r.name,
    size: Number(r.size),
    sha256: r.sha256,
    previewKey: r.preview_key,
    subjectKind: r.subject_kind,
    subjectId: r.subject_id,
  };
}

/** A finished upload becoming a file. */
export interface NewFile {
  uploadId: string;
  uploaderId: string;
  storageKey: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
}

export interface PurgedFile {
  uploadId: string | null;
  storageKey: string;
  previewKey: string | null;
}

@Injectable()
export class FilesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in the caller's transaction, or in a new one. */
  inTransaction<T>(manager: EntityManager | undefined, work: (tx: EntityManager) => Promise<T>) {
    return manager ? work(manager) : this.dataSource.transaction(work);
  }

  /** Files made from these uploads (attached or detached), whatever their subject. */
  async ofUploads(
    db: Queryable,
    uploadIds: string[],
  ): Promise<(StoredFile & { uploadId: string })[]> {
    const rows = (await db.query(`SELECT ${COLUMNS} FROM files WHERE upload_id = ANY($1::uuid[])`, [
      uploadIds,
    ])) as Raw[];
    return rows.map((r) => ({ ...toStored(r), uploadId: r.upload_id as string }));
  }

  /** Inserts in the given order; each gets a later `created_at` than the one before. */
  async insert(db: Queryable, subject: FileSubject, files: NewFile[]): Promise<StoredFile[]> {
    if (!files.length) return [];
    const rows = (await db.query(
      `INSERT INTO files (upload_id, uploader_id, subject_kind, subject_id, storage_key, name, type,
                          size, sha256, created_at)
       SELECT f.upload_id, f.uploader_id, $1, $2, f.storage_key, f.name, f.type, f.size, f.sha256,
              clock_timestamp()
         FROM jsonb_to_recordset($3::jsonb) AS f(upload_id uuid, uploader_id uuid, storage_key text,
              name text, type text, size bigint, sha256 text, n int)
        ORDER BY f.n
       RETURNING ${COLUMNS}`,
      [
        subject.kind,
        subject.id,
        JSON.stringify(
          files.map((f, n) => ({
            upload_id: f.uploadId,
            uploader_id: f.uploaderId,
            storage_key: f.storageKey,
            name: f.name,
            type: f.type,
            size: f.size,
            sha256: f.sha256,
            n,
          })),
        ),
      ],
    )) as Raw[];
    return rows.map(toStored);
  }

  async reattach(db: Queryable, ids: string[]): Promise<void> {
    if (!ids.length) return;
    await db.query('UPDATE files SET detached_at = NULL WHERE id = ANY($1::uuid[])', [ids]);
  }

  async ofSubjects(kind: string, subjectIds: string[]): Promise<StoredFile[]> {
    const rows: Raw[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM files
        WHERE subject_kind = $1 AND subject_id = ANY($2::uuid[]) AND detached_at IS NULL ${ORDER}`,
      [kind, subjectIds],
    );
    return rows.map(toStored);
  }

  /** The extracted text of each attached file of the subjects (null: none was extracted). */
  async textsOf(kind: string, subjectIds: string[]): Promise<Map<string, string | null>> {
    const rows: { id: string; extracted_text: string | null }[] = await this.dataSource.query(
      `SELECT id, extracted_text FROM files
        WHERE subject_kind = $1 AND subject_id = ANY($2::uuid[]) AND detached_at IS NULL`,
      [kind, subjectIds],
    );
    return new Map(rows.map((r) => [r.id, r.extracted_text]));
  }

  async detach(db: Queryable, subject: FileSubject, fileIds: string[]): Promise<StoredFile[]> {
    const rows = (await db.query(
      `WITH changed AS (
         UPDATE files SET detached_at = now()
          WHERE subject_kind = $1 AND subject_id = $2 AND id = ANY($3::uuid[]) AND detached_at IS NULL
         RETURNING ${COLUMNS})
       SELECT * FROM changed ${ORDER}`,
      [subject.kind, subject.id, fileIds],
    )) as Raw[];
    return rows.map(toStored);
  }

  /** Deletes the subject's files, detached ones too, and says where their bytes were. */
  async deleteOfSubject(db: Queryable, subject: FileSubject): Promise<PurgedFile[]> {
    const rows = (await db.query(
      `WITH gone AS (
         DELETE FROM files WHERE subject_kind = $1 AND subject_id = $2
         RETURNING upload_id, storage_key, preview_key)
       SELECT * FROM gone`,
      [subject.kind, subject.id],
    )) as { upload_id: string | null; storage_key: string; preview_key: string | null }[];
    return rows.map((r) => ({
      uploadId: r.upload_id,
      storageKey: r.storage_key,
      previewKey: r.preview_key,
    }));
  }

  /** Files whose text and preview are still to be made (for the job to pick up again at start). */
  async unprocessedIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM files WHERE status = 'processing' AND detached_at IS NULL ORDER BY created_at`,
    );
    return rows.map((r) => r.id);
  }

  /** An attached file (a detached one is gone for readers). */
  async locate(fileId: string): Promise<FileLocation | null> {
    const rows: Raw[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM files WHERE id = $1 AND detached_at IS NULL`,
      [fileId],
    );
    return rows.length ? toLocation(rows[0]) : null;
  }

  async recordProcessed(fileId: string, result: ProcessingResult): Promise<StoredFile | null> {
    const rows: Raw[] = await this.dataSource.query(
      `WITH changed AS (
         UPDATE files SET status = $2, extracted_text = $3, excerpt = $4, pages = $5,
                preview_key = $6, error = $7
          WHERE id = $1
         RETURNING ${COLUMNS})
       SELECT * FROM changed`,
      [
        fileId,
        result.status,
        result.text,
        result.excerpt,
        result.pages,
        result.previewKey,
        result.error,
      ],
    );
    return rows.length ? toStored(rows[0]) : null;
  }
}
