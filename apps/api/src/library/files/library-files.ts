import { BadRequestException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ResourceFileDto } from '@iuc/domain';
import { codedError } from '../../common/coded-error.js';
import {
  fileDto,
  FilesService,
  type FileSubject,
  type StoredFile,
} from '../../files/files.service.js';

/** A file of an item, as the files module stores it (the fields the library reads). */
export interface ItemFile {
  id: string;
  name: string;
  hasPreview: boolean;
  dto: ResourceFileDto;
}

/**
 * The one seam between the library and the files module: attach finished uploads to an item, list
 * an item's files, take some off (softly), and purge them with the item. Items are the files'
 * subject `{ kind: 'resource', id }`; downloads are the files module's, authorised by the
 * access service's 'resource.read' on that subject.
 */
export abstract class LibraryFiles {
  /** 400 (`upload.not_attachable`) for an upload id that is not the user's finished upload; nothing attached. */
  abstract attach(
    userId: string,
    uploadIds: readonly string[],
    resourceId: string,
    manager?: EntityManager,
  ): Promise<ItemFile[]>;
  /** Each item's current (not detached) files, oldest first. */
  abstract filesOf(resourceIds: readonly string[]): Promise<Map<string, ItemFile[]>>;
  abstract detach(
    resourceId: string,
    fileIds: readonly string[],
    manager?: EntityManager,
  ): Promise<ItemFile[]>;
  abstract purge(resourceId: string): Promise<void>;
  /** Each item's files with their extracted text (for search). */
  abstract textsOf(resourceIds: readonly string[]): Promise<Map<string, ItemFileText[]>>;
}

/** A file's name and the text extracted from it (null: none yet, or none at all). */
export interface ItemFileText {
  id: string;
  name: string;
  createdAt: Date;
  text: string | null;
}

const subject = (id: string): FileSubject => ({ kind: 'resource', id });

function itemFile(f: StoredFile): ItemFile {
  return { id: f.id, name: f.name, hasPreview: f.hasPreview, dto: fileDto(f) };
}

/** The files module's FilesService, for items (subject kind 'resource'). */
@Injectable()
export class FilesOfItems extends LibraryFiles {
  constructor(private readonly files: FilesService) {
    super();
  }

  async attach(
    userId: string,
    uploadIds: readonly string[],
    resourceId: string,
    manager?: EntityManager,
  ): Promise<ItemFile[]> {
    if (!uploadIds.length) return [];
    const attached = await this.files.attach(userId, [...uploadIds], subject(resourceId), manager);
    return attached.map(itemFile);
  }

  async filesOf(resourceIds: readonly string[]): Promise<Map<string, ItemFile[]>> {
    const found = await this.files.filesOf('resource', [...resourceIds]);
    return new Map([...found].map(([id, files]) => [id, files.map(itemFile)]));
  }

  async detach(
    resourceId: string,
    fileIds: readonly string[],
    manager?: EntityManager,
  ): Promise<ItemFile[]> {
    if (!fileIds.length) return [];
    return (await this.files.detach(subject(resourceId), [...fileIds], manager)).map(itemFile);
  }

  purge(resourceId: string): Promise<void> {
    return this.files.purge(subject(resourceId));
  }

  async textsOf(resourceIds: readonly string[]): Promise<Map<string, ItemFileText[]>> {
    const found = await this.files.filesWithText('resource', [...resourceIds]);
    return new Map(
      [...found].map(([id, files]) => [
        id,
        files.map((f) => ({ id: f.id, name: f.name, createdAt: f.createdAt, text: f.text })),
      ]),
    );
  }
}

export function badFile(message: string): BadRequestException {
  return new BadRequestException(codedError('resource.bad_file', message));
}
