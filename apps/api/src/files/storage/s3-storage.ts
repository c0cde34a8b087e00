import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { checkKey, type ByteRange, type FileStorage, type StoredObject } from './file-storage.js';

export interface S3StorageOptions {
  endpoint: string | null;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

/**
 * Files in an S3-compatible bucket (MinIO, AWS, s3rver in the tests), for deployments with several
 * API instances. One PutObject streamed from the local file with its length (S3 takes up to 5 GB
 * so; @aws-sdk/lib-storage's multipart is not installed). Never lists. Checksums only when the
 * operation requires them: S3-compatible servers differ in the newer ones.
 */
export class S3FileStorage implements FileStorage {
  private readonly client: S3Client;

  constructor(private readonly options: S3StorageOptions) {
    this.client = new S3Client({
      endpoint: options.endpoint ?? undefined,
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, fromLocalPath: string): Promise<void> {
    const { size } = await stat(fromLocalPath);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.options.bucket,
        Key: checkKey(key),
        Body: createReadStream(fromLocalPath),
        ContentLength: size,
      }),
    );
  }

  async get(key: string, range?: ByteRange): Promise<StoredObject | null> {
    try {
      const out = await this.client.send(
        new GetObjectCommand({
          Bucket: this.options.bucket,
          Key: checkKey(key),
          Range: range ? `bytes=${range.start}-${range.end}` : undefined,
        }),
      );
      const size = out.ContentRange
        ? Number(out.ContentRange.split('/')[1])
        : Number(out.ContentLength);
      return { stream: out.Body as Readable, size };
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async head(key: string): Promise<{ size: number } | null> {
    try {
      const out = await this.client.send(
        new HeadObjectCommand({ Bucket: this.options.bucket, Key: checkKey(key) }),
      );
      return { size: Number(out.ContentLength) };
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.options.bucket, Key: checkKey(key) }),
    );
  }

  destroy(): void {
    this.client.destroy();
  }
}

function isMissing(err: unknown): boolean {
  return (
    err instanceof S3ServiceException &&
    (err.name === 'NoSuchKey' || err.name === 'NotFound' || err.$metadata.httpStatusCode === 404)
  );
}
