import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  BadRequestException,
  ConflictException,
  HttpException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  PayloadTooLargeException,
} from '@nestjs/common';
import { Server, type Upload } from '@tus/server';
import type { ApiError, ApiErrorCode } from '@iuc/domain';
import type { Actor } from '../../access/actor.js';
import { codedError } from '../../common/coded-error.js';
import { isUuid } from '../../common/ids.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { FILE_STORAGE, type FileStorage } from '../storage/file-storage.js';
import { storageKeyOf } from '../storage/storage-keys.js';
import { sanitizeFileName } from './file-name.js';
import { UploadFileStore } from './upload-file-store.js';
import { PersonRate } from './person-rate.js';
import { readCreation } from './upload-request.js';
import { UploadsRepository, type UploadRow } from './uploads.repository.js';
import { sniffType } from './sniff-type.js';

const TUS_PATH = '/api/uploads';
const MB = 1024 * 1024;

/**
 * Resumable uploads (tus 1.0 at /api/uploads) for signed-in people. Before tus sees a request:
 * creation is checked (declared length within UPLOAD_MAX_BYTES, no deferred length, `filename`
 * and `filetype`, the person's rate and quota of unfinished uploads) and recorded; any other
 * request must name the person's own upload (others' are 404). Bytes stream to DATA_DIR/uploads;
 * when the last one arrives the type is judged by the bytes and the file moves to storage, so
 * an acknowledged upload is durable. A refused one leaves nothing behind.
 */
@Injectable()
export class UploadsService {
  private readonly log = new Logger('Uploads');
  readonly directory: string;
  private readonly store: UploadFileStore;
  private readonly tus: Server;
  /** Upload ids chosen for creation requests, for tus's naming function. */
  private readonly chosenIds = new WeakMap<IncomingMessage, string>();
  private readonly creations: PersonRate;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly repository: UploadsRepository,
  ) {
    this.directory = path.join(config.dataDir, 'uploads');
    this.store = new UploadFileStore({
      directory: this.directory,
      expirationPeriodInMilliseconds: config.uploadExpiryHours * 3600_000,
    });
    this.creations = new PersonRate(
      config.uploadCreatesPerMinute / 60,
      config.uploadCreatesPerMinute,
    );
    this.tus = new Server({
      path: TUS_PATH,
      datastore: this.store,
      relativeLocation: true,
      maxSize: config.uploadMaxBytes,
      allowedOrigins: config.allowedOrigins,
      disableTerminationForFinishedUploads: true,
      namingFunction: (req) => {
        const id = this.chosenIds.get(nodeRequestOf(req));
        if (!id) throw new Error('A tus creation reached tus without going through UploadsService');
        return id;
      },
      onUploadFinish: async (_req, upload) => {
        await this.finish(upload);
        return {};
      },
    });
  }

  /** One tus request of `actor`: `uploadId` for all but creation (POST). */
  async handle(
    actor: Actor,
    req: IncomingMessage,
    res: ServerResponse,
    uploadId?: string,
  ): Promise<void> {
    if (req.method === 'POST') {
      const id = await this.create(actor, req, res);
      await this.tus.handle(req, res);
      if (res.statusCode !== 201) await this.discard(id);
      return;
    }
    const upload =
      uploadId && isUuid(uploadId) ? await this.repository.findOwned(uploadId, actor.userId) : null;
    if (!upload) throw new NotFoundException('No such upload.');
    if (upload.status !== 'uploading') return this.answerFinished(upload, req, res);
    if (req.method !== 'DELETE') return this.tus.handle(req, res);
    // Termination: the row goes first (the client may count on its quota once answered), then
    // tus deletes the bytes (waiting for a PATCH in flight); whatever tus leaves, we remove.
    await this.repository.delete(upload.id);
    await this.tus.handle(req, res);
    if (res.statusCode !== 204) await this.removeTusFile(upload.id);
  }

  /**
   * Deletes uploads left unfinished, or finished and attached to nothing, for longer than
   * UPLOAD_EXPIRY_HOURS: their rows, tus files and stored bytes. Returns how many.
   */
  async sweep(now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - this.config.uploadExpiryHours * 3600_000);
    let swept = 0;
    for (;;) {
      const stale = await this.repository.deleteStale(before);
      for (const upload of stale) {
        await this.removeTusFile(upload.id);
        if (upload.storageKey) await this.storage.delete(upload.storageKey);
      }
      swept += stale.length;
      if (stale.length === 0) return swept;
    }
  }

  private async create(actor: Actor, req: IncomingMessage, res: ServerResponse): Promise<string> {
    const creation = readCreation(req.headers);
    if (!creation.ok) {
      if (creation.problem === 'deferred-length')
        throw new BadRequestException(
          codedError(
            'upload.length_required',
            'Declare the file size (Upload-Length) when creating an upload; a deferred length is not accepted.',
          ),
        );
      if (creation.problem === 'bad-length')
        throw new BadRequestException('Upload-Length must be the file size in bytes.');
      throw new BadRequestException(
        codedError(
          'upload.metadata_required',
          'Upload-Metadata must carry the file name (filename) and type (filetype).',
        ),
      );
    }
    if (creation.length > this.config.uploadMaxBytes)
      throw new PayloadTooLargeException(
        codedError(
          'upload.too_large',
          `This file is ${megabytes(creation.length)}; the largest accepted is ${megabytes(this.config.uploadMaxBytes)}.`,
        ),
      );
    const wait = this.creations.take(actor.userId);
    if (wait > 0) {
      res.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
      throw new HttpException(
        codedError('rate_limited', 'Too many uploads started in a short time: wait a moment.'),
        429,
      );
    }
    const id = randomUUID();
    const created = await this.repository.createWithinQuota(
      {
        id,
        userId: actor.userId,
        filename: sanitizeFileName(creation.filename),
        declaredLength: creation.length,
      },
      {
        maxCount: this.config.uploadMaxPendingPerUser,
        maxBytes: this.config.uploadMaxPendingBytesPerUser,
      },
    );
    if (!created)
      throw new HttpException(
        codedError(
          'upload.quota_exceeded',
          `You have too many unfinished uploads (at most ${this.config.uploadMaxPendingPerUser}, ${megabytes(this.config.uploadMaxPendingBytesPerUser)} together): finish or cancel some first.`,
        ),
        429,
      );
    this.chosenIds.set(req, id);
    return id;
  }

  /** A finished upload has no tus file any more: HEAD says it is whole, the rest is refused. */
  private answerFinished(upload: UploadRow, req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'HEAD')
      throw new ConflictException(codedError('upload.finished', 'This upload is finished.'));
    const size = String(upload.size ?? upload.declaredLength);
    res.writeHead(200, {
      'Tus-Resumable': '1.0.0',
      'Upload-Offset': size,
      'Upload-Length': size,
      'Cache-Control': 'no-store',
    });
    res.end();
  }

  /**
   * A file the server itself holds (the demo's sample files), made into a finished upload of
   * `userId` as if it had come through tus: judged by its bytes, hashed and stored (`localPath`
   * is moved). Answers the upload id to attach; rejects a refused type.
   */
  async ingest(userId: string, localPath: string, fileName: string): Promise<string> {
    const filename = sanitizeFileName(fileName);
    const sniffed = await sniffType(localPath, filename);
    if (!sniffed.ok) throw new Error(`"${filename}" was refused: ${sniffed.reason}.`);
    const id = randomUUID();
    const { size } = await stat(localPath);
    const sha256 = await sha256Of(localPath);
    const storageKey = storageKeyOf(id);
    await this.repository.createWithinQuota(
      { id, userId, filename, declaredLength: size },
      { maxCount: Number.MAX_SAFE_INTEGER, maxBytes: Number.MAX_SAFE_INTEGER },
    );
    await this.storage.put(storageKey, localPath);
    await this.repository.markFinished(id, { storageKey, type: sniffed.type, size, sha256 });
    return id;
  }

  /** tus's onUploadFinish: judge the bytes, hash them, move them to storage. */
  private async finish(upload: Upload): Promise<void> {
    const row = await this.repository.find(upload.id);
    if (!row) throw tusError(404, 'not_found', 'No such upload.');
    const local = path.join(this.directory, upload.id);
    const sniffed = await sniffType(local, row.filename);
    if (!sniffed.ok) {
      await this.discard(upload.id);
      this.log.log(`Refused upload ${upload.id} ("${row.filename}"): ${sniffed.reason}`);
      throw tusError(
        415,
        'upload.type_refused',
        `"${row.filename}" was refused: ${sniffed.reason}.`,
      );
    }
    const size = upload.offset;
    const storageKey = storageKeyOf(upload.id);
    try {
      const sha256 = this.store.digestOf(upload.id, size) ?? (await sha256Of(local));
      await this.storage.put(storageKey, local);
      await this.removeTusFile(upload.id);
      await this.repository.markFinished(upload.id, {
        storageKey,
        type: sniffed.type,
        size,
        sha256,
      });
    } catch (err) {
      // Nothing half-done may stay: a tus file at full length would make a client's retry (HEAD)
      // believe it is finished while no file exists. The person uploads it again.
      this.log.error(`Could not store upload ${upload.id}: ${(err as Error).stack ?? err}`);
      await this.storage.delete(storageKey).catch(() => undefined);
      await this.discard(upload.id);
      throw tusError(503, 'unavailable', 'The file could not be stored: upload it again.');
    }
  }

  /** Nothing kept: the row, the tus file and its record. */
  private async discard(id: string): Promise<void> {
    await this.removeTusFile(id);
    await this.repository.delete(id);
  }

  private async removeTusFile(id: string): Promise<void> {
    this.store.forget(id);
    await rm(path.join(this.directory, id), { force: true });
    await rm(path.join(this.directory, `${id}.json`), { force: true });
  }
}

/** srvx's request (what tus hands its hooks) around Node's. */
function nodeRequestOf(req: unknown): IncomingMessage {
  const node = (req as { runtime?: { node?: { req?: IncomingMessage } } }).runtime?.node?.req;
  if (!node) throw new Error('tus request without its Node request');
  return node;
}

/** An error tus answers with this status and our usual error body. */
function tusError(
  statusCode: number,
  code: ApiErrorCode,
  message: string,
): { status_code: number; body: string } {
  const body: ApiError = { statusCode, error: 'Upload refused', message, code };
  return { status_code: statusCode, body: JSON.stringify(body) };
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

function megabytes(bytes: number): string {
  return `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;
}
