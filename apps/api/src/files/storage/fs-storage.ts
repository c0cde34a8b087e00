import { createReadStream } from 'node:fs';
import { copyFile, mkdir, open, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { checkKey, type ByteRange, type FileStorage, type StoredObject } from './file-storage.js';

/**
 * Files on the local disk under one folder (DATA_DIR/files). `put` renames when the source is on
 * the same file system (instant, whatever the size) and copies otherwise; both are fsynced, with
 * their folder, so an acknowledged upload survives a crash.
 */
export class FsFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  async put(key: string, fromLocalPath: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    try {
      await rename(fromLocalPath, target);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
      const partial = `${target}.partial`;
      await copyFile(fromLocalPath, partial);
      await fsync(partial);
      await rename(partial, target);
      await unlink(fromLocalPath);
    }
    await fsync(target);
    await fsync(path.dirname(target));
  }

  async get(key: string, range?: ByteRange): Promise<StoredObject | null> {
    const size = await this.sizeOf(key);
    if (size === null) return null;
    const stream = createReadStream(this.pathOf(key), range ?? {});
    return { stream, size };
  }

  async head(key: string): Promise<{ size: number } | null> {
    const size = await this.sizeOf(key);
    return size === null ? null : { size };
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private async sizeOf(key: string): Promise<number | null> {
    try {
      return (await stat(this.pathOf(key))).size;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  private pathOf(key: string): string {
    return path.join(this.root, ...checkKey(key).split('/'));
  }
}

async function fsync(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
