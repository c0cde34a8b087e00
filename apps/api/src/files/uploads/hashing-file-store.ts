import { createHash, type Hash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Transform, type Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';

interface Running {
  hash: Hash;
  /** Bytes hashed so far: the upload's offset when the state is good. */
  offset: number;
}

/**
 * tus's file store that also hashes the bytes as they are written, so finishing a 1 GB upload
 * does not read it all again. The state lives in this process: a PATCH that does not continue
 * exactly where the hash stands (a resume on another instance, a failed write) drops it, and
 * `digestOf` then answers null so that the caller reads the file once instead.
 */
export class HashingFileStore extends FileStore {
  private readonly running = new Map<string, Running>();

  override async write(
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

  /** The sha256 of the upload's `size` bytes when they were all hashed on the way in; forgets it. */
  digestOf(id: string, size: number): string | null {
    const state = this.running.get(id);
    this.running.delete(id);
    return state && state.offset === size ? state.hash.digest('hex') : null;
  }

  forget(id: string): void {
    this.running.delete(id);
  }
}
