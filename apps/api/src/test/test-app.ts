/**
 * The real platform on a private database, listening on a free port: real PostgreSQL, real HTTP.
 * Only systems outside ours (SMTP) are replaced.
 */
import type { INestApplication } from '@nestjs/common';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { createPlatform } from '../app.factory.js';
import { loadConfig, type AppConfig } from '../config/config.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { TEST_SESSION_SECRET } from './api-process.js';

export interface TestApp {
  app: INestApplication;
  dataSource: DataSource;
  config: AppConfig;
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

/**
 * `options.database`: reuse an existing test database (e.g. to restart the API on the same data);
 * the caller then drops it.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { database?: TestDatabase } = {},
): Promise<TestApp> {
  const db = options.database ?? (await createTestDatabase());
  // Files (uploads, storage, previews) go to a folder of this app's own unless the test names one.
  const ownDataDir = env.DATA_DIR ? null : await mkdtemp(path.join(tmpdir(), 'iuc-test-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    SESSION_SECRET: TEST_SESSION_SECRET,
    IUC_DEMO: '0',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://localhost:3000',
    WEB_DIST: '/nonexistent',
    ...(ownDataDir ? { DATA_DIR: ownDataDir } : {}),
    ...env,
  });
  const platform = await createPlatform(config, { logger: false });
  await platform.app.listen(0, '127.0.0.1');
  const address = platform.app.getHttpServer().address() as { port: number };
  return {
    app: platform.app,
    dataSource: platform.dataSource,
    config,
    url: `http://127.0.0.1:${address.port}`,
    async close() {
      await platform.close();
      if (!options.database) await db.drop();
      if (ownDataDir) await rm(ownDataDir, { recursive: true, force: true });
    },
  };
}
