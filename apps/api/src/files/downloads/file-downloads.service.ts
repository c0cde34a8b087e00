import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { ForbiddenException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { AccessPermission } from '@iuc/domain';
import { AccessService, type Person } from '../../access/access.service.js';
import { FilesService } from '../files.service.js';
import { FILE_STORAGE, type ByteRange, type FileStorage } from '../storage/file-storage.js';
import type { FileLocation } from '../stored-file.js';
import {
  FILE_RESPONSE_HEADERS,
  contentDisposition,
  contentTypeOf,
  etagMatches,
  parseRange,
  servedInline,
} from './download-headers.js';

/**
 * Serves a file's bytes, or its preview, to whoever may read the subject the file is attached to:
 * the subject's kind names the permission (`resource.read` for a library item) and its locator.
 * Anything else is 404, like a file that does not exist: a 403 would confirm it does.
 */
@Injectable()
export class FileDownloadsService {
  private readonly log = new Logger('FileDownloads');

  constructor(
    private readonly files: FilesService,
    private readonly access: AccessService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async sendFile(
    actor: Person,
    fileId: string,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const file = await this.readable(actor, fileId);
    const etag = `"${file.sha256}"`;
    res.setHeader('ETag', etag);
    res.setHeader('Accept-Ranges', 'bytes');
    res.setHeader('Cache-Control', 'private');
    for (const [name, value] of Object.entries(FILE_RESPONSE_HEADERS)) res.setHeader(name, value);
    if (etagMatches(req.headers['if-none-match'], etag)) {
      res.writeHead(304).end();
      return;
    }
    res.setHeader('Content-Type', contentTypeOf(file.type));
    res.setHeader('Content-Disposition', contentDisposition(file.name, servedInline(file.type)));
    const ifRange = req.headers['if-range'];
    const range = parseRange(
      ifRange === undefined || ifRange === etag ? req.headers.range : undefined,
      file.size,
    );
    if (range.kind === 'unsatisfiable') {
      res.writeHead(416, { 'Content-Range': `bytes */${file.size}` }).end();
      return;
    }
    const part: ByteRange | undefined =
      range.kind === 'partial' ? { start: range.start, end: range.end } : undefined;
    const length = part ? part.end - part.start + 1 : file.size;
    res.setHeader('Content-Length', String(length));
    if (part) res.setHeader('Content-Range', `bytes ${part.start}-${part.end}/${file.size}`);
    await this.stream(file.storageKey, part, part ? 206 : 200, req, res);
  }

  async sendPreview(
    actor: Person,
    fileId: string,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const file = await this.readable(actor, fileId);
    if (!file.previewKey) throw new NotFoundException('This file has no preview.');
    for (const [name, value] of Object.entries(FILE_RESPONSE_HEADERS)) res.setHeader(name, value);
    res.setHeader('Cache-Control', 'private');
    res.setHeader('Content-Type', file.previewKey.endsWith('.png') ? 'image/png' : 'image/webp');
    res.setHeader('Content-Disposition', 'inline');
    await this.stream(file.previewKey, undefined, 200, req, res);
  }

  private async readable(actor: Person, fileId: string): Promise<FileLocation> {
    const file = await this.files.locate(fileId);
    if (!file) throw new NotFoundException('No such file.');
    try {
      await this.access.require(
        actor,
        `${file.subjectKind}.read` as AccessPermission,
        file.subjectKind,
        [file.subjectId],
      );
    } catch (err) {
      if (err instanceof ForbiddenException) throw new NotFoundException('No such file.');
      if (err instanceof NotFoundException) throw new NotFoundException('No such file.');
      throw err;
    }
    return file;
  }

  private async stream(
    key: string,
    range: ByteRange | undefined,
    status: number,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    if (req.method === 'HEAD') {
      res.writeHead(status).end();
      return;
    }
    const object = await this.storage.get(key, range);
    if (!object) {
      // A row without bytes is a fault (purge deletes rows first): say so in the log.
      this.log.error(`Stored object ${key} is missing`);
      throw new NotFoundException('The file is missing from storage.');
    }
    res.writeHead(status);
    try {
      await pipeline(object.stream, res);
    } catch (err) {
      // The client went away, or storage failed halfway: the response is cut, nothing to answer.
      if (!res.destroyed) res.destroy(err as Error);
    }
  }
}
