import path from 'node:path';
import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { FILE_STORAGE, type FileStorage } from './file-storage.js';
import { FsFileStorage } from './fs-storage.js';
import { S3FileStorage } from './s3-storage.js';

/** The storage STORAGE_DRIVER names: the disk under DATA_DIR/files (default) or an S3 bucket. */
export function createFileStorage(config: AppConfig): FileStorage {
  const storage = config.storage;
  if (storage.driver === 's3') return new S3FileStorage(storage);
  return new FsFileStorage(path.join(config.dataDir, 'files'));
}

export const FILE_STORAGE_PROVIDER: Provider = {
  provide: FILE_STORAGE,
  inject: [APP_CONFIG],
  useFactory: createFileStorage,
};
