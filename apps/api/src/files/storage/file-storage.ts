import type { Readable } from 'node:stream';

/** A byte range, both ends included (as in HTTP's `Range: bytes=start-end`). */
export interface ByteRange {
  start: number;
  end: number;
}

export interface StoredObject {
  stream: Readable;
  /** The whole object's size, whatever the range. */
  size: number;
}

/**
 * Where finished files live, chosen by configuration (STORAGE_DRIVER): the local disk or an
 * S3-compatible bucket. Keys are ours (storage-key.ts), never a user's. No driver lists: the
 * database knows every key (and s3rver, the S3 server the tests run, cannot list).
 */
export interface FileStorage {
  /** Moves (fs) or copies (s3) the local file in under `key`; durable once it resolves. */
  put(key: string, fromLocalPath: string): Promise<void>;
  /** The object's bytes, or only `range` of them; null when there is no such object. */
  get(key: string, range?: ByteRange): Promise<StoredObject | null>;
  /** The object's size; null when there is no such object. */
  head(key: string): Promise<{ size: number } | null>;
  /** Idempotent: deleting what is not there is fine. */
  delete(key: string): Promise<void>;
}

/** Injection token of the configured FileStorage. */
export const FILE_STORAGE = Symbol('FILE_STORAGE');

const KEY = /^[a-z0-9][a-z0-9/_.-]{0,200}$/;

/** Keys are made by us; one that looks like a path trick is a bug, not input to be cleaned. */
export function checkKey(key: string): string {
  if (!KEY.test(key) || key.split('/').some((part) => part === '' || part === '..' || part === '.'))
    throw new Error(`Invalid storage key "${key}"`);
  return key;
}
