import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EntityManager } from 'typeorm';
import { codedError } from '../common/coded-error.js';
import { isUuid } from '../common/ids.js';
import { JobQueue } from '../jobs/job-queue.js';
import { FilesRepository } from './files.repository.js';
import { queueProcessing } from './processing/processing-queue.js';
import { FILE_STORAGE, type FileStorage } from './storage/file-storage.js';
import { previewKeyOf } from './storage/storage-keys.js';
import type { FileLocation, FileSubject, ProcessingResult, StoredFile } from './stored-file.js';
import { UploadsRepository, type UploadRow } from './uploads/uploads.repository.js';
import { UploadsService } from './uploads/uploads.service.js';

export type { FileLocation, FileSubject, ProcessingResult, StoredFile } from './stored-file.js';

/**
 * Files of other modules' subjects (a library item…): made from a person's finished uploads,
 * listed, detached (softly: the bytes stay for the subject's history) and purged with the subject.
 * Which subjects a person may touch is the calling module's decision; downloads ask the access
 * service about the subject (FileDownloadsService).
 */
@Injectable()
export class FilesService {
  constructor(
    private readonly files: FilesRepository,
    private readonly uploads: UploadsRepository,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly jobs: JobQueue,
    private readonly incoming: UploadsService,
  ) {}

  /**
   * A file the server holds (e.g. the demo's samples) as a finished upload of `userId`, to attach
   * like any other; `localPath` is moved into storage.
   */
  ingest(userId: string, localPath: string, fileName: string): Promise<string> {
    return this.incoming.ingest(userId, localPath, fileName);
  }

  /**
   * Turns the person's finished uploads into files of the subject, in the order given. 400 with
   * code `upload.not_attachable`, and nothing attached, for an upload that is unknown, someone
   * else's, unfinished (refused ones no longer exist) or attached to another subject. Attaching
   * an upload to the subject it is on already answers that file (re-attached if it was detached).
   */
  attach(
    userId: string,
    uploadIds: string[],
    subject: FileSubject,
    manager?: EntityManager,
  ): Promise<StoredFile[]> {
    const ids = [...new Set(uploadIds)];
    if (!ids.length) return Promise.resolve([]);
    const bad = ids.find((id) => !isUuid(id));
    if (bad) return Promise.reject(notAttachable(bad, 'is unknown'));
    return this.files.inTransaction(manager, async (tx) => {
      const owned = new Map(
        (await this.uploads.ownedForUpdate(tx, userId, ids)).map((u) => [u.id, u]),
      );
      const existing = new Map(
        (await this.files.ofUploads(tx, ids)).map((f) => [f.uploadId, f] as const),
      );
      for (const id of ids) {
        const upload = owned.get(id);
        if (!upload) throw notAttachable(id, 'is unknown');
        if (upload.status === 'uploading') throw notAttachable(id, 'is not finished');
        const file = existing.get(id);
        if (upload.status === 'attached' && !isOn(file, subject))
          throw notAttachable(id, 'belongs to something else');
      }
      const fresh = ids.filter((id) => owned.get(id)?.status === 'finished');
      const inserted = await this.files.insert(
        tx,
        subject,
        fresh.map((id) => newFile(userId, owned.get(id) as UploadRow)),
      );
      await this.uploads.markAttached(tx, fresh);
      await queueProcessing(
        this.jobs,
        inserted.map((f) => f.id),
        tx,
      );
      const again = ids.flatMap((id) =>
        existing.get(id)?.detachedAt ? [existing.get(id)!.id] : [],
      );
      await this.files.reattach(tx, again);
      const byUpload = new Map(fresh.map((id, i) => [id, inserted[i]]));
      return ids.map((id) => {
        const file = byUpload.get(id) ?? (existing.get(id) as StoredFile);
        return again.includes(file.id) ? { ...file, detachedAt: null } : file;
      });
    });
  }

  /** The attached (not detached) files of each subject, in the order they were attached. */
  async filesOf(kind: string, subjectIds: string[]): Promise<Map<string, StoredFile[]>> {
    const ids = [...new Set(subjectIds)].filter(isUuid);
    const result = new Map<string, StoredFile[]>(ids.map((id) => [id, []]));
    if (!ids.length) return result;
    for (const file of await this.files.ofSubjects(kind, ids))
      result.get(file.subjectId)?.push(file);
    return result;
  }

  /**
   * Each attached file of the subjects with the text extracted from it (pages separated by '\f';
   * null while processing or when it has none): what search indexes.
   */
  async filesWithText(
    kind: string,
    subjectIds: string[],
  ): Promise<Map<string, (StoredFile & { text: string | null })[]>> {
    const ids = [...new Set(subjectIds)].filter(isUuid);
    const [files, texts] = await Promise.all([
      this.filesOf(kind, ids),
      ids.length ? this.files.textsOf(kind, ids) : new Map<string, string | null>(),
    ]);
    return new Map(
      [...files].map(([id, list]) => [
        id,
        list.map((f) => ({ ...f, text: texts.get(f.id) ?? null })),
      ]),
    );
  }

  /** Takes files off the subject (ids of other subjects are ignored); their bytes stay. */
  detach(subject: FileSubject, fileIds: string[], manager?: EntityManager): Promise<StoredFile[]> {
    const ids = [...new Set(fileIds)].filter(isUuid);
    if (!ids.length) return Promise.resolve([]);
    return this.files.inTransaction(manager, (tx) => this.files.detach(tx, subject, ids));
  }

  /** Deletes the subject's files, detached ones too: rows, then bytes and previews. */
  async purge(subject: FileSubject): Promise<void> {
    const gone = await this.files.inTransaction(undefined, async (tx) => {
      const purged = await this.files.deleteOfSubject(tx, subject);
      await this.uploads.deleteMany(
        tx,
        purged.flatMap((p) => (p.uploadId ? [p.uploadId] : [])),
      );
      return purged;
    });
    // After the commit: bytes a crash leaves behind are unreferenced, never a row without bytes.
    for (const file of gone) {
      await this.storage.delete(file.storageKey);
      if (file.previewKey) await this.storage.delete(file.previewKey);
    }
  }

  /** For the extraction job: where the bytes are and what they are; null when detached or gone. */
  locate(fileId: string): Promise<FileLocation | null> {
    return isUuid(fileId) ? this.files.locate(fileId) : Promise.resolve(null);
  }

  /** For the extraction job: the file's bytes (a stream to read to its end), or null when gone. */
  async open(fileId: string): Promise<(FileLocation & { stream: Readable }) | null> {
    const file = await this.locate(fileId);
    const object = file ? await this.storage.get(file.storageKey) : null;
    return file && object ? { ...file, stream: object.stream } : null;
  }

  /**
   * For the extraction job, which reads a local file (FileProcessor.process): writes the file's
   * bytes to `toLocalPath`; answers what the file is, or null when it is gone.
   */
  async copyToLocal(fileId: string, toLocalPath: string): Promise<FileLocation | null> {
    const opened = await this.open(fileId);
    if (!opened) return null;
    const { stream, ...file } = opened;
    await pipeline(stream, createWriteStream(toLocalPath));
    return file;
  }

  /**
   * For the preview job: moves the preview image it made (a local file) into storage; answers
   * the key to pass to recordProcessed.
   */
  async storePreview(
    fileId: string,
    fromLocalPath: string,
    format: 'webp' | 'png',
  ): Promise<string> {
    const key = previewKeyOf(fileId, format);
    await this.storage.put(key, fromLocalPath);
    return key;
  }

  /** For the extraction job: its result (status `ready` or `failed`); null when the file is gone. */
  recordProcessed(fileId: string, result: ProcessingResult): Promise<StoredFile | null> {
    return this.files.recordProcessed(fileId, result);
  }
}

function isOn(file: StoredFile | undefined, subject: FileSubject): boolean {
  return file !== undefined && file.subjectKind === subject.kind && file.subjectId === subject.id;
}

function newFile(userId: string, upload: UploadRow) {
  return {
    uploadId: upload.id,
    uploaderId: userId,
    storageKey: upload.storageKey as string,
    name: upload.filename,
    type: upload.type as string,
    size: upload.size as number,
    sha256: upload.sha256 as string,
  };
}

function notAttachable(uploadId: string, why: string): BadRequestException {
  return new BadRequestException(
    codedError('upload.not_attachable', `The upload ${uploadId} ${why}: nothing was attached.`),
  );
}
export { fileDto } from './file-dto.js';
