/**
 * Both storage drivers against the same contract: the disk, and S3 against a real S3-compatible
 * server (s3rver) started here. Put, get whole and by range, head, delete, and what is missing.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { startTestS3, type TestS3 } from '../../test/s3-server.js';
import type { FileStorage } from './file-storage.js';
import { FsFileStorage } from './fs-storage.js';
import { S3FileStorage } from './s3-storage.js';

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.each(['fs', 's3'] as const)('%s file storage', (driver) => {
  let work: string;
  let storage: FileStorage;
  let s3: TestS3 | null = null;
  const content = randomBytes(3 * 1024 * 1024 + 17);

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'iuc-storage-'));
    if (driver === 'fs') storage = new FsFileStorage(path.join(work, 'files'));
    else {
      s3 = await startTestS3();
      storage = new S3FileStorage({
        endpoint: s3.endpoint,
        bucket: s3.bucket,
        region: 'us-east-1',
        accessKeyId: s3.accessKeyId,
        secretAccessKey: s3.secretAccessKey,
        forcePathStyle: true,
      });
    }
  });
  afterAll(async () => {
    if (storage instanceof S3FileStorage) storage.destroy();
    await s3?.close();
    await rm(work, { recursive: true, force: true });
  });

  async function localCopy(): Promise<string> {
    const file = path.join(work, `upload-${randomBytes(4).toString('hex')}`);
    await writeFile(file, content);
    return file;
  }

  it('puts a file and gets it back whole, with its size', async () => {
    await storage.put('uploads/ab/whole', await localCopy());
    const object = await storage.get('uploads/ab/whole');
    expect(object?.size).toBe(content.length);
    expect(sha(await bytesOf(object!.stream))).toBe(sha(content));
    expect(await storage.head('uploads/ab/whole')).toEqual({ size: content.length });
  });

  it('gets a byte range, reporting the whole size', async () => {
    await storage.put('uploads/ab/ranged', await localCopy());
    const object = await storage.get('uploads/ab/ranged', { start: 1_000_000, end: 1_000_099 });
    expect(object?.size).toBe(content.length);
    expect(await bytesOf(object!.stream)).toEqual(content.subarray(1_000_000, 1_000_100));
  });

  it('deletes, idempotently; what is missing is null', async () => {
    await storage.put('uploads/ab/gone', await localCopy());
    await storage.delete('uploads/ab/gone');
    await storage.delete('uploads/ab/gone');
    expect(await storage.get('uploads/ab/gone')).toBeNull();
    expect(await storage.head('uploads/ab/gone')).toBeNull();
  });

  it('refuses keys that would leave its place', async () => {
    await expect(storage.get('../etc/passwd')).rejects.toThrow('Invalid storage key');
    await expect(storage.head('uploads/../../x')).rejects.toThrow('Invalid storage key');
  });

  if (driver === 'fs')
    it('moves the uploaded file in (no copy left behind)', async () => {
      const local = await localCopy();
      await storage.put('uploads/cd/moved', local);
      expect(existsSync(local)).toBe(false);
    });
});
