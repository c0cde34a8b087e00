// Once per jest run (plain ESM: jest loads global setup outside its module mapper). Finds the
// PostgreSQL server for the tests: DATABASE_URL, or else an embedded one under data/test, started
// by the API's own launcher from the build (the api test target builds first).
// The migrated template database is made lazily by the first test file (see database.ts).
import { existsSync } from 'node:fs';
import path from 'node:path';

const clusterDir = path.resolve(import.meta.dirname, '../../../../data/test/postgres');
const launcher = path.resolve(
  import.meta.dirname,
  '../../dist/database/embedded-postgres/launcher.js',
);
const port = 54339;

export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.IUC_TEST_SERVER_URL = process.env.DATABASE_URL;
    return;
  }
  if (!existsSync(launcher))
    throw new Error(
      `${launcher} is missing: build the API first (npx nx run api:build), or set DATABASE_URL`,
    );
  const { launchEmbeddedPostgres } = await import(launcher);
  const server = await launchEmbeddedPostgres({
    clusterDir,
    port,
    password: 'iuc-test',
    settings: ['-c', 'fsync=off'],
    log: (message) => console.log(`[embedded PostgreSQL] ${message}`),
  });
  globalThis.__IUC_TEST_PG__ = server;
  process.env.IUC_TEST_SERVER_URL = `postgres://${server.user}:${server.password}@127.0.0.1:${port}/postgres`;
}
