import { BadRequestException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ResourceFileDto } from '@iuc/domain';
import { codedError } from '../../common/coded-error.js';

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
  /** 400 (`resource.bad_file`) for an upload id that is not the user's finished upload; nothing attached. */
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
}

/** Until the files module is wired: items have no files, and asking to attach one is refused. */
@Injectable()
export class NoLibraryFiles extends LibraryFiles {
  attach(_userId: string, uploadIds: readonly string[]): Promise<ItemFile[]> {
    if (uploadIds.length) throw badFile('File uploads are not available on this server.');
    return Promise.resolve([]);
  }
  filesOf(): Promise<Map<string, ItemFile[]>> {
    return Promise.resolve(new Map());
  }
  detach(_resourceId: string, fileIds: readonly string[]): Promise<ItemFile[]> {
    if (fileIds.length) throw badFile('The item has no such file.');
    return Promise.resolve([]);
  }
  purge(): Promise<void> {
    return Promise.resolve();
  }
}

export function badFile(message: string): BadRequestException {
  return new BadRequestException(codedError('resource.bad_file', message));
}
