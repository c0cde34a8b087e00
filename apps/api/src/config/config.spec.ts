import { ConfigError, loadConfig } from './config.js';

const base = { NODE_ENV: 'test', SESSION_SECRET: 'x'.repeat(40), DATABASE_URL: 'postgres://h/db' };

describe('configuration of uploads and storage', () => {
  it('defaults: 200 MB uploads, 20 unfinished (2 GB) per person, files on the disk', () => {
    const config = loadConfig(base, '/srv');
    expect(config.uploadMaxBytes).toBe(200 * 1024 * 1024);
    expect(config.uploadMaxPendingPerUser).toBe(20);
    expect(config.uploadMaxPendingBytesPerUser).toBe(2 * 1024 ** 3);
    expect(config.uploadExpiryHours).toBe(24);
    expect(config.storage).toEqual({ driver: 'fs' });
  });

  it('reads the S3 settings and requires the bucket and credentials', () => {
    const s3 = {
      ...base,
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: 'http://minio:9000',
      S3_BUCKET: 'iuc-files',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_FORCE_PATH_STYLE: '1',
    };
    expect(loadConfig(s3, '/srv').storage).toEqual({
      driver: 's3',
      endpoint: 'http://minio:9000',
      bucket: 'iuc-files',
      region: 'us-east-1',
      accessKeyId: 'key',
      secretAccessKey: 'secret',
      forcePathStyle: true,
    });
    expect(() => loadConfig({ ...s3, S3_BUCKET: '' }, '/srv')).toThrow('S3_BUCKET is required');
    expect(() => loadConfig({ ...s3, S3_ENDPOINT: 'minio:9000' }, '/srv')).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, STORAGE_DRIVER: 'ftp' }, '/srv')).toThrow(
      'STORAGE_DRIVER must be fs or s3',
    );
  });
});
