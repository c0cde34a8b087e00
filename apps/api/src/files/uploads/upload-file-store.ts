import { createHash, type Hash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';

interface Running {
  hash: Hash;
  /** Bytes hashed so far: the upload's offset when the state is good. */
  offset: number;
}

/**
 * tus's file store, with two things done while the bytes arrive rather than once they are all
 * there, so that finishing a 1 GB upload does not take seconds:
 *
 * - the sha256 is computed on the way in. The state lives in this process: a PATCH that does
 *   not continue exactly where the hash stands (a resume on another instance, a failed write)
 *   drops it, and `digestOf` then answers null so that the caller reads the file once instead;
 * - each PATCH's bytes are flushed to disk behind it (fdatasync, not waited for), so the disk
 *   writes while the next chunk comes, and the fsync that makes the finished file durable has
 *   little left to do (`flushed` waits for what is in flight).
 */
export class UploadFileStore extends FileStore {
  private readonly running = new Map<string, Running>();
  private readonly flushing = new Map<string, Promise<void>>();

  override async write(
    readable: IncomingMessage | Readable,
    id: string,
    offset: number,
  ): Promise<number> {
    const written = await this.hashingWrite(readable, id, offset);
    this.flushBehind(id);
    return written;
  }

  /** The sha256 of the upload's `size` bytes when they were all hashed on the way in; forgets it. */
  digestOf(id: string, size: number): string | null {
    const state = this.running.get(id);
    this.running.delete(id);
    return state && state.offset === size ? state.hash.digest('hex') : null;
  }

  /** Resolves once the flushes started so far are done (never rejects). */
  async flushed(id: string): Promise<void> {
    await this.flushing.get(id);
  }

  forget(id: string): void {
    this.running.delete(id);
  }

  private async hashingWrite(
    readable: IncomingMessage | Readable,
    id: string,
    offset: number,
  ): Promise<number> {
    let state = this.running.get(id);
    if (offset === 0) state = { hash: createHash('sha256'), offset: 0 };
    if (!state || state.offset !== offset) {
      this.running.delete(id);
      return super.write(readable, id, offset);
    }
    this.running.set(id, state);
    const hashing = state;
    const tee = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hashing.hash.update(chunk);
        hashing.offset += chunk.length;
        callback(null, chunk);
      },
    });
    readable.once('error', (err) => tee.destroy(err));
    try {
      const written = await super.write(readable.pipe(tee), id, offset);
      if (written !== hashing.offset) this.running.delete(id);
      return written;
    } catch (err) {
      this.running.delete(id);
      throw err;
    }
  }

  private flushBehind(id: string): void {
    const file = path.join(this.directory, id);
    const previous = this.flushing.get(id) ?? Promise.resolve();
    const next = previous.then(() => dataSync(file)).catch(() => undefined);
    this.flushing.set(id, next);
    void next.then(() => {
      if (this.flushing.get(id) === next) this.flushing.delete(id);
    });
  }
}

async function dataSync(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.datasync();
  } finally {
    await handle.close();
  }
}
