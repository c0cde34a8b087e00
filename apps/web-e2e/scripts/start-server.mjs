// Starts the real, built API (serving the built web client) on port 3100 for the Playwright tests,
// on a fresh database every run:
//   - with DATABASE_URL: drops and recreates the database iuc_e2e on that server;
//   - without: the embedded PostgreSQL in a wiped data/e2e folder, on port 54349.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const PORT = process.env.E2E_PORT ?? '3100';
// E2E_DATABASE lets runs from several checkouts share one PostgreSQL server without dropping each other's.
const E2E_DATABASE = process.env.E2E_DATABASE ?? 'iuc_e2e';

const env = {
  ...process.env,
  IUC_DEMO: '1',
  PORT,
  PUBLIC_URL: `http://localhost:${PORT}`,
  NODE_ENV: 'test',
  SESSION_SECRET: 'e2e-only-session-secret-0123456789-abcdefghijklmnopqrstuvwxyz',
  WEB_DIST: path.join(root, 'apps/web/dist'),
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
};

if (process.env.DATABASE_URL) {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${E2E_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${E2E_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${E2E_DATABASE}`;
  env.DATABASE_URL = url.toString();
} else {
  const dataDir = path.join(root, 'data/e2e');
  // As root in a private folder data/e2e/postgres is a link; the API then removes the cluster it
  // pointed to (apps/api/src/database/embedded-postgres/cluster-location.ts).
  rmSync(dataDir, { recursive: true, force: true });
  delete env.DATABASE_URL;
  env.DATA_DIR = dataDir;
  env.EMBEDDED_PG_PORT = '54349';
}

const api = spawn(process.execPath, [path.join(root, 'apps/api/dist/main.js')], {
  cwd: root,
  env,
  stdio: 'inherit',
});
// Pass Playwright's stop signal on, so the API can stop its embedded PostgreSQL cleanly.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
